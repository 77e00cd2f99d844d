// The process tree of a PROCLIFE_TRACE: one node per process or thread, its state changes and
// how it ended, built from the trace's lines in any order. Shared by the trace viewer page and
// the live panel beside a running example.

/** A lifecycle state as the panel shows it. */
export type LaneState = 'created' | 'started' | 'running' | 'ended';

/** One line of a trace, as far as the drawing needs it (see `TraceLine` in @proclife/core). */
export interface TraceEvent {
  event: string;
  id: string;
  parentId: string;
  mono: number;
  name: string;
  method: string | null;
  daemon: boolean;
  pid: number | null;
  threadId: number | null;
  parent: { pid: number; threadId: number | null; name: string; identity: string };
  step?: string;
  exitCode?: number;
  exitCodeLabel?: string;
  signal?: string | null;
  errorCode?: string | null;
}

/** One process (or thread) of the tree: a lane. */
export interface LaneNode {
  id: string;
  parentId: string | null;
  name: string;
  pid: number | null;
  threadId: number | null;
  method: string | null;
  daemon: boolean;
  /** True for the tree's root, known only as the parent of its children. */
  root: boolean;
  state: LaneState;
  /** Monotonic ms of each state change. */
  at: Partial<Record<LaneState, number>>;
  stops: { step: string; at: number }[];
  exitCode: number | null;
  exitCodeLabel: string | null;
  signal: string | null;
  errorCode: string | null;
  children: LaneNode[];
  depth: number;
}

const STATE_OF: Record<string, LaneState> = {
  created: 'created',
  start: 'started',
  running: 'running',
  exit: 'ended',
};
const ORDER: LaneState[] = ['created', 'started', 'running', 'ended'];

function isEvent(value: unknown): value is TraceEvent {
  const v = value as TraceEvent | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.event === 'string' &&
    typeof v.id === 'string' &&
    typeof v.parentId === 'string' &&
    typeof v.mono === 'number' &&
    typeof v.parent === 'object' &&
    v.parent !== null
  );
}

/** Collects trace events and answers with the tree they describe. */
export class TraceModel {
  readonly #nodes = new Map<string, LaneNode>();
  readonly #roots = new Map<string, LaneNode>();
  /** Lines that were not trace events. */
  skipped = 0;
  /** Trace events read. */
  events = 0;
  /** The earliest and latest monotonic times seen. */
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  /** Reads a whole trace file (JSON lines); returns this model. */
  addText(text: string): this {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      try {
        this.add(JSON.parse(line));
      } catch {
        this.skipped++;
      }
    }
    return this;
  }

  /** Adds one event; anything that is not a trace event is counted in {@link skipped}. */
  add(value: unknown): void {
    if (!isEvent(value)) {
      this.skipped++;
      return;
    }
    const e = value;
    this.events++;
    this.first = Math.min(this.first, e.mono);
    this.last = Math.max(this.last, e.mono);
    let node = this.#nodes.get(e.id);
    if (!node) {
      node = this.#blank(e.id, e.parentId, e.name, false);
      this.#nodes.set(e.id, node);
    }
    node.name = e.name;
    node.method = e.method;
    node.daemon = e.daemon;
    node.pid = e.pid ?? node.pid;
    node.threadId = e.threadId ?? node.threadId;
    node.parentId = e.parentId;
    if (e.event === 'stop') node.stops.push({ step: e.step ?? '', at: e.mono });
    const state = STATE_OF[e.event];
    if (state) {
      node.at[state] = e.mono;
      if (ORDER.indexOf(state) > ORDER.indexOf(node.state) || !node.at[node.state]) node.state = state;
    }
    if (e.event === 'exit') {
      node.exitCode = e.exitCode ?? null;
      node.exitCodeLabel = e.exitCodeLabel ?? (e.exitCode === undefined ? null : String(e.exitCode));
      node.signal = e.signal ?? null;
      node.errorCode = e.errorCode ?? null;
    }
    // The owner of the first process seen under a parent id that no event describes: the root.
    if (!this.#roots.has(e.parentId)) {
      const root = this.#blank(e.parentId, null, e.parent.name, true);
      root.pid = e.parent.pid;
      root.threadId = e.parent.threadId;
      root.state = 'running';
      root.at.running = e.mono;
      this.#roots.set(e.parentId, root);
    }
    const root = this.#roots.get(e.parentId);
    if (root) root.at.running = Math.min(root.at.running ?? e.mono, e.mono);
  }

  /** Marks the tree's root as ended (the live panel knows it from the run's own end). */
  endRoot(exitCode: number | null, signal: string | null): void {
    for (const root of this.#roots.values()) {
      if (this.#nodes.has(root.id)) continue;
      root.state = 'ended';
      root.at.ended = this.last;
      root.exitCode = exitCode;
      root.exitCodeLabel = exitCode === null ? null : String(exitCode);
      root.signal = signal;
    }
  }

  /** The lanes in tree order (each parent before its children), with their depth. */
  lanes(): LaneNode[] {
    const all = new Map<string, LaneNode>(this.#nodes);
    for (const [id, root] of this.#roots) if (!all.has(id)) all.set(id, root);
    for (const node of all.values()) node.children = [];
    const tops: LaneNode[] = [];
    for (const node of all.values()) {
      const parent = node.parentId === null ? undefined : all.get(node.parentId);
      if (parent && parent !== node) parent.children.push(node);
      else tops.push(node);
    }
    const startOf = (n: LaneNode) => n.at.created ?? n.at.started ?? n.at.running ?? 0;
    const out: LaneNode[] = [];
    const visit = (node: LaneNode, depth: number) => {
      node.depth = depth;
      out.push(node);
      for (const child of node.children.sort((a, b) => startOf(a) - startOf(b))) visit(child, depth + 1);
    };
    for (const top of tops.sort((a, b) => startOf(a) - startOf(b))) visit(top, 0);
    return out;
  }

  #blank(id: string, parentId: string | null, name: string, root: boolean): LaneNode {
    return {
      id,
      parentId,
      name,
      pid: null,
      threadId: null,
      method: null,
      daemon: false,
      root,
      state: 'created',
      at: {},
      stops: [],
      exitCode: null,
      exitCodeLabel: null,
      signal: null,
      errorCode: null,
      children: [],
      depth: 0,
    };
  }
}
