// Draws a TraceModel as a table: one row (lane) per process or thread, indented under its
// parent, with its pid, start method, daemon flag, state, how it ended and a timeline of its
// state changes. The trace viewer page and the live panel of every example use it.
import type { LaneNode, TraceModel } from './model.ts';
import type { LaneStrings } from './strings.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** How a lane ended, in words: `exit code 0`, `signal SIGTERM`, `exit code 1 (ERR_...)`. */
export function endText(node: LaneNode, t: LaneStrings): string {
  if (node.state !== 'ended') return '';
  if (node.signal) return `${t.signal} ${node.signal}`;
  const code = node.exitCodeLabel ?? (node.exitCode === null ? '?' : String(node.exitCode));
  return `${t.exitCode} ${code}${node.errorCode ? ` (${node.errorCode})` : ''}`;
}

function timeline(node: LaneNode, first: number, span: number, t: LaneStrings): HTMLElement {
  const lane = el('div', 'lanes__track');
  const steps: string[] = [];
  const x = (at: number) => ((at - first) / span) * 100;
  const order = ['created', 'started', 'running', 'ended'] as const;
  order.forEach((state, i) => {
    const from = node.at[state];
    if (from === undefined) return;
    steps.push(`${t.states[state]} +${ms(from - first)}`);
    if (state === 'ended') {
      lane.append(Object.assign(el('span', 'lanes__end'), { style: `left:${x(from)}%` }));
      return;
    }
    const next = order.slice(i + 1).find((s) => node.at[s] !== undefined);
    const to = next === undefined ? first + span : (node.at[next] as number);
    const seg = el('span', `lanes__seg lanes__seg--${state}`);
    seg.style.left = `${x(from)}%`;
    seg.style.width = `${Math.max(0.5, x(to) - x(from))}%`;
    lane.append(seg);
  });
  for (const stop of node.stops) {
    const mark = el('span', `lanes__stop lanes__stop--${stop.step}`);
    mark.style.left = `${x(stop.at)}%`;
    lane.append(mark);
    steps.push(`${t.stops[stop.step] ?? stop.step} +${ms(stop.at - first)}`);
  }
  lane.setAttribute('role', 'img');
  lane.setAttribute('aria-label', steps.join(', '));
  lane.title = steps.join('\n');
  return lane;
}

/**
 * Renders `model` into `container` (replacing what was there). Rows carry `data-id`,
 * `data-state` and `data-end` for scripts and tests.
 */
export function renderLanes(container: HTMLElement, model: TraceModel, t: LaneStrings): void {
  const lanes = model.lanes();
  const summary = el(
    'p',
    'lanes__summary',
    t.summary(lanes.filter((n) => !n.root).length, model.events, model.skipped),
  );
  if (lanes.length === 0) {
    container.replaceChildren(el('p', 'lanes__empty', t.empty));
    return;
  }
  const first = model.first;
  const span = Math.max(1, model.last - model.first);
  const table = el('table', 'lanes');
  table.append(el('caption', 'sr-only', t.caption));
  const head = el('tr');
  for (const label of [t.process, t.pid, t.method, t.daemon, t.state, t.end, t.timeline]) {
    const th = el('th', undefined, label);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const node of lanes) {
    const row = el('tr', `lanes__row lanes__row--${node.state}`);
    row.dataset.id = node.id;
    row.dataset.state = node.state;
    row.dataset.end = node.signal ?? node.exitCodeLabel ?? '';
    const name = el('th', 'lanes__name');
    name.scope = 'row';
    name.style.paddingInlineStart = `${0.5 + node.depth * 1.1}rem`;
    if (node.depth > 0) name.append(el('span', 'lanes__branch', '└ '));
    name.append(el('span', 'lanes__label', node.name));
    if (node.root) name.append(el('span', 'lanes__note', ` (${t.main})`));
    const pid =
      node.threadId === null ? String(node.pid ?? '') : `${node.pid ?? ''} · ${t.thread} ${node.threadId}`;
    const state = el('td');
    // A trace knows the root only as its children's parent: its state shows once it is known.
    if (!node.root || node.state === 'ended') {
      state.append(el('span', `lanes__badge lanes__badge--${node.state}`, t.states[node.state]));
    }
    const timeCell = el('td', 'lanes__time');
    timeCell.append(timeline(node, first, span, t));
    row.append(
      name,
      el('td', 'lanes__pid', pid),
      el('td', undefined, node.method ?? ''),
      el('td', undefined, node.root ? '' : node.daemon ? t.yes : t.no),
      state,
      el('td', 'lanes__endtext', endText(node, t)),
      timeCell,
    );
    table.tBodies[0]?.append(row);
  }
  const scroller = el('div', 'lanes__scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'group');
  scroller.setAttribute('aria-label', t.caption);
  scroller.append(table);
  container.replaceChildren(summary, scroller);
}
