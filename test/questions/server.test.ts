/**
 * 疑难问题反映与解答 over the wire: a clerk asks (REST and Socket.IO), a manager answers privately
 * or publishes as 常见问题, who sees what (the asker their own and the private answer, another clerk
 * and a guide only the published Q&A without the asker, a viewer nothing), `questions:changed` on
 * real staff sockets (never to viewers, never with text), the badge, withdraw, bad input, roles,
 * audit lines, kept across a restart.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/admin';
import type { Faq, MyQuestions, Question, QuestionList, QuestionsChanged } from '../../shared/questions';
import { api, connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';

let s: TestServer | undefined;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const x of sockets.splice(0)) x.close();
  await s?.close();
  s = undefined;
});

type ErrorBody = { error: { code: string; reason?: string } };

describe('疑难问题', () => {
  it('ask → answer privately → publish → found by other staff; the asker’s badge; audited; kept across a restart', async () => {
    const dbPath = join(tempDir('questions-'), 'hall.db');
    s = await startTestServer({ dbPath });
    const admin = await login(s.url, 'admin', 'admin');
    const c01 = await login(s.url, 'c01', '1234');
    const c02 = await login(s.url, 'c02', '1234');
    const guide = await login(s.url, 'guide', '1234');
    await api(s.url, 'POST', '/api/windows/3/session', { token: c01 });

    const staff = (await connectClient(s.url, c02)).socket;
    const viewer = (await connectClient(s.url)).socket;
    sockets.push(staff, viewer);
    const heardByViewer: unknown[] = [];
    viewer.on('questions:changed', (c) => heardByViewer.push(c));

    const pushedAsk = nextEvent(staff, 'questions:changed', (c) => c.what === 'asked');
    const asked = await api<Question>(s.url, 'POST', '/api/questions', { token: c01, body: { text: '  个体户变更登记要不要营业执照原件？ ', matterId: 'A-01' } });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ text: '个体户变更登记要不要营业执照原件？', matterId: 'A-01', matterName: '企业设立登记', windowNo: 3, status: 'open', published: false, asker: { username: 'c01' } });
    const id = asked.body.id;
    const change: QuestionsChanged = await pushedAsk;
    expect(change).toEqual({ id, what: 'asked', askerId: asked.body.asker.id, matterId: 'A-01', faq: false, open: 1 });

    const list = await api<QuestionList>(s.url, 'GET', '/api/questions?filter=open', { token: admin });
    expect(list.body.open).toBe(1);
    expect(list.body.items.map((q) => q.id)).toEqual([id]);

    // A private answer: the asker sees it (with a badge), nobody else's 常见问题 does.
    const pushedAnswer = nextEvent(staff, 'questions:changed', (c) => c.what === 'answered');
    const answered = await api<Question>(s.url, 'POST', `/api/questions/${id}/answer`, { token: admin, body: { answer: '需要原件，核验后退还。' } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: '需要原件，核验后退还。', published: false, answeredBy: { name: expect.any(String) } });
    expect(await pushedAnswer).toMatchObject({ what: 'answered', faq: false, open: 0 });
    const mine = await api<MyQuestions>(s.url, 'GET', '/api/questions/mine', { token: c01 });
    expect(mine.body.unread).toBe(1);
    expect(mine.body.items[0]).toMatchObject({ id, answer: '需要原件，核验后退还。', unread: true });
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq', { token: c02 })).body).toEqual([]);
    expect((await api<MyQuestions>(s.url, 'GET', '/api/questions/mine', { token: c02 })).body.items).toEqual([]);
    // Another clerk cannot open, withdraw nor publish it.
    expect((await api<ErrorBody>(s.url, 'POST', `/api/questions/${id}/withdraw`, { token: c02 })).body.error.code).toBe('NOT_FOUND');
    expect((await api<ErrorBody>(s.url, 'POST', `/api/questions/${id}/publish`, { token: c02, body: { published: true } })).body.error.code).toBe('FORBIDDEN');

    const seen = await api<MyQuestions>(s.url, 'POST', '/api/questions/mine/seen', { token: c01 });
    expect(seen.body.unread).toBe(0);

    // 收入常见问题: every clerk and the guide find it (by matter, by words), without who asked.
    const pushedPublish = nextEvent(staff, 'questions:changed', (c) => c.what === 'published');
    expect((await api<Question>(s.url, 'POST', `/api/questions/${id}/publish`, { token: admin, body: { published: true } })).body.published).toBe(true);
    expect(await pushedPublish).toMatchObject({ faq: true });
    const faq = await api<Faq[]>(s.url, 'GET', '/api/questions/faq?matterId=A-01', { token: c02 });
    expect(faq.body).toEqual([{ id, text: '个体户变更登记要不要营业执照原件？', matterId: 'A-01', matterName: '企业设立登记', answer: '需要原件，核验后退还。', answeredAt: expect.any(String) }]);
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq?q=原件%20退还', { token: guide })).body.map((f) => f.id)).toEqual([id]);
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq?q=社保', { token: c02 })).body).toEqual([]);
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq?matterId=E-01', { token: c02 })).body).toEqual([]);

    // Over Socket.IO too: the same operations, acknowledged.
    const viaSocket = await staff.emitWithAck('questions:faq', { q: '营业执照' });
    expect(viaSocket.ok && viaSocket.data.map((f) => f.id)).toEqual([id]);

    // An edit of a published answer changes the 常见问题 and brings the asker's badge back.
    s.clock.advance(60_000);
    const pushedEdit = nextEvent(staff, 'questions:changed', (c) => c.what === 'edited');
    await api(s.url, 'POST', `/api/questions/${id}/answer`, { token: admin, body: { answer: '需要原件，核验后当场退还。' } });
    expect(await pushedEdit).toMatchObject({ faq: true });
    expect((await api<MyQuestions>(s.url, 'GET', '/api/questions/mine', { token: c01 })).body.unread).toBe(1);

    const audit = await api<AuditEntry[]>(s.url, 'GET', '/api/admin/audit', { token: admin });
    const types = audit.body.map((e) => e.type).filter((t) => t.startsWith('Question'));
    expect(types.sort()).toEqual(['QuestionAnswerEdited', 'QuestionAnswered', 'QuestionAsked', 'QuestionPublished']);
    expect(heardByViewer).toEqual([]);
    await s.close();
    sockets.splice(0).forEach((x) => x.close());

    s = await startTestServer({ dbPath });
    const c03 = await login(s.url, 'c03', '1234');
    const again = await api<Faq[]>(s.url, 'GET', '/api/questions/faq', { token: c03 });
    expect(again.body.map((f) => [f.id, f.answer])).toEqual([[id, '需要原件，核验后当场退还。']]);
  });

  it('withdraw by the asker while open; a withdrawn one is not answered; unpublish takes it out of 常见问题', async () => {
    s = await startTestServer();
    const admin = await login(s.url, 'admin', 'admin');
    const c01 = await login(s.url, 'c01', '1234');
    const { socket } = await connectClient(s.url, c01);
    sockets.push(socket);
    const asked = await socket.emitWithAck('questions:ask', { text: '跨省通办的社保转移材料清单变了吗？' });
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;
    expect(asked.data).not.toHaveProperty('matterId');
    expect(asked.data).not.toHaveProperty('windowNo');
    const w = await api<Question>(s.url, 'POST', `/api/questions/${asked.data.id}/withdraw`, { token: c01 });
    expect(w.body.status).toBe('withdrawn');
    const late = await api<ErrorBody>(s.url, 'POST', `/api/questions/${asked.data.id}/answer`, { token: admin, body: { answer: '没变' } });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'question_not_open' });

    const second = await api<Question>(s.url, 'POST', '/api/questions', { token: c01, body: { text: '不动产抵押注销要几个工作日？', matterId: 'F-01' } });
    await api(s.url, 'POST', `/api/questions/${second.body.id}/answer`, { token: admin, body: { answer: '即办。', publish: true } });
    expect((await api<ErrorBody>(s.url, 'POST', `/api/questions/${second.body.id}/withdraw`, { token: c01 })).body.error.reason).toBe('question_not_open');
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq', { token: c01 })).body).toHaveLength(1);
    await api(s.url, 'POST', `/api/questions/${second.body.id}/publish`, { token: admin, body: { published: false } });
    expect((await api<Faq[]>(s.url, 'GET', '/api/questions/faq', { token: c01 })).body).toEqual([]);
    const all = await api<QuestionList>(s.url, 'GET', '/api/questions', { token: admin });
    expect(all.body.items.map((q) => q.status).sort()).toEqual(['answered', 'withdrawn']);
  });

  it('refuses bad input, personal data, unknown matters and the wrong roles', async () => {
    s = await startTestServer();
    const admin = await login(s.url, 'admin', 'admin');
    const c01 = await login(s.url, 'c01', '1234');
    const guide = await login(s.url, 'guide', '1234');
    const kiosk = await login(s.url, 'kiosk', 'kiosk');
    const post = (token: string | undefined, body: unknown) => api<ErrorBody>(s!.url, 'POST', '/api/questions', { ...(token ? { token } : {}), body });

    expect((await post(undefined, { text: '问' })).status).toBe(401);
    expect((await post(guide, { text: '问' })).status).toBe(403);
    expect((await post(kiosk, { text: '问' })).status).toBe(403);
    expect((await post(c01, { text: '   ' })).status).toBe(400);
    expect((await post(c01, { text: 'x'.repeat(501) })).status).toBe(400);
    expect((await post(c01, { text: 42 })).status).toBe(400);
    const id = await post(c01, { text: '群众 410102199001011234 的户口能迁吗' });
    expect(id.status).toBe(400);
    expect(id.body.error.reason).toBe('question_personal_data');
    const unknown = await post(c01, { text: '问', matterId: 'Z-99' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe('unknown_matter');

    expect((await api(s.url, 'GET', '/api/questions', { token: c01 })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/questions/faq')).status).toBe(401);
    expect((await api(s.url, 'GET', '/api/questions/faq', { token: kiosk })).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/questions/mine', { token: guide })).status).toBe(403);

    const q = await api<Question>(s.url, 'POST', '/api/questions', { token: c01, body: { text: '问' } });
    expect((await api(s.url, 'POST', `/api/questions/${q.body.id}/answer`, { token: admin, body: { answer: '' } })).status).toBe(400);
    expect((await api(s.url, 'POST', `/api/questions/${q.body.id}/answer`, { token: c01, body: { answer: '答' } })).status).toBe(403);
    expect((await api<ErrorBody>(s.url, 'POST', `/api/questions/${q.body.id}/publish`, { token: admin, body: { published: true } })).body.error.reason).toBe('question_not_answered');
    expect((await api(s.url, 'POST', `/api/questions/${q.body.id}/publish`, { token: admin, body: { published: 'yes' } })).status).toBe(400);
    expect((await api(s.url, 'POST', '/api/questions/nope/answer', { token: admin, body: { answer: '答' } })).status).toBe(404);

    // A viewer's socket may not send the commands at all.
    const { socket } = await connectClient(s.url);
    sockets.push(socket);
    const r = await socket.emitWithAck('questions:faq', {});
    expect(r.ok || r.error.code).toBe('UNAUTHORIZED');
  });
});
