/** 疑难问题's rules, pure: who may ask, withdraw, answer, publish; the personal-data check; unread; search words. */
import { describe, expect, it } from 'vitest';
import { matchesWords, personalDataIn, searchWords } from '../../shared/questionRules';
import { answer, ask, faqChanged, mayRead, publish, unread, withdraw, type QuestionRec, type Who } from '../../server/questions/rules';

const NOW = Date.parse('2026-11-30T02:00:00Z');
const clerk: Who = { id: 'u-c01', role: 'clerk' };
const other: Who = { id: 'u-c02', role: 'clerk' };
const manager: Who = { id: 'u-admin', role: 'manager' };
const guide: Who = { id: 'u-guide', role: 'guide' };
const names: Record<string, string> = { 'A-01': '企业设立登记' };
const matterName = (id: string) => names[id];

const open: QuestionRec = { id: 'q1', text: '个体户变更要不要原件？', matterId: 'A-01', matterName: '企业设立登记', askerId: clerk.id, windowNo: 3, askedAt: NOW - 60_000, status: 'open', published: false };
const answered: QuestionRec = { ...open, status: 'answered', answer: '要原件，复印件留存。', answeredById: manager.id, answeredByName: '管理员', answeredAt: NOW - 30_000 };
const withdrawn: QuestionRec = { ...open, status: 'withdrawn', withdrawnAt: NOW - 30_000 };

describe('personalDataIn', () => {
  it.each([
    ['身份证 410102199001011234 的人能办吗', 'id_card'],
    ['证号 41010219900101123X', 'id_card'],
    ['号码 4101 0219 9001 0112 34 的', 'id_card'],
    ['电话 13812345678 的群众', 'phone'],
    ['电话 138-1234-5678', 'phone'],
    ['个体户变更要不要原件？', undefined],
    ['统一社会信用代码 91410100MA1234567X 的企业', undefined],
    ['办件编号 2026113000012345678901 查不到', undefined],
    ['座机 0371-12345678', undefined],
    ['12345678901', undefined],
  ])('%s → %s', (text, want) => {
    expect(personalDataIn(text)).toBe(want);
  });
});

describe('search words', () => {
  it.each([
    ['原件 变更', ['原件', '变更'], true],
    ['原件，复印件', ['原件', '复印件'], true],
    ['原件 社保', ['原件', '社保'], false],
    ['', [], true],
    ['  ', [], true],
    ['ABC', ['abc'], true],
  ])('%j', (q, words, hit) => {
    expect(searchWords(q)).toEqual(words);
    expect(matchesWords(searchWords(q), '个体户变更要不要原件？', '要原件，复印件留存。abc')).toBe(hit);
  });
});

describe('ask', () => {
  it.each([
    ['a clerk with a matter', clerk, { matterId: 'A-01' }, { ok: true }],
    ['a clerk, general question', clerk, {}, { ok: true }],
    ['a manager', manager, {}, { ok: true }],
    ['a guide', guide, {}, { code: 'FORBIDDEN' }],
    ['an unknown matter', clerk, { matterId: 'Z-99' }, { code: 'NOT_FOUND', reason: 'unknown_matter' }],
    ['an ID card number', clerk, { text: '410102199001011234 能不能办' }, { code: 'BAD_REQUEST', reason: 'question_personal_data' }],
    ['a mobile number', clerk, { text: '13812345678 的群众问' }, { code: 'BAD_REQUEST', reason: 'question_personal_data' }],
  ] as const)('%s', (_name, who, over, want) => {
    const r = ask(who, { id: 'q9', text: '要不要原件？', windowNo: 3, ...over }, matterName, NOW);
    if ('ok' in want) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toMatchObject({ id: 'q9', askerId: who.id, status: 'open', published: false, askedAt: NOW, matterName: 'matterId' in over ? '企业设立登记' : undefined });
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject(want);
    }
  });
});

describe('withdraw', () => {
  it.each([
    ['the asker, open', clerk, open, { status: 'withdrawn', what: 'withdrawn' }],
    ['the asker again', clerk, withdrawn, { status: 'withdrawn', what: undefined }],
    ['the asker, answered', clerk, answered, { code: 'INVALID_STATE', reason: 'question_not_open' }],
    ['another clerk', other, open, { code: 'FORBIDDEN', reason: 'question_not_own' }],
    ['a manager', manager, open, { code: 'FORBIDDEN', reason: 'question_not_own' }],
  ] as const)('%s', (_n, who, rec, want) => {
    const r = withdraw(who, rec, NOW);
    if ('status' in want) {
      expect(r.ok && r.value.rec.status).toBe(want.status);
      expect(r.ok && r.value.what).toBe(want.what);
    } else expect(!r.ok && r.error).toMatchObject(want);
  });
});

describe('answer and publish', () => {
  it.each([
    ['answers privately', manager, open, '要原件。', undefined, { what: 'answered', published: false, answeredAt: NOW }],
    ['answers and publishes', manager, open, '要原件。', true, { what: 'answered', published: true }],
    ['the same answer again', manager, answered, '要原件，复印件留存。', undefined, { what: undefined, published: false }],
    ['the same answer, published now', manager, answered, '要原件，复印件留存。', true, { what: 'published', published: true }],
    ['edits the answer', manager, answered, '要原件。', undefined, { what: 'edited', editedAt: NOW, answeredAt: NOW - 30_000 }],
    ['a clerk', clerk, open, '要原件。', undefined, { code: 'FORBIDDEN' }],
    ['withdrawn', manager, withdrawn, '要原件。', undefined, { code: 'INVALID_STATE', reason: 'question_not_open' }],
    ['a phone in the answer', manager, open, '打 13812345678 问', undefined, { code: 'BAD_REQUEST', reason: 'question_personal_data' }],
  ] as const)('%s', (_n, who, rec, text, pub, want) => {
    const r = answer(who, rec, text, pub, '管理员', NOW);
    if ('code' in want) expect(!r.ok && r.error).toMatchObject(want);
    else {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const { what, ...fields } = want;
      expect(r.value.what).toBe(what);
      expect(r.value.rec).toMatchObject({ status: 'answered', ...fields });
    }
  });

  it.each([
    ['publishes an answered one', manager, answered, true, { what: 'published' }],
    ['publishes twice', manager, { ...answered, published: true }, true, { what: undefined }],
    ['unpublishes', manager, { ...answered, published: true }, false, { what: 'unpublished' }],
    ['an open one', manager, open, true, { code: 'INVALID_STATE', reason: 'question_not_answered' }],
    ['a withdrawn one', manager, withdrawn, true, { code: 'INVALID_STATE', reason: 'question_not_answered' }],
    ['a clerk', clerk, answered, true, { code: 'FORBIDDEN' }],
  ] as const)('publish: %s', (_n, who, rec, pub, want) => {
    const r = publish(who, rec, pub);
    if ('code' in want) expect(!r.ok && r.error).toMatchObject(want);
    else expect(r.ok && r.value.what).toBe(want.what);
  });
});

describe('who reads, what is new, when the 常见问题 changed', () => {
  it.each([
    [manager, open, true],
    [clerk, open, true],
    [other, open, false],
    [other, { ...answered, published: true }, false],
    [guide, answered, false],
  ] as const)('mayRead %#', (who, rec, want) => {
    expect(mayRead(who, rec)).toBe(want);
  });

  it.each([
    ['open', open, false],
    ['answered, never seen', answered, true],
    ['seen after the answer', { ...answered, seenAt: NOW - 10_000 }, false],
    ['seen, then edited', { ...answered, seenAt: NOW - 10_000, editedAt: NOW }, true],
    ['withdrawn', withdrawn, false],
  ] as const)('unread: %s', (_n, rec, want) => {
    expect(unread(rec)).toBe(want);
  });

  it.each([
    ['private answer made', open, answered, false],
    ['published', answered, { ...answered, published: true }, true],
    ['unpublished', { ...answered, published: true }, answered, true],
    ['published answer edited', { ...answered, published: true }, { ...answered, published: true, answer: '新' }, true],
    ['private answer edited', answered, { ...answered, answer: '新' }, false],
  ] as const)('faqChanged: %s', (_n, before, after, want) => {
    expect(faqChanged(before, after)).toBe(want);
  });
});
