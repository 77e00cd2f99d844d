import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../server/create-server.ts';
import { launchBrowser } from './browser.ts';

const root = fileURLToPath(new URL('../dist', import.meta.url));

describe('docs site in Chromium', () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ server, url } = await startDocsServer({ root, port: 0 }));
    ({ browser, dispose } = await launchBrowser());
  });

  afterAll(async () => {
    await dispose?.();
    await new Promise((r) => server?.close(r));
  });

  it.each([
    ['', 'en'],
    ['ko/', 'ko'],
  ])('serves /%s with its title and lang', async (path, lang) => {
    const page = await browser.newPage();
    const response = await page.goto(`${url}${path}`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('proclife');
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.close();
  });
});
