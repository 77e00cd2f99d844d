// Run buttons where the site shows code that can run, in both locales: every row of the porting
// table opens and runs its example (folded below the table), and every error code on the Errors
// page has a program that triggers it. One button per page is pressed and its output compared with
// the recording; the others are checked to be wired to a listed example.
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@proclife/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareOutput, examplePath, findExample } from '../server/examples.ts';
import { useSiteInBrowser, withPage } from './browser.ts';

/** The example of an error code: ERR_TARGET_NOT_FOUND is err-target-not-found. */
const exampleOfCode = (code: string) => `err-${code.slice(4).toLowerCase().replaceAll('_', '-')}`;

/** Waits (with a deadline) until the example's run has ended, and checks it against its recording. */
async function expectRunMatchesRecording(page: Page, id: string): Promise<void> {
  const example = findExample(id)!;
  const runner = page.locator(`run-example[data-id="${id}"]`);
  await expect
    .poll(() => runner.getAttribute('data-state'), { timeout: example.timeoutMs + 30_000 })
    .toBe('done');
  expect(await runner.getAttribute('data-exit-code')).toBe('0');
  const output = (await runner.locator('pre').textContent()) ?? '';
  const difference = compareOutput(example, output, readFileSync(examplePath(example, 'out'), 'utf8'));
  expect(difference, difference ?? '').toBeNull();
}

describe('Run buttons on the porting table and the Errors page, in Chromium', () => {
  const site = useSiteInBrowser();

  it.each([
    ['/porting/', '`p.exitcode`', 'port-exit'],
    ['/ko/porting/', '`p.is_alive()`', 'port-join'],
  ])(
    '%s: every row has a Run button for a listed example; the %s row runs %s below the table',
    { timeout: 90_000 },
    async (path, row, id) => {
      await withPage(site, path, async (page, { errors }) => {
        const rows = await page
          .locator('.sl-markdown-content table')
          .first()
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => ({
              python: tr.querySelector('td')?.textContent?.trim() ?? '',
              runs: [...tr.querySelectorAll<HTMLButtonElement>('button.run-row')].map(
                (b) => b.dataset.runExample ?? '',
              ),
            })),
          );
        expect(rows.length).toBeGreaterThan(20);
        const targets = new Set<string>();
        for (const { python, runs } of rows) {
          expect(runs, `the row of ${python}`).toHaveLength(1);
          expect(findExample(runs[0]!), `${runs[0]} is listed in examples.json`).toBeDefined();
          targets.add(runs[0]!);
        }
        // Each example the rows run is on the page once, folded until a row (or its title) opens it.
        for (const target of targets)
          expect(await page.locator(`details.example[data-example="${target}"] run-example`).count()).toBe(1);

        const button = page
          .locator('.sl-markdown-content table tbody tr')
          .filter({ has: page.locator('td:first-child', { hasText: row.slice(1, -1) }) })
          .locator('button.run-row');
        expect(await button.getAttribute('data-run-example')).toBe(id);
        await button.click();
        expect(
          await page.locator(`details.example[data-example="${id}"]`).getAttribute('open'),
        ).not.toBeNull();
        await expectRunMatchesRecording(page, id);
        // The example's own button has the focus, for the keyboard and the screen reader.
        expect(
          await page.evaluate(() => document.activeElement?.closest('run-example')?.getAttribute('data-id')),
        ).toBe(id);
        expect(errors).toEqual([]);
      });
    },
  );

  it.each([
    ['/reference/errors/', 'ERR_WORKER_OUT_OF_MEMORY'],
    ['/ko/reference/errors/', 'ERR_BOOTSTRAPPING'],
  ])(
    '%s: every error code has a Run button for the program that triggers it; %s runs',
    { timeout: 90_000 },
    async (path, pressed) => {
      await withPage(site, path, async (page, { errors }) => {
        // The examples between each code's heading and the next heading.
        const shown = await page.evaluate(() => {
          const found: Record<string, string[]> = {};
          for (const h of document.querySelectorAll('.sl-markdown-content h3')) {
            const code = h.textContent?.trim() ?? '';
            if (!code.startsWith('ERR_')) continue;
            found[code] = [];
            let el = (h.closest('.sl-heading-wrapper') ?? h).nextElementSibling;
            for (; el && !el.matches('h2, h3, .sl-heading-wrapper'); el = el.nextElementSibling) {
              if (el.matches('[data-example]') && el.querySelector('run-example button'))
                found[code]!.push(el.getAttribute('data-example') ?? '');
            }
          }
          return found;
        });
        expect(shown).toEqual(
          Object.fromEntries(Object.keys(ERROR_CODES).map((code) => [code, [exampleOfCode(code)]])),
        );
        for (const id of Object.values(shown).flat()) expect(findExample(id), id).toBeDefined();

        const id = exampleOfCode(pressed);
        await page.locator(`run-example[data-id="${id}"]`).getByRole('button').click();
        await expectRunMatchesRecording(page, id);
        expect(errors).toEqual([]);
      });
    },
  );
});
