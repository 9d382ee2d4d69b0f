/** 数据备份's pure rules as tables: names, their order, which to delete, when the day's is due, the env. */
import { describe, expect, it } from 'vitest';
import { BackupName } from '../../shared/backup';
import { backupConfigFromEnv } from '../../server/backup/config';
import { backupDue, backupName, backupsToDelete, backupsToKeep, backupTime, dailyBackupDue, localStamp, newestFirst, newestGood, nextToVerify, parseBackupName, restoreCommand, shellWord, TODAY_MAX, VERIFY_EVERY_MS, type RestoreCandidate } from '../../server/backup/rules';

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

  // The day's backup is the first of its day; today's later ones (日间备份, 立即备份) stay besides
  // the `keep` daily ones, and go once the day is over.
  const T = '2026-11-28';
  const e = 'hall-2026-11-28T100000.db';
  const f = 'hall-2026-11-28T110000.db';
  const old = 'hall-2026-11-27T150000.db'; // a 日间备份 of the day before
  it.each<[string[], number, string, string[]]>([
    [[a, b, c, d], 14, T, []],
    [[a, b, c, d], 3, T, []],
    [[a, b, c, d], 2, T, [a]],
    [[d, a, c, b], 2, T, [a]],
    [[a, b, c, d], 1, T, [b, a]], // keep 1: today's first and its later ones
    [[a, b, c, d], 3, '2026-11-29', [d]], // the day is over: its later one goes, not a daily one
    [[a, c, c2], 2, T, []], // the same-second second is a later one of today
    [[a, c, c2], 2, '2026-11-29', [c2]],
    [[a, c, c2], 1, T, [a]],
    [[a, b, old, c, e, f, d], 3, T, [old]], // intra-day ones never push a day out of the history
    [[a, b, old, c, e, f, d], 2, T, [old, a]],
    [[a, 'notes.txt', 'hall.db', b], 1, T, [a]], // other files are never ours to delete
    [[a, b], 0, T, [a]], // keep is at least 1: the newest day always stays
    [[], 3, T, []],
  ])('%j keeping %i on %s deletes %j', (names, keep, today, deleted) => {
    expect(backupsToDelete(names, keep, today)).toEqual(deleted);
    expect(backupsToKeep(names, keep, today).sort()).toEqual(names.filter((n) => parseBackupName(n) && !deleted.includes(n)).sort());
  });

  it(`keeps at most ${TODAY_MAX} of today's later backups, the newest`, () => {
    const today = Array.from({ length: TODAY_MAX + 3 }, (_, i) => `hall-2026-11-28T1${String(Math.floor(i / 60)).padStart(1, '0')}${String(i % 60).padStart(2, '0')}00.db`);
    const deleted = backupsToDelete([b, ...today], 14, T);
    // today[0] is the day's own backup; of the 26 later ones the oldest two go.
    expect(deleted).toEqual([today[2], today[1]]);
    expect(backupsToKeep([b, ...today], 14, T)).toHaveLength(TODAY_MAX + 2);
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

describe('when the timer makes a backup', () => {
  const h9 = 'hall-2026-11-28T090000.db';
  const now = (hm: string) => at(`2026-11-28T${hm}:00+08:00`);
  it.each<[string, string[], string, number | null, boolean, ReturnType<typeof backupDue>]>([
    ['no backup today: the day’s, changed or not', ['hall-2026-11-27T000010.db'], '00:00', 1, false, 'auto'],
    ['no backup today, 日间备份 off', [], '08:00', null, false, 'auto'],
    ['an hour on, changed', [h9], '10:00', 1, true, 'intraday'],
    ['an hour on, nothing changed (a quiet night)', [h9], '10:00', 1, false, null],
    ['59 minutes on, changed', [h9], '09:59', 1, true, null],
    ['2 hours set, 1:30 on', [h9], '10:30', 2, true, null],
    ['2 hours set, 2:00 on', [h9], '11:00', 2, true, 'intraday'],
    ['off', [h9], '23:00', null, true, null],
    ['counted from the newest, whatever made it', [h9, 'hall-2026-11-28T093000.db'], '10:00', 1, true, null],
    ['24 hours: never within a day', [h9], '23:59', 24, true, null],
  ])('%s', (_what, names, hm, everyHours, changed, due) => {
    expect(backupDue({ names, today: '2026-11-28', now: now(hm), timezone: SH, everyHours, changed })).toBe(due);
  });
});

describe('which file is read back (复核) next', () => {
  const day = VERIFY_EVERY_MS;
  const NOW = 10 * day;
  it.each<[string, { key: string; verifiedAt: number | null }[], string | null]>([
    ['none kept', [], null],
    ['all read within the day', [{ key: 'local/a', verifiedAt: NOW - day + 1 }], null],
    ['one a day old', [{ key: 'local/a', verifiedAt: NOW - day + 1 }, { key: 'copy/b', verifiedAt: NOW - day }], 'copy/b'],
    ['never read first', [{ key: 'local/a', verifiedAt: 0 }, { key: 'copy/b', verifiedAt: null }], 'copy/b'],
    ['the oldest verdict first', [{ key: 'local/a', verifiedAt: NOW - 2 * day }, { key: 'local/b', verifiedAt: NOW - 3 * day }, { key: 'local/c', verifiedAt: NOW - day }], 'local/b'],
    ['ties: in the order given', [{ key: 'local/a', verifiedAt: null }, { key: 'copy/a', verifiedAt: null }], 'local/a'],
  ])('%s', (_what, files, next) => {
    expect(nextToVerify(files, NOW)).toBe(next);
  });
});

describe('what a restore should use', () => {
  const n1 = 'hall-2026-11-28T000010.db';
  const n2 = 'hall-2026-11-28T120000.db';
  const n3 = 'hall-2026-11-28T150000.db';
  const good = (name: string, copy: RestoreCandidate['copy'] = null): RestoreCandidate => ({ name, localOk: true, copy });
  const bad = (name: string, copy: RestoreCandidate['copy'] = null): RestoreCandidate => ({ name, localOk: false, copy });
  it.each<[string, RestoreCandidate[], ReturnType<typeof newestGood>]>([
    ['none', [], null],
    ['the newest, local', [good(n1), good(n3), good(n2)], { name: n3, place: 'local', file: n3 }],
    ['the newest damaged: the next newest good', [good(n1), bad(n3), good(n2)], { name: n2, place: 'local', file: n2 }],
    ['the local damaged, its copy good', [good(n2), bad(n3, { file: `${n3}.enc`, ok: true })], { name: n3, place: 'copy', file: `${n3}.enc` }],
    ['both damaged', [good(n2), bad(n3, { file: n3, ok: false })], { name: n2, place: 'local', file: n2 }],
    ['every one damaged', [bad(n1), bad(n2, { file: n2, ok: false })], null],
  ])('%s', (_what, candidates, pick) => {
    expect(newestGood(candidates)).toEqual(pick);
  });

  it.each([
    ['/srv/hall/data/backups/hall-2026-11-28T150000.db', '/srv/hall/data/hall.db', 'npx tsx scripts/restore-backup.ts /srv/hall/data/backups/hall-2026-11-28T150000.db --db /srv/hall/data/hall.db'],
    ['/mnt/nas hall/hall-2026-11-28T150000.db.enc', '/srv/hall.db', 'npx tsx scripts/restore-backup.ts "/mnt/nas hall/hall-2026-11-28T150000.db.enc" --db /srv/hall.db'],
    ['/a/b.db', null, 'npx tsx scripts/restore-backup.ts /a/b.db'],
  ])('restoring %s into %s: %s', (file, db, command) => {
    expect(restoreCommand(file, db)).toBe(command);
  });

  it.each([
    ['C:\\hall\\backups\\x.db', '"C:\\hall\\backups\\x.db"'],
    ["/it's $HOME/x.db", `'/it'\\''s $HOME/x.db'`],
    ['/plain/x-1.db', '/plain/x-1.db'],
  ])('%s is the shell word %s', (path, word) => {
    expect(shellWord(path)).toBe(word);
  });
});

describe('configuration from the environment', () => {
  it.each([
    [{}, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, everyHours: 1 }],
    [{ HALL_BACKUP_KEEP: '30' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 30, everyHours: 1 }],
    [{ HALL_BACKUP_DIR: '/mnt/nas/hall', HALL_BACKUP_KEEP: ' 7 ' }, 'data/hall.db', { dir: '/mnt/nas/hall', keep: 7, everyHours: 1 }],
    [{ HALL_BACKUP_DIR: 'bk' }, ':memory:', { dir: '/srv/hall/bk', keep: 14, everyHours: 1 }],
    [{ HALL_BACKUP_EVERY_HOURS: '3' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, everyHours: 3 }],
    [{ HALL_BACKUP_EVERY_HOURS: ' 24 ' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, everyHours: 24 }],
    [{ HALL_BACKUP_EVERY_HOURS: 'OFF' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, everyHours: null }],
    [{}, ':memory:', undefined],
    [{ HALL_BACKUP_DIR: '  ' }, ':memory:', undefined],
    [{ HALL_BACKUP_COPY_DIR: '/mnt/nas/hall' }, 'data/hall.db', { dir: '/srv/hall/data/backups', keep: 14, everyHours: 1, copyDir: '/mnt/nas/hall' }],
    [
      { HALL_BACKUP_COPY_DIR: 'usb', HALL_BACKUP_PASSPHRASE: 'correct horse battery' },
      'data/hall.db',
      { dir: '/srv/hall/data/backups', keep: 14, everyHours: 1, copyDir: '/srv/hall/usb', passphrase: 'correct horse battery' },
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

  it.each(['0', '25', '1.5', 'hourly', '-2', 'no'])('HALL_BACKUP_EVERY_HOURS=%s stops the start', (every) => {
    expect(() => backupConfigFromEnv({ HALL_BACKUP_EVERY_HOURS: every }, 'data/hall.db')).toThrow(/HALL_BACKUP_EVERY_HOURS must be a whole number of hours from 1 to 24, or off/);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ HALL_BACKUP_PASSPHRASE: 'correct horse battery' }, /set that folder too/],
    [{ HALL_BACKUP_COPY_DIR: '/mnt/nas', HALL_BACKUP_PASSPHRASE: 'short' }, /at least 12 characters/],
    [{ HALL_BACKUP_DIR: '/mnt/nas', HALL_BACKUP_COPY_DIR: '/mnt/nas/' }, /another folder/],
  ])('%j stops the start', (env, why) => {
    expect(() => backupConfigFromEnv(env, 'data/hall.db')).toThrow(why);
  });
});
