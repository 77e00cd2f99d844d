// Helpers for tests that start children from the test process itself.
import type { BaseProcess } from '@proclife/core';
import { lineFrom } from '@proclife/test-support';

/** Resolves with the first `ready ...` line the child prints on its piped stdout. */
export function readyLine(p: BaseProcess, timeoutMs = 30_000): Promise<string> {
  return lineFrom(p.stdout, 'ready', { timeoutMs });
}
