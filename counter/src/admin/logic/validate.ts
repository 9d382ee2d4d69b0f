/**
 * Checking the manager's forms before sending (pure), so each problem is said next to its
 * field in plain words. The rules mirror the zod schemas in shared/admin.ts (tests check they
 * agree); the server checks again and has the last word.
 */
export interface FieldError {
  key:
    | 'form.required'
    | 'form.tooLong'
    | 'form.intRange'
    | 'form.username'
    | 'form.password'
    | 'form.rangeOrder'
    | 'form.atLeastOne'
    | 'form.matterId'
    | 'form.prefix'
    | 'form.prefixTaken'
    | 'notices.tooMany';
  params?: Record<string, string | number>;
}

export type Errors<F extends string> = Partial<Record<F, FieldError>>;

export const hasErrors = (e: Errors<string>): boolean => Object.values(e).some((x) => x !== undefined);

function text(value: string, max: number, required = true): FieldError | undefined {
  const v = value.trim();
  if (!v) return required ? { key: 'form.required' } : undefined;
  return v.length > max ? { key: 'form.tooLong', params: { n: max } } : undefined;
}

/** A whole number typed in a field, within bounds; returns the number or the error. */
export function int(value: string, min: number, max: number): { value: number } | { error: FieldError } {
  const v = value.trim();
  if (!v) return { error: { key: 'form.required' } };
  if (!/^-?\d+$/.test(v)) return { error: { key: 'form.intRange', params: { min, max } } };
  const n = Number(v);
  return n < min || n > max ? { error: { key: 'form.intRange', params: { min, max } } } : { value: n };
}

const intError = (value: string, min: number, max: number): FieldError | undefined => {
  const r = int(value, min, max);
  return 'error' in r ? r.error : undefined;
};

// ---- staff ----------------------------------------------------------------------------------

export interface StaffForm {
  username: string;
  name: string;
  role: 'manager' | 'clerk' | 'guide' | 'kiosk';
  skills: string[];
  password: string;
  active: boolean;
}

export const USERNAME = /^[A-Za-z0-9_.-]{2,32}$/;

export function validateStaff(f: StaffForm, creating: boolean): Errors<'username' | 'name' | 'password' | 'skills'> {
  const e: Errors<'username' | 'name' | 'password' | 'skills'> = {};
  if (creating) {
    if (!f.username.trim()) e.username = { key: 'form.required' };
    else if (!USERNAME.test(f.username.trim())) e.username = { key: 'form.username' };
  }
  e.name = text(f.name, 40);
  if (creating && !f.password) e.password = { key: 'form.required' };
  else if (f.password && f.password.length < 4) e.password = { key: 'form.password' };
  else if (f.password.length > 200) e.password = { key: 'form.tooLong', params: { n: 200 } };
  // A clerk without skills could sign in nowhere: say so rather than save a useless account.
  if (f.role === 'clerk' && f.skills.length === 0) e.skills = { key: 'form.atLeastOne' };
  return e;
}

// ---- matters --------------------------------------------------------------------------------

export interface MatterForm {
  id: string;
  queue: string;
  name: string;
  nameEn: string;
  materials: string;
  timeLimitMinutes: string;
}

export const MATTER_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Materials are typed one per line; blank lines are dropped. */
export const materialLines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export function validateMatter(f: MatterForm): Errors<'id' | 'queue' | 'name' | 'nameEn' | 'materials' | 'timeLimitMinutes'> {
  const e: Errors<'id' | 'queue' | 'name' | 'nameEn' | 'materials' | 'timeLimitMinutes'> = {};
  if (!f.id.trim()) e.id = { key: 'form.required' };
  else if (!MATTER_ID.test(f.id.trim())) e.id = { key: 'form.matterId' };
  if (!f.queue) e.queue = { key: 'form.required' };
  e.name = text(f.name, 60);
  e.nameEn = text(f.nameEn, 120);
  const lines = materialLines(f.materials);
  if (lines.length > 30) e.materials = { key: 'notices.tooMany', params: { n: 30 } };
  else if (lines.some((l) => l.length > 100)) e.materials = { key: 'form.tooLong', params: { n: 100 } };
  e.timeLimitMinutes = intError(f.timeLimitMinutes, 1, 480);
  return e;
}

/** The next free id for a new matter of a queue, … */
export function nextMatterId(queue: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let i = 1; i < 1000; i++) {
    const id = `${queue}-${String(i).padStart(2, '0')}`;
    if (!used.has(id)) return id;
  }
  return `${queue}-${Date.now()}`;
}

// ---- queues ---------------------------------------------------------------------------------

export interface QueueForm {
  name: string;
  nameEn: string;
  category: string;
  targetWaitMinutes: string;
  priorityQueue: boolean;
  numberStart: string;
  numberEnd: string;
  /** Number prefix (号码前缀): one letter; typed lower case is taken as upper case. */
  prefix: string;
}

export type QueueField = 'name' | 'nameEn' | 'category' | 'targetWaitMinutes' | 'numberStart' | 'numberEnd' | 'prefix';

/** The prefix as it will be sent: trimmed, upper case. */
export const prefixValue = (typed: string): string => typed.trim().toUpperCase();

/**
 * `others`: the other queues' prefixes (prefix → queue code), so a taken letter is said at once.
 * Whether a ticket of another queue carries the letter today only the server knows (409).
 */
export function validateQueue(f: QueueForm, others: ReadonlyMap<string, string> = new Map()): Errors<QueueField> {
  const e: Errors<QueueField> = {};
  e.name = text(f.name, 40);
  e.nameEn = text(f.nameEn, 80);
  e.category = text(f.category, 40);
  e.targetWaitMinutes = intError(f.targetWaitMinutes, 1, 480);
  const start = int(f.numberStart, 1, 9999);
  const end = int(f.numberEnd, 1, 9999);
  if ('error' in start) e.numberStart = start.error;
  if ('error' in end) e.numberEnd = end.error;
  else if ('value' in start && end.value <= start.value) e.numberEnd = { key: 'form.rangeOrder' };
  const prefix = prefixValue(f.prefix);
  if (!prefix) e.prefix = { key: 'form.required' };
  else if (!/^[A-Z]$/.test(prefix)) e.prefix = { key: 'form.prefix' };
  else if (others.has(prefix)) e.prefix = { key: 'form.prefixTaken', params: { code: others.get(prefix) ?? '', prefix } };
  return e;
}

/** Prefix → code of every queue but `code`, for validateQueue. */
export function otherPrefixes(queues: readonly { code: string; prefix?: string | undefined }[], code: string): Map<string, string> {
  return new Map(queues.filter((q) => q.code !== code).map((q) => [q.prefix ?? q.code, q.code]));
}

// ---- hall settings and notices -------------------------------------------------------------

export interface HallForm {
  recallLimit: string;
  prioritySwapAfter: string;
  voiceLanguages: Array<'zh' | 'en'>;
  voiceRepeat: string;
  publicTicketing: boolean;
}

export function validateHall(f: HallForm): Errors<'recallLimit' | 'prioritySwapAfter' | 'voiceLanguages' | 'voiceRepeat'> {
  return {
    recallLimit: intError(f.recallLimit, 0, 10),
    prioritySwapAfter: intError(f.prioritySwapAfter, 1, 20),
    voiceLanguages: f.voiceLanguages.length === 0 ? { key: 'form.atLeastOne' } : undefined,
    voiceRepeat: intError(f.voiceRepeat, 1, 3),
  };
}

export const MAX_NOTICES = 20;

/** One error per notice line and per English line (optional; by index), plus the list's own. */
export function validateNotices(
  lines: readonly string[],
  english: readonly string[] = [],
): { list?: FieldError; lines: Array<FieldError | undefined>; english: Array<FieldError | undefined> } {
  const out: { list?: FieldError; lines: Array<FieldError | undefined>; english: Array<FieldError | undefined> } = {
    lines: lines.map((l) => text(l, 200)),
    english: english.map((l) => text(l, 200, false)),
  };
  if (lines.length > MAX_NOTICES) out.list = { key: 'notices.tooMany', params: { n: MAX_NOTICES } };
  return out;
}
