/**
 * A made-up hall shaped like the demo hall (14 queues, 30 windows in zones), for the unit tests
 * and for the display's dev mode (`?fixture`), so the screens can be built and looked at without
 * a server. Not used in normal operation (loaded only on demand).
 */
import type { Call, HallInfo, QueueSummary, Snapshot, Ticket, TimeRange, Window } from '../../../shared/schemas';

export const FIXTURE_QUEUES: ReadonlyArray<[code: string, name: string, nameEn: string]> = [
  ['A', '企业开办', 'Business start-up'],
  ['B', '工程建设', 'Construction permits'],
  ['C', '审批局无差别受理', 'General approvals'],
  ['D', '社会事务', 'Social affairs'],
  ['E', '社保医保', 'Social & medical insurance'],
  ['F', '不动产登记', 'Real estate registration'],
  ['G', '公共服务（水电气暖讯）', 'Utilities'],
  ['H', '跨省通办/全豫通办', 'Cross-province services'],
  ['L', '老年人服务', 'Elderly service'],
  ['Y', '一件事一次办', 'One-stop package'],
  ['J', '公积金', 'Housing fund'],
  ['T', '税务', 'Taxation'],
  ['R', '出入境', 'Exit & entry'],
  ['K', '统一发证取件', 'Certificate pick-up'],
];

/** Window number → [zone, queues (first is primary, the rest overflow)]. */
const FIXTURE_WINDOWS: ReadonlyArray<[zone: string, queues: string[]]> = [
  ...Array.from({ length: 3 }, () => ['综合受理区', ['A']] as [string, string[]]),
  ...Array.from({ length: 2 }, () => ['综合受理区', ['B']] as [string, string[]]),
  ...Array.from({ length: 3 }, () => ['综合受理区', ['C', 'A', 'B', 'D']] as [string, string[]]),
  ...Array.from({ length: 2 }, () => ['综合受理区', ['D', 'H', 'L']] as [string, string[]]),
  ...Array.from({ length: 3 }, () => ['综合受理区', ['E']] as [string, string[]]),
  ...Array.from({ length: 3 }, () => ['综合受理区', ['F']] as [string, string[]]),
  ['综合受理区', ['G']],
  ['综合受理区', ['H', 'L']],
  ['综合受理区', ['Y']],
  ['综合受理区', ['K']],
  ...Array.from({ length: 2 }, () => ['公积金专区', ['J']] as [string, string[]]),
  ...Array.from({ length: 4 }, () => ['税务专区', ['T']] as [string, string[]]),
  ...Array.from({ length: 2 }, () => ['出入境专区', ['R']] as [string, string[]]),
  ['综合受理区', ['L']],
  ['综合受理区', ['K']],
];

export const FIXTURE_HALL: HallInfo = {
  id: 'demo',
  name: '示范县政务服务中心',
  nameEn: 'County Government Service Centre',
  serviceDay: '2025-05-12',
  timezone: 'Asia/Shanghai',
  recallLimit: 2,
  voiceLanguages: ['zh'],
  voiceRepeat: 2,
  notices: ['办事请携带身份证原件。', '老年人、残疾人、军人请到 L 窗口优先办理。'],
  noticesEn: ['Please bring your original ID card.', 'Elderly, disabled and military visitors: please go to window L first.'],
};

const AT = '2025-05-12T01:30:00.000Z';

export function fixtureTicket(number: string, windowNo: number, status: Ticket['status'] = 'called'): Ticket {
  return {
    id: `t-${number}-${windowNo}`,
    number,
    queue: number.charAt(0),
    status,
    priority: 'normal',
    channel: 'kiosk',
    issuedAt: AT,
    arrivedAt: AT,
    calledAt: AT,
    windowNo,
    recalls: 0,
    matters: [],
    ahead: 0,
    etaSeconds: 0,
  };
}

export function fixtureWindow(no: number, patch: Partial<Window> = {}): Window {
  const [zone, queues] = FIXTURE_WINDOWS[(no - 1) % FIXTURE_WINDOWS.length]!;
  const first = FIXTURE_QUEUES.find(([code]) => code === queues[0]);
  return {
    no,
    name: first?.[1] ?? `${no}号窗口`,
    nameEn: first?.[2] ?? `Counter ${no}`,
    zone,
    kind: queues.length > 1 ? 'comprehensive' : 'dedicated',
    state: 'closed',
    mapping: queues.map((queue, i) => ({ queue, role: i === 0 ? 'primary' : 'overflow' })),
    clerk: { id: `u${no}`, username: `c${String(no).padStart(2, '0')}`, name: `张${no}` },
    ...patch,
  };
}

export function fixtureQueue(code: string, waiting = 0): QueueSummary {
  const q = FIXTURE_QUEUES.find(([c]) => c === code);
  return {
    code,
    name: q?.[1] ?? code,
    nameEn: q?.[2] ?? code,
    waiting,
    longestWaitSeconds: waiting * 60,
    targetWaitMinutes: 20,
    priorityQueue: code === 'L',
  };
}

export function fixtureCall(seq: number, number: string, windowNo: number, recall = false): Call {
  return {
    seq,
    number,
    windowNo,
    windowName: `${windowNo}号窗口`,
    queue: number.charAt(0),
    at: AT,
    recall,
    audioUrl: `/audio/call/${seq}.wav`,
  };
}

/**
 * A busy morning: `open` windows open (default all 30), each serving or calling a number,
 * every queue with someone waiting, and some recent calls. Optionally with 取号时间
 * (`ticketHours`), queues that stopped taking numbers (`stopped`, codes) and another server
 * time (`at`, ISO), to look at the wall in those states.
 */
export function fixtureSnapshot(
  options: { seq?: number; open?: number; windows?: number; ticketHours?: TimeRange[]; stopped?: readonly string[]; at?: string } = {},
): Snapshot {
  const seq = options.seq ?? 100;
  const total = options.windows ?? FIXTURE_WINDOWS.length;
  const open = options.open ?? total;
  const windows: Window[] = [];
  const recentCalls: Call[] = [];
  for (let no = 1; no <= total; no++) {
    const w = fixtureWindow(no);
    if (no > open) {
      windows.push({ ...w, clerk: undefined });
      continue;
    }
    const queue = w.mapping[0]!.queue;
    const number = `${queue}${String(10 + no * 3).padStart(3, '0')}`;
    const calling = no % 4 === 1;
    const paused = no % 9 === 0;
    if (paused) {
      windows.push({ ...w, state: 'paused', pauseReason: 'break' });
      continue;
    }
    windows.push({
      ...w,
      state: calling ? 'calling' : 'serving',
      current: fixtureTicket(number, no, calling ? 'called' : 'serving'),
    });
    if (recentCalls.length < 8) recentCalls.push(fixtureCall(seq - recentCalls.length, number, no));
  }
  const stopped = new Set(options.stopped ?? []);
  return {
    seq,
    at: options.at ?? AT,
    hall: options.ticketHours ? { ...FIXTURE_HALL, ticketHours: options.ticketHours } : FIXTURE_HALL,
    queues: FIXTURE_QUEUES.map(([code], i) => ({ ...fixtureQueue(code, (i * 7) % 23), ...(stopped.has(code) ? { stopped: true as const } : {}) })),
    windows,
    recentCalls,
  };
}
