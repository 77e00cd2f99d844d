import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDocsServer } from '../server/create-server.ts';
import type { RunApi, RunApiOptions } from '../server/run-api.ts';

export const CHROMIUM = process.env.PROCLIFE_CHROMIUM ?? '/usr/bin/chromium';

/** Latin system fonts only: the tests see the site as a machine without any Korean font does. */
const LATIN_FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];

/**
 * Launches Debian's Chromium headless with flags that keep it off the (closed) network. Playwright
 * gives it a fresh temporary profile of its own and removes it on close. Its fontconfig sees only
 * Latin system fonts, whatever the machine has installed, so every Hangul glyph on a page must come
 * from the fonts the site ships.
 */
export async function launchBrowser(): Promise<{ browser: Browser; dispose: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run the tests with \`npm test\`, which installs it.`);
  }
  const fontDir = mkdtempSync(join(tmpdir(), 'proclife-fonts-'));
  const dirs = LATIN_FONT_DIRS.filter((d) => existsSync(d))
    .map((d) => `<dir>${d}</dir>`)
    .join('');
  writeFileSync(
    join(fontDir, 'fonts.conf'),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>${dirs}<cachedir>${fontDir}/cache</cachedir></fontconfig>`,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, FONTCONFIG_FILE: join(fontDir, 'fonts.conf') },
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
  return {
    browser,
    dispose: async () => {
      await browser.close();
      rmSync(fontDir, { recursive: true, force: true });
    },
  };
}

const builtSite = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Serves a copy of the built site (another build, a second checkout task or an editor, may
 * rewrite dist/ meanwhile) with the Run endpoint; `close` stops the server and removes the copy.
 */
export async function serveSiteCopy(
  options: RunApiOptions = {},
): Promise<{ server: Server; url: string; runApi: RunApi; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'proclife-docs-site-'));
  cpSync(builtSite, root, { recursive: true });
  const { server, url, runApi } = await startDocsServer({ ...options, root, port: 0 });
  return {
    server,
    url,
    runApi,
    close: async () => {
      await new Promise((r) => server.close(r));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Opens `path` on the site at `url` in a new page that records console and page errors. */
export async function openPage(
  browser: Browser,
  url: string,
  path: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; errors: string[]; status: number | undefined }> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(new URL(path.slice(1), url).href, { waitUntil: 'load' });
  return { page, errors, status: response?.status() };
}

/**
 * Opens `path` on `site` as {@link openPage} does, hands the page to `use`, and closes the page
 * whatever `use` does.
 */
export async function withPage<T>(
  site: { browser: Browser; url: string },
  path: string,
  use: (page: Page, opened: { errors: string[]; status: number | undefined }) => Promise<T>,
  viewport?: { width: number; height: number },
): Promise<T> {
  const { page, ...opened } = await openPage(site.browser, site.url, path, viewport);
  try {
    return await use(page, opened);
  } finally {
    await page.close();
  }
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

/** For a describe block: a copy of the site served and a browser, both started before and ended after. */
export function useSiteInBrowser(): { browser: Browser; url: string } {
  const site = {} as { browser: Browser; url: string };
  let dispose: (() => Promise<void>) | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ url: site.url, close } = await serveSiteCopy());
    ({ browser: site.browser, dispose } = await launchBrowser());
  });
  afterAll(async () => {
    await dispose?.();
    await close?.();
  });
  return site;
}
