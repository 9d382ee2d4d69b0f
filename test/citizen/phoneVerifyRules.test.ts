/**
 * 扫码取号需验证手机号, the pure rules (server/notify/phone-verify-rules.ts): when a code may be
 * sent, what a typed code does, and when a phone holds its limit of numbers.
 */
import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../shared/schemas';
import {
  checkCode,
  codeRequest,
  CODE_MAX_ATTEMPTS,
  CODES_PER_HOUR,
  limitReached,
  type CodeRequestDecision,
  type CodeState,
} from '../../server/notify/phone-verify-rules';

const S = 1000;
const M = 60 * S;
const NOW = Date.parse('2026-11-30T02:00:00Z');

describe('codeRequest: once a minute, five an hour', () => {
  it.each<[string, number[], CodeRequestDecision]>([
    ['no code yet', [], { ok: true }],
    ['the last 61 s ago', [NOW - 61 * S], { ok: true }],
    ['the last exactly 60 s ago', [NOW - 60 * S], { ok: true }],
    ['the last 59 s ago', [NOW - 59 * S], { ok: false, why: 'too_soon', retryInMs: 1 * S }],
    ['the last just now', [NOW], { ok: false, why: 'too_soon', retryInMs: 60 * S }],
    ['four within the hour', [NOW - 50 * M, NOW - 30 * M, NOW - 20 * M, NOW - 2 * M], { ok: true }],
    ['five within the hour: until the oldest is an hour old', [NOW - 50 * M, NOW - 30 * M, NOW - 20 * M, NOW - 10 * M, NOW - 2 * M], { ok: false, why: 'hourly', retryInMs: 10 * M }],
    ['five, unordered', [NOW - 2 * M, NOW - 20 * M, NOW - 50 * M, NOW - 10 * M, NOW - 30 * M], { ok: false, why: 'hourly', retryInMs: 10 * M }],
    ['six, the oldest 61 minutes ago: four count', [NOW - 61 * M, NOW - 59 * M, NOW - 40 * M, NOW - 20 * M, NOW - 2 * M], { ok: true }],
    ['five, the oldest exactly an hour ago: it no longer counts', [NOW - 60 * M, NOW - 40 * M, NOW - 30 * M, NOW - 20 * M, NOW - 2 * M], { ok: true }],
  ])('%s', (_name, sentAt, expected) => {
    expect(codeRequest(sentAt, NOW)).toEqual(expected);
  });
  it('allows exactly CODES_PER_HOUR an hour, a minute apart', () => {
    const sent: number[] = [];
    for (let i = 0; i < 10; i++) {
      const at = NOW + i * M;
      if (codeRequest(sent, at).ok) sent.push(at);
    }
    expect(sent).toHaveLength(CODES_PER_HOUR);
  });
});

describe('checkCode: right, wrong, or dead', () => {
  const live: CodeState = { expiresAt: NOW + 1, attempts: 0 };
  it.each<[string, CodeState | undefined, boolean, ReturnType<typeof checkCode>]>([
    ['a live code, typed right', live, true, 'ok'],
    ['a live code, typed wrong', live, false, 'wrong'],
    ['four wrong tries before: the fifth still counts', { ...live, attempts: CODE_MAX_ATTEMPTS - 1 }, false, 'wrong'],
    ['four wrong tries before, then right', { ...live, attempts: CODE_MAX_ATTEMPTS - 1 }, true, 'ok'],
    ['five wrong tries: dead even when right', { ...live, attempts: CODE_MAX_ATTEMPTS }, true, 'dead'],
    ['expired at this very moment', { expiresAt: NOW, attempts: 0 }, true, 'dead'],
    ['used for a number already', { ...live, usedAt: NOW - M }, true, 'dead'],
    ['no code was ever sent', undefined, false, 'dead'],
  ])('%s', (_name, code, matches, expected) => {
    expect(checkCode(code, matches, NOW)).toBe(expected);
  });
});

describe('limitReached: waiting and called numbers count', () => {
  it.each<[string, (TicketStatus | undefined)[], number, boolean]>([
    ['none held, limit 1', [], 1, false],
    ['one waiting, limit 1', ['waiting'], 1, true],
    ['one called, limit 1', ['called'], 1, true],
    ['one waiting, limit 2', ['waiting'], 2, false],
    ['served, done, missed and cancelled do not count', ['serving', 'done', 'no_show', 'cancelled'], 1, false],
    ['a ticket gone from the state does not count', [undefined], 1, false],
    ['two of five holding, limit 2', ['done', 'waiting', 'cancelled', 'called', 'done'], 2, true],
    ['five waiting, limit 5', ['waiting', 'waiting', 'waiting', 'waiting', 'waiting'], 5, true],
  ])('%s', (_name, statuses, limit, expected) => {
    expect(limitReached(statuses, limit)).toBe(expected);
  });
});
