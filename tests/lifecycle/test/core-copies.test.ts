// Several copies of @proclife/core in one process: a child's bootstrap is one bundled file with
// core inside it, and a dependency tree can install core twice. Copies of one version share the
// engine's state on globalThis; a copy of another version keeps its own (decision 0017). Each
// copy here is core's built dist/ copied into a folder of its own, so Node loads it as a
// separate module graph, exactly as a second install would be.
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Process } from '@proclife/child-process';
import * as core from '@proclife/core';
import { thrownBy } from '@proclife/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noop } from '../fixtures/targets.ts';
import { checkNothingLeft } from './nothing-left.ts';

type Core = typeof core;

let tmp: string;
let copyA: Core;
let copyB: Core;
let otherVersion: Core;

/** Copies core's package (dist/ and package.json) to `<tmp>/<name>`; `edit` may change its chunks. */
function copyOfCore(name: string, edit?: (source: string) => string): string {
  const root = dirname(dirname(createRequire(import.meta.url).resolve('@proclife/core')));
  const to = join(tmp, name);
  cpSync(join(root, 'dist'), join(to, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(to, 'package.json'));
  if (edit) {
    for (const file of readdirSync(join(to, 'dist')).filter((f) => f.endsWith('.js'))) {
      const path = join(to, 'dist', file);
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
    }
  }
  return pathToFileURL(join(to, 'dist', 'index.js')).href;
}

beforeAll(async () => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'proclife-core-copies-')));
  copyA = await import(copyOfCore('a'));
  copyB = await import(copyOfCore('b'));
  otherVersion = await import(
    copyOfCore('other', (s) => s.replace(/(CORE_VERSION = true \? )"[^"]+"/, '$1"0.0.0-other"'))
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

checkNothingLeft();

describe('copies of @proclife/core of one version', () => {
  it('are separate module graphs (the premise of this suite)', () => {
    expect(copyA.BaseProcess).not.toBe(core.BaseProcess);
    expect(copyA.BaseProcess).not.toBe(copyB.BaseProcess);
  });

  it('agree on the current process', () => {
    const main = core.currentProcess();
    expect(copyA.currentProcess()).toBe(main);
    expect(copyB.currentProcess()).toBe(main);
    expect(copyA.parentProcess()).toBe(null);
  });

  it('see the children that another copy started, and their end', async () => {
    const p = new Process({ target: noop }).start();
    expect(copyA.activeChildren()).toEqual([p]);
    expect(copyB.activeChildren()).toEqual([p]);
    await p.join();
    expect(p.exitCode).toBe(0);
    expect(copyA.activeChildren()).toEqual([]);
  });

  it('number new processes with one counter', () => {
    const first = new Process({ target: noop });
    const second = new copyA.BaseProcess({ target: noop });
    const number = (name: string) => Number(/-(\d+)$/.exec(name)?.[1]);
    expect(number(second.name)).toBe(number(first.name) + 1);
  });

  it('answer instanceof for each other’s objects, by class', () => {
    const p = new Process({ target: noop });
    expect(p instanceof copyA.BaseProcess).toBe(true);
    expect(core.currentProcess() instanceof copyB.BaseProcess).toBe(true);
    expect({} instanceof copyA.BaseProcess).toBe(false);
    // A user's class is unique: only its own objects are instances of it.
    class Mine extends core.BaseProcess {}
    expect(new copyA.BaseProcess() instanceof Mine).toBe(false);
  });

  it('answer instanceof for each other’s errors, by class', () => {
    // The main process cannot be started: ERR_PROCESS_STATE from copy A's code.
    const error = thrownBy(() => copyA.currentProcess().start());
    expect(error).toMatchObject({ code: 'ERR_PROCESS_STATE', name: 'ProcessStateError' });
    expect(error instanceof core.ProclifeError).toBe(true);
    expect(error instanceof copyB.ProcessStateError).toBe(true);
    expect(error instanceof copyB.TargetError).toBe(false);
    expect(new Error('plain') instanceof copyB.ProclifeError).toBe(false);
  });
});

describe('a copy of another version', () => {
  it('keeps its own state: it cannot read the internals of this version’s objects', () => {
    expect(otherVersion.currentProcess()).not.toBe(core.currentProcess());
    expect(otherVersion.currentProcess().name).toBe('MainProcess');
    expect(otherVersion.activeChildren()).toEqual([]);
  });
});
