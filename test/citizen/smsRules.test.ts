/**
 * 短信提醒, pure parts: retry timing and giving up, when reminders are due, the texts (short
 * enough for one message with the demo hall's names), the gateway's configuration from the
 * environment, and the sender against a fake gateway (claims, backoff, no double send).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEAR_AHEAD, nearDue } from '../../shared/notify';
import { smsConfigFromEnv } from '../../server/notify/config';
import { SendError, type Notifier, type SmsToSend } from '../../server/notify/notifier';
import { createOutboxRepo } from '../../server/notify/outbox-repo';
import { afterFailure, kindOn, remindersDue, retryDelay, RETRY_MAX_MS } from '../../server/notify/rules';
import { createSmsSender } from '../../server/notify/sender';
import { bookedText, nearTurnText, reminderText } from '../../server/notify/texts';
import { publicTarget } from '../../server/notify/webhook';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { ManualClock } from '../../server/service/clock';
import { createStore } from '../../server/store';
import { openDatabase } from '../../server/store/open';
import { NEAR_AHEAD as PHONE_NEAR_AHEAD, nearDue as phoneNearDue } from '../../display/src/ticket/ticketPhase';
import { TEST_START } from '../support/server';

describe('retries', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [6, 960_000],
    [7, RETRY_MAX_MS],
    [20, RETRY_MAX_MS],
  ])('after attempt %i: wait %i ms', (attempt, ms) => expect(retryDelay(attempt)).toBe(ms));

  it.each([
    [1, 5, true, 'retry'],
    [4, 5, true, 'retry'],
    [5, 5, true, 'give_up'],
    [1, 1, true, 'give_up'],
    [1, 5, false, 'give_up'],
  ] as const)('attempt %i of %i, retryable %s → %s', (attempts, max, retryable, outcome) => {
    expect(afterFailure(attempts, max, retryable)).toBe(outcome);
  });
});

describe('what is written, when', () => {
  it.each([
    [false, ['booked', 'reminder', 'near_turn'], 'booked', false],
    [true, ['booked'], 'booked', true],
    [true, ['booked'], 'reminder', false],
    [true, [], 'near_turn', false],
  ] as const)('SMS on %s, kinds %j: %s → %s', (smsEnabled, smsKinds, kind, on) => {
    expect(kindOn({ smsEnabled, smsKinds: [...smsKinds] }, kind)).toBe(on);
  });

  it.each([
    ['17:59', 18, false],
    ['18:00', 18, true],
    ['21:59', 18, true],
    ['22:00', 18, false],
    ['23:30', 18, false],
    ['07:00', 7, true],
    ['06:59', 7, false],
    ['21:00', 21, true],
  ] as const)('reminders at %s with the hour %i: %s', (hhmm, hour, due) => {
    expect(remindersDue(Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), hour)).toBe(due);
  });

  it('the phone page and the SMS use one near-turn rule', () => {
    expect(phoneNearDue).toBe(nearDue);
    expect(PHONE_NEAR_AHEAD).toBe(NEAR_AHEAD);
  });
});

describe('the texts', () => {
  const demo = JSON.parse(readFileSync(new URL('../../server/demo/demo-hall.json', import.meta.url), 'utf8')) as { name: string; queues: { name: string }[] };
  const longestQueue = demo.queues.map((q) => q.name).sort((a, b) => b.length - a.length)[0]!;
  const facts = { hall: demo.name, date: '2026-12-01', slot: '09:30', queue: '企业开办', code: '12345678' };

  it('say what, when and the code, signed with the hall', () => {
    expect(bookedText(facts)).toBe('【示范县政务服务中心】预约成功：12月1日 09:30 企业开办，签到码 12345678，请按时到大厅签到。');
    expect(reminderText({ ...facts, date: '2026-12-10' })).toBe('【示范县政务服务中心】提醒：您预约了明天（12月10日）09:30 企业开办，签到码 12345678。如不能前来请提前取消。');
    expect(nearTurnText({ hall: demo.name, number: 'A006', ahead: 3 })).toBe('【示范县政务服务中心】快到您了：A006 号前面还有 3 人，请回到大厅留意叫号。');
    expect(nearTurnText({ hall: demo.name, number: 'A006', ahead: 0 })).toBe('【示范县政务服务中心】快到您了：A006 号前面已没有人等候，请回到大厅留意叫号。');
  });

  it('fit one SMS (70 characters) with the demo hall\'s longest names', () => {
    const long = { ...facts, date: '2026-12-31', queue: longestQueue };
    for (const text of [bookedText(long), reminderText(long), nearTurnText({ hall: demo.name, number: 'H123', ahead: 3 })]) {
      expect([...text].length, text).toBeLessThanOrEqual(70);
    }
  });
});

describe('the gateway\'s configuration', () => {
  it('none without SMS_WEBHOOK_URL; defaults; values read', () => {
    expect(smsConfigFromEnv({})).toBeUndefined();
    expect(smsConfigFromEnv({ SMS_WEBHOOK_URL: '  ' })).toBeUndefined();
    expect(smsConfigFromEnv({ SMS_WEBHOOK_URL: 'https://sms.example.gov.cn/send' })).toEqual({ url: 'https://sms.example.gov.cn/send', token: undefined, timeoutMs: 5000, maxAttempts: 5, receiptKey: undefined });
    expect(smsConfigFromEnv({ SMS_WEBHOOK_URL: 'http://10.0.0.5:8080/sms', SMS_WEBHOOK_TOKEN: 'abc', SMS_TIMEOUT_MS: '3000', SMS_MAX_ATTEMPTS: '8', SMS_RECEIPT_KEY: ' receipts-key-0123456789 ' })).toEqual({
      url: 'http://10.0.0.5:8080/sms',
      token: 'abc',
      timeoutMs: 3000,
      maxAttempts: 8,
      receiptKey: 'receipts-key-0123456789',
    });
  });

  it.each([
    [{ SMS_WEBHOOK_URL: 'sms.example.gov.cn' }, /not a URL/],
    [{ SMS_WEBHOOK_URL: 'ftp://sms.example.gov.cn' }, /http or https/],
    [{ SMS_WEBHOOK_URL: 'https://a.cn', SMS_TIMEOUT_MS: 'soon' }, /SMS_TIMEOUT_MS/],
    [{ SMS_WEBHOOK_URL: 'https://a.cn', SMS_MAX_ATTEMPTS: '0' }, /SMS_MAX_ATTEMPTS/],
    [{ SMS_WEBHOOK_URL: 'https://a.cn', SMS_RECEIPT_KEY: 'short-key' }, /SMS_RECEIPT_KEY must be at least 16/],
  ])('refuses %j', (env, message) => expect(() => smsConfigFromEnv(env)).toThrow(message));

  it('shows managers the address without credentials or query', () => {
    expect(publicTarget('https://user:pw@sms.example.gov.cn:8443/api/send?key=secret')).toBe('https://sms.example.gov.cn:8443/api/send');
  });
});

describe('the sender', () => {
  function setup(answer: (m: SmsToSend) => Promise<void>) {
    const store = createStore(openDatabase(':memory:'));
    seedDemoIfEmpty(store, { now: TEST_START, bcryptRounds: 4 });
    const hallId = store.halls.hallIds()[0]!;
    const outbox = createOutboxRepo(store.db);
    const clock = new ManualClock(TEST_START);
    const sent: SmsToSend[] = [];
    const notifier: Notifier = {
      target: 'fake',
      send: async (m) => {
        sent.push(m);
        await answer(m);
      },
    };
    const sender = createSmsSender({ hallId, outbox, clock, notifier, maxAttempts: 3, log: () => {} });
    const write = (ref: string) => outbox.enqueue(hallId, { kind: 'booked', phone: '13912345678', text: '文本', ref, createdAt: clock.now(), expiresAt: clock.now() + 86_400_000 });
    return { hallId, outbox, clock, sent, sender, write };
  }

  it('two runs at once send each message once', async () => {
    const t = setup(() => new Promise((r) => setTimeout(r, 20)));
    t.write('appointment:1');
    t.write('appointment:2');
    const [a, b] = await Promise.all([t.sender.deliverDue(), t.sender.deliverDue()]);
    expect(a).toBe(2);
    expect(b).toBe(2); // the second call waited for the same run
    expect(t.sent.map((m) => m.ref)).toEqual(['appointment:1', 'appointment:2']);
    expect(t.outbox.counts(t.hallId)).toEqual({ pending: 0, sent: 2, failed: 0, undelivered: 0 });
  });

  it('retries on its schedule and gives up after the last attempt; an error that is not a SendError is retried', async () => {
    const t = setup(() => Promise.reject(new Error('socket hang up')));
    t.write('appointment:1');
    await t.sender.deliverDue();
    t.clock.advance(29_999);
    await t.sender.deliverDue();
    expect(t.sent).toHaveLength(1);
    t.clock.advance(1);
    await t.sender.deliverDue();
    t.clock.advance(60_000);
    await t.sender.deliverDue();
    expect(t.sent).toHaveLength(3);
    const [m] = t.outbox.list(t.hallId, { limit: 1 });
    expect(m).toMatchObject({ status: 'failed', attempts: 3, lastError: 'socket hang up' });
  });

  it('a refusal for good is not retried', async () => {
    const t = setup(() => Promise.reject(new SendError('HTTP 403', false)));
    t.write('appointment:1');
    await t.sender.deliverDue();
    expect(t.outbox.list(t.hallId, { limit: 1 })[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 403' });
  });

  it('短信回执: none for a message never tried; a delivered one stands against a late failure of the same attempt', async () => {
    let fail: (e: Error) => void = () => {};
    const t = setup(() => new Promise<void>((_, reject) => (fail = reject)));
    t.write('appointment:1');
    const id = t.outbox.list(t.hallId, { limit: 1 })[0]!.id;
    const receipt = (delivered: boolean) => t.outbox.receipt(t.hallId, id, { delivered, at: t.clock.now(), error: delivered ? null : '关机' });
    expect(receipt(true)).toBe(false);
    expect(receipt(false)).toBe(false);
    const run = t.sender.deliverDue();
    await new Promise((r) => setTimeout(r, 10));
    // The platform took it and the phone got it before its answer to us failed.
    expect(receipt(true)).toBe(true);
    fail(new SendError('HTTP 502', false));
    await run;
    expect(t.outbox.list(t.hallId, { limit: 1 })[0]).toMatchObject({ status: 'sent', delivery: 'delivered', attempts: 1 });
    expect(t.outbox.list(t.hallId, { limit: 1 })[0]!.lastError).toBeUndefined();
    expect(t.outbox.counts(t.hallId)).toEqual({ pending: 0, sent: 1, failed: 0, undelivered: 0 });
  });

  it('stops when closed: the message under way stays claimed, to be tried after a restart', async () => {
    let release = () => {};
    const t = setup(() => new Promise<void>((r) => (release = r)));
    t.write('appointment:1');
    const run = t.sender.deliverDue();
    await new Promise((r) => setTimeout(r, 10));
    const closing = t.sender.close();
    release();
    await closing;
    await run;
    expect(t.outbox.list(t.hallId, { limit: 1 })[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await t.sender.deliverDue()).toBe(0);
  });
});
