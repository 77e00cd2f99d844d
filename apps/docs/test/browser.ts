import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.PROCLIFE_CHROMIUM ?? '/usr/bin/chromium';

/** Launches Debian's Chromium headless with flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<{ browser: Browser; dispose: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run the tests with \`npm test\`, which installs it.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'proclife-chromium-'));
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
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    dispose: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
