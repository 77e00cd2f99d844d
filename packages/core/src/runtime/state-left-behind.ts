import { quote } from '../errors.ts';
import { inspectorUnavailable } from './inspector-session.ts';
import { privateMembersOf, privateMembersWords } from './private-members.ts';

// What of a class instance's state its crossing would leave behind: its #private members
// (private-members.ts) and the own properties that it does not carry. An instance crosses with its
// own enumerable fields, by their string names (decision 0012); pickle copies every attribute, and
// a Python attribute always has a name. A property keyed by a symbol, or one that is not
// enumerable, would arrive missing, so the crossing refuses the instance instead (decision 0031).

/** What an instance holds that would not cross with it. */
export interface UnsentKeys {
  /** Own properties keyed by a symbol: a symbol is not a name that another process shares. */
  symbols: symbol[];
  /** Own non-enumerable properties with a string key. */
  hidden: string[];
}

// Own non-enumerable properties that belong to a built-in base class and cross with its value
// (structured clone copies an error's message and stack, an array's length).
function builtinOwn(value: object, key: string): boolean {
  if (value instanceof Error)
    return key === 'stack' || key === 'message' || key === 'cause' || key === 'errors';
  if (Array.isArray(value) || value instanceof String) return key === 'length';
  return value instanceof RegExp && key === 'lastIndex';
}

/**
 * The own properties of `value` that would not cross with it, or null when there are none: most
 * instances have no such property, and for them this costs two lists of keys.
 */
export function unsentKeysOf(value: object): UnsentKeys | null {
  // Not Reflect.ownKeys(): encoding 10,000 small instances took 7.4 to 7.7 ms with it, against 5.4
  // to 5.9 ms with these three lists (decision 0031).
  const symbols = Object.getOwnPropertySymbols(value);
  const names = Object.getOwnPropertyNames(value);
  // Most instances hold enumerable string keys only, and then the two counts agree.
  if (symbols.length === 0 && names.length === Object.keys(value).length) return null;
  const hidden: string[] = [];
  for (const key of names) {
    if (!Object.prototype.propertyIsEnumerable.call(value, key) && !builtinOwn(value, key)) hidden.push(key);
  }
  return symbols.length === 0 && hidden.length === 0 ? null : { symbols, hidden };
}

/** How a refusal names `unsent` ("a property keyed by Symbol(state)") and what to do instead. */
export function unsentKeysWords(unsent: UnsentKeys): { named: string; fix: string } {
  const parts: string[] = [];
  const fixes: string[] = [];
  if (unsent.symbols.length > 0) {
    const list = listOf(unsent.symbols.map(String));
    parts.push(unsent.symbols.length === 1 ? `a property keyed by ${list}` : `properties keyed by ${list}`);
    const description = unsent.symbols[0]?.description ?? '';
    const example = /^[A-Za-z_$][\w$]*$/.test(description) ? description.replace(/^_+/, '') : 'state';
    fixes.push(
      `key that state by a name (a leading underscore marks a field as internal, as in Python: _${example})`,
    );
  }
  if (unsent.hidden.length > 0) {
    const list = listOf(unsent.hidden.map((key) => quote(key)));
    parts.push(`the non-enumerable propert${unsent.hidden.length === 1 ? 'y' : 'ies'} ${list}`);
    fixes.push(`make ${unsent.hidden.length === 1 ? 'that property' : 'those properties'} enumerable`);
  }
  return { named: parts.join(' and '), fix: fixes.join(', and ') };
}

function listOf(items: string[]): string {
  return items.length === 1
    ? (items[0] as string)
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What of an instance's state would not cross, in a refusal's words. */
export interface StateLeftBehind {
  /** "holds the private member #n", "holds a property keyed by Symbol(state)", or "may hold ...". */
  holds: string;
  /** What to do instead. */
  fix: string;
  /** Why nothing can carry it, when that is not said by how an instance crosses; or ''. */
  unreadable: string;
  /** Whether it is data (fields, as opposed to private methods only). */
  data: boolean;
}

/**
 * The state of an instance that would not cross with it (decision 0031): its #private members
 * first, then its own properties keyed by symbols or not enumerable. Null when it all crosses.
 * Where the inspector cannot say which private members it holds, those its classes declare are
 * refused as possibly held (decision 0032).
 */
export function stateLeftBehind(value: object): StateLeftBehind | null {
  const hidden = privateMembersOf(value);
  if (hidden.names.length > 0) {
    const { named, fix } = privateMembersWords(hidden.names);
    const common = {
      unreadable: ', and no code outside a class can read its private members',
      data: hidden.names.some((n) => !n.endsWith('()')),
    };
    if (hidden.checked) return { holds: `holds ${named}`, fix, ...common };
    const without = inspectorUnavailable();
    return {
      holds: `may hold ${named}: the source of its class declares ${hidden.names.length === 1 ? 'it' : 'them'}, and this process cannot check which an object holds (${without?.why ?? 'the inspector did not answer'}, and only the inspector reads an object's private members)`,
      fix: `${without?.allow ? `run Node with ${without.allow} as well, so that proclife can check, or ` : ''}${fix}`,
      ...common,
    };
  }
  const unsent = unsentKeysOf(value);
  if (unsent === null) return null;
  const { named, fix } = unsentKeysWords(unsent);
  return { holds: `holds ${named}`, fix, unreadable: '', data: true };
}
