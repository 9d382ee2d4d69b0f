/** The console's 数据备份 words (pure): sizes, seconds, audit lines, and the zh/en dictionary key for key. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import { backupEn, backupZh } from '../../counter/src/admin/backupText';
import { describeAudit } from '../../counter/src/admin/logic/audit';
import type { BackupCopyStatus } from '../../shared/backup';
import { copyLine, damageKey, formatSeconds, formatSize, verifyCell } from '../../counter/src/admin/logic/backup';

describe('sizes and seconds', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [4096, '4.0 KB'],
    [1_258_291, '1.2 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [3 * 1024 ** 4, '3.0 TB'],
    [-5, '0 B'],
  ])('%i bytes is %s', (bytes, shown) => {
    expect(formatSize(bytes)).toBe(shown);
  });

  it.each([
    [0, '0.1'],
    [35, '0.1'],
    [180, '0.2'],
    [2_540, '2.5'],
    [12_600, '13'],
  ])('%i ms is %s s', (ms, shown) => {
    expect(formatSeconds(ms)).toBe(shown);
  });
});

describe('the 异地副本 line', () => {
  const when = (at: number) => `T${at}`;
  const base: BackupCopyStatus = { dir: '/mnt/nas/hall', encrypted: true, count: 3, last: null };
  const run = (ok: boolean, copied: string[], error: string | null = null) => ({ at: 5, ok, copied, deleted: [], error });
  it.each<[string, BackupCopyStatus, ReturnType<typeof copyLine>]>([
    ['not tried yet since the start', base, { key: 'backup.copy.waiting', params: { n: 3 }, bad: false }],
    ['copied two', { ...base, last: run(true, ['a', 'b']) }, { key: 'backup.copy.made', params: { time: 'T5', copied: 2, n: 3 }, bad: false }],
    ['nothing missing', { ...base, last: run(true, []) }, { key: 'backup.copy.current', params: { time: 'T5', n: 3 }, bad: false }],
    ['the folder unreadable', { ...base, count: null }, { key: 'backup.copy.unreadable', params: {}, bad: true }],
    [
      'a failed try comes first, even with the folder unreadable',
      { ...base, count: null, last: run(false, [], 'ENOENT: no such file or directory') },
      { key: 'backup.copy.failed', params: { time: 'T5', error: 'ENOENT: no such file or directory' }, bad: true },
    ],
    [
      'a folder that stopped answering comes before everything',
      { ...base, count: null, notAnsweringSince: 7, last: run(false, [], 'the copy folder … has not answered') },
      { key: 'backup.copy.hung', params: { time: 'T7' }, bad: true },
    ],
    ['answering again (null): as before', { ...base, notAnsweringSince: null }, { key: 'backup.copy.waiting', params: { n: 3 }, bad: false }],
  ])('%s', (_what, copy, line) => {
    expect(copyLine(copy, when)).toEqual(line);
  });
});

describe('a 复核 cell', () => {
  const when = (at: number) => `T${at}`;
  it.each<[string, Parameters<typeof verifyCell>[0], boolean, ReturnType<typeof verifyCell>]>([
    ['good, with when it was read', { at: 7, ok: true, error: null }, false, { key: 'backup.verify.ok', params: { time: 'T7' }, bad: false, reason: null }],
    ['damaged, with why', { at: 7, ok: false, error: 'SHA-256 differs' }, false, { key: 'backup.verify.damaged', params: { time: 'T7' }, bad: true, reason: 'SHA-256 differs' }],
    ['not read back yet', null, false, { key: 'backup.verify.none', params: {}, bad: false, reason: null }],
    ['a copy the folder lacks', undefined, true, { key: 'backup.verify.noCopy', params: {}, bad: false, reason: null }],
  ])('%s', (_what, v, copy, cell) => {
    expect(verifyCell(v, when, copy)).toEqual(cell);
  });
});

describe('why a 复核 failed, in words', () => {
  it.each([
    ['its bytes changed since it was written (SHA-256 differs): the file is damaged', 'backup.why.changed'],
    ['encrypted, and HALL_BACKUP_PASSPHRASE is not set: it cannot be read back', 'backup.why.noPassphrase'],
    ['wrong passphrase, or the file is damaged', 'backup.why.tag'],
    ['/nas/hall-2026.db.enc is not an encrypted backup (or is cut short)', 'backup.why.tag'],
    ["ENOENT: no such file or directory, open '/nas/x.db'", 'backup.why.missing'],
    ['integrity_check: *** in database main *** Page 3 is never used', 'backup.why.integrity'],
    ['EIO: i/o error, read', null],
  ])('%s → %s', (error, key) => {
    expect(damageKey(error)).toBe(key);
  });
});

describe('audit lines', () => {
  const words = { overflow: '溢出', settingName: (k: string) => k, pauseReason: (r: string) => r };
  const entry = (type: string, after: unknown): AuditEntry => ({ id: 1, seq: 1, at: '2026-11-30T01:00:00Z', actor: { id: 'system' }, type, data: { type, before: null, after }, after });

  it.each([
    ['BackupMade', { name: 'hall-2026-11-30T090000.db', size: 1 }, { key: 'audit.BackupMade', params: { name: 'hall-2026-11-30T090000.db' } }],
    ['BackupDownloaded', { name: 'hall-2026-11-30T090000.db' }, { key: 'audit.BackupDownloaded', params: { name: 'hall-2026-11-30T090000.db' } }],
    ['BackupFailed', { error: 'ENOSPC: no space left on device', trigger: 'auto' }, { key: 'audit.BackupFailed', params: { error: 'ENOSPC: no space left on device' } }],
    ['BackupFailed', {}, { key: 'audit.BackupFailed', params: { error: '—' } }],
    ['BackupCopyFailed', { dir: '/mnt/nas', error: 'EACCES: permission denied' }, { key: 'audit.BackupCopyFailed', params: { error: 'EACCES: permission denied' } }],
    [
      'BackupDamaged',
      { place: 'copy', name: 'hall-2026-11-30T090000.db.enc', dir: '/mnt/nas', error: 'wrong passphrase, or the file is damaged' },
      { key: 'audit.BackupDamaged', params: { name: 'hall-2026-11-30T090000.db.enc', error: 'wrong passphrase, or the file is damaged' } },
    ],
    [
      'BackupRepaired',
      { place: 'copy', name: 'hall-2026-11-30T090000.db.enc', dir: '/mnt/nas', from: 'hall-2026-11-30T090000.db' },
      { key: 'audit.BackupRepaired', params: { name: 'hall-2026-11-30T090000.db.enc', from: 'hall-2026-11-30T090000.db' } },
    ],
    [
      'BackupRepaired',
      { place: 'local', name: 'hall-2026-11-30T090000.db', dir: '/var/hall/backups', from: 'hall-2026-11-30T090000.db.enc' },
      { key: 'audit.BackupRepairedLocal', params: { name: 'hall-2026-11-30T090000.db', from: 'hall-2026-11-30T090000.db.enc' } },
    ],
  ])('%s %j', (type, after, line) => {
    expect(describeAudit(entry(type, after), words)).toEqual(line);
  });

  it('every line has its words in both languages, with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(backupEn).sort()).toEqual(Object.keys(backupZh).sort());
    for (const [k, zh] of Object.entries(backupZh)) expect(holes(backupEn[k as keyof typeof backupZh]), k).toEqual(holes(zh));
  });
});
