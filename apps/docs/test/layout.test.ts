// The site as a newcomer meets it, in Chromium: every table readable on a phone (375 px) and a
// desktop (1440 px), live output in monospace, the lifecycle diagram's labels apart, page titles
// that name the page, and a Korean UI that is Korean (navigation, 404, API reference; search is
// checked with the other search tests in site.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../bench/src/schema.ts';
import { koreanDocs } from '../src/api-ko.ts';
import { axeViolations, useSiteInBrowser, withPage } from './browser.ts';
import { listPages } from './pages.ts';

const pages = listPages();
const benchResults = fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url));

/** What a reader cannot see whole at this width: overflowing tables, clipped cells, a page wider than the screen. */
function unreadableTables(): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  }
  const hidden = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.clipPath.startsWith('inset(50%')) return true;
    }
    return false;
  };
  document.querySelectorAll('table').forEach((table, t) => {
    if (hidden(table)) return;
    const name = `table ${t + 1} (${(table.querySelector('th')?.textContent ?? '').trim()})`;
    // Sideways scrolling is allowed only in a focusable scroller that shows it can scroll.
    let scroller: HTMLElement | null = table;
    const scrolls = (e: HTMLElement) =>
      /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1;
    while (scroller && scroller !== document.body && !scrolls(scroller)) scroller = scroller.parentElement;
    if (scroller === document.body) scroller = null;
    if (scroller) {
      const style = getComputedStyle(scroller);
      const affordance = style.backgroundImage.includes('gradient') && scroller.tabIndex === 0;
      if (!affordance)
        problems.push(`${name} scrolls sideways (${scroller.scrollWidth}px in ${scroller.clientWidth}px)`);
    }
    for (const cell of table.querySelectorAll<HTMLElement>('th, td')) {
      if (hidden(cell)) continue;
      const box = cell.getBoundingClientRect();
      if (cell.scrollWidth > cell.clientWidth + 1)
        problems.push(`${name}: "${cell.textContent?.slice(0, 30)}" is clipped`);
      else if (!scroller && (box.left < 0 || box.right > width + 1))
        problems.push(`${name}: "${cell.textContent?.slice(0, 30)}" is off screen`);
    }
  });
  return problems;
}

/** Text with its runs of whitespace made one space. */
const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The first paragraph of a TSDoc text as the page shows it: without its markup. */
const plainText = (doc: string) =>
  squeeze(
    doc
      .split('\n\n')[0]!
      .replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, '$1')
      .replaceAll('`', ''),
  );

describe('layout and Korean UI in Chromium', () => {
  const site = useSiteInBrowser();

  it.each([375, 1440])(
    'every table of every page is readable at %i px',
    { timeout: 180_000 },
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      try {
        const found: string[] = [];
        let tables = 0;
        for (const p of pages) {
          await page.goto(new URL(p.path.slice(1), site.url).href, { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);
          tables += await page.locator('table').count();
          for (const problem of await page.evaluate(unreadableTables)) found.push(`${p.path}: ${problem}`);
        }
        expect(tables).toBeGreaterThan(20);
        expect(found).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('shows a table row as labelled values on a phone', async () => {
    await withPage(
      site,
      '/ko/porting/',
      async (page) => {
        const row = page.locator('.sl-markdown-content table tbody tr').nth(1);
        const labels = await row
          .locator('td')
          .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
        expect(labels).toEqual(['"파이썬"', '"proclife"', '"뜻의 차이"']);
      },
      { width: 375, height: 900 },
    );
  });

  it.each([
    ['/chapter/daemon-processes/', 'ui-monospace'],
    ['/ko/chapter/daemon-processes/', '"Nanum Gothic Coding"'],
  ])('%s writes live output in monospace', async (path, first) => {
    await withPage(site, path, async (page) => {
      const family = await page
        .locator('.run-example__output')
        .first()
        .evaluate((pre) => getComputedStyle(pre).fontFamily);
      expect(family.split(',')[0]).toBe(first);
      expect(family).toContain('monospace');
    });
  });

  it.each(['/reference/lifecycle/', '/ko/reference/lifecycle/'])(
    '%s draws the lifecycle diagram with no label over another or over a box',
    async (path) => {
      await withPage(site, path, async (page) => {
        await page.evaluate(() => document.fonts.ready);
        const overlaps = await page.evaluate(() => {
          const svg = document.querySelector<SVGSVGElement>('.lifecycle-diagram svg')!;
          const view = svg.viewBox.baseVal;
          const texts = [...svg.querySelectorAll('text')].map((t) => ({
            name: t.textContent ?? '',
            box: t.getBBox(),
          }));
          const rects = [...svg.querySelectorAll('rect')].map((r) => r.getBBox());
          const meet = (a: DOMRect, b: DOMRect) =>
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          const inside = (a: DOMRect, b: DOMRect) =>
            a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
          const found: string[] = [];
          texts.forEach((a, i) => {
            if (!inside(a.box, view as unknown as DOMRect)) found.push(`${a.name} leaves the picture`);
            for (const b of texts.slice(i + 1)) if (meet(a.box, b.box)) found.push(`${a.name} / ${b.name}`);
            for (const r of rects)
              if (meet(a.box, r) && !inside(a.box, r)) found.push(`${a.name} crosses a box`);
          });
          return { found, texts: texts.length };
        });
        expect(overlaps).toEqual({ found: [], texts: 9 });
      });
    },
  );

  it.each(['/reference/which-start-method/', '/ko/reference/which-start-method/'])(
    '%s compares the three methods with the figures of the benchmark',
    async (path) => {
      await withPage(site, path, async (page) => {
        const heads = await page.locator('.start-method-table thead th').allTextContents();
        expect(heads.slice(1)).toEqual(['spawn', 'forkserver', 'thread']);
        const rows = await page
          .locator('.start-method-table tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
          );
        expect(rows.length).toBe(6);
        if (existsSync(benchResults)) {
          const results = JSON.parse(readFileSync(benchResults, 'utf8')) as Results;
          const median = (group: string, method: string) =>
            results.figures.find((f) => f.group === group && f.method === method && f.kind === 'proclife')
              ?.medianMs ?? 0;
          const shown = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
          expect(rows[0]).toEqual(
            ['spawn', 'forkserver', 'thread'].map((m) => shown(median('start-running', m))),
          );
          const memory = results.memory
            .filter((m) => m.kind === 'proclife')
            .map((m) => `${m.privateMiB?.toFixed(1)} MiB`);
          expect(rows[3]).toEqual(memory);
        }
      });
    },
  );

  it('titles every page "<page> | proclife"', { timeout: 120_000 }, async () => {
    const page = await site.browser.newPage();
    try {
      const titles: string[] = [];
      for (const p of pages) {
        await page.goto(new URL(p.path.slice(1), site.url).href, { waitUntil: 'domcontentloaded' });
        titles.push(await page.title());
      }
      expect(titles.filter((t) => !/^(?!proclife \|).+ \| proclife$/.test(t))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('has one "시작하기" in the Korean navigation', async () => {
    await withPage(site, '/ko/getting-started/', async (page) => {
      const labels = await page
        .locator('nav[aria-label="메인"]')
        .first()
        .evaluate((nav) =>
          [...nav.querySelectorAll('a, summary')].map((e) => (e.textContent ?? '').trim()).filter(Boolean),
        );
      expect(labels.filter((l) => l === '시작하기')).toEqual(['시작하기']);
      expect(labels).toContain('첫걸음');
    });
  });

  it.each([
    ['/ko/no-such-page/', 'ko', '찾는 페이지가 없습니다'],
    ['/no-such-page/', 'en', 'Page not found'],
  ])('answers %s with the 404 page of its language, axe clean', async (path, lang, text) => {
    await withPage(site, path, async (page, { status }) => {
      expect(status).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('main').textContent()).toContain(text);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('shows the generated API reference in Korean, its TSDoc prose included (lang="ko"), axe clean', async () => {
    await withPage(site, '/ko/reference/api/', async (page) => {
      const packages = await page.locator('.api-packages').allTextContents();
      expect(packages.length).toBeGreaterThan(20);
      expect(packages.every((t) => t.startsWith('내보내는 패키지:'))).toBe(true);
      expect(await page.locator('.api-entry details summary').first().textContent()).toMatch(
        /^\s*멤버 \(\d+\)\s*$/,
      );
      // Every symbol's and member's doc in Korean, none left in English.
      const docs = page.locator('.api-entry > div[lang], .api-entry dd');
      expect(await docs.count()).toBeGreaterThan(100);
      expect(await page.locator('.api-entry [lang="en"]').count()).toBe(0);
      expect(await page.locator('.api-entry dd:not([lang="ko"])').count()).toBe(0);
      // The hand-written text, as written, for a few symbols and a member.
      for (const key of ['BaseProcess', 'currentProcess', 'ProcessOptions', 'BaseProcess.stop']) {
        const [symbol, member] = key.split('.') as [string, string | undefined];
        const entry = page.locator(`article.api-entry:has(h3#${symbol.toLowerCase()})`);
        const doc = member
          ? entry.locator('dt', { hasText: `${member}(` }).locator('xpath=following-sibling::dd[1]')
          : entry.locator(':scope > div[lang]');
        expect(await doc.getAttribute('lang'), key).toBe('ko');
        expect(squeeze(await doc.textContent()), key).toContain(plainText(koreanDocs[key]!.ko!));
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('keeps the English API reference in English', async () => {
    await withPage(site, '/reference/api/', async (page) => {
      expect(await page.locator('.api-entry [lang="ko"]').count()).toBe(0);
      expect(await page.locator('.api-entry dd:not([lang="en"])').count()).toBe(0);
      expect(
        squeeze(await page.locator('article.api-entry:has(h3#baseprocess) > div[lang]').textContent()),
      ).toContain("Python's multiprocessing.Process lifecycle");
    });
  });
});
