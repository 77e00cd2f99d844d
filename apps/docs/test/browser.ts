import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

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

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Starlight's own search button: its visible label and accessible name differ upstream.
const KNOWN_UPSTREAM = new Set(['label-content-name-mismatch button[data-open-modal=""]']);

/** The axe-core violations on `page` (WCAG 2.2 AA and best practices), as `rule: targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found: { id: string; targets: string[] }[] = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      // As in Starlight's own accessibility suite: code blocks that scroll become unnamed regions.
      rules: { 'landmark-unique': { enabled: false } },
    });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return found
    .map((v) => ({ ...v, targets: v.targets.filter((t) => !KNOWN_UPSTREAM.has(`${v.id} ${t}`)) }))
    .filter((v) => v.targets.length > 0)
    .map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
