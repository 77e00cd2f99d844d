// The words of the process lanes, in both languages of the site.
import type { LaneState } from './model.ts';

/** Everything the lanes print. */
export interface LaneStrings {
  caption: string;
  process: string;
  pid: string;
  method: string;
  daemon: string;
  state: string;
  end: string;
  timeline: string;
  states: Record<LaneState, string>;
  main: string;
  thread: string;
  yes: string;
  no: string;
  exitCode: string;
  signal: string;
  error: string;
  stops: Record<string, string>;
  empty: string;
  summary: (processes: number, events: number, skipped: number) => string;
}

const en: LaneStrings = {
  caption: 'Processes and threads of the run',
  process: 'Process',
  pid: 'pid',
  method: 'Method',
  daemon: 'Daemon',
  state: 'State',
  end: 'How it ended',
  timeline: 'Timeline',
  states: { created: 'created', started: 'started', running: 'running', ended: 'ended' },
  main: 'main process',
  thread: 'thread',
  yes: 'yes',
  no: 'no',
  exitCode: 'exit code',
  signal: 'signal',
  error: 'error',
  stops: { graceful: 'asked to stop', terminate: 'SIGTERM sent', kill: 'SIGKILL sent' },
  empty: 'No process yet.',
  summary: (p, e, s) =>
    `${p} ${p === 1 ? 'process' : 'processes'}, ${e} events${s ? `, ${s} lines skipped (not trace events)` : ''}.`,
};

const ko: LaneStrings = {
  caption: '실행 중에 생긴 프로세스와 스레드',
  process: '프로세스',
  pid: 'pid',
  method: '시작 방식',
  daemon: '데몬',
  state: '상태',
  end: '끝난 방식',
  timeline: '타임라인',
  states: { created: '생성됨', started: '시작됨', running: '실행 중', ended: '끝남' },
  main: '메인 프로세스',
  thread: '스레드',
  yes: '예',
  no: '아니요',
  exitCode: '종료 코드',
  signal: '시그널',
  error: '오류',
  stops: { graceful: '멈추라고 요청함', terminate: 'SIGTERM 보냄', kill: 'SIGKILL 보냄' },
  empty: '아직 프로세스가 없습니다.',
  summary: (p, e, s) =>
    `프로세스 ${p}개, 이벤트 ${e}개${s ? `, 건너뛴 줄 ${s}개(트레이스 이벤트가 아님)` : ''}.`,
};

/** The strings of a page's language (`<html lang>`). */
export function laneStrings(lang: string | null | undefined): LaneStrings {
  return lang?.startsWith('ko') ? ko : en;
}
