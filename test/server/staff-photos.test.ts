/**
 * 亮证亮照 over real HTTP and sockets: a manager uploads, replaces and removes a staff photo;
 * clerks and the public are refused; bytes that are not the image they claim, or too many, are
 * refused and change nothing; GET answers the photo with its ETag (304 when unchanged, 404 when
 * none); the staff snapshot marks the window's clerk with the photo URL and the public one only
 * when the hall shows clerks on window screens; each change is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PHOTO_MAX_BYTES, type AuditEntry, type StaffAccount } from '../../shared/admin';
import type { Snapshot, Window } from '../../shared/schemas';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';
import { jpegLike, solidPng } from '../support/images';

async function put(s: TestServer, id: string, bytes: Buffer, type: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': type };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${s.url}/api/admin/staff/${id}/photo`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as StaffAccount & { error?: { code: string } } };
}

describe('staff photos', () => {
  let s: TestServer;
  let admin: string;
  let c01: string;
  let c01Id: string;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await login(s.url, 'admin', 'admin');
    c01 = await login(s.url, 'c01', '1234');
    c01Id = s.store.users.byUsername('c01')!.id;
  });
  afterAll(() => s.close());

  it('refuses clerks and the public, bad bytes and too many; nothing is stored', async () => {
    expect((await put(s, c01Id, jpegLike(), 'image/jpeg')).status).toBe(401);
    const asClerk = await put(s, c01Id, jpegLike(), 'image/jpeg', c01);
    expect(asClerk.status).toBe(403);
    expect(asClerk.body.error?.code).toBe('FORBIDDEN');
    // Declared a JPEG, is text; declared a PNG, is a JPEG; declared a GIF; a JSON body.
    const text = await put(s, c01Id, Buffer.from('<svg onload=alert(1)>'), 'image/jpeg', admin);
    expect([text.status, text.body.error?.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await put(s, c01Id, jpegLike(), 'image/png', admin)).status).toBe(400);
    expect((await put(s, c01Id, jpegLike(), 'image/gif', admin)).status).toBe(400);
    expect((await api(s.url, 'PUT', `/api/admin/staff/${c01Id}/photo`, { token: admin, body: { photo: 'x' } })).status).toBe(400);
    // Just over the cap, and far over it (the parser stops reading).
    const over = await put(s, c01Id, jpegLike(STAFF_PHOTO_MAX_BYTES + 1), 'image/jpeg', admin);
    expect([over.status, over.body.error?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await put(s, c01Id, jpegLike(2 * STAFF_PHOTO_MAX_BYTES), 'image/jpeg', admin)).status).toBe(413);
    expect((await put(s, 'no-such-id', jpegLike(), 'image/jpeg', admin)).body.error?.code).toBe('UNKNOWN_USER');
    expect(s.store.photos.get(c01Id)).toBeUndefined();
    expect((await fetch(`${s.url}/api/staff/${c01Id}/photo`)).status).toBe(404);
  });

  it('uploads, serves with ETag and 304, marks the clerk in snapshots, replaces, removes, audits', async () => {
    // c01 signs in at window 3; a staff socket and a public one watch.
    expect((await api(s.url, 'POST', '/api/windows/3/session', { token: c01 })).status).toBe(200);
    const staff = await connectClient(s.url, admin);
    const viewer = await connectClient(s.url);
    const w3 = (snap: Snapshot | { windows: Window[] }) => snap.windows.find((w) => w.no === 3);
    expect(w3(staff.snapshot)?.clerk?.photoUrl).toBeUndefined();

    const jpeg = jpegLike(40_000, 9);
    const pushed = nextEvent(staff.socket, 'hall:changed', (c) => c.windows.some((w) => w.no === 3 && w.clerk?.photoUrl !== undefined));
    const publicPush = nextEvent(viewer.socket, 'hall:changed', (c) => c.windows.some((w) => w.no === 3));
    const up = await put(s, c01Id, jpeg, 'image/jpeg; charset=binary', admin);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ id: c01Id, username: 'c01' });
    const url = up.body.photoUrl!;
    expect(url).toMatch(new RegExp(`^/api/staff/${c01Id}/photo\\?v=[0-9a-f]{16}$`));
    const version = new URL(url, s.url).searchParams.get('v')!;
    expect(w3(await pushed)?.clerk?.photoUrl).toBe(url);
    // The hall has not turned on 窗口屏显示工作人员: public windows still carry no clerk.
    expect(w3(await publicPush)?.clerk).toBeUndefined();

    const got = await fetch(s.url + url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('etag')).toBe(`"${version}"`);
    expect(got.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.compare(Buffer.from(await got.arrayBuffer()), jpeg)).toBe(0);
    const again = await fetch(s.url + url, { headers: { 'if-none-match': `"${version}"` } });
    expect(again.status).toBe(304);
    // Without the version (or an old one) the answer must be checked again each time.
    const bare = await fetch(`${s.url}/api/staff/${c01Id}/photo`, { headers: { 'if-none-match': '"0000000000000000"' } });
    expect([bare.status, bare.headers.get('cache-control')]).toEqual([200, 'no-cache']);

    // The staff list and a fresh staff snapshot carry it; a manager's edit of the name keeps it.
    const list = await api<StaffAccount[]>(s.url, 'GET', '/api/admin/staff', { token: admin });
    expect(list.body.find((a) => a.id === c01Id)?.photoUrl).toBe(url);
    expect(list.body.find((a) => a.username === 'c02')?.photoUrl).toBeUndefined();
    await api(s.url, 'PUT', `/api/admin/staff/${c01Id}`, { token: admin, body: { name: '张晓明' } });
    expect(w3((await api<Snapshot>(s.url, 'GET', '/api/snapshot', { token: admin })).body)?.clerk).toMatchObject({ name: '张晓明', photoUrl: url });

    // A PNG replaces it: a new URL; the old one now answers the new photo, revalidated.
    const png = solidPng(30, 40, [10, 120, 200]);
    const replaced = await put(s, c01Id, png, 'image/png', admin);
    expect(replaced.body.photoUrl).not.toBe(url);
    expect((await fetch(s.url + replaced.body.photoUrl!)).headers.get('content-type')).toBe('image/png');
    const stale = await fetch(s.url + url, { headers: { 'if-none-match': `"${version}"` } });
    expect([stale.status, stale.headers.get('cache-control')]).toEqual([200, 'no-cache']);

    // Clerks may not remove it; a manager may; removing again is no error.
    expect((await api(s.url, 'DELETE', `/api/admin/staff/${c01Id}/photo`, { token: c01 })).status).toBe(403);
    const removedPush = nextEvent(staff.socket, 'hall:changed', (c) => c.windows.some((w) => w.no === 3 && w.clerk !== undefined && w.clerk.photoUrl === undefined));
    const removed = await api<StaffAccount>(s.url, 'DELETE', `/api/admin/staff/${c01Id}/photo`, { token: admin });
    expect(removed.status).toBe(200);
    expect(removed.body.photoUrl).toBeUndefined();
    await removedPush;
    expect((await fetch(s.url + url)).status).toBe(404);
    expect((await api(s.url, 'DELETE', `/api/admin/staff/${c01Id}/photo`, { token: admin })).status).toBe(200);

    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    const photos = audit.body.filter((e) => e.type === 'ClerkPhotoChanged');
    // Added, replaced, removed; the second removal changed nothing and is not logged.
    expect(photos).toHaveLength(3);
    expect(photos.map((e) => e.actor.username)).toEqual(['admin', 'admin', 'admin']);
    expect(photos[2]!.data).toMatchObject({ clerkId: c01Id, username: 'c01', photoVersion: version });
    expect(photos[0]!.data).toMatchObject({ username: 'c01', before: new URL(replaced.body.photoUrl!, s.url).searchParams.get('v') });
    staff.socket.close();
    viewer.socket.close();
  });

  it('public windows carry the clerk (with the photo) only while the hall shows clerks on window screens', async () => {
    const c02 = await login(s.url, 'c02', '1234');
    const c02Id = s.store.users.byUsername('c02')!.id;
    await api(s.url, 'POST', '/api/windows/4/session', { token: c02 });
    const up = await put(s, c02Id, jpegLike(3000, 3), 'image/jpeg', admin);
    const viewer = await connectClient(s.url);
    expect(viewer.snapshot.hall.windowShowsClerk).toBe(false);
    expect(viewer.snapshot.windows.find((w) => w.no === 4)?.clerk).toBeUndefined();

    // Turning it on pushes every window with its clerk, and the hall info with the setting.
    const on = nextEvent(viewer.socket, 'hall:changed', (c) => c.hall?.windowShowsClerk === true);
    expect((await api(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { windowShowsClerk: true } })).status).toBe(200);
    const change = await on;
    const w4 = change.windows.find((w) => w.no === 4);
    expect(w4?.clerk).toEqual({ id: c02Id, username: 'c02', name: expect.any(String) as string, photoUrl: up.body.photoUrl });
    expect(w4).not.toHaveProperty('workingSince');
    expect(change.windows.find((w) => w.no === 5)?.clerk).toBeUndefined();
    const fresh = (await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body;
    expect(fresh.windows.find((w) => w.no === 4)?.clerk?.photoUrl).toBe(up.body.photoUrl);
    expect((await api<Window>(s.url, 'GET', '/api/windows/4')).body.clerk?.username).toBe('c02');

    const off = nextEvent(viewer.socket, 'hall:changed', (c) => c.hall?.windowShowsClerk === false);
    await api(s.url, 'PUT', '/api/admin/settings', { token: admin, body: { windowShowsClerk: false } });
    expect((await off).windows.find((w) => w.no === 4)?.clerk).toBeUndefined();
    expect((await api<Snapshot>(s.url, 'GET', '/api/snapshot')).body.windows.find((w) => w.no === 4)?.clerk).toBeUndefined();
    viewer.socket.close();
  });
});
