import { MAX_TIMER_MS } from '../bounded-wait.ts';
import { nodeUtil, nodeV8 } from '../builtins.ts';
import { currentSlot, type ParentProcess, setCurrentProcess, setPendingProcess } from '../current-slot.ts';
import { debug } from '../debug.ts';
import { CloneError, quote, TargetError } from '../errors.ts';
import type { ChildMessage, ChildPayload, Serialization, TargetRef } from '../launcher.ts';
import { local } from '../local-state.ts';
import type { BaseProcess, Target } from '../process/index.ts';
import { abortState, becomeCurrent, currentState, type Internals } from '../process/state.ts';
import { decodeInstances } from '../runtime/class-instances.ts';
import { CROSSINGS } from '../runtime/crossing.ts';
import { exportIn, exportLabel } from '../runtime/export-lookup.ts';
import { fingerprintMismatch, rememberFingerprints } from '../runtime/fingerprint.ts';
import { deserializeCause, type SerializedValue, serializeError } from '../serialize-error.ts';
import { parentView } from './parent-view.ts';
import { resultMessage } from './result-message.ts';

/** How a child talks to its parent; each start method provides one. */
export interface ChildTransport {
  /** Sends a message; rejects (or throws) when the value cannot be cloned. */
  send(message: ChildMessage): Promise<void>;
  /**
   * How a message crosses to the parent: `'structured-clone'` (the default, a worker's
   * `postMessage`) or `'advanced'` (a child process's channel), as the launcher's own.
   */
  serialization?: Serialization;
  /** Calls `listener` when the parent asks the child to stop, with the reason it gave, if any. */
  onStopRequest(listener: (reason?: SerializedValue) => void): void;
  /** Resolves when the parent has ended. */
  parentEnded: Promise<void>;
  /** Sets the process title (processes only: a thread shares its host's title). */
  setTitle?(title: string): void;
  /** Called once the target has settled: lets the child's event loop end on its own. */
  release(): void;
  /** Ends the child now with `code` (after an error that cannot be recovered). */
  exit(code: number): void;
}

// Namespaces a forkserver process imported while idle: the hand-off reads them without another
// trip through the module loader (an `import()` of a loaded module still takes several turns).
const preimported = new Map<string, Record<string, unknown>>();

/** The function that `ref` names in the namespace `ns`, checked against what the parent sent. */
function exportOf(ns: Record<string, unknown>, ref: TargetRef, what: string): unknown {
  const value = exportIn(ns, ref);
  const label = exportLabel(ref);
  if (typeof value !== 'function') {
    throw new TargetError(
      'ERR_TARGET_NOT_FOUND',
      ref.from === 'registry'
        ? `The child imported ${ref.module}, but it did not register ${what} ${label}: call registerTarget() at the top level of that module, not under a main guard.`
        : `The child could not find ${what} ${label} among the exports of ${ref.module}: export it from that module.`,
    );
  }
  // Identity before anything runs: the parent sent what the function it passed looks like.
  const mismatch = ref.check ? fingerprintMismatch(value as (...args: never[]) => unknown, ref.check) : null;
  if (mismatch !== null) {
    throw new TargetError(
      'ERR_TARGET_MISMATCH',
      `The child imported ${label} from ${ref.module}, but it is not ${what} the parent passed (${mismatch}), so nothing was run. ` +
        'This happens when a module export is reassigned after the module loads, or when the file changed since the parent loaded it. ' +
        'Pass a function that the module exports as it is defined, or register it with registerTarget().',
    );
  }
  return value;
}

// A plain value from a module imported ahead (forkserver), a promise otherwise: the hand-off then
// reaches the target in the message's own turn, with no promise turn between them.
function importExport(ref: TargetRef, what: string): unknown {
  const ns = preimported.get(ref.module);
  if (ns) return exportOf(ns, ref, what);
  return import(ref.module).then((imported: Record<string, unknown>) => exportOf(imported, ref, what));
}

/** Whether the bootstrap reaches the target without awaiting a turn: see importExport(). */
function importedAhead(payload: ChildPayload): boolean {
  if (payload.classes) return false;
  for (const ref of [payload.processClass, payload.target])
    if (ref && !preimported.has(ref.module)) return false;
  return true;
}

/**
 * Imports a module the way the child bootstrap imports a target's module, so that a process
 * booted ahead of time (forkserver) leaves nothing of that import for {@link runChild} to do:
 * Node caches a resolution per importing module, and this is the same importing module.
 */
export async function preimportModule(module: string): Promise<unknown> {
  const ns = (await import(module)) as Record<string, unknown>;
  preimported.set(module, ns);
  rememberFingerprints(ns);
  return ns;
}

/**
 * Runs, on throwaway values, the steps without side effects that {@link runChild} takes before
 * the target (the parent's view, the Process state), so that a process booted ahead of time
 * (forkserver) has run their code once before its hand-off: code's first run in a process is
 * several times slower than the next.
 */
export function warmUpRunChild(): void {
  const never = new Promise<void>(() => {});
  parentView({ parentName: '', parentPid: 0 }, never).isAlive();
  currentState({
    name: '',
    daemon: false,
    identity: [],
    parentPid: 0,
    parentName: '',
    parentToken: '',
    args: [],
  });
}

/** Reads back the arguments and fields that crossed as bytes (`ChildPayload.packed`). */
function unpack(payload: ChildPayload): void {
  const [args, fields] = nodeV8().deserialize(payload.packed as Uint8Array) as [
    unknown[],
    Record<string, unknown>,
  ];
  payload.args = args;
  payload.fields = fields;
  payload.packed = undefined;
}

/** Rebuilds the class instances among the arguments and fields, once their classes are imported. */
async function rebuildInstances(payload: ChildPayload): Promise<void> {
  const found = await Promise.all(
    (payload.classes ?? []).map((ref) => importExport(ref, 'the class of an argument')),
  );
  const classes = found as Parameters<typeof decodeInstances>[1];
  // In place, and in one pass so that references shared between them stay shared: the child's
  // Process already holds this very array of arguments.
  decodeInstances([payload.args, payload.fields], classes);
  // An object already made (by a module's top level) takes the rebuilt fields; one made later
  // takes them from the pending Process, which holds this very object of fields.
  if (currentSlot.current !== undefined) Object.assign(currentSlot.current, payload.fields);
}

const STOP_REQUESTED = 'the parent asked this process to stop';

/** The parent's abort reason, rebuilt as the cause of the child's own. */
function causeOf(reason: SerializedValue | undefined): { cause: unknown } | undefined {
  return reason === undefined ? undefined : { cause: deserializeCause(reason) };
}

function printProcessError(name: string, error: unknown): void {
  // Python prints `Process <name>:` and the traceback to the child's stderr.
  process.stderr.write(`Process ${name}:\n${nodeUtil().inspect(error)}\n`);
}

/** The child's own Process becomes an object of the user's subclass, with its fields. */
function becomeSubclass(
  Subclass: typeof BaseProcess,
  state: Internals,
  payload: ChildPayload,
  parent: ParentProcess,
): BaseProcess {
  const self = Object.create(Subclass.prototype) as BaseProcess;
  becomeCurrent(self, state, payload.fields);
  setCurrentProcess(self, parent);
  return self;
}

/**
 * The child side of every start method: becomes the Process its parent started, imports the
 * target's module, runs the target (or the subclass's `run()`), reports the result or the
 * error, and lets the event loop end. Exit codes follow Python: 0, or 1 for an uncaught error.
 *
 * The child's own Process is state first: the object that `currentProcess()` returns is made
 * when code first asks for it, by the copy of core that asks, so that this bootstrap needs none
 * of the parent-side engine (docs/decisions/0021-a-child-runtime-without-the-engine.md). A
 * Process subclass is imported and made at once, since its `run()` is the target. `provider`
 * gives the file URL of the module that registers the start method (see `PendingProcess.provider`).
 */
export async function runChild(
  payload: ChildPayload,
  transport: ChildTransport,
  provider?: () => string,
): Promise<void> {
  if (payload.packed) unpack(payload);
  local.identity = payload.identity;
  local.counter = 0;
  local.name = payload.name;
  local.daemon = payload.daemon;
  local.startMethod = payload.startMethod;
  local.bootstrapping = true;
  transport.setTitle?.(payload.name);
  const parent = parentView(payload, transport.parentEnded);
  const state = currentState(payload);
  setPendingProcess(
    {
      state,
      fields: payload.fields,
      startMethod: payload.startMethod,
      builtinClass: payload.builtinClass,
      provider,
    },
    parent,
  );
  let self: BaseProcess | undefined;

  let reported = false;
  const fail = async (error: unknown, header: boolean): Promise<void> => {
    if (header) printProcessError(payload.name, error);
    else process.stderr.write(`${nodeUtil().inspect(error)}\n`);
    if (!reported) {
      reported = true;
      await transport.send({ t: 'proclife:error', error: serializeError(error) }).catch(() => {});
    }
  };
  // What can only arrive in a later turn of the event loop (a stop request, the parent's end, an
  // error thrown by a timer or a rejected promise that nobody awaited) is listened for before the
  // first turn this bootstrap awaits, or else once the target has begun: a target whose module
  // was imported ahead then starts without this setup before it (about 0.06 ms of a cold process).
  let listening = false;
  const listen = (): void => {
    if (listening) return;
    listening = true;
    transport.onStopRequest((reason) => abortState(state, STOP_REQUESTED, causeOf(reason)));
    void transport.parentEnded.then(() => abortState(state, 'the parent process ended'));
    // Such errors end the child with 1, as an uncaught exception does in Python's bootstrap.
    process.on('uncaughtException', (error) => {
      void fail(error, true).finally(() => transport.exit(1));
    });
  };
  if (!importedAhead(payload)) listen();

  let target: Target | undefined;
  try {
    // A promise only when the module was not imported ahead: no turn is spent on a plain value.
    if (payload.processClass) {
      const found = importExport(payload.processClass, 'the Process subclass');
      const Subclass = (found instanceof Promise ? await found : found) as typeof BaseProcess;
      self = becomeSubclass(Subclass, state, payload, parent);
    }
    if (payload.target) {
      const found = importExport(payload.target, 'the target function');
      target = (found instanceof Promise ? await found : found) as Target;
    }
    if (payload.classes) await rebuildInstances(payload);
  } catch (error) {
    // Like Python's failures while unpickling: no `Process <name>:` header, exit code 1.
    local.bootstrapping = false;
    await fail(error, false);
    transport.exit(1);
    return;
  }
  local.bootstrapping = false;
  state.target = target;
  debug('ready %s pid=%d', payload.name, process.pid);

  let value: unknown;
  if (payload.observe) void transport.send({ t: 'proclife:running' }).catch(() => {}); // lifecycle event
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  try {
    // Without a subclass, what BaseProcess.run() does, with no object to call it on.
    const returned: unknown = self ? self.run() : target?.(...state.args);
    listen();
    // Python's child runs its target to the end: a target awaiting a promise that nothing in the
    // event loop will settle (its own AbortSignal, say) must not end the child with exit code 0.
    // A stop request, SIGTERM or the parent's death still end it. Set once the target returned
    // (the event loop cannot end while it runs), so that the target does not wait for the timer.
    if (typeof (returned as PromiseLike<unknown> | null)?.then === 'function') {
      keepAlive = setInterval(() => {}, MAX_TIMER_MS);
    }
    value = await returned;
  } catch (error) {
    // For a target that threw before it returned; a second call does nothing.
    listen();
    await fail(error, true);
    process.exitCode = 1;
    transport.release();
    return;
  } finally {
    clearInterval(keepAlive);
  }
  const serialization = transport.serialization ?? 'structured-clone';
  try {
    await transport.send(resultMessage(value, payload, serialization, provider));
  } catch (cause) {
    const error =
      cause instanceof CloneError
        ? cause
        : new CloneError(
            'ERR_RESULT_NOT_CLONEABLE',
            `The value returned by ${payload.name}'s target (${quote(value)}) cannot be sent to the parent: ` +
              `results cross ${CROSSINGS[serialization].how}. Return plain data instead.`,
            { cause },
          );
    await fail(error, true);
    process.exitCode = 1;
  }
  transport.release();
}
