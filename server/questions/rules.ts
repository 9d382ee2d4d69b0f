/**
 * 疑难问题反映与解答's rules (pure: a record, who acts, the input and `now` → the new record or a
 * coded refusal). Who may do what: a clerk asks and withdraws their own question while it is open;
 * a manager answers, edits the answer, publishes it as 常见问题 or takes it back. Who sees what: a
 * manager every question; a clerk their own questions (with private answers) and the published
 * 常见问题 of everyone (without the asker); a guide the published 常见问题 only.
 */
import type { ApiError } from '../../shared/errors';
import { personalDataIn } from '../../shared/questionRules';
import type { QuestionsChanged, QuestionStatus } from '../../shared/questions';
import type { Role } from '../../shared/schemas';

export interface Who {
  id: string;
  role: Role;
}

/** A question as it is kept (times in epoch ms). */
export interface QuestionRec {
  id: string;
  text: string;
  matterId?: string | undefined;
  /** The matter's name when asked (the catalogue's name now is preferred when shown). */
  matterName?: string | undefined;
  askerId: string;
  windowNo?: number | undefined;
  askedAt: number;
  status: QuestionStatus;
  answer?: string | undefined;
  answeredById?: string | undefined;
  answeredByName?: string | undefined;
  answeredAt?: number | undefined;
  editedAt?: number | undefined;
  published: boolean;
  withdrawnAt?: number | undefined;
  /** When the asker last opened their answers. */
  seenAt?: number | undefined;
}

export type Check<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const fail = <T>(code: ApiError['code'], message: string, reason?: ApiError['reason']): Check<T> => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

/** A change, or the same record when nothing changed (a double press). */
export interface Step {
  rec: QuestionRec;
  what?: QuestionsChanged['what'];
}

function noPersonalData(text: string): Check<true> {
  const found = personalDataIn(text);
  if (found === 'id_card') return fail('BAD_REQUEST', 'the text holds what looks like an ID card number: ask about the rule, not the person', 'question_personal_data');
  if (found === 'phone') return fail('BAD_REQUEST', 'the text holds what looks like a mobile number: ask about the rule, not the person', 'question_personal_data');
  return { ok: true, value: true };
}

export interface AskInput {
  id: string;
  text: string;
  matterId?: string | undefined;
  windowNo?: number | undefined;
}

/**
 * A clerk asks (a manager may write one down too). The matter, when given, must be in the catalogue
 * (`matterName` finds it); the text must not carry a citizen's ID card or mobile number.
 */
export function ask(who: Who, input: AskInput, matterName: (id: string) => string | undefined, now: number): Check<QuestionRec> {
  if (who.role !== 'clerk' && who.role !== 'manager') return fail('FORBIDDEN', 'only window staff and managers ask questions');
  const clean = noPersonalData(input.text);
  if (!clean.ok) return clean;
  let name: string | undefined;
  if (input.matterId !== undefined) {
    name = matterName(input.matterId);
    if (name === undefined) return fail('NOT_FOUND', 'no such matter in the catalogue', 'unknown_matter');
  }
  return {
    ok: true,
    value: {
      id: input.id,
      text: input.text,
      matterId: input.matterId,
      matterName: name,
      askerId: who.id,
      windowNo: input.windowNo,
      askedAt: now,
      status: 'open',
      published: false,
    },
  };
}

/** 撤回: the asker, while nobody answered. Withdrawing a withdrawn one again changes nothing. */
export function withdraw(who: Who, rec: QuestionRec, now: number): Check<Step> {
  if (rec.askerId !== who.id) return fail('FORBIDDEN', 'only the clerk who asked withdraws a question', 'question_not_own');
  if (rec.status === 'withdrawn') return { ok: true, value: { rec } };
  if (rec.status !== 'open') return fail('INVALID_STATE', 'the question is answered already', 'question_not_open');
  return { ok: true, value: { rec: { ...rec, status: 'withdrawn', withdrawnAt: now }, what: 'withdrawn' } };
}

/**
 * 答复 (a manager): an open question gets its answer (`publish` says whether it goes to 常见问题 at
 * once, else private); an answered one has its answer edited (and `publish`, when given, set).
 * The same answer again with nothing else changed is no change.
 */
export function answer(who: Who, rec: QuestionRec, text: string, publish: boolean | undefined, byName: string, now: number): Check<Step> {
  if (who.role !== 'manager') return fail('FORBIDDEN', 'only a manager answers');
  if (rec.status === 'withdrawn') return fail('INVALID_STATE', 'the asker withdrew the question', 'question_not_open');
  const clean = noPersonalData(text);
  if (!clean.ok) return clean;
  if (rec.status === 'open') {
    return {
      ok: true,
      value: {
        rec: { ...rec, status: 'answered', answer: text, answeredById: who.id, answeredByName: byName, answeredAt: now, published: publish ?? false },
        what: 'answered',
      },
    };
  }
  const published = publish ?? rec.published;
  if (rec.answer === text && published === rec.published) return { ok: true, value: { rec } };
  if (rec.answer === text) return { ok: true, value: { rec: { ...rec, published }, what: published ? 'published' : 'unpublished' } };
  return { ok: true, value: { rec: { ...rec, answer: text, editedAt: now, published }, what: 'edited' } };
}

/** 收入常见问题 / 取消公开 (a manager): only an answered question. */
export function publish(who: Who, rec: QuestionRec, published: boolean): Check<Step> {
  if (who.role !== 'manager') return fail('FORBIDDEN', 'only a manager publishes');
  if (rec.status !== 'answered') return fail('INVALID_STATE', 'only an answered question is published', 'question_not_answered');
  if (rec.published === published) return { ok: true, value: { rec } };
  return { ok: true, value: { rec: { ...rec, published }, what: published ? 'published' : 'unpublished' } };
}

/** Did the published 常见问题 change from `before` to `after` (made, taken back, or its answer edited)? */
export function faqChanged(before: QuestionRec, after: QuestionRec): boolean {
  return before.published !== after.published || (after.published && before.answer !== after.answer);
}

/** May `who` see this question as a record (asker, window, private answer)? Others see published ones as 常见问题 only. */
export function mayRead(who: Who, rec: QuestionRec): boolean {
  return who.role === 'manager' || rec.askerId === who.id;
}

/** The roles that read the published 常见问题. */
export const FAQ_ROLES: readonly Role[] = ['clerk', 'guide', 'manager'];

/** Has the asker an answer (or a change of it) not opened yet? */
export function unread(rec: QuestionRec): boolean {
  if (rec.status !== 'answered' || rec.answeredAt === undefined) return false;
  const latest = Math.max(rec.answeredAt, rec.editedAt ?? 0);
  return rec.seenAt === undefined || rec.seenAt < latest;
}
