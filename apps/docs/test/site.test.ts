// The documentation site in a real browser (Debian's Chromium through playwright-core): every page
// in both locales, tabs, the language switch, code blocks against their files, Run buttons against
// the recorded outputs, no console errors, no axe-core violations, and screenshots.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES } from '@proclife/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../bench/src/compare.ts';
import type { Results } from '../../bench/src/schema.ts';
import { startDocsServer } from '../server/create-server.ts';
import { compareOutput, examplePath, examplesDir, findExample, loadManifest } from '../server/examples.ts';
import { descendants, isRunning } from '../server/proc-tree.ts';
import type { RunApi } from '../server/run-api.ts';
import { axeViolations, launchBrowser, openPage } from './browser.ts';
import { listPages } from './pages.ts';

const builtSite = fileURLToPath(new URL('../dist', import.meta.url));
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const benchResults = fileURLToPath(new URL('../../bench/results/latest.json', import.meta.url));
const busyPair = ['quiet', 'busy'].map((run) =>
  fileURLToPath(new URL(`../../bench/results/busy/${run}.json`, import.meta.url)),
);
const pages = listPages();

/**
 * Violations inside Starlight's own components that this site cannot change without replacing
 * them. The search button's visible text includes its shortcut (Ctrl K), which its aria-label
 * ("Search") leaves out.
 */
const { examples } = loadManifest();

/** Where each example is shown in English (its first page). */
const exampleHome = new Map<string, string>();
for (const page of pages) {
  if (page.locale !== 'en') continue;
  for (const id of page.examples) if (!exampleHome.has(id)) exampleHome.set(id, page.path);
}

describe('docs site in Chromium', () => {
  let server: Server;
  let url: string;
  let runApi: RunApi;
  let browser: Browser;
  let dispose: () => Promise<void>;

  let root: string;

  beforeAll(async () => {
    // Serve a copy: another build of the site (a second checkout task, an editor) may rewrite dist/.
    root = mkdtempSync(join(tmpdir(), 'proclife-docs-site-'));
    cpSync(builtSite, root, { recursive: true });
    ({ server, url, runApi } = await startDocsServer({ root, port: 0 }));
    ({ browser, dispose } = await launchBrowser());
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await dispose?.();
    await new Promise((r) => server?.close(r));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** A page that records console errors and uncaught page errors. */
  const open = (path: string) => openPage(browser, url, path);

  it('has every page in both locales', () => {
    const en = pages.filter((p) => p.locale === 'en').map((p) => p.slug);
    const ko = pages.filter((p) => p.locale === 'ko').map((p) => p.slug);
    expect(ko).toEqual(en);
    expect(en).toEqual(expect.arrayContaining(['chapter/gil', 'chapter/start-methods', 'reference/errors']));
  });

  it('shows every example on some page', () => {
    expect([...exampleHome.keys()].sort()).toEqual(examples.map((e) => e.id).sort());
  });

  it.each(pages.map((p) => [p.path, p] as const))(
    '%s renders, with exact code, no console errors and no axe violations',
    { timeout: 60_000 },
    async (_path, p) => {
      const { page, errors, status } = await open(p.path);
      try {
        expect(status).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(p.locale);
        expect(await page.title()).toContain('proclife');
        // No page means to strike text through: GFM reads two ranges written with `~` in one
        // paragraph (`1.06~1.10 ... 0.96~1.0`) as one struck-through span.
        expect(await page.locator('main del').count(), 'struck-through text (a `~` range?)').toBe(0);

        // Each example shows the exact files from docs/examples: both programs and their outputs.
        for (const id of p.examples) {
          expect(findExample(id), `${id} is listed in examples.json`).toBeDefined();
          const shown = await page.$$eval(`[data-example="${id}"] [data-file]`, (blocks) =>
            blocks.map((block) => ({
              file: block.getAttribute('data-file') ?? '',
              text: [...block.querySelectorAll('.ec-line')]
                .map((l) => (l.textContent ?? '').replace(/\n$/, ''))
                .join('\n'),
            })),
          );
          const names = shown.map((b) => b.file);
          expect(names, `${id} on ${p.path}`).toEqual(
            expect.arrayContaining([`${id}.py`, `${id}.ts`, `${id}.out`]),
          );
          for (const { file, text } of shown) {
            const onDisk = readFileSync(`${examplesDir}${file}`, 'utf8').replace(/\n+$/, '');
            expect(text, `${file} on ${p.path}`).toBe(onDisk);
          }
        }

        // Expressive Code makes overflowing code blocks focusable after a debounced resize check.
        await page
          .waitForFunction(
            () =>
              [...document.querySelectorAll('.expressive-code pre')].every(
                (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
              ),
            null,
            { timeout: 5000 },
          )
          .catch(() => {});
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);

        if (p.slug.startsWith('chapter/')) {
          const name = `${p.locale}-${p.slug.replace(/\//g, '-')}.png`;
          // Hangul subsets load on demand, per weight: let the late ones arrive before the picture.
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(300);
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: `${artifacts}${name}`, fullPage: true });
        }
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('switches language from a chapter page to its twin', async () => {
    const { page } = await open('/chapter/gil/');
    try {
      const select = page.locator('starlight-lang-select select').first();
      const koValue = await select.locator('option', { hasText: '한국어' }).getAttribute('value');
      await Promise.all([page.waitForURL(/\/ko\/chapter\/gil\/$/), select.selectOption(koValue!)]);
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      expect(await page.locator('h1').textContent()).toContain('GIL');
    } finally {
      await page.close();
    }
  });

  it('switches every Python/TypeScript tab group together, and remembers the choice', async () => {
    const { page } = await open('/chapter/subclassing/');
    try {
      const groups = page.locator('starlight-tabs[data-sync-key="lang"]');
      expect(await groups.count()).toBeGreaterThanOrEqual(2);
      const selected = () =>
        page.$$eval('starlight-tabs[data-sync-key="lang"] [role="tab"][aria-selected="true"]', (tabs) =>
          tabs.map((t) => t.textContent?.trim()),
        );
      expect(new Set(await selected())).toEqual(new Set(['Python']));
      await groups.first().getByRole('tab', { name: 'TypeScript' }).click();
      await expect.poll(selected).toEqual(Array(await groups.count()).fill('TypeScript'));
      // The choice persists across navigation.
      await page.goto(new URL('ko/chapter/daemon-processes/', url).href);
      await expect.poll(selected).toEqual(['TypeScript']);
    } finally {
      await page.close();
    }
  });

  it.each(['/reference/errors/', '/ko/reference/errors/'])(
    '%s lists exactly the error codes of @proclife/core',
    async (path) => {
      const { page } = await open(path);
      try {
        const codes = await page.$$eval('.sl-markdown-content h3', (hs) =>
          hs.map((h) => h.textContent?.trim() ?? '').filter((t) => t.startsWith('ERR_')),
        );
        expect(codes.sort()).toEqual(Object.keys(ERROR_CODES).sort());
      } finally {
        await page.close();
      }
    },
  );

  it.each(examples.map((e) => [e.id] as const))(
    'Run streams %s live, matching its recorded output',
    { timeout: 120_000, retry: 1 },
    async (id) => {
      const example = findExample(id)!;
      const { page, errors } = await open(exampleHome.get(id)!);
      try {
        const runner = page.locator(`run-example[data-id="${id}"]`);
        // An example that a table's rows run is folded below the table: open it by its title.
        const fold = page.locator(`details.example[data-example="${id}"] > summary`);
        if ((await fold.count()) > 0) await fold.click();
        await runner.getByRole('button').click();
        await expect
          .poll(() => runner.getAttribute('data-state'), { timeout: example.timeoutMs + 30_000 })
          .toBe('done');
        expect(await runner.getAttribute('data-exit-code')).toBe('0');
        const output = (await runner.locator('pre').textContent()) ?? '';
        const recorded = readFileSync(examplePath(example, 'out'), 'utf8');
        const difference = compareOutput(example, output, recorded);
        expect(difference, difference ?? '').toBeNull();
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it.each(['/reference/which-start-method/', '/ko/reference/which-start-method/'])(
    '%s runs the three methods side by side: one waits in the queue, then all match their recordings',
    { timeout: 120_000 },
    async (path) => {
      // A desktop width: the three panels stand side by side.
      const { page, errors } = await openPage(browser, url, path, { width: 1440, height: 900 });
      try {
        const ids = ['method-spawn', 'method-forkserver', 'method-thread'];
        // Every state each runner passes through, however briefly.
        await page.evaluate((ids) => {
          const seen: Record<string, string[]> = {};
          for (const id of ids) {
            const el = document.querySelector(`run-example[data-id="${id}"]`)!;
            seen[id] = [];
            new MutationObserver(() => {
              const state = el.getAttribute('data-state') ?? '';
              if (seen[id]!.at(-1) !== state) seen[id]!.push(state);
            }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
          }
          (globalThis as unknown as { seen: typeof seen }).seen = seen;
        }, ids);
        // Pressed together: two run at once (the cap), the third waits its turn.
        await page.evaluate((ids) => {
          for (const id of ids)
            document.querySelector<HTMLButtonElement>(`run-example[data-id="${id}"] button`)?.click();
        }, ids);
        for (const id of ids) {
          const runner = page.locator(`run-example[data-id="${id}"]`);
          await expect.poll(() => runner.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
          expect(await runner.getAttribute('data-exit-code')).toBe('0');
          const example = findExample(id)!;
          const output = (await runner.locator('pre').textContent()) ?? '';
          const difference = compareOutput(
            example,
            output,
            readFileSync(examplePath(example, 'out'), 'utf8'),
          );
          expect(difference, difference ?? '').toBeNull();
        }
        const seen = await page.evaluate(
          () => (globalThis as unknown as { seen: Record<string, string[]> }).seen,
        );
        const paths = Object.values(seen).map((states) => states.join(' > '));
        expect(paths.sort()).toEqual([
          'running > done',
          'running > done',
          'running > queued > running > done',
        ]);
        // Side by side on a desktop: three columns, left to right.
        const lefts = await page.$$eval('.method-runs > .example', (els) =>
          els.map((e) => e.getBoundingClientRect().left),
        );
        expect(lefts.length).toBe(3);
        expect(lefts[0]! < lefts[1]! && lefts[1]! < lefts[2]!).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('shows live output before the run ends, and ends the whole tree when the page closes mid-run', async () => {
    const { page } = await open('/chapter/daemon-processes/');
    const runner = page.locator('run-example[data-id="daemon"]');
    await runner.getByRole('button').click();
    await expect
      .poll(() => runner.locator('pre').textContent(), { timeout: 30_000 })
      .toContain('daemon: started');
    expect(await runner.getAttribute('data-state')).toBe('running');
    const run = [...runApi.active][0]!;
    expect(run.pid).toBeTypeOf('number');
    const tree = [run.pid!, ...descendants(run.pid!)];
    expect(tree.length).toBeGreaterThanOrEqual(3); // proclife child, the example, its daemon
    await page.close();
    expect((await run.done).killed).toBe(true);
    await expect.poll(() => runApi.active.size, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => tree.filter(isRunning), { timeout: 15_000 }).toEqual([]);
  });

  it('Stop ends a run and its whole tree', async () => {
    const { page, errors } = await open('/ko/chapter/daemon-processes/');
    try {
      const runner = page.locator('run-example[data-id="daemon"]');
      const button = runner.getByRole('button');
      await button.click();
      await expect
        .poll(() => runner.locator('pre').textContent(), { timeout: 30_000 })
        .toContain('daemon: started');
      const run = [...runApi.active][0]!;
      const tree = [run.pid!, ...descendants(run.pid!)];
      expect(await button.textContent()).toContain('멈추기');
      await button.click();
      await expect.poll(() => runner.getAttribute('data-state')).toBe('stopped');
      expect((await run.done).killed).toBe(true);
      await expect.poll(() => tree.filter(isRunning), { timeout: 15_000 }).toEqual([]);
      expect(await button.textContent()).toContain('실행');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['/reference/performance/', '/ko/reference/performance/'])(
    '%s compares the busy run with its quiet pair, one row per ratio that both measured',
    async (path) => {
      const [quiet, busy] = busyPair.map((f) => JSON.parse(readFileSync(f!, 'utf8')) as Results);
      const moves = compareRuns(quiet!, busy!);
      const { page } = await open(path);
      try {
        const rows = page.locator('.bench-busy-table tbody tr');
        expect(await rows.count()).toBe(moves.length);
        // The last column says whether the ratio held within 10%, as compare.ts decides.
        const held = await rows.locator('td:nth-child(5)').allTextContents();
        expect(held.filter((x) => x === (path.startsWith('/ko/') ? '예' : 'yes')).length).toBe(
          moves.filter((m) => m.held).length,
        );
        // The parent's RSS after the same number of cycles, read from the same quiet run.
        const common = quiet!.parentRss.find((r) => r.method === 'forkserver');
        expect(common?.rssAtCommonMiB).toEqual(expect.any(Number));
        const values = await page.locator('.bench-value').allTextContents();
        expect(values).toContain(`${common!.rssAtCommonMiB!.toFixed(1)} MiB (${common!.commonCycles})`);
      } finally {
        await page.close();
      }
    },
  );

  it.each(['/reference/performance/', '/ko/reference/performance/'])(
    '%s draws the benchmark charts, or says how to make them',
    async (path) => {
      const { page } = await open(path);
      try {
        if (existsSync(benchResults)) {
          const results = JSON.parse(readFileSync(benchResults, 'utf8')) as {
            figures: { group: string }[];
            ratios: { interval?: [number, number] | null }[];
          };
          const groups = new Set(results.figures.map((f) => f.group));
          expect(await page.locator('.bench-chart figure svg[role="img"]').count()).toBeGreaterThanOrEqual(
            groups.size,
          );
          // The ratios' table: a row per ratio, each with its 90% interval or a dash.
          const rows = page.locator('#bench-ratios + table tbody tr');
          expect(await rows.count()).toBe(results.ratios.length);
          const intervals = await rows.locator('td:nth-child(3)').allTextContents();
          expect(intervals.filter((x) => x !== '—').length).toBe(
            results.ratios.filter((r) => r.interval).length,
          );
        } else {
          expect(await page.locator('.bench-missing').textContent()).toContain('npm run bench');
        }
      } finally {
        await page.close();
      }
    },
  );

  it.each([
    ['/', 'daemon', '/chapter/daemon-processes/', /^\d+ results? for daemon$/, 'Clear'],
    ['/ko/', '데몬', '/ko/chapter/daemon-processes/', /^데몬에 대한 결과 \d+개$/, '지우기'],
  ])('search on %s finds %s, in that language', async (path, query, expected, message, clear) => {
    const { page, errors } = await open(path);
    try {
      await page.locator('button[data-open-modal]').first().click();
      await page.locator('dialog[open] input').first().fill(query);
      const links = page.locator('dialog[open] .pagefind-ui__result-link');
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await links.evaluateAll((as) =>
        as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(hrefs).toContain(expected);
      // The search box speaks the page's language too.
      expect(await page.locator('dialog[open] .pagefind-ui__message').textContent()).toMatch(message);
      expect(await page.locator('dialog[open] .pagefind-ui__search-clear').textContent()).toBe(clear);
      expect(hrefs.every((h) => h.startsWith('/ko/') === path.startsWith('/ko/'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('explains how to run an example locally when the site has no docs server', async () => {
    const page = await browser.newPage();
    try {
      await page.route('**/api/run/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
      await page.goto(new URL('ko/getting-started/', url).href);
      const runner = page.locator('run-example[data-id="quickstart"]');
      await runner.getByRole('button').click();
      await expect.poll(() => runner.getAttribute('data-state')).toBe('static');
      expect(await runner.locator('pre').textContent()).toContain('node docs/examples/quickstart.ts');
    } finally {
      await page.close();
    }
  });
});
