/**
 * The 评价器's steps, pure (timers and the REST call injected): a prompt asks for the level; 3–5
 * are sent at once, 1–2 ask why first; thanks, then idle; an unanswered prompt goes after a
 * minute (a tap on a reason starts the minute again); a rating already given is thanked; a
 * failure is said and can be tapped again; a newer ticket replaces an unanswered older one.
 */
import { describe, expect, it } from 'vitest';
import type { RateBody, RatingPrompt } from '../../shared/ratings';
import type { ApiResult } from '../../display/src/kiosk/kioskApi';
import { createPadModel, PROMPT_MS, THANKS_MS } from '../../display/src/rate/padModel';
import { createPadSession } from '../../display/src/rate/padSession';

const prompt = (n: number): RatingPrompt => ({ ticketId: `t${n}`, number: `T00${n}`, windowNo: 3, clerk: { name: '窗口人员03', username: 'c03' }, at: '2026-11-30T01:00:00Z' });
const OK: ApiResult<unknown> = { ok: true, data: {} };
const fail = (code: 'CONFLICT' | 'INVALID_STATE' | 'INTERNAL', offline = false): ApiResult<unknown> => ({ ok: false, error: { code, message: '' }, offline });

function harness(answers: ApiResult<unknown>[] = [OK]) {
  const sent: { ticketId: string; body: RateBody }[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const pad = createPadModel({
    rate: async (ticketId, body) => {
      sent.push({ ticketId, body });
      return answers[Math.min(sent.length - 1, answers.length - 1)]!;
    },
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cleared: boolean }).cleared = true;
    },
  });
  const live = () => timers.filter((t) => !t.cleared);
  return { pad, sent, live, fire: () => live().at(-1)!.fn() };
}

describe('the 评价器', () => {
  it.each([5, 4, 3])('sends %i at once, thanks, and is idle after the thanks', async (score) => {
    const h = harness();
    h.pad.prompted(prompt(1));
    expect(h.pad.step.value).toMatchObject({ name: 'rate', prompt: { number: 'T001' } });
    expect(h.live().map((t) => t.ms)).toEqual([PROMPT_MS]);
    await h.pad.choose(score);
    expect(h.sent).toEqual([{ ticketId: 't1', body: { score, via: 'pad' } }]);
    expect(h.pad.step.value).toEqual({ name: 'thanks', number: 'T001', already: false });
    expect(h.live().map((t) => t.ms)).toEqual([THANKS_MS]);
    h.fire();
    expect(h.pad.step.value).toEqual({ name: 'idle' });
  });

  it.each([2, 1])('asks why for %i, keeps the reasons when the level changes, sends only with one', async (score) => {
    const h = harness();
    h.pad.prompted(prompt(1));
    await h.pad.choose(score);
    expect(h.pad.step.value).toMatchObject({ name: 'reasons', score });
    await h.pad.submitReasons();
    expect(h.sent).toEqual([]);
    h.pad.toggleReason('slow');
    h.pad.toggleReason('attitude');
    h.pad.toggleReason('attitude');
    await h.pad.choose(score === 2 ? 1 : 2);
    expect(h.pad.reasons.value).toEqual(['slow']);
    await h.pad.submitReasons();
    expect(h.sent).toEqual([{ ticketId: 't1', body: { score: score === 2 ? 1 : 2, via: 'pad', reasons: ['slow'] } }]);
    expect(h.pad.step.value).toMatchObject({ name: 'thanks' });
  });

  it('lets an unanswered prompt go after a minute; a tapped reason starts the minute again', async () => {
    const h = harness();
    h.pad.prompted(prompt(1));
    await h.pad.choose(2);
    const first = h.live().at(-1)!;
    h.pad.toggleReason('process');
    expect(first.cleared).toBe(true);
    expect(h.live().map((t) => t.ms)).toEqual([PROMPT_MS]);
    h.fire();
    expect(h.pad.step.value).toEqual({ name: 'idle' });
    expect(h.pad.reasons.value).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('thanks for a rating already given (on the phone), and says a failure, which a second tap retries', async () => {
    const already = harness([fail('CONFLICT')]);
    already.pad.prompted(prompt(1));
    await already.pad.choose(5);
    expect(already.pad.step.value).toEqual({ name: 'thanks', number: 'T001', already: true });

    const h = harness([fail('INTERNAL', true), fail('INVALID_STATE'), fail('INTERNAL'), OK]);
    h.pad.prompted(prompt(1));
    await h.pad.choose(4);
    expect(h.pad.problem.value).toBe('offline');
    expect(h.pad.step.value.name).toBe('rate');
    await h.pad.choose(4);
    expect(h.pad.problem.value).toBe('closed');
    await h.pad.choose(4);
    expect(h.pad.problem.value).toBe('failed');
    await h.pad.choose(4);
    expect(h.pad.problem.value).toBeNull();
    expect(h.pad.step.value.name).toBe('thanks');
  });

  it('a newer ticket replaces an unanswered one; an answer that comes back for the older one is left alone', async () => {
    let release: (r: ApiResult<unknown>) => void = () => {};
    const pad = createPadModel({ rate: () => new Promise((r) => (release = r)), setTimer: () => ({}), clearTimer: () => {} });
    pad.prompted(prompt(1));
    const pending = pad.choose(5);
    pad.prompted(prompt(2));
    release(OK);
    await pending;
    expect(pad.step.value).toMatchObject({ name: 'rate', prompt: { number: 'T002' } });
  });

  it('不评价 goes back to idle at once', () => {
    const h = harness();
    h.pad.prompted(prompt(1));
    h.pad.dismiss();
    expect(h.pad.step.value).toEqual({ name: 'idle' });
    expect(h.live()).toEqual([]);
  });
});

describe('the pad’s sign-in', () => {
  const store = (): Storage => {
    const m = new Map<string, string>();
    return { get length() { return m.size; }, clear: () => m.clear(), getItem: (k) => m.get(k) ?? null, key: () => null, removeItem: (k) => void m.delete(k), setItem: (k, v) => void m.set(k, v) };
  };
  it.each([
    ['the kiosk device', 'kiosk', null],
    ['a manager', 'manager', null],
    ['a clerk', 'clerk', 'wrongRole'],
  ] as const)('%s: %s', async (_who, role, problem) => {
    const st = store();
    const s = createPadSession(st, async () => ({ ok: true, data: { token: 'tok', user: { role } } }));
    expect(await s.signIn('x', 'y')).toBe(problem);
    expect(s.token.value).toBe(problem === null ? 'tok' : null);
    expect(createPadSession(st, async () => OK as never).token.value).toBe(problem === null ? 'tok' : null);
  });
  it('says a wrong password and no network apart, and signs out', async () => {
    const st = store();
    expect(await createPadSession(st, async () => ({ ok: false, error: { code: 'UNAUTHORIZED', message: '' }, offline: false })).signIn('a', 'b')).toBe('badLogin');
    expect(await createPadSession(st, async () => ({ ok: false, error: { code: 'INTERNAL', message: '' }, offline: true })).signIn('a', 'b')).toBe('signInOffline');
    const s = createPadSession(st, async () => ({ ok: true, data: { token: 'tok', user: { role: 'kiosk' } } }));
    await s.signIn('kiosk', 'kiosk');
    s.signOut();
    expect(s.token.value).toBeNull();
    expect(st.getItem('hall.pad.token')).toBeNull();
  });
});
