/**
 * 好差评推送's pure rules as tables: the payload of a rating and of a 整改 (schema-valid, times in
 * ISO UTC, labels of the national scale, optional parts left out), the idempotency key, which
 * failures are retried (all but a final 4xx, for ever) and how long apart, and the configuration
 * from the environment.
 */
import { describe, expect, it } from 'vitest';
import type { RatingReason } from '../../shared/ratings';
import { RatingPushPayload } from '../../shared/ratingPush';
import { ratingPushConfigFromEnv } from '../../server/integrations/rating-push-config';
import {
  followUpPayload,
  PUSH_MAX_ATTEMPTS,
  PUSH_STUCK_AFTER,
  pushKey,
  pushPass,
  ratingPayload,
  type PushOutcome,
  type RatingPushInput,
} from '../../server/integrations/rating-push-rules';
import { afterFailure, retryDelay } from '../../server/notify/rules';
import { retryableStatus } from '../../server/notify/webhook';

const T0 = Date.parse('2026-11-30T01:00:00Z');
const MIN = 60_000;

const full: RatingPushInput = {
  hall: { id: 'demo', name: '示范县政务服务中心' },
  ticket: {
    id: 'tk1',
    number: 'A006',
    serviceDay: '2026-11-30',
    channel: 'kiosk',
    issuedAt: T0,
    calledAt: T0 + 10 * MIN,
    startedAt: T0 + 11 * MIN,
    finishedAt: T0 + 20 * MIN,
    windowNo: 9,
  },
  queue: { code: 'A', name: '企业开办' },
  matters: [
    { id: 'A-01', name: '企业设立登记' },
    { id: 'A-02', name: '企业变更登记' },
  ],
  clerk: { staffId: 'u-5', name: '窗口人员05' },
  rating: { score: 2, reasons: ['slow', 'other'], comment: '等了很久', ratedAt: T0 + 25 * MIN, channel: 'pad' },
};

describe('the rating report', () => {
  it('says everything the platform asks for, in ISO UTC, with the score in the scale’s words', () => {
    const p = ratingPayload(full);
    expect(p).toEqual({
      kind: 'rating',
      id: 'demo:rating:tk1',
      hall: { id: 'demo', name: '示范县政务服务中心' },
      ticket: {
        id: 'tk1',
        number: 'A006',
        serviceDay: '2026-11-30',
        channel: 'kiosk',
        issuedAt: '2026-11-30T01:00:00.000Z',
        calledAt: '2026-11-30T01:10:00.000Z',
        startedAt: '2026-11-30T01:11:00.000Z',
        finishedAt: '2026-11-30T01:20:00.000Z',
      },
      queue: { code: 'A', name: '企业开办' },
      matters: [
        { id: 'A-01', name: '企业设立登记' },
        { id: 'A-02', name: '企业变更登记' },
      ],
      windowNo: 9,
      clerk: { staffId: 'u-5', name: '窗口人员05' },
      rating: {
        score: 2,
        label: '不满意',
        level: 'dissatisfied',
        reasons: [
          { code: 'slow', label: '办理效率低、等候太久' },
          { code: 'other', label: '其他' },
        ],
        comment: '等了很久',
        ratedAt: '2026-11-30T01:25:00.000Z',
        channel: 'pad',
      },
    });
    expect(RatingPushPayload.parse(p)).toEqual(p);
  });

  it('leaves out what the ticket does not have (no call time, window, clerk, matters or comment)', () => {
    const p = ratingPayload({
      ...full,
      ticket: { id: 'tk2', number: 'B001', serviceDay: '2026-11-30', channel: 'mobile', issuedAt: T0, finishedAt: T0 + MIN },
      matters: [],
      clerk: undefined,
      rating: { score: 5, reasons: [], ratedAt: T0 + 2 * MIN, channel: 'phone' },
    });
    expect(Object.keys(p).sort()).toEqual(['hall', 'id', 'kind', 'matters', 'queue', 'rating', 'ticket']);
    expect(Object.keys(p.ticket).sort()).toEqual(['channel', 'finishedAt', 'id', 'issuedAt', 'number', 'serviceDay']);
    expect(p.rating).toEqual({ score: 5, label: '非常满意', level: 'very_satisfied', reasons: [], ratedAt: '2026-11-30T01:02:00.000Z', channel: 'qr_code' });
    expect(RatingPushPayload.parse(p)).toEqual(p);
  });

  it.each([
    [5, '非常满意', 'very_satisfied'],
    [4, '满意', 'satisfied'],
    [3, '基本满意', 'basic'],
    [2, '不满意', 'dissatisfied'],
    [1, '非常不满意', 'very_dissatisfied'],
  ])('score %i reads %s (%s)', (score, label, level) => {
    const reasons: RatingReason[] = score <= 2 ? ['attitude'] : [];
    const p = ratingPayload({ ...full, rating: { score, reasons, ratedAt: T0, channel: 'pad' } });
    expect(p.rating).toMatchObject({ score, label, level });
  });

  it.each<[RatingReason, string]>([
    ['attitude', '服务态度不好'],
    ['slow', '办理效率低、等候太久'],
    ['unclear_guidance', '告知不清楚、材料要求不明确'],
    ['repeated_trips', '多次跑腿'],
    ['process', '流程繁琐'],
    ['environment', '环境设施不便'],
    ['other', '其他'],
  ])('reason %s reads %s', (code, label) => {
    expect(ratingPayload({ ...full, rating: { score: 1, reasons: [code], ratedAt: T0, channel: 'phone' } }).rating.reasons).toEqual([{ code, label }]);
  });
});

describe('the 整改 report', () => {
  const base = { hall: full.hall, ticket: { id: 'tk1', number: 'A006', serviceDay: '2026-11-30' }, rating: { score: 1, ratedAt: T0 } };
  const by = { staffId: 'u-admin', name: '管理员' };

  it('a recorded 整改: the note, who, when, with the rating it answers', () => {
    const p = followUpPayload({ ...base, followUp: { status: 'handled', note: '已电话回访并致歉', by, at: T0 + 60 * MIN } });
    expect(p).toEqual({
      kind: 'follow_up',
      id: 'demo:follow_up:tk1',
      hall: { id: 'demo', name: '示范县政务服务中心' },
      ticket: { id: 'tk1', number: 'A006', serviceDay: '2026-11-30' },
      rating: { score: 1, label: '非常不满意', level: 'very_dissatisfied', ratedAt: '2026-11-30T01:00:00.000Z' },
      followUp: { status: 'handled', note: '已电话回访并致歉', by, at: '2026-11-30T02:00:00.000Z' },
    });
    expect(RatingPushPayload.parse(p)).toEqual(p);
  });

  it('a reopened one: no note', () => {
    const p = followUpPayload({ ...base, followUp: { status: 'reopened', by, at: T0 + 90 * MIN } });
    expect(p.followUp).toEqual({ status: 'reopened', by, at: '2026-11-30T02:30:00.000Z' });
    expect(RatingPushPayload.parse(p)).toEqual(p);
  });
});

describe('idempotency key', () => {
  it.each([
    ['demo', 'rating', 'tk1', 'demo:rating:tk1'],
    ['hall-2', 'follow_up', 'L6W__N5mx11zB78hUs07ow', 'hall-2:follow_up:L6W__N5mx11zB78hUs07ow'],
  ] as const)('%s %s %s → %s', (hall, kind, ticket, key) => {
    expect(pushKey(hall, kind, ticket)).toBe(key);
  });
});

describe('retries', () => {
  it.each([
    [1, true, 'retry'],
    [5, true, 'retry'],
    [100, true, 'retry'],
    [100_000, true, 'retry'],
    [1, false, 'give_up'],
    [40, false, 'give_up'],
  ] as const)('attempt %i failed, retryable %s → %s (never given up while the platform may take it later)', (attempt, retryable, decision) => {
    expect(afterFailure(attempt, PUSH_MAX_ATTEMPTS, retryable)).toBe(decision);
  });

  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 2 * MIN],
    [4, 4 * MIN],
    [6, 16 * MIN],
    [7, 30 * MIN],
    [500, 30 * MIN],
  ])('after attempt %i the next comes %i ms later', (attempt, ms) => {
    expect(retryDelay(attempt)).toBe(ms);
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [422, false],
  ])('HTTP %i is retried: %s', (status, retried) => {
    expect(retryableStatus(status)).toBe(retried);
  });
});

describe('a pass over the pending reports', () => {
  const S = PUSH_STUCK_AFTER;
  /** Reports as `id ticket attempts due` (due: `now` or `later`); what each attempt meets; → the ids attempted, in order, then `stop` if the pass stopped early. */
  function run(rows: string[], outcomes: Record<string, PushOutcome>): string[] {
    const now = T0;
    const plan = pushPass();
    const out: string[] = [];
    for (const row of rows) {
      const [id, ref, attempts, due] = row.split(' ') as [string, string, string, string];
      const r = { ref, attempts: Number(attempts), nextAt: due === 'now' ? now : now + MIN };
      const step = plan.step(r, now);
      if (step === 'skip') continue;
      if (step === 'stop') return [...out, 'stop'];
      out.push(id);
      if (plan.after({ ref, attempts: r.attempts + 1 }, outcomes[id] ?? 'sent') === 'stop') return [...out, 'stop'];
    }
    return out;
  }

  it.each<[string, string[], Record<string, PushOutcome>, string[]]>([
    ['all due and delivered: every one, in order', ['r1 t1 0 now', 'r2 t2 0 now', 'f1 t1 0 now'], {}, ['r1', 'r2', 'f1']],
    ['a first failure ends the pass: the platform may be down', ['r1 t1 0 now', 'r2 t2 0 now'], { r1: 'failed' }, ['r1', 'stop']],
    ['a report waiting for its retry holds up those behind it', ['r1 t1 2 later', 'r2 t2 0 now'], {}, ['stop']],
    ['a refusal for good does not: the next goes', ['r1 t1 0 now', 'r2 t2 0 now'], { r1: 'refused' }, ['r1', 'r2']],
    ['a claim lost (changed meanwhile) ends the pass', ['r1 t1 0 now', 'r2 t2 0 now'], { r1: 'stale' }, ['r1', 'stop']],
    [`stuck (${S} failures) and waiting: the others go past it`, [`r1 t1 ${S} later`, 'r2 t2 0 now', 'r3 t3 0 now'], {}, ['r2', 'r3']],
    [`stuck, due and failing again: the next report probes, and goes`, [`r1 t1 ${S - 1} now`, 'r2 t2 0 now', 'r3 t3 0 now'], { r1: 'failed' }, ['r1', 'r2', 'r3']],
    [`one attempt short of stuck: still holds the rest up`, [`r1 t1 ${S - 2} now`, 'r2 t2 0 now'], { r1: 'failed' }, ['r1', 'stop']],
    ['stuck, and the probe fails too: the platform is down, two requests and no more', [`r1 t1 ${S} now`, 'r2 t2 0 now', 'r3 t3 0 now'], { r1: 'failed', r2: 'failed' }, ['r1', 'r2', 'stop']],
    ['two stuck ones failing: the pass stops at the second', [`r1 t1 ${S} now`, `r2 t2 ${S} now`, 'r3 t3 0 now'], { r1: 'failed', r2: 'failed' }, ['r1', 'r2', 'stop']],
    ['a ticket’s 整改 never overtakes its stuck rating; other tickets go', [`r1 t1 ${S} later`, 'f1 t1 0 now', 'r2 t2 0 now'], {}, ['r2']],
    ['nor its failed one in the same pass', [`r1 t1 ${S} now`, 'f1 t1 0 now', 'r2 t2 0 now'], { r1: 'failed' }, ['r1', 'r2']],
  ])('%s', (_name, rows, outcomes, want) => {
    expect(run(rows, outcomes)).toEqual(want);
  });
});

describe('configuration', () => {
  it('unset or blank: no platform', () => {
    expect(ratingPushConfigFromEnv({})).toBeUndefined();
    expect(ratingPushConfigFromEnv({ RATING_WEBHOOK_URL: '  ' })).toBeUndefined();
  });

  it('the URL, token and timeout', () => {
    expect(ratingPushConfigFromEnv({ RATING_WEBHOOK_URL: 'https://hcp.example.gov.cn/api/evaluations' })).toEqual({
      url: 'https://hcp.example.gov.cn/api/evaluations',
      token: undefined,
      timeoutMs: 5000,
    });
    expect(ratingPushConfigFromEnv({ RATING_WEBHOOK_URL: 'http://127.0.0.1:8091/', RATING_WEBHOOK_TOKEN: ' t0k ', RATING_TIMEOUT_MS: '2500' })).toEqual({
      url: 'http://127.0.0.1:8091/',
      token: 't0k',
      timeoutMs: 2500,
    });
  });

  it.each([
    [{ RATING_WEBHOOK_URL: 'hcp.example.gov.cn' }, /RATING_WEBHOOK_URL is not a URL/],
    [{ RATING_WEBHOOK_URL: 'ftp://hcp.example.gov.cn' }, /RATING_WEBHOOK_URL must be http or https/],
    [{ RATING_WEBHOOK_URL: 'https://a.cn', RATING_TIMEOUT_MS: 'soon' }, /RATING_TIMEOUT_MS/],
    [{ RATING_WEBHOOK_URL: 'https://a.cn', RATING_TIMEOUT_MS: '99' }, /RATING_TIMEOUT_MS/],
  ])('refuses %j', (env, message) => {
    expect(() => ratingPushConfigFromEnv(env)).toThrow(message);
  });
});
