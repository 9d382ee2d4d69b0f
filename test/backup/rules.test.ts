/** 数据备份's pure rules as tables: names, their order, which to delete, when the day's is due, the env. */
import { describe, expect, it } from 'vitest';
import { BackupName } from '../../shared/backup';
import { backupConfigFromEnv } from '../../server/backup/config';
import { backupName, backupsToDelete, backupTime, dailyBackupDue, localStamp, newestFirst, parseBackupName } from '../../server/backup/rules';

const SH = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('backup names', () => {
  it.each([
    ['2026-11-28T12:30:15Z', SH, '2026-11-28T203015'],
    ['2026-11-28T16:00:00Z', SH, '2026-11-29T000000'], // past local midnight: the next day
    ['2026-11-28T15:59:59Z', SH, '2026-11-28T235959'],
    ['2026-07-01T00:05:09Z', 'UTC', '2026-07-01T000509'],
  ])('%s in %s is %s', (when, tz, stamp) => {
    expect(localStamp(at(when), tz)).toBe(stamp);
  });

  it.each([
    [[], 'hall-2026-11-28T203015.db'],
    [['hall-2026-11-28T203015.db'], 'hall-2026-11-28T203015-2.db'],
    [['hall-2026-11-28T203015.db', 'hall-2026-11-28T203015-2.db'], 'hall-2026-11-28T203015-3.db'],
    [['hall-2026-11-28T203014.db'], 'hall-2026-11-28T203015.db'],
  ])('taken %j → %s', (taken, name) => {
    const made = backupName(at('2026-11-28T12:30:15Z'), SH, new Set(taken));
    expect(made).toBe(name);
    expect(BackupName.safeParse(made).success).toBe(true);
  });

  it.each([
    ['hall-2026-11-28T203015.db', { day: '2026-11-28', stamp: '2026-11-28T203015', n: 1 }],
    ['hall-2026-11-28T203015-12.db', { day: '2026-11-28', stamp: '2026-11-28T203015', n: 12 }],
    ['hall-2026-11-28T2030.db', null],
    ['hall-2026-11-28T203015.db.tmp', null],
    ['.hall-2026-11-28T203015.db.tmp', null],
    ['hall-2026-11-28T203015-0.db', null],
    ['../hall-2026-11-28T203015.db', null],
    ['hall-2026-11-28T203015.db/../../etc/passwd', null],
    ['hall.db', null],
    ['notes.txt', null],
  ])('%s parses as %j', (name, parsed) => {
    expect(parseBackupName(name)).toEqual(parsed);
    expect(BackupName.safeParse(name).success).toBe(parsed !== null);
  });

  it('the time is read back from the name in the hall zone', () => {
    expect(backupTime('hall-2026-11-28T203015.db', SH)).toBe(at('2026-11-28T12:30:15Z'));
    expect(backupTime('hall-2026-11-28T203015-2.db', SH)).toBe(at('2026-11-28T12:30:15Z'));
    expect(backupTime('notes.txt', SH)).toBeNull();
  });
});

describe('which backups stay', () => {
  const a = 'hall-2026-11-26T000010.db';
  const b = 'hall-2026-11-27T000010.db';
  const c = 'hall-2026-11-28T000010.db';
  const c2 = 'hall-2026-11-28T000010-2.db';
  const d = 'hall-2026-11-28T203015.db';

  it('newest first, the same-second counter after its first (text order would not)', () => {
    expect(newestFirst([c, a, 'notes.txt', d, c2, b])).toEqual([d, c2, c, b, a]);
  });

  it.each([
    [[a, b, c, d], 14, []],
    [[a, b, c, d], 4, []],
    [[a, b, c, d], 3, [a]],
    [[d, a, c, b], 2, [b, a]],
    [[a, c, c2], 2, [a]],
    [[a, c, c2], 1, [c, a]],
    [[a, 'notes.txt', 'hall.db', b], 1, [a]], // other files are never ours to delete
    [[a, b], 0, [a]], // keep is at least 1: the newest always stays
    [[], 3, []],
  ])('%j keeping %i deletes %j', (names, keep, deleted) => {
    expect(backupsToDelete(names, keep)).toEqual(deleted);
  });

  it.each([
    [[], '2026-11-28', true],
    [[a, b], '2026-11-28', true],
    [[a, c], '2026-11-28', false],
    [[d], '2026-11-28', false],
    [[d], '2026-11-29', true],
    [['hall-2026-11-28.db', 'notes-2026-11-28T000000.db'], '2026-11-28', true],
  ])('%j on %s: the day’s backup due %s', (names, today, due) => {
    expect(dailyBackupDue(names, today)).toBe(due);
  });
});

describe('configuration from the environment', () => {
  it.each([
    [{}, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14 }],
    [{ HALL_BACKUP_KEEP: '30' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 30 }],
    [{ HALL_BACKUP_DIR: '/mnt/nas/hall', HALL_BACKUP_KEEP: ' 7 ' }, 'data/hall.db', { dir: '/mnt/nas/hall', keep: 7 }],
    [{ HALL_BACKUP_DIR: 'bk' }, ':memory:', { dir: '/srv/hall/bk', keep: 14 }],
    [{}, ':memory:', undefined],
    [{ HALL_BACKUP_DIR: '  ' }, ':memory:', undefined],
    [{ HALL_BACKUP_COPY_DIR: '/mnt/nas/hall' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, copyDir: '/mnt/nas/hall' }],
    [
      { HALL_BACKUP_COPY_DIR: 'usb', HALL_BACKUP_PASSPHRASE: 'correct horse battery' },
      'data/hall.db',
      { dir: '/srv/hall/data/backups', keep: 14, copyDir: '/srv/hall/usb', passphrase: 'correct horse battery' },
    ],
  ])('%j with %s → %j', (env, db, config) => {
    const cwd = process.cwd;
    process.cwd = () => '/srv/hall';
    try {
      expect(backupConfigFromEnv(env, db)).toEqual(config);
    } finally {
      process.cwd = cwd;
    }
  });

  it.each(['0', '-1', '2.5', 'many', '99999'])('HALL_BACKUP_KEEP=%s stops the start', (keep) => {
    expect(() => backupConfigFromEnv({ HALL_BACKUP_KEEP: keep }, 'data/hall.db')).toThrow(/HALL_BACKUP_KEEP/);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ HALL_BACKUP_PASSPHRASE: 'correct horse battery' }, /set that folder too/],
    [{ HALL_BACKUP_COPY_DIR: '/mnt/nas', HALL_BACKUP_PASSPHRASE: 'short' }, /at least 12 characters/],
    [{ HALL_BACKUP_DIR: '/mnt/nas', HALL_BACKUP_COPY_DIR: '/mnt/nas/' }, /another folder/],
  ])('%j stops the start', (env, why) => {
    expect(() => backupConfigFromEnv(env, 'data/hall.db')).toThrow(why);
  });
});
