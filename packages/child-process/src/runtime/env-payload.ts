// A spawn child's payload can come in its environment, as JSON, instead of as the first message
// on its channel: the child then reads it as its entry loads, without waiting for Node's first
// turn of the event loop and the channel's first read (about a millisecond of every start, see
// docs/decisions/0023-spawn-payload-in-the-environment.md). Only a payload that JSON carries
// exactly, and that is small, goes this way; any other goes over the channel as before.

import type { ChildPayload } from '@proclife/core/child';

const PAYLOAD = 'PROCLIFE_PAYLOAD';

/**
 * The largest payload, in UTF-16 code units of JSON, sent in the environment. Linux caps one
 * environment string at 128 KiB and the whole of argv and the environment together at ARG_MAX:
 * three bytes a unit at worst keeps this far from either.
 */
export const ENV_PAYLOAD_MAX = 16 * 1024;

// Nesting deeper than this goes over the channel: the check below recurses.
const MAX_DEPTH = 64;

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives back what a structured clone would: plain
 * objects and dense arrays of strings, booleans, null and finite numbers other than -0, each
 * object met once (a clone keeps shared and circular references, JSON does not).
 *
 * `budget.left`, when given, is the most JSON code units the value may take: each value and key
 * takes at least its own length from it, and the walk answers false as soon as it runs out, so that
 * a large argument is not walked to its end (nor stringified) only to go over the channel anyway.
 */
export function jsonCarriesExactly(
  value: unknown,
  seen = new Set<object>(),
  depth = 0,
  budget: { left: number } = { left: Number.POSITIVE_INFINITY },
): boolean {
  // At least one code unit for any value (a digit, a bracket), more for a string.
  budget.left -= typeof value === 'string' ? value.length + 2 : 1;
  if (budget.left < 0) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (seen.has(value) || depth >= MAX_DEPTH) return false;
      seen.add(value);
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        // A hole or an extra property: a clone keeps them, JSON does not.
        if (proto !== Array.prototype || Object.keys(value).length !== value.length) return false;
        return value.every((item) => jsonCarriesExactly(item, seen, depth + 1, budget));
      }
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        budget.left -= key.length + 3;
        if (!jsonCarriesExactly((value as Record<string, unknown>)[key], seen, depth + 1, budget))
          return false;
      }
      return true;
    }
    default:
      // undefined (JSON drops the key or makes it null), bigint, symbol, function.
      return false;
  }
}

/**
 * The environment for a spawn child, and whether it carries the payload. It does unless the
 * payload's arguments or fields are more than JSON carries exactly, or it is too large; then the
 * payload must go over the channel. The rest of the payload is proclife's own (strings, numbers,
 * booleans, target references), where an absent key and an undefined one mean the same to the
 * child.
 */
export function payloadEnv(
  env: NodeJS.ProcessEnv,
  payload: ChildPayload,
): { env: NodeJS.ProcessEnv; carried: boolean } {
  const budget = { left: ENV_PAYLOAD_MAX };
  // Packed arguments are large, and bytes: they go over the channel.
  if (
    payload.packed === undefined &&
    jsonCarriesExactly(payload.args, undefined, 0, budget) &&
    jsonCarriesExactly(payload.fields, undefined, 0, budget)
  ) {
    const json = JSON.stringify(payload);
    if (json.length <= ENV_PAYLOAD_MAX) return { env: { ...env, [PAYLOAD]: json }, carried: true };
  }
  return { env: withoutPayload(env), carried: false };
}

/** `env` without a payload variable: one from elsewhere must not pass for a child's payload. */
export function withoutPayload(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env[PAYLOAD] === undefined) return env;
  const { [PAYLOAD]: _, ...rest } = env;
  return rest;
}

/** In the child: the payload its parent put in the environment, removed from it; or undefined. */
export function takePayloadFromEnv(): ChildPayload | undefined {
  const json = process.env[PAYLOAD];
  if (json === undefined) return undefined;
  // The user's code sees the environment it was given, and what it starts does not inherit this.
  delete process.env[PAYLOAD];
  return JSON.parse(json) as ChildPayload;
}
