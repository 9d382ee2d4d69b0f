/**
 * English notices (`noticesEn`, an extension beside `notices`): validated with the settings,
 * carried in the snapshot and the push, kept over a restart, and kept with their notice when a
 * client that knows only `notices` removes one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallSettings } from '../../shared/admin';
import type { HallChange, Snapshot } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

const dir = mkdtempSync(join(tmpdir(), 'notices-en-'));
const dbPath = join(dir, 'hall.db');
let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await startTestServer({ dbPath });
  admin = await login(s.url, 'admin', 'admin');
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (body: unknown) => api<HallSettings>(s.url, 'PUT', '/api/admin/settings', { token: admin, body });
const snapshot = async () => (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body;

describe('English notices', () => {
  it('the demo hall has English for each of its notices, in the settings and the snapshot', async () => {
    const settings = (await api<HallSettings>(s.url, 'GET', '/api/admin/settings', { token: admin })).body;
    expect(settings.notices).toHaveLength(3);
    expect(settings.noticesEn).toHaveLength(3);
    expect(settings.noticesEn.every((en) => /^[A-Z][ -~]+$/.test(en))).toBe(true);
    const hall = (await snapshot()).hall;
    expect(hall.notices).toEqual(settings.notices);
    expect(hall.noticesEn).toEqual(settings.noticesEn);
  });

  it('saved with the notices, pushed to the displays, one per notice', async () => {
    const viewer = await connectClient(s.url);
    const pushed = nextEvent(viewer.socket, 'hall:changed', (c: HallChange) => !!c.hall);
    const r = await put({ notices: ['办事请带身份证。', '午休不停办。'], noticesEn: ['Please bring your ID card.'] });
    expect(r.status).toBe(200);
    // One English per notice: the second has none ('').
    expect(r.body.noticesEn).toEqual(['Please bring your ID card.', '']);
    expect((await pushed).hall).toMatchObject({ notices: ['办事请带身份证。', '午休不停办。'], noticesEn: ['Please bring your ID card.', ''] });
    expect((await snapshot()).hall.noticesEn).toEqual(['Please bring your ID card.', '']);
    viewer.socket.close();
  });

  it('refuses more English than notices, and English over 200 characters', async () => {
    expect((await put({ notices: ['一条'], noticesEn: ['One', 'Two'] })).status).toBe(400);
    // Only the English sent: counted against the notices saved.
    expect((await put({ noticesEn: ['a', 'b', 'c'] })).status).toBe(400);
    expect((await put({ noticesEn: ['x'.repeat(201)] })).status).toBe(400);
    expect((await put({ noticesEn: ['x'.repeat(200)] })).status).toBe(200);
    expect((await put({ noticesEn: Array.from({ length: 21 }, () => 'x') })).status).toBe(400);
    // Nothing refused was saved.
    expect((await snapshot()).hall).toMatchObject({ notices: ['办事请带身份证。', '午休不停办。'], noticesEn: ['x'.repeat(200), ''] });
  });

  it('a client that sends only notices keeps each English with its notice', async () => {
    await put({ notices: ['甲', '乙', '丙'], noticesEn: ['A', '', 'C'] });
    const r = await put({ notices: ['丙', '丁'] });
    expect(r.body.noticesEn).toEqual(['C', '']);
  });

  it('kept over a restart', async () => {
    await put({ notices: ['办事请带身份证。'], noticesEn: ['Please bring your ID card.'] });
    await s.close();
    s = await startTestServer({ dbPath });
    admin = await login(s.url, 'admin', 'admin');
    expect((await snapshot()).hall).toMatchObject({ notices: ['办事请带身份证。'], noticesEn: ['Please bring your ID card.'] });
  });
});
