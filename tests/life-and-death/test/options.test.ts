// The typed surface of this concern: orphanPolicy and installShutdownHandlers validate what
// they are given, and the handlers come off again.
import { installShutdownHandlers } from '@proclife/child-process';
import { describe, expect, it } from 'vitest';
import { processClassFor } from '../fixtures/method.ts';
import { quick } from '../fixtures/targets.ts';
import { METHODS } from './methods.ts';

describe.each(METHODS)('orphanPolicy (%s)', async (method) => {
  const Process = await processClassFor(method);

  it('accepts end and survive, and rejects anything else with ERR_INVALID_OPTION', () => {
    expect(() => new Process({ target: quick, orphanPolicy: 'end' })).not.toThrow();
    expect(() => new Process({ target: quick, orphanPolicy: 'survive' })).not.toThrow();
    expect(() => new Process({ target: quick, orphanPolicy: 'forever' as never })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION', message: expect.stringContaining("'forever'") }),
    );
  });

  it('a daemonic process cannot survive its parent: start() throws and starts nothing', () => {
    const p = new Process({ target: quick, daemon: true, orphanPolicy: 'survive' });
    expect(() => p.start()).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
    expect(p.pid).toBeNull();
    expect(p.status).toBe('initial');
  });
});

describe('installShutdownHandlers', () => {
  it('adds one listener per signal and the returned function removes them', () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const before = signals.map((s) => process.listenerCount(s));
    const uninstall = installShutdownHandlers();
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before.map((n) => n + 1));
    uninstall();
    expect(signals.map((s) => process.listenerCount(s))).toEqual(before);
  });

  it('rejects unknown signals and non-numeric bounds with ERR_INVALID_OPTION', () => {
    expect(() => installShutdownHandlers({ signals: ['SIGNOPE' as NodeJS.Signals] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION' }),
    );
    expect(() => installShutdownHandlers({ graceMs: '5s' as never })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION' }),
    );
    expect(process.listenerCount('SIGNOPE')).toBe(0);
  });
});
