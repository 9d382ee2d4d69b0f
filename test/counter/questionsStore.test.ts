/**
 * The clerk panel's 问题反映 store over a real server and a real socket: it reads the clerk's own
 * questions and the 常见问题 when online; a manager's answer to this clerk's question brings the
 * badge live (another clerk's answer does not), 我的问题 clears it; a published answer reaches every
 * panel's 常见问题 (and leaves it when taken back); the box opens on the citizen's first matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computed } from 'vue';
import { createQuestions } from '../../counter/src/clerk/store/questions';
import { connectHall, type HallConnection } from '../../counter/src/shared/connection';
import type { Question } from '../../shared/questions';
import type { LoginResult, Matter } from '../../shared/schemas';
import { api, startTestServer, type TestServer } from '../support/server';

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const A01: Matter = { id: 'A-01', queue: 'A', name: '企业设立登记', nameEn: 'Company registration', materials: ['公司章程'], timeLimitMinutes: 20 };

describe('问题反映 store', () => {
  let server: TestServer;
  let admin: string;
  const open: HallConnection[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    admin = (await api<LoginResult>(server.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'admin' } })).body.token;
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.close();
  });

  async function panel(username: string, matters: Matter[] = []) {
    const login = (await api<LoginResult>(server.url, 'POST', '/api/auth/login', { body: { username, password: '1234' } })).body;
    const conn = connectHall({ token: login.token, url: server.url });
    open.push(conn);
    const questions = createQuestions({ conn, userId: login.user.id, currentMatters: computed(() => matters) });
    await until(() => conn.status.value === 'online', `${username} online`);
    return { questions, token: login.token };
  }
  const answer = (id: string, text: string, publish?: boolean) =>
    api<Question>(server.url, 'POST', `/api/questions/${id}/answer`, { token: admin, body: { answer: text, ...(publish === undefined ? {} : { publish }) } });

  it('asks, gets the badge live for its own answer only, clears it on 我的问题; 常见问题 follow publish and unpublish', async () => {
    const mine = await panel('c21', [A01]);
    const other = await panel('c22');

    mine.questions.open('ask');
    expect([mine.questions.tab.value, mine.questions.askMatter.value]).toEqual(['ask', 'A-01']);
    other.questions.open('ask');
    expect(other.questions.askMatter.value).toBe('');

    const asked = await mine.questions.ask('  设立登记要不要股东会决议原件？ ', 'A-01');
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;
    expect(mine.questions.mine.value.map((q) => [q.text, q.matterId])).toEqual([['设立登记要不要股东会决议原件？', 'A-01']]);
    const theirs = await other.questions.ask('一般问题：复印件要盖章吗？', '');
    expect(theirs.ok && theirs.data.matterId).toBeUndefined();
    if (!theirs.ok) return;

    // Another clerk's question answered: no badge here.
    await answer(theirs.data.id, '要加盖“与原件一致”。');
    await until(() => other.questions.unread.value === 1, "the other clerk's badge");
    expect(mine.questions.unread.value).toBe(0);

    // Its own, privately: the badge comes live; the 常见问题 stay empty everywhere.
    await answer(asked.data.id, '需要原件。');
    await until(() => mine.questions.unread.value === 1, 'the badge');
    expect(mine.questions.mine.value[0]).toMatchObject({ answer: '需要原件。', unread: true });
    expect(mine.questions.faq.value).toEqual([]);

    mine.questions.show('mine');
    await until(() => mine.questions.unread.value === 0, 'the badge cleared');
    expect(mine.questions.mine.value[0]?.unread).toBe(false);
    // Still shown as new while the box is open; not after it closed.
    expect(mine.questions.isNew(mine.questions.mine.value[0]!)).toBe(true);
    mine.questions.close();
    expect(mine.questions.isNew(mine.questions.mine.value[0]!)).toBe(false);

    // Published: every panel's 常见问题 has it, found under its matter and by words.
    expect((await api(server.url, 'POST', `/api/questions/${asked.data.id}/publish`, { token: admin, body: { published: true } })).status).toBe(200);
    await until(() => other.questions.faq.value.length === 1, "the other panel's 常见问题");
    expect(other.questions.faqFor('A-01').map((f) => f.answer)).toEqual(['需要原件。']);
    expect(other.questions.faqFor('A-01', '股东会 原件')).toHaveLength(1);
    expect(other.questions.faqFor('E-01')).toEqual([]);
    expect(mine.questions.unread.value).toBe(0); // publishing changes no answer

    // An edit of the published answer: the 常见问题 change, the asker's badge comes back.
    server.clock.advance(60_000); // a minute after the asker read it (the test server's clock stands still otherwise)
    await answer(asked.data.id, '需要原件，核验后退还。');
    await until(() => other.questions.faqFor('A-01')[0]?.answer === '需要原件，核验后退还。', 'the edited answer');
    await until(() => mine.questions.unread.value === 1, 'the badge after an edit');

    await api(server.url, 'POST', `/api/questions/${asked.data.id}/publish`, { token: admin, body: { published: false } });
    await until(() => other.questions.faq.value.length === 0, 'taken back');
  });

  it('an answer that comes while 我的问题 is open is read there: the badge does not stay', async () => {
    const p = await panel('c24');
    const asked = await p.questions.ask('企业注销要不要清税证明原件？', '');
    if (!asked.ok) throw new Error('not asked');
    p.questions.show('mine');
    server.clock.advance(60_000);
    await answer(asked.data.id, '要。');
    await until(() => p.questions.mine.value[0]?.answer === '要。', 'the answer on screen');
    await until(() => p.questions.unread.value === 0, 'read while open');
    expect(p.questions.isNew(p.questions.mine.value[0]!)).toBe(true);
    const stored = await api<{ unread: number }>(server.url, 'GET', '/api/questions/mine', { token: p.token });
    expect(stored.body.unread).toBe(0);
  });

  it('withdraws its own open question', async () => {
    const p = await panel('c23');
    const asked = await p.questions.ask('跨省通办的社保转移材料清单变了吗？', '');
    if (!asked.ok) throw new Error('not asked');
    const w = await p.questions.withdraw(asked.data);
    expect(w.ok && w.data.status).toBe('withdrawn');
    expect(p.questions.mine.value[0]?.status).toBe('withdrawn');
    const refused = await p.questions.ask('群众身份证 410102199001011234 能办吗', '');
    expect(!refused.ok && refused.error.reason).toBe('question_personal_data');
  });
});
