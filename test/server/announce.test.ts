/**
 * 语音广播 against a real server with the espeak voice on: a manager's announcement reaches the
 * walls (viewer room) as `announce` with a notice URL that answers a WAV; staff sockets do not
 * get it; clerks are refused; bad text and unknown zones are refused; one per 5 s per hall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCE_MAX_CHARS, type Announce } from '../../shared/announce';
import type { AuditEntry } from '../../shared/admin';
import type { Reply } from '../../shared/errors';
import { NOTICE_MAX_CHARS } from '../../server/voice/notice';
import { api, connectClient, login, nextEvent, startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let admin: string;
beforeAll(async () => {
  s = await startTestServer({ espeak: true });
  admin = await login(s.url, 'admin', 'admin');
});
afterAll(() => s.close());

type ErrorBody = { error: { code: string; message: string } };
const announce = (body: unknown, token = admin) => api<Announce | ErrorBody>(s.url, 'POST', '/api/announcements', { token, body });
/** Past the rate limit (the server's clock is a manual one). */
const later = () => s.clock.advance(6_000);

describe('POST /api/announcements (语音广播)', () => {
  it('has the same length limit as the notice audio it points to', () => {
    expect(ANNOUNCE_MAX_CHARS).toBe(NOTICE_MAX_CHARS);
  });

  it('reaches the walls with a playable notice URL, is audited, and does not move the hall seq', async () => {
    const wall = await connectClient(s.url);
    const staff = await connectClient(s.url, admin);
    let staffGot = 0;
    staff.socket.on('announce', () => staffGot++);
    const heard = nextEvent(wall.socket, 'announce');
    const text = '  午间 12:00 至 13:30 部分窗口暂停服务，请耐心等候  ';

    const r = await announce({ text });
    expect(r.status).toBe(201);
    const sent = r.body as Announce;
    const got = await heard;
    expect(got).toEqual(sent);
    expect(got).toMatchObject({ text: text.trim(), lang: 'zh', at: '2026-11-30T01:00:00.000Z' });
    expect(got.zone).toBeUndefined();
    expect(got.audioUrl).toBe(`/api/audio/notice.wav?text=${encodeURIComponent(text.trim()).replace(/%20/g, '+')}&lang=zh`);

    const wav = await fetch(s.url + got.audioUrl);
    expect(wav.status).toBe(200);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    expect(bytes.length).toBeGreaterThan(44_100); // seconds of speech, not an empty file

    const snap = await api<{ seq: number }>(s.url, 'GET', '/api/snapshot');
    expect(snap.body.seq).toBe(wall.snapshot.seq);
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    const entry = audit.body.find((e) => e.type === 'Announced');
    expect(entry?.actor.username).toBe('admin');
    expect(entry?.after).toMatchObject({ id: sent.id, text: text.trim(), lang: 'zh' });
    expect(staffGot).toBe(0);
    wall.socket.close();
    staff.socket.close();
  });

  it('is a socket command too, with a zone and an explicit language', async () => {
    later();
    const wall = await connectClient(s.url);
    const staff = await connectClient(s.url, admin);
    const heard = nextEvent(wall.socket, 'announce');
    const reply = await new Promise<Reply<Announce>>((resolve) => {
      staff.socket.emit('announce:send', { text: 'Please have your ID card ready', lang: 'en', zone: '公积金专区' }, resolve);
    });
    expect(reply.ok).toBe(true);
    expect(await heard).toMatchObject({ text: 'Please have your ID card ready', lang: 'en', zone: '公积金专区' });
    wall.socket.close();
    staff.socket.close();
  });

  it('with its English: one announcement, the English spoken after the Chinese in the same audio, shown beside it, audited', async () => {
    later();
    const wall = await connectClient(s.url);
    const heard = nextEvent(wall.socket, 'announce');
    const r = await announce({ text: '系统维护，请稍候', textEn: '  The system is being serviced, please wait.  ' });
    expect(r.status).toBe(201);
    const got = await heard;
    expect(got).toMatchObject({ text: '系统维护，请稍候', lang: 'zh', textEn: 'The system is being serviced, please wait.' });
    expect(new URL(got.audioUrl, s.url).searchParams.get('en')).toBe('The system is being serviced, please wait.');
    const length = async (url: string) => Buffer.from(await (await fetch(s.url + url)).arrayBuffer()).length;
    const both = await length(got.audioUrl);
    const zhOnly = await length('/api/audio/notice.wav?text=' + encodeURIComponent('系统维护，请稍候') + '&lang=zh');
    // The English takes seconds more (16-bit samples: a second is tens of kB).
    expect(both - zhOnly).toBeGreaterThan(50_000);
    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    expect(audit.body.find((e) => e.type === 'Announced')?.after).toMatchObject({ textEn: 'The system is being serviced, please wait.' });
    // Blank English is none; English too long to speak is refused (here, and at the audio).
    later();
    expect(((await announce({ text: '请注意', textEn: '   ' })).body as Announce).textEn).toBeUndefined();
    later();
    expect((await announce({ text: '请注意', textEn: 'x'.repeat(ANNOUNCE_MAX_CHARS + 1) })).status).toBe(400);
    expect((await fetch(`${s.url}/api/audio/notice.wav?text=a&en=${'x'.repeat(NOTICE_MAX_CHARS + 1)}`)).status).toBe(400);
    wall.socket.close();
  });

  it('refuses clerks and viewers, bad text and unknown zones', async () => {
    later();
    const clerk = await login(s.url, 'c01', '1234');
    expect((await announce({ text: '请注意' }, clerk)).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/announcements', { body: { text: '请注意' } })).status).toBe(401);
    const bad = async (body: unknown): Promise<string> => {
      const r = await announce(body);
      expect(r.status).toBe(400);
      return (r.body as ErrorBody).error.code;
    };
    expect(await bad({ text: '   ' })).toBe('BAD_REQUEST');
    expect(await bad({})).toBe('BAD_REQUEST');
    expect(await bad({ text: '很'.repeat(ANNOUNCE_MAX_CHARS + 1) })).toBe('BAD_REQUEST');
    // Within the limit as typed, but the voice spells ticket numbers out: "A001" is spoken "A 0 0 1".
    expect(await bad({ text: `${'很'.repeat(ANNOUNCE_MAX_CHARS - 4)}A001` })).toBe('BAD_REQUEST');
    expect(await bad({ text: '请注意', zone: '火星专区' })).toBe('BAD_REQUEST');
    expect(await bad({ text: '请注意', lang: 'fr' })).toBe('BAD_REQUEST');
    // The longest allowed text goes through (and nothing above was counted by the rate limit).
    expect((await announce({ text: '很'.repeat(ANNOUNCE_MAX_CHARS) })).status).toBe(201);
  });

  it('allows one announcement every 5 s per hall', async () => {
    later();
    expect((await announce({ text: '第一条' })).status).toBe(201);
    s.clock.advance(4_000);
    const again = await announce({ text: '第二条' });
    expect(again.status).toBe(429);
    expect((again.body as ErrorBody).error.code).toBe('RATE_LIMITED');
    s.clock.advance(1_000);
    expect((await announce({ text: '第二条' })).status).toBe(201);
  });
});
