// A forkserver process boots long before it is handed a Process; whatever it compiles at boot is
// off the path of start(). V8 compiles a function lazily, on its first call, and Node's compile
// cache holds only what was compiled before the module ran, so every stock process compiled the
// hand-off's functions between start() and the target. V8 compiles a function eagerly when its
// literal is wrapped in parentheses, and the compile cache then keeps it too: this build step
// turns the bundle's top-level `function f() {}` into `var f = (function f() {});`. The forkserver
// bundle has every function wrapped; the spawn entry and the thread bootstrap only those on their
// way to the target (`eagerPath` in tsup.shared.ts). See docs/decisions/0019-child-start-without-exec.md.

const DECLARATION = /^(?:async )?function\*? ([\w$]+)\(/;
// A method definition in a class or an object literal: its name is not a use of a function.
const METHOD = /^\s+(?:(?:static|async|get|set) +)*\*?[\w$#]+ ?\([^()]*\) \{$/;
// A word that is not a property name after a dot (`x.run()`); a spread (`...run`) is a use.
const WORDS = /(?<![\w$])(?<![^.]\.)[\w$]+/g;

/** The names that a line may use: a method definition's own name and modifiers are not uses. */
function used(line: string): string[] {
  const head = METHOD.test(line) ? line.indexOf('(') : 0;
  return line.slice(head).match(WORDS) ?? [];
}

/**
 * Wraps each top-level function declaration of an esbuild bundle in parentheses, in place (the
 * line numbers, and with them the source map, stay). A function whose name appears before its
 * declaration is left as it is: without hoisting, an earlier use would see `undefined`. A
 * property name after a dot and the name of a method definition are not uses.
 *
 * With `only`, just the functions of those names: the ones a child calls before its target, where
 * compiling every function would cost more than it saves (a spawn child loads its bundle on the
 * path of `start()`). A name of `only` that the bundle does not declare at its top level is an
 * error, so that a renamed function cannot fall out of the list unnoticed.
 */
export function eagerFunctions(code: string, only?: ReadonlySet<string>): string {
  const lines = code.split('\n');
  const seen = new Set<string>();
  const declared = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const name = DECLARATION.exec(line)?.[1];
    if (name !== undefined) declared.add(name);
    if (name !== undefined && !seen.has(name) && (only === undefined || only.has(name))) {
      // esbuild closes a top-level declaration with a `}` alone on its line.
      const end = lines.indexOf('}', i + 1);
      if (end > i) {
        lines[i] = `var ${name} = (${line}`;
        lines[end] = '});';
        for (let j = i; j <= end; j++) for (const word of used(lines[j] as string)) seen.add(word);
        i = end;
        continue;
      }
    }
    for (const word of used(line)) seen.add(word);
  }
  const missing = [...(only ?? [])].filter((name) => !declared.has(name));
  if (missing.length > 0) {
    throw new Error(
      `eagerFunctions: no top-level function declaration named ${missing.join(', ')} in the bundle.`,
    );
  }
  return lines.join('\n');
}
