/**
 * 数据备份 over the wire: a real server with a backup folder. Managers only; the day's backup at
 * start; 立即备份 answers with the new entry; a download is the file itself, audited, and only
 * for a name of the listing (no path of the caller's choosing reaches the disk).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { BackupEntry, BackupStatus } from '../../shared/backup';
import { BackupStatus as BackupStatusSchema } from '../../shared/backup';
import { api, login, startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { ticketIds } from './support';

let s: TestServer;
afterEach(() => s.close());

async function start(keep = 3) {
  const dir = join(tempDir('backup-routes-'), 'backups');
  s = await startTestServer({ backup: { dir, keep } });
  const manager = await login(s.url, 'admin', 'admin');
  const status = async () => {
    const r = await api<BackupStatus>(s.url, 'GET', '/api/backups', { token: manager });
    expect(r.status).toBe(200);
    return BackupStatusSchema.parse(r.body);
  };
  return { dir, manager, status };
}

describe('GET /api/backups', () => {
  it('shows the folder, keep, and the day’s backup made at start', async () => {
    const { dir, status } = await start();
    await expect.poll(async () => (await status()).backups.length).toBe(1);
    const st = await status();
    expect(st).toMatchObject({ enabled: true, dir, keep: 3, running: false });
    expect(st.backups[0]).toMatchObject({ name: 'hall-2026-11-30T090000.db', checked: true, at: s.clock.now() });
    expect(st.lastRun).toMatchObject({ ok: true, trigger: 'auto', name: 'hall-2026-11-30T090000.db', error: null });
  });

  it('gives each backup its 复核 and its copy, the 日间备份 interval, and the newest good backup with its restore command', async () => {
    const root = tempDir('backup-routes-');
    const dir = join(root, 'backups');
    const copyDir = join(root, 'nas');
    s = await startTestServer({ backup: { dir, keep: 3, copyDir, everyHours: 2 } });
    const manager = await login(s.url, 'admin', 'admin');
    const get = async () => BackupStatusSchema.parse((await api<BackupStatus>(s.url, 'GET', '/api/backups', { token: manager })).body);
    await expect.poll(async () => (await get()).backups[0]?.copy?.file).toBe('hall-2026-11-30T090000.db');
    const st = await get();
    const at = s.clock.now();
    expect(st.everyHours).toBe(2);
    expect(st.backups[0]).toMatchObject({ verified: { at, ok: true, error: null }, copy: { file: 'hall-2026-11-30T090000.db', verified: { at, ok: true, error: null } } });
    const file = join(dir, 'hall-2026-11-30T090000.db');
    expect(st.restore).toEqual({ name: 'hall-2026-11-30T090000.db', at, place: 'local', file, encrypted: false, command: `npx tsx scripts/restore-backup.ts ${file}` });
  });

  it('is for managers only', async () => {
    await start();
    const clerk = await login(s.url, 'c01', '1234');
    expect((await api(s.url, 'GET', '/api/backups')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/backups', { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/backups', { token: clerk })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/backups/hall-2026-11-30T090000.db/download', { token: clerk })).status).toBe(403);
  });

  it('says off, and refuses 立即备份, for a database without a backup folder', async () => {
    s = await startTestServer();
    const manager = await login(s.url, 'admin', 'admin');
    const r = await api<BackupStatus>(s.url, 'GET', '/api/backups', { token: manager });
    expect(r.body).toEqual({ enabled: false, dir: null, keep: 14, running: false, backups: [], lastRun: null, copy: null, everyHours: null, restore: null });
    const post = await api<{ error: { code: string } }>(s.url, 'POST', '/api/backups', { token: manager });
    expect(post.status).toBe(409);
    expect(post.body.error.code).toBe('CONFLICT');
  });
});

describe('POST /api/backups (立即备份)', () => {
  it('answers with the new entry, holding the tickets issued so far; today’s later backups stay, then the daily `keep`', async () => {
    const { dir, manager, status } = await start(2);
    await expect.poll(async () => (await status()).backups.length).toBe(1);
    const issued = await api<{ id: string }>(s.url, 'POST', '/api/tickets', { body: { queue: 'A' } });
    s.clock.advance(60_000);
    const r = await api<BackupEntry>(s.url, 'POST', '/api/backups', { token: manager });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'hall-2026-11-30T090100.db', checked: true });
    expect(ticketIds(join(dir, r.body.name))).toEqual([issued.body.id]);
    s.clock.advance(60_000);
    await api(s.url, 'POST', '/api/backups', { token: manager });
    expect((await status()).backups.map((b) => b.name)).toEqual(['hall-2026-11-30T090200.db', 'hall-2026-11-30T090100.db', 'hall-2026-11-30T090000.db']);
    // The next day: of 11-30, its first (the day's backup) stays.
    s.clock.advance(24 * 60 * 60_000);
    const again = await login(s.url, 'admin', 'admin'); // yesterday's session has expired
    await api(s.url, 'POST', '/api/backups', { token: again });
    const next = await api<BackupStatus>(s.url, 'GET', '/api/backups', { token: again });
    expect(next.body.backups.map((b) => b.name)).toEqual(['hall-2026-12-01T090200.db', 'hall-2026-11-30T090000.db']);
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=20', { token: again });
    const made = audit.body.filter((a) => a.type === 'BackupMade');
    expect(made.map((a) => a.actor.username ?? a.actor.id)).toEqual(['admin', 'admin', 'admin', 'system']);
  });

  it('two at once: one is written, the other refused', async () => {
    const { manager, status } = await start();
    await expect.poll(async () => (await status()).backups.length).toBe(1);
    const both = await Promise.all([api(s.url, 'POST', '/api/backups', { token: manager }), api(s.url, 'POST', '/api/backups', { token: manager })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('GET /api/backups/:name/download', () => {
  it('sends the file as an attachment and audits who took it', async () => {
    const { dir, manager, status } = await start();
    await expect.poll(async () => (await status()).backups.length).toBe(1);
    const name = 'hall-2026-11-30T090000.db';
    const res = await fetch(`${s.url}/api/backups/${name}/download`, { headers: { authorization: `Bearer ${manager}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?${name}"?$`));
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, name)))).toBe(true);
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit?limit=5', { token: manager });
    expect(audit.body.find((a) => a.type === 'BackupDownloaded')).toMatchObject({ actor: { username: 'admin' }, after: { name } });
  });

  it.each([
    'hall-2026-11-29T090000.db', // the right form, not in the folder
    '..%2Fhall.db',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2Fetc%2Fpasswd',
    'hall-2026-11-30T090000.db%00.txt',
    '.hall-2026-11-30T090000.db.tmp',
    'README.txt',
  ])('404 for %s', async (name) => {
    const { manager, status } = await start();
    await expect.poll(async () => (await status()).backups.length).toBe(1);
    const r = await api<{ error: { code: string } }>(s.url, 'GET', `/api/backups/${name}/download`, { token: manager });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});
