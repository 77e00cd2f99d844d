import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.PROCLIFE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium headless with flags that keep it off the (closed) network. Playwright
 * gives it a fresh temporary profile of its own and removes it on close.
 */
export async function launchBrowser(): Promise<{ browser: Browser; dispose: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run the tests with \`npm test\`, which installs it.`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, dispose: () => browser.close() };
}
