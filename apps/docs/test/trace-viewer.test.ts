// The process lanes in Chromium: the trace viewer draws a recorded PROCLIFE_TRACE (lanes, tree,
// end states) in both locales with no axe violations, and a Run button's live panel shows the
// run's processes as the docs server reads them from the run's own trace.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDocsServer } from '../server/create-server.ts';
import { axeViolations, launchBrowser } from './browser.ts';

const builtSite = fileURLToPath(new URL('../dist', import.meta.url));
const sampleTrace = fileURLToPath(new URL('../src/data/sample-trace.jsonl', import.meta.url));

/** The lanes of the recorded sample: name -> [depth, state, how it ended]. */
const SAMPLE: Record<string, [number, string, string]> = {
  MainProcess: [0, 'running', ''],
  pool: [1, 'ended', '0'],
  'pool-worker': [2, 'ended', '0'],
  'resize-thread': [3, 'ended', '0'],
  ticker: [1, 'ended', '0'],
  stubborn: [1, 'ended', 'SIGKILL'],
  loader: [1, 'ended', '1'],
};

describe('process lanes in Chromium', () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  let dispose: () => Promise<void>;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'proclife-docs-lanes-'));
    cpSync(builtSite, root, { recursive: true });
    ({ server, url } = await startDocsServer({ root, port: 0 }));
    ({ browser, dispose } = await launchBrowser());
  });

  afterAll(async () => {
    await dispose?.();
    await new Promise((r) => server?.close(r));
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL(path.slice(1), url).href, { waitUntil: 'load' });
    return { page, errors };
  }

  async function lanes(page: Page, scope: string) {
    return page.locator(`${scope} tbody tr`).evaluateAll((rows) =>
      rows.map((row) => {
        const el = row as HTMLElement;
        const name = el.querySelector('th');
        return {
          name: name?.querySelector('.lanes__label')?.textContent ?? '',
          indent: Number.parseFloat(name?.style.paddingInlineStart ?? '0'),
          state: el.dataset.state,
          end: el.dataset.end,
          cells: [...el.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        };
      }),
    );
  }

  it('draws a recorded trace file as lanes: one per process, in tree order, with how each ended', async () => {
    const { page, errors } = await open('/trace/');
    try {
      await page.locator('trace-viewer input[type="file"]').setInputFiles(sampleTrace);
      await page.locator('trace-viewer[data-drawn] tbody tr').first().waitFor();
      const rows = await lanes(page, 'trace-viewer');
      expect(rows.map((r) => r.name)).toEqual([
        'MainProcess',
        'pool',
        'pool-worker',
        'resize-thread',
        'ticker',
        'stubborn',
        'loader',
      ]);
      for (const row of rows) {
        const [depth, state, end] = SAMPLE[row.name]!;
        expect(row.state, row.name).toBe(state);
        expect(row.end, row.name).toBe(end);
        // Deeper lanes are indented further than their parents.
        expect(row.indent).toBeCloseTo(0.5 + depth * 1.1, 1);
      }
      const byName = new Map(rows.map((r) => [r.name, r.cells]));
      expect(byName.get('resize-thread')?.[0]).toMatch(/^\d+ · thread \d+$/);
      expect(byName.get('resize-thread')?.[1]).toBe('thread');
      expect(byName.get('pool-worker')?.[1]).toBe('forkserver');
      expect(byName.get('ticker')?.[2]).toBe('yes');
      expect(byName.get('stubborn')?.[4]).toBe('signal SIGKILL');
      expect(byName.get('loader')?.[4]).toBe('exit code 1 (ERR_NO_IMAGE)');
      // Each rung of stop() is marked on the lane that took it.
      expect(await page.locator('tr[data-end="SIGKILL"] .lanes__stop').count()).toBe(3);
      expect(await page.locator('trace-viewer .lanes__summary').textContent()).toContain(
        '6 processes, 28 events',
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('in Korean, draws a pasted trace and skips lines that are not trace events', async () => {
    const { page, errors } = await open('/ko/trace/');
    try {
      const text = `${readFileSync(sampleTrace, 'utf8')}not json\n{"other":true}\n`;
      await page.locator('trace-viewer textarea').fill(text);
      await page.getByRole('button', { name: '그리기' }).click();
      await page.locator('trace-viewer[data-drawn] tbody tr').first().waitFor();
      const rows = await lanes(page, 'trace-viewer');
      expect(rows).toHaveLength(7);
      expect(rows.filter((r) => r.state === 'ended').every((r) => r.cells[3] === '끝남')).toBe(true);
      expect(await page.locator('trace-viewer .lanes__summary').textContent()).toBe(
        '프로세스 6개, 이벤트 28개, 건너뛴 줄 2개(트레이스 이벤트가 아님).',
      );
      expect(await page.locator('thead').textContent()).toContain('시작 방식');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a Run button's live panel shows the run's processes from its trace, and the trace file is removed", async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('proclife-run-trace-'));
    const before = new Set(leftovers());
    const { page, errors } = await open('/chapter/pids-and-names/');
    try {
      const runner = page.locator('run-example[data-id="names"]');
      await runner.getByRole('button').click();
      await expect.poll(() => runner.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
      const rows = await lanes(page, 'run-example[data-id="names"] .run-example__tree');
      expect(rows.map((r) => r.name)).toEqual(['MainProcess', 'image-resizer', 'Process-2']);
      expect(rows.map((r) => r.state)).toEqual(['ended', 'ended', 'ended']);
      expect(rows.map((r) => r.end)).toEqual(['0', '0', '0']);
      expect(rows[1]?.cells[1]).toBe('spawn');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    expect(leftovers().filter((f) => !before.has(f))).toEqual([]);
  });
});
