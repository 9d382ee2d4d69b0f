/**
 * What the clerk panel remembers on this PC. Per machine (localStorage): the shortcut keys (they
 * belong to the keypad plugged in here) and the break reminder; these stay per machine on purpose.
 * Per clerk and day: the figures and the work clock. Per tab (sessionStorage): the checklist of the
 * current ticket.
 *
 * Not here: 自动叫号, a way of working that follows the person, not the desk. It is kept with the
 * clerk's account on the server (shared/prefs.ts, store/accountPrefs.ts). An earlier version kept it
 * here (`hall.counter.autoCall.<userId>`); that value is read once, brought to an account that has
 * none yet, and then removed.
 */
import { parseAutoCallPrefs, type AutoCallPrefs } from './logic/autoCall';
import { parseChecklist, type Checklist } from './logic/checklist';
import { parseDayFigures, type DayFigures } from './logic/figures';
import { parseKeyMap, type KeyMap } from './logic/shortcuts';
import { parseWorkClock, type WorkClock } from './logic/timers';

const KEYS = 'hall.counter.keys';
const BREAK = 'hall.counter.breakMinutes';
const figuresKey = (userId: string): string => `hall.counter.figures.${userId}`;
const workKey = (userId: string): string => `hall.counter.work.${userId}`;
const autoCallKey = (userId: string): string => `hall.counter.autoCall.${userId}`;
const CHECKLIST = 'hall.counter.checklist';

export const DEFAULT_BREAK_MINUTES = 90;

const local = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);
const session = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export const loadKeys = (): KeyMap => parseKeyMap(local()?.getItem(KEYS) ?? null);
export const saveKeys = (map: KeyMap): void => local()?.setItem(KEYS, JSON.stringify(map));

export function loadBreakMinutes(): number {
  const n = Number(local()?.getItem(BREAK));
  return Number.isInteger(n) && n >= 0 && n <= 600 && local()?.getItem(BREAK) !== null ? n : DEFAULT_BREAK_MINUTES;
}
export const saveBreakMinutes = (n: number): void => local()?.setItem(BREAK, String(n));

export const loadFigures = (day: string, userId: string): DayFigures =>
  parseDayFigures(local()?.getItem(figuresKey(userId)) ?? null, day, userId);
export const saveFigures = (f: DayFigures): void => local()?.setItem(figuresKey(f.userId), JSON.stringify(f));

export const loadWorkClock = (userId: string): WorkClock => parseWorkClock(local()?.getItem(workKey(userId)) ?? null);
export const saveWorkClock = (userId: string, c: WorkClock): void => local()?.setItem(workKey(userId), JSON.stringify(c));

export const loadChecklist = (ticketId: string): Checklist => parseChecklist(session()?.getItem(CHECKLIST) ?? null, ticketId);
export const saveChecklist = (c: Checklist): void => session()?.setItem(CHECKLIST, JSON.stringify(c));

/** 自动叫号 as an earlier version kept it on this PC; null when this PC holds none for the clerk. */
export function loadLegacyAutoCall(userId: string): AutoCallPrefs | null {
  const raw = local()?.getItem(autoCallKey(userId)) ?? null;
  return raw === null ? null : parseAutoCallPrefs(raw);
}
/** The account holds 自动叫号 now: this PC's old copy must never be brought over again. */
export const forgetLegacyAutoCall = (userId: string): void => local()?.removeItem(autoCallKey(userId));
