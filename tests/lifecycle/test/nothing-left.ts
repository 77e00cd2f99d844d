import { activeChildren } from '@proclife/core';
import { afterEach, expect } from 'vitest';

/**
 * Checks after each test of the file that it ended what it started: anything still running then
 * is a bug in the test, killed so that the next test starts clean.
 */
export function checkNothingLeft(): void {
  afterEach(async () => {
    const left = activeChildren().filter((p) => p.isAlive());
    for (const p of left) p.kill();
    await Promise.all(left.map((p) => p.join(5000)));
    expect(left.map(String)).toEqual([]);
  });
}
