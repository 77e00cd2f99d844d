// The target of the spawn diagnosis: returns when each phase of the child's start happened.

/**
 * Node's own start-up milestones and the preload marks, on the monotonic clock, plus `at`, the
 * first line of the target.
 * @returns {Record<string, number>}
 */
export function timeline() {
  const at = Number(process.hrtime.bigint()) / 1e6;
  const origin = at - performance.now();
  const t = performance.nodeTiming;
  const marks = /** @type {{ __proclifeBenchMarks?: Record<string, number> }} */ (globalThis)
    .__proclifeBenchMarks;
  return {
    nodeStart: origin + t.nodeStart,
    v8Start: origin + t.v8Start,
    environment: origin + t.environment,
    bootstrapComplete: origin + t.bootstrapComplete,
    ...marks,
    at,
  };
}
