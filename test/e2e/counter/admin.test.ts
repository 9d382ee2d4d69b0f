/**
 * The manager console in Chromium against a real server: the live board follows the hall; a
 * mapping change (from the list and by dragging) reaches the clerk's panel at once and the
 * clerk's next call follows it; a manager signs a clerk out; a queue's number prefix changes and
 * the next ticket carries it.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { QueueInfo, Ticket, Window } from '../../../shared/schemas';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, issue, launchChromium, signIn, snapshotOf, token, mapWindows } from './support';

let server: TestServer;
let browser: Browser;
let managerToken: string;

beforeAll(async () => {
  await ensureCounterBuilt();
  server = await startTestServer();
  managerToken = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, managerToken, { 10: 'A' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function windowNo(no: number): Promise<Window> {
  const w = (await snapshotOf(server.url, managerToken)).windows.find((x) => x.no === no);
  if (!w) throw new Error(`no window ${no}`);
  return w;
}
const ticket = async (id: string): Promise<Ticket> => (await apiCall<Ticket>(server.url, 'GET', `/api/tickets/${id}`)).body;

async function open(path: string, username: string, password: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}${path}`);
  await signIn(page, username, password);
  return { page, errors };
}

// Each test allows a minute: the full suite shares two cores with other browsers.
describe('manager console', () => {
  it('refuses a clerk account, with the reason on the form', async () => {
    const { page } = await open('/admin', 'c09', '1234');
    await page.waitForSelector('.form-error');
    expect(await page.textContent('.form-error')).toContain('此账号不能登录这里');
    await page.fill('#login-user', '');
    await page.click('[data-testid=login-submit]');
    expect(await page.textContent('#login-user-error')).toContain('请输入工号');
    await page.context().close();
  }, 60_000);

  it('changes a window’s mapping live; the clerk’s next call follows it', async () => {
    const { page: clerk, errors: clerkErrors } = await open('/counter', 'c05', '1234');
    await clerk.click('[data-window="10"]');
    await clerk.waitForSelector('[data-action=next]:not([disabled])');
    const a = await issue(server.url, 'A');
    const f = await issue(server.url, 'F');

    const { page: admin, errors } = await open('/admin', 'admin', 'admin');
    await admin.waitForSelector('[data-testid=hall-board] [data-window="10"]');
    // The board shows the clerk at window 10, live.
    await expect.poll(() => admin.textContent('[data-testid=hall-board] [data-window="10"]')).toContain('窗口人员05');

    expect(await axeProblems(admin)).toEqual([]);
    await admin.click('[data-nav=mapping]');
    await admin.waitForSelector('[data-testid=mapping-page]');
    expect(await axeProblems(admin)).toEqual([]);
    const card = admin.locator('[data-testid=mapping-page] [data-window="10"]');
    // Bad input first: adding without choosing a queue is explained next to the field.
    await card.locator('[data-testid=add-submit]').click();
    await expect.poll(() => card.locator('.field-error').textContent()).toContain('请先选择队列');
    await card.locator('[data-testid=add-queue]').selectOption('F');
    await card.locator('[data-testid=add-role]').selectOption('primary');
    await card.locator('[data-testid=add-submit]').click();
    await card.locator('[data-remove=A]').click();
    await expect.poll(async () => (await windowNo(10)).mapping).toEqual([{ queue: 'F', role: 'primary' }]);

    // Every screen at once: the clerk's queue list shows F now, and the next call comes from F.
    await clerk.waitForSelector('[data-testid=my-queues] [data-queue=F]');
    expect(await clerk.locator('[data-testid=my-queues] [data-queue=A]').count()).toBe(0);
    await clerk.click('[data-action=next]');
    await expect.poll(() => clerk.textContent('[data-testid=current-number]')).toBe(f.number);
    expect((await ticket(a.id)).status).toBe('waiting');

    // Dragging a queue from the palette onto the window, as overflow.
    await admin.dragAndDrop('[data-palette=A]', '[data-testid=mapping-page] [data-window="10"]');
    await card.locator('[data-drop-role=overflow]').click();
    await expect.poll(async () => (await windowNo(10)).mapping).toEqual([
      { queue: 'F', role: 'primary' },
      { queue: 'A', role: 'overflow' },
    ]);
    // Reorder with the arrows, and flip a role.
    await card.locator('[data-entry=A] [aria-label=上移]').click();
    await expect.poll(async () => (await windowNo(10)).mapping.map((m) => m.queue)).toEqual(['A', 'F']);
    await card.locator('[data-role-of=A]').click();
    await expect.poll(async () => (await windowNo(10)).mapping[0]?.role).toBe('primary');

    // The live board follows the clerk's call.
    await admin.click('[data-nav=board]');
    await expect.poll(() => admin.textContent('[data-testid=hall-board] [data-window="10"]')).toContain(f.number);

    // Signing the clerk out closes the window; the clerk's panel goes back to choosing a window.
    await admin.click('[data-nav=mapping]');
    await card.locator('[data-testid=sign-clerk-out]').click();
    await admin.click('[data-testid=sign-clerk-out-confirm]');
    await expect.poll(async () => (await windowNo(10)).state).toBe('closed');
    await clerk.waitForSelector('[data-window="10"]:has-text("可选")');
    expect(await clerk.textContent('[data-testid=window-lost]')).toContain('10号窗口已关闭');
    expect(errors).toEqual([]);
    expect(clerkErrors).toEqual([]);
  }, 60_000);

  it('edits staff and settings with field-level messages; every change is in the audit log', async () => {
    const { page, errors } = await open('/admin', 'admin', 'admin');
    const manager = await token(server.url, 'admin', 'admin');

    // A new clerk: bad input is explained next to each field, then fixed.
    await page.click('[data-nav=staff]');
    await page.click('[data-testid=staff-add]');
    await page.fill('#staff-username', 'c 1');
    await page.fill('#staff-password', '12');
    await page.click('[data-testid=staff-save]');
    expect(await page.textContent('#staff-username-error')).toContain('工号为');
    expect(await page.textContent('#staff-name-error')).toContain('必填');
    expect(await page.textContent('#staff-password-error')).toContain('至少 4 位');
    await page.fill('#staff-username', 'c01'); // taken: the server says so, next to the field
    await page.fill('#staff-name', '李新');
    await page.fill('#staff-password', '5678');
    await page.check('[data-skill=E]');
    await page.click('[data-testid=staff-save]');
    await expect.poll(() => page.textContent('#staff-username-error')).toContain('已存在');
    await page.fill('#staff-username', 'c31');
    await page.click('[data-testid=staff-save]');
    await page.waitForSelector('[data-user=c31]');
    expect(await axeProblems(page)).toEqual([]);
    expect(await token(server.url, 'c31', '5678')).toBeTruthy();

    // Hall settings: out of range, then a good value.
    await page.click('[data-nav=hall]');
    await page.waitForSelector('#hall-recall');
    await page.fill('#hall-recall', '99');
    await page.click('[data-testid=hall-save]');
    expect(await page.textContent('#hall-recall-error')).toContain('0 到 10');
    await page.fill('#hall-recall', '3');
    await page.click('[data-testid=hall-save]');
    await page.waitForSelector('text=大厅设置已保存');
    const settings = await apiCall<{ recallLimit: number }>(server.url, 'GET', '/api/admin/settings', undefined, manager);
    expect(settings.body.recallLimit).toBe(3);

    // A matter's time limit: refused at 0, saved at 25.
    await page.click('[data-nav=catalogue]');
    await page.click('[data-edit="A-01"]');
    await page.fill('#matter-limit', '0');
    await page.click('[data-testid=matter-save]');
    expect(await page.textContent('#matter-limit-error')).toContain('1 到 480');
    await page.fill('#matter-limit', '25');
    await page.click('[data-testid=matter-save]');
    await expect.poll(() => page.textContent('[data-matter="A-01"]')).toContain('25');

    // The audit log names who did each of these, and when.
    await page.click('[data-nav=audit]');
    const log = page.locator('[data-testid=audit-page] tbody');
    await expect.poll(() => log.textContent()).toContain('修改大厅设置：重呼上限');
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('新增人员 李新（c31）');
    expect(text).toContain('修改事项「企业设立登记」');
    expect(text).toContain('10号窗口队列：F → F、A(溢出)'); // the drag of the previous test
    expect(text).toContain('管理员（admin）');
    expect(text).not.toContain('窗口叫号'); // clerks' work is hidden until asked for
    await page.uncheck('[data-testid=audit-only-manager]');
    await expect.poll(() => log.textContent()).toContain('10号窗口叫号');
    expect(errors).toEqual([]);
  }, 60_000);
  it('takes an empty window out of service and back; nobody can sign in meanwhile', async () => {
    const { page: admin, errors } = await open('/admin', 'admin', 'admin');
    await admin.click('[data-nav=mapping]');
    await admin.waitForSelector('[data-testid=mapping-page]');
    const card = admin.locator('[data-testid=mapping-page] [data-window="27"]');
    await card.locator('[data-testid=toggle-window-enabled]').click();
    await card.locator('[data-testid=window-disabled]').waitFor();
    await expect.poll(async () => (await windowNo(27)).disabled).toBe(true);
    const clerk = await token(server.url, 'c20', '1234');
    expect((await apiCall(server.url, 'POST', '/api/windows/27/session', undefined, clerk)).status).toBe(409);
    await card.locator('[data-testid=toggle-window-enabled]').click();
    await expect.poll(async () => (await windowNo(27)).disabled).toBeUndefined();
    expect((await apiCall(server.url, 'POST', '/api/windows/27/session', undefined, clerk)).status).toBe(200);
    expect(errors).toEqual([]);
    await admin.context().close();
  }, 60_000);
  it('gives queue F another number prefix: mistakes said next to the field, the next F ticket carries it', async () => {
    const shots = process.env.SCREENSHOT_DIR;
    if (shots) mkdirSync(shots, { recursive: true });
    // Queue G issued a ticket today, then moved to W: its G… ticket still holds the letter G today.
    await issue(server.url, 'G');
    expect((await apiCall<QueueInfo>(server.url, 'PUT', '/api/admin/queues/G', { prefix: 'W' }, managerToken)).status).toBe(200);

    const { page, errors } = await open('/admin', 'admin', 'admin');
    await page.click('[data-nav=queues]');
    await page.waitForSelector('[data-testid=queues-page] [data-queue=G] [data-testid=queue-prefix-chip]');
    expect(await page.textContent('[data-queue=G]')).toContain('W001 – W999');
    await page.click('[data-edit=F]');
    const field = page.locator('#queue-prefix');
    expect(await field.inputValue()).toBe('F');
    await field.fill('1');
    await page.click('[data-testid=queue-save]');
    expect(await page.textContent('#queue-prefix-error')).toContain('请输入一个大写字母');
    await field.fill('w'); // typed lower case, shown upper case; W is queue G's prefix now
    expect(await field.inputValue()).toBe('W');
    await page.click('[data-testid=queue-save]');
    expect(await page.textContent('#queue-prefix-error')).toContain('队列 G 已在用前缀 W');
    if (shots) await page.screenshot({ path: `${shots}/admin-queue-prefix-taken-zh-1366.png` });
    await field.fill('G'); // only the server knows G… tickets were issued today
    await page.click('[data-testid=queue-save]');
    await expect.poll(() => page.textContent('#queue-prefix-error')).toContain('今天已有其他队列的号码以此字母开头');
    if (shots) await page.screenshot({ path: `${shots}/admin-queue-prefix-in-use-zh-1366.png` });
    expect(await axeProblems(page)).toEqual([]);
    await field.fill('X');
    if (shots) await page.screenshot({ path: `${shots}/admin-queue-prefix-zh-1366.png` });
    await page.click('[data-testid=queue-save]');
    await page.waitForSelector('[data-queue=F] [data-testid=queue-prefix-chip]');
    expect(await page.textContent('[data-queue=F]')).toContain('前缀 X');
    if (shots) await page.screenshot({ path: `${shots}/admin-queues-prefix-zh-1366.png` });

    // The next F ticket is X…, numbering went on; a clerk calls it by number (特呼) and the live board shows it.
    const x = await issue(server.url, 'F');
    expect(x).toMatchObject({ queue: 'F', number: expect.stringMatching(/^X\d{3}$/) });
    const clerk = await token(server.url, 'c07', '1234');
    await apiCall(server.url, 'POST', '/api/windows/22/session', undefined, clerk);
    expect((await apiCall<Ticket>(server.url, 'POST', '/api/windows/22/call', { number: x.number }, clerk)).body.number).toBe(x.number);
    await page.click('[data-nav=board]');
    await expect.poll(() => page.textContent('[data-testid=hall-board] [data-window="22"]')).toContain(x.number);

    await page.click('[data-nav=audit]');
    await expect.poll(() => page.textContent('[data-testid=audit-page] tbody')).toContain('修改队列 F 不动产登记：号码前缀 F → X');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
