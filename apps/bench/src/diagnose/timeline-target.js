// The target of the start-phase diagnosis: returns when each phase of the child's start happened.

// When this module's top level ran: the target's module was imported (the child's own import of
// it, or a forkserver's import ahead of time).
const imported = Number(process.hrtime.bigint()) / 1e6;

/**
 * When the process started, Node's own start-up milestones, the preload marks and the moment this module was imported, on
 * the monotonic clock, plus `at`, the first line of the target.
 * @returns {Record<string, number>}
 */
export function timeline() {
  const at = Number(process.hrtime.bigint()) / 1e6;
  const origin = at - performance.now();
  const t = performance.nodeTiming;
  const marks = /** @type {{ __proclifeBenchMarks?: Record<string, number> }} */ (globalThis)
    .__proclifeBenchMarks;
  return {
    // performance.timeOrigin: when this process started, as Node reads it.
    processStart: origin,
    nodeStart: origin + t.nodeStart,
    v8Start: origin + t.v8Start,
    environment: origin + t.environment,
    bootstrapComplete: origin + t.bootstrapComplete,
    ...marks,
    targetImported: imported,
    at,
  };
}
