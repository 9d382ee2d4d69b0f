import { describe, expect, it } from 'vitest';
import { HallSettings, MatterInput, QueuePatch, StaffInput, type AuditEntry } from '../../shared/admin';
import { changedKeys, describeAudit, isManagerAction, mappingText } from '../../counter/src/admin/logic/audit';
import {
  hasErrors,
  int,
  materialLines,
  nextMatterId,
  validateHall,
  validateMatter,
  validateNotices,
  otherPrefixes,
  prefixValue,
  validateQueue,
  validateStaff,
  type MatterForm,
  type QueueForm,
  type StaffForm,
} from '../../counter/src/admin/logic/validate';

const staff = (over: Partial<StaffForm> = {}): StaffForm => ({
  username: 'c31',
  name: '王五',
  role: 'clerk',
  skills: ['A'],
  password: '1234',
  active: true,
  ...over,
});

describe('staff form', () => {
  it.each<[string, Partial<StaffForm>, boolean, string[]]>([
    ['a good new clerk', {}, true, []],
    ['no username', { username: '' }, true, ['username']],
    ['a username with spaces', { username: 'c 31' }, true, ['username']],
    ['a one-letter username', { username: 'c' }, true, ['username']],
    ['no password for a new account', { password: '' }, true, ['password']],
    ['a short password', { password: '123' }, false, ['password']],
    ['no password when editing: kept', { password: '' }, false, []],
    ['a clerk with no skills', { skills: [] }, false, ['skills']],
    ['a manager with no skills is fine', { role: 'manager', skills: [] }, false, []],
    ['a name too long', { name: '名'.repeat(41) }, false, ['name']],
  ])('%s', (_n, over, creating, fields) => {
    const e = validateStaff(staff(over), creating);
    expect(Object.keys(e).filter((k) => e[k as keyof typeof e])).toEqual(fields);
  });

  it('agrees with the server’s schema on usernames and passwords', () => {
    for (const username of ['c31', 'a.b-c_d', 'x', 'c 1', '张三', 'a'.repeat(32), 'a'.repeat(33)]) {
      const ours = !validateStaff(staff({ username }), true).username;
      expect(ours).toBe(StaffInput.safeParse({ username, name: 'n', role: 'clerk', skills: ['A'] }).success);
    }
    for (const password of ['1234', '123', 'abcdefgh']) {
      const ours = !validateStaff(staff({ password }), true).password;
      expect(ours).toBe(StaffInput.safeParse({ username: 'c31', name: 'n', role: 'clerk', skills: [], password }).success);
    }
  });
});

describe('matter form', () => {
  const good: MatterForm = { id: 'A-09', queue: 'A', name: '设立', nameEn: 'Set up', materials: '身份证\n\n 章程 ', timeLimitMinutes: '20' };
  it('accepts a good matter; materials are one per line', () => {
    expect(hasErrors(validateMatter(good))).toBe(false);
    expect(materialLines(good.materials)).toEqual(['身份证', '章程']);
    const parsed = MatterInput.safeParse({ ...good, materials: materialLines(good.materials), timeLimitMinutes: 20 });
    expect(parsed.success).toBe(true);
  });
  it.each<[Partial<MatterForm>, string]>([
    [{ id: 'A 09' }, 'id'],
    [{ name: ' ' }, 'name'],
    [{ timeLimitMinutes: '0' }, 'timeLimitMinutes'],
    [{ timeLimitMinutes: '2.5' }, 'timeLimitMinutes'],
    [{ timeLimitMinutes: '481' }, 'timeLimitMinutes'],
    [{ materials: 'x'.repeat(101) }, 'materials'],
  ])('%o is refused at %s', (over, field) => {
    const e = validateMatter({ ...good, ...over });
    expect(e[field as keyof typeof e]).toBeDefined();
  });
  it('numbers new matters after the taken ones', () => {
    expect(nextMatterId('A', ['A-01', 'A-02', 'B-01'])).toBe('A-03');
    expect(nextMatterId('C', [])).toBe('C-01');
  });
});

describe('queue form', () => {
  const good: QueueForm = { name: '企业开办', nameEn: 'Business', category: '企业服务', targetWaitMinutes: '15', priorityQueue: false, numberStart: '1', numberEnd: '999', prefix: 'A' };
  it('accepts what the server accepts', () => {
    expect(hasErrors(validateQueue(good))).toBe(false);
    expect(QueuePatch.safeParse({ ...good, targetWaitMinutes: 15, numberStart: 1, numberEnd: 999 }).success).toBe(true);
  });
  it.each([
    { typed: 'X', error: undefined, server: true },
    { typed: ' x ', error: undefined, server: true },
    { typed: '', error: 'form.required', server: false },
    { typed: 'XY', error: 'form.prefix', server: false },
    { typed: '1', error: 'form.prefix', server: false },
    { typed: '号', error: 'form.prefix', server: false },
    { typed: 'B', error: 'form.prefixTaken', server: true },
  ])('prefix "$typed" → $error (the schema agrees on the format)', ({ typed, error, server }) => {
    const others = otherPrefixes(
      [
        { code: 'A', prefix: 'Z' },
        { code: 'B' },
        { code: 'C', prefix: 'Q' },
      ],
      'A',
    );
    expect(validateQueue({ ...good, prefix: typed }, others).prefix?.key).toBe(error);
    expect(QueuePatch.safeParse({ prefix: prefixValue(typed) }).success).toBe(server);
  });
  it('names the queue that holds a taken prefix; a queue’s own letter is never taken by itself', () => {
    const others = otherPrefixes([{ code: 'A' }, { code: 'F', prefix: 'X' }], 'A');
    expect(validateQueue({ ...good, prefix: 'X' }, others).prefix).toEqual({ key: 'form.prefixTaken', params: { code: 'F', prefix: 'X' } });
    expect(validateQueue({ ...good, prefix: 'A' }, others).prefix).toBeUndefined();
    expect(validateQueue({ ...good, prefix: 'F' }, others).prefix).toBeUndefined();
  });
  it('says what is wrong, per field', () => {
    const e = validateQueue({ ...good, targetWaitMinutes: 'abc', numberStart: '500', numberEnd: '100', name: '' });
    expect(e.targetWaitMinutes?.key).toBe('form.intRange');
    expect(e.numberEnd?.key).toBe('form.rangeOrder');
    expect(e.name?.key).toBe('form.required');
  });
});

describe('hall settings and notices', () => {
  it('bounds match the server schema', () => {
    for (const [recall, swap, repeat] of [
      ['0', '1', '1'],
      ['10', '20', '3'],
      ['11', '1', '1'],
      ['1', '0', '1'],
      ['1', '1', '4'],
    ]) {
      const ours = !hasErrors(validateHall({ recallLimit: recall!, prioritySwapAfter: swap!, voiceRepeat: repeat!, voiceLanguages: ['zh'], publicTicketing: true }));
      const theirs = HallSettings.safeParse({
        recallLimit: Number(recall),
        prioritySwapAfter: Number(swap),
        voiceRepeat: Number(repeat),
        voiceLanguages: ['zh'],
        publicTicketing: true,
        notices: [],
        noticesEn: [],
        ticketHours: [],
        stopWhenUnfinishable: false,
      }).success;
      expect(ours).toBe(theirs);
    }
    expect(validateHall({ recallLimit: '2', prioritySwapAfter: '3', voiceRepeat: '2', voiceLanguages: [], publicTicketing: true }).voiceLanguages?.key).toBe('form.atLeastOne');
  });
  it('checks each notice line and the count', () => {
    const r = validateNotices(['好', '', 'x'.repeat(201)]);
    expect(r.lines.map((e) => e?.key)).toEqual([undefined, 'form.required', 'form.tooLong']);
    expect(validateNotices(Array.from({ length: 21 }, () => 'a')).list?.key).toBe('notices.tooMany');
    // The English of each is optional, and as long as the Chinese may be.
    const en = validateNotices(['好', '好', '好'], ['', 'Fine', 'x'.repeat(201)]);
    expect(en.english.map((e) => e?.key)).toEqual([undefined, undefined, 'form.tooLong']);
  });
  it('reads whole numbers only', () => {
    expect(int(' 7 ', 0, 10)).toEqual({ value: 7 });
    expect('error' in int('7x', 0, 10)).toBe(true);
    expect('error' in int('', 0, 10)).toBe(true);
  });
});

describe('audit lines', () => {
  const words = { overflow: '溢出', settingName: (k: string) => `<${k}>`, pauseReason: (r: string) => `[${r}]` };
  const entry = (type: string, data: unknown, actorId = 'm1'): AuditEntry => ({
    id: 1,
    seq: 1,
    at: '2026-11-30T01:00:00.000Z',
    actor: { id: actorId, username: 'admin', name: '管理员' },
    type,
    data,
  });

  it('describes a mapping change with before and after', () => {
    const e = entry('MappingChanged', {
      windowNo: 9,
      before: [{ queue: 'A', role: 'primary' }],
      mapping: [{ queue: 'A', role: 'primary' }, { queue: 'B', role: 'overflow' }],
    });
    expect(describeAudit(e, words)).toEqual({ key: 'audit.MappingChanged', params: { no: '9', before: 'A', after: 'A、B(溢出)' } });
  });

  it('names the settings that changed', () => {
    expect(changedKeys({ a: 1, b: [1] }, { a: 1, b: [2] })).toEqual(['b']);
    const e = entry('SettingsChanged', { settings: { recallLimit: 3, notices: [] }, before: { recallLimit: 2, notices: [] } });
    expect(describeAudit(e, words).params.what).toBe('<recallLimit>');
  });

  it('tells an added account or matter from a changed one, and survives odd data', () => {
    expect(describeAudit(entry('ClerkChanged', { clerk: { name: '张三', username: 'c02' } }), words).key).toBe('audit.ClerkAdded');
    expect(describeAudit(entry('ClerkChanged', { clerk: {}, before: {} }), words).key).toBe('audit.ClerkChanged');
    expect(describeAudit(entry('MatterChanged', { matter: { name: '测试' }, before: {} }), words).key).toBe('audit.MatterChanged');
    expect(describeAudit(entry('WindowPaused', { windowNo: 3, reason: 'break' }), words).params.reason).toBe('[break]');
    expect(describeAudit(entry('SomethingNew', null), words)).toEqual({ key: 'audit.other', params: { type: 'SomethingNew' } });
    expect(describeAudit(entry('WindowEnabledChanged', { windowNo: 27, enabled: false }), words)).toEqual({ key: 'audit.WindowDisabled', params: { no: '27' } });
    expect(describeAudit(entry('WindowEnabledChanged', { windowNo: 27, enabled: true }), words).key).toBe('audit.WindowEnabled');
    expect(describeAudit(entry('CitizenSettingsChanged', { before: {}, after: {} }), words)).toEqual({ key: 'audit.CitizenSettingsChanged', params: { what: '—' } });
    // Names what changed, as the hall settings line does.
    const citizen = entry('CitizenSettingsChanged', { before: { slotMinutes: 30, missedLimit: 3, late: 'walk_in' }, after: { slotMinutes: 20, missedLimit: 5, late: 'walk_in' } });
    expect(describeAudit(citizen, words).params.what).toBe('<slotMinutes>、<missedLimit>');
    expect(mappingText('nope', 'x')).toBe('');
    expect(describeAudit(entry('MobileTicketPhoneVerified', { after: { number: 'E012', phone: '139****5678' } }), words)).toEqual({
      key: 'audit.MobileTicketPhoneVerified',
      params: { number: 'E012', phone: '139****5678' },
    });
    expect(describeAudit(entry('DeviceRemoved', { before: { id: 'window-abc12345' } }), words)).toEqual({ key: 'audit.DeviceRemoved', params: { id: 'window-abc12345' } });
    // 停止取号 by the server's minute check: stopped, reopened, or both at once.
    expect(describeAudit(entry('TicketingChanged', { stopped: ['F', 'E'], reopened: [] }), words)).toEqual({ key: 'audit.TicketingStopped', params: { queues: 'F、E' } });
    expect(describeAudit(entry('TicketingChanged', { stopped: [], reopened: ['F'] }), words)).toEqual({ key: 'audit.TicketingReopened', params: { queues: 'F' } });
    expect(describeAudit(entry('TicketingChanged', { stopped: ['E'], reopened: ['F'] }), words)).toEqual({ key: 'audit.TicketingChanged', params: { stopped: 'E', reopened: 'F' } });
  });

  it('names a 语音广播 with its text, and its zone when it had one', () => {
    const hall = entry('Announced', { type: 'Announced', before: null, after: { id: 'x', text: '午间 12:00 至 13:30 部分窗口暂停服务', lang: 'zh' } });
    expect(describeAudit(hall, words)).toEqual({ key: 'audit.Announced', params: { text: '午间 12:00 至 13:30 部分窗口暂停服务' } });
    const zoned = entry('Announced', { after: { text: '请携带身份证原件', zone: '公积金专区' } });
    expect(describeAudit(zoned, words)).toEqual({ key: 'audit.AnnouncedZone', params: { text: '请携带身份证原件', zone: '公积金专区' } });
    expect(describeAudit(entry('Announced', { after: { text: '很'.repeat(100) } }), words).params.text).toBe(`${'很'.repeat(60)}…`);
    expect(describeAudit(entry('Announced', { after: { text: '请注意', textEn: 'Attention please' } }), words).params.text).toBe('请注意 / Attention please');
  });

  it('names a number prefix change, before → after (absent prefix: the code)', () => {
    const changed = entry('QueueChanged', { queue: { code: 'F', name: '不动产登记', prefix: 'X' }, before: { code: 'F', name: '不动产登记' } });
    expect(describeAudit(changed, words)).toEqual({ key: 'audit.QueuePrefixChanged', params: { code: 'F', name: '不动产登记', before: 'F', after: 'X' } });
    const back = entry('QueueChanged', { queue: { code: 'F', name: '不动产登记' }, before: { code: 'F', name: '不动产登记', prefix: 'X' } });
    expect(describeAudit(back, words).params).toMatchObject({ before: 'X', after: 'F' });
    const other = entry('QueueChanged', { queue: { code: 'F', name: '不动产', prefix: 'X' }, before: { code: 'F', name: '不动产登记', prefix: 'X' } });
    expect(describeAudit(other, words)).toEqual({ key: 'audit.QueueChanged', params: { code: 'F', name: '不动产' } });
  });

  it('counts set-up changes and anything a manager did as manager actions', () => {
    const managers = new Set(['m1']);
    expect(isManagerAction(entry('WindowSignedOut', { windowNo: 3 }, 'm1'), managers)).toBe(true);
    expect(isManagerAction(entry('WindowSignedOut', { windowNo: 3 }, 'c1'), managers)).toBe(false);
    expect(isManagerAction(entry('QueueChanged', {}, 'x'), managers)).toBe(true);
  });
});
