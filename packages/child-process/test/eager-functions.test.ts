// The build step that makes a forkserver process compile its functions at boot (decision 0019):
// the bundle must mean the same after it, line for line.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { eagerFunctions } from '../../../build/eager-functions.ts';

describe('eagerFunctions', () => {
  it.each([
    [
      'a function declared before its use',
      'function a(x) {\n  return x + 1;\n}\nresult = a(1);',
      'var a = (function a(x) {\n  return x + 1;\n});\nresult = a(1);',
    ],
    [
      'async functions and generators',
      'async function b() {\n  return 2;\n}\nfunction* c() {\n  yield 3;\n}\nresult = [...c()];',
      'var b = (async function b() {\n  return 2;\n});\nvar c = (function* c() {\n  yield 3;\n});\nresult = [...c()];',
    ],
    [
      'a function used before its declaration (hoisting) stays as it is',
      'result = d();\nfunction d() {\n  return 4;\n}',
      'result = d();\nfunction d() {\n  return 4;\n}',
    ],
    [
      'a function named in an earlier function stays as it is',
      'function e() {\n  return f();\n}\nfunction f() {\n  return 5;\n}\nresult = e();',
      'var e = (function e() {\n  return f();\n});\nfunction f() {\n  return 5;\n}\nresult = e();',
    ],
    [
      'a property or a method of the same name is not a use',
      'class K {\n  static run() {\n    return 7;\n  }\n  get(x) {\n    return x;\n  }\n}\nconst o = { run: 1 };\nfunction run() {\n  return o.run + K.run() + new K().get(1);\n}\nfunction get() {\n  return run();\n}\nresult = get();',
      'class K {\n  static run() {\n    return 7;\n  }\n  get(x) {\n    return x;\n  }\n}\nconst o = { run: 1 };\nfunction run() {\n  return o.run + K.run() + new K().get(1);\n}\nvar get = (function get() {\n  return run();\n});\nresult = get();',
    ],
    [
      'a name after a spread is a use',
      'result = [...m()].length;\nfunction m() {\n  return [8];\n}',
      'result = [...m()].length;\nfunction m() {\n  return [8];\n}',
    ],
    [
      'nested functions are left to V8',
      'function g() {\n  function h() {\n    return 6;\n  }\n  return h();\n}\nresult = g();',
      'var g = (function g() {\n  function h() {\n    return 6;\n  }\n  return h();\n});\nresult = g();',
    ],
  ])('%s', (_, input, output) => {
    const eager = eagerFunctions(input);
    expect(eager).toBe(output);
    expect(eager.split('\n')).toHaveLength(input.split('\n').length);
    const run = (code: string) => {
      const context = { result: undefined as unknown };
      runInNewContext(code, context);
      return context.result;
    };
    expect(run(eager)).toEqual(run(input));
  });

  it('wraps only the functions named in `only`', () => {
    const input = 'function a() {\n  return 1;\n}\nfunction b() {\n  return 2;\n}\nresult = a() + b();';
    const eager = eagerFunctions(input, new Set(['b']));
    expect(eager).toBe(
      'function a() {\n  return 1;\n}\nvar b = (function b() {\n  return 2;\n});\nresult = a() + b();',
    );
    const context = { result: undefined as unknown };
    runInNewContext(eager, context);
    expect(context.result).toBe(3);
  });

  it('fails the build when a name in `only` is not a top-level function of the bundle', () => {
    const input = 'function a() {\n  function inner() {}\n  return 1;\n}\nresult = a();';
    expect(() => eagerFunctions(input, new Set(['a', 'renamed', 'inner']))).toThrow(
      /no top-level function declaration named renamed, inner/,
    );
  });
});
