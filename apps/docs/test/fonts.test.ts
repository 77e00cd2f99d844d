// Korean is readable on a machine without any Korean font: Chromium here sees Latin system fonts
// only (see launchBrowser), so each Hangul glyph must come from the fonts the site ships. Two
// checks: Chromium's own account of which font drew each element's text, and pictures (a missing
// glyph draws the same empty box whatever the syllable, so two different syllables that render
// to the same pixels are boxes; two that differ are real glyphs).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser, withPage } from './browser.ts';

const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** Where Hangul is set on the Korean home page, in each face and weight the site uses. */
const PLACES: [what: string, selector: string][] = [
  ['title (bold)', 'h1'],
  ['hero action (semibold)', '.hero .actions a'],
  ['card title (semibold)', '.card .title'],
  ['prose', '.sl-markdown-content p'],
  ['inline code (monospace)', '.sl-markdown-content code'],
];

/** Appends two syllables inside `selector` (so they take its font) and returns their pictures. */
async function syllables(page: Page, selector: string, font?: string): Promise<[Buffer, Buffer]> {
  const tag = `probe-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ selector, font, tag }) => {
      const host = document.querySelector(selector);
      if (!host) throw new Error(`nothing matches ${selector}`);
      for (const [part, text] of [
        ['a', '가'],
        ['b', '힣'],
      ]) {
        const span = document.createElement('span');
        span.dataset.probe = `${tag}-${part}`;
        span.textContent = text ?? '';
        if (font) span.style.fontFamily = font;
        host.append(span);
      }
    },
    { selector, font, tag },
  );
  await page.evaluate(() => document.fonts.ready);
  return [
    await page.locator(`[data-probe="${tag}-a"]`).screenshot(),
    await page.locator(`[data-probe="${tag}-b"]`).screenshot(),
  ];
}

describe('Korean fonts in Chromium without a Korean system font', () => {
  const site = useSiteInBrowser();
  beforeAll(() => {
    mkdirSync(artifacts, { recursive: true });
  });

  it('has no Korean system font: Hangul in the system sans-serif is an empty box', async () => {
    await withPage(site, '/ko/', async (page) => {
      const [a, b] = await syllables(page, 'h1', 'sans-serif');
      expect(a.equals(b)).toBe(true);
    });
  });

  it.each(PLACES)('/ko/ draws real Hangul glyphs in the %s', async (_what, selector) => {
    await withPage(site, '/ko/', async (page, { errors }) => {
      const [a, b] = await syllables(page, selector);
      expect(a.equals(b)).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it.each(['/ko/', '/ko/getting-started/', '/ko/porting/', '/ko/reference/which-start-method/'])(
    '%s draws every Hangul syllable of its text with a shipped font, none as a box',
    { timeout: 60_000 },
    async (path) => {
      await withPage(site, path, async (page) => {
        // A syllable drawn as a box is drawn with some system font; Chromium reports, per element,
        // which fonts drew how many glyphs of its own text.
        await page.evaluate(() => document.fonts.ready);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
          nodeId: root.nodeId,
          selector: 'body :is(h1, h2, h3, p, a, li, code, span, strong, td, th, summary, button, label)',
        });
        const boxes: string[] = [];
        let checked = 0;
        for (const nodeId of nodeIds) {
          const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1 });
          const text = (node.children ?? [])
            .filter((c) => c.nodeType === 3)
            .map((c) => c.nodeValue)
            .join('');
          const syllables = [...text].filter((ch) => /[\uac00-\ud7a3]/.test(ch)).length;
          if (syllables === 0) continue;
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
          if (fonts.length === 0) continue; // not rendered (hidden)
          checked++;
          const shipped = fonts
            .filter((f) => /^(Noto ?Sans ?KR|Nanum ?Gothic ?Coding)/.test(f.familyName))
            .reduce((n, f) => n + f.glyphCount, 0);
          if (shipped < syllables)
            boxes.push(`"${text.trim().slice(0, 30)}": ${fonts.map((f) => f.familyName).join(', ')}`);
        }
        await cdp.detach();
        expect(checked).toBeGreaterThan(10);
        expect(boxes).toEqual([]);
      });
    },
  );

  it('loads the shipped faces: Noto Sans KR for prose and Nanum Gothic Coding for code', async () => {
    await withPage(site, '/ko/', async (page) => {
      await syllables(page, '.sl-markdown-content code');
      const loaded = await page.evaluate(() =>
        [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family))].sort(),
      );
      expect(loaded).toEqual(['Nanum Gothic Coding', 'Noto Sans KR']);
      const families = await page.evaluate(() => ({
        prose: getComputedStyle(document.body).fontFamily.split(',')[0],
        code: getComputedStyle(document.querySelector('.sl-markdown-content code')!).fontFamily.split(',')[0],
      }));
      expect(families).toEqual({ prose: '"Noto Sans KR"', code: '"Nanum Gothic Coding"' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${artifacts}ko-home-fonts.png`, fullPage: true });
    });
  });
});
