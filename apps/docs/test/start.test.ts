// `npm start`'s server (server/main.ts) as a reader meets it: a short log with the URL first, no
// rebuild when nothing changed, PORT honoured (and a clear line when it is taken), the next free
// port when the default is taken, and a quiet exit on Ctrl+C (SIGINT).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listenFrom } from '../server/listen.ts';

const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    err += c;
  });
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

/** A port some other program holds for the test. */
async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('npm start (server/main.ts)', () => {
  it('skips the build the second time when nothing changed, with a short log and a quiet Ctrl+C', {
    timeout: 240_000,
  }, async () => {
    // The first start builds if the site is missing or stale; the second must not.
    for (const round of [1, 2]) {
      const run = start({ PORT: '0' });
      await expect
        .poll(run.out, { timeout: round === 1 ? 200_000 : 30_000 })
        .toContain('Ready. Press Ctrl+C to stop.');
      const lines = run.out().trimEnd().split('\n');
      expect(lines[0]).toMatch(
        /^proclife docs: http:\/\/localhost:\d+\/ {2}\(한국어: http:\/\/localhost:\d+\/ko\/\)$/,
      );
      expect(lines.length).toBeLessThanOrEqual(15);
      if (round === 2)
        expect(lines.slice(1)).toEqual([
          'The site is up to date: no rebuild.',
          'Ready. Press Ctrl+C to stop.',
        ]);
      const url = /http:\/\/localhost:\d+\//.exec(lines[0] ?? '')?.[0] ?? '';
      expect((await fetch(`${url}ko/`)).status).toBe(200);
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      expect(run.err()).toBe('');
      expect(run.out().trimEnd().split('\n')).toEqual(lines);
    }
  });

  it('says so in one line and exits 1 when the port in PORT is taken', { timeout: 60_000 }, async () => {
    const port = await takenPort();
    const run = start({ PORT: String(port) });
    expect(await run.exit).toBe(1);
    expect(run.out()).toBe('');
    expect(run.err()).toBe(
      `proclife docs: port ${port} (from PORT) is taken by another program; choose another, e.g. PORT=${port + 1} npm start.\n`,
    );
  });

  it('moves to a free port after a taken default, and keeps a fixed one fixed', async () => {
    const port = await takenPort();
    const moved = createServer();
    servers.push(moved);
    expect(await listenFrom(moved, port, false)).toBeGreaterThan(port);
    const fixed = createServer();
    await expect(listenFrom(fixed, port, true)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
