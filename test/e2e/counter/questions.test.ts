/**
 * 疑难问题反映与解答 in Chromium: a clerk with a citizen's A-01 ticket at the window opens 问题反映,
 * finds the matter picked and the no-personal-data hint, asks; the console's 疑难解答 lists it
 * under 待答复 (who, window, matter), the manager answers and publishes; the asker's panel shows
 * the badge live and the answer under 我的问题; another clerk, idle at another window, finds it
 * under the matter in the matter guide (常见问题 1 条) and in the box's 常见问题 search. Screenshots
 * (1366×768 panel zh and en, console) go to /tmp.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Faq, QuestionList } from '../../../shared/questions';
import { startTestServer, type TestServer } from '../../support/server';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, mapWindows, openClerkPanel, signIn, token } from './support';

let server: TestServer;
let browser: Browser;
let manager: string;

beforeAll(async () => {
  await ensureCounterBuilt();
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  manager = await token(server.url, 'admin', 'admin');
  await mapWindows(server.url, manager, { 10: 'A', 11: 'A' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const QUESTION = '个体户变更经营者，要不要营业执照原件？';
const ANSWER = '需要原件，核验后当场退还；复印件加盖“与原件一致”。';

describe('问题反映 → 疑难解答 → 常见问题', () => {
  it('a clerk asks, the console answers and publishes, another clerk finds it in the matter guide', async () => {
    const asker = await openClerkPanel(browser, server.url, 'c01', 10);
    const p = asker.page;
    await apiCall(server.url, 'POST', '/api/tickets', { queue: 'A', channel: 'guide', matters: ['A-01'] }, manager);
    await p.keyboard.press('1');
    await p.locator('.materials .matter').first().waitFor();

    await p.getByTestId('questions-open').click();
    await p.getByTestId('question-text').waitFor();
    expect(await p.getByTestId('question-matter').inputValue()).toBe('A-01');
    expect(await p.getByTestId('question-privacy').textContent()).toContain('不要写群众的姓名、身份证号、手机号');
    // A number that looks like a citizen's phone is refused with the reason, nothing is kept.
    await p.getByTestId('question-text').fill('群众 13812345678 问能不能代办');
    await p.getByTestId('question-send').click();
    expect(await p.getByTestId('question-error').textContent()).toContain('身份证号或手机号');
    await p.getByTestId('question-text').fill(QUESTION);
    await p.screenshot({ path: '/tmp/questions-clerk-ask-zh.png' });
    await p.getByTestId('question-send').click();
    await p.locator('[data-testid=questions-mine] [data-question]').first().waitFor();
    expect(await p.locator('[data-testid=questions-mine]').textContent()).toContain('待答复');
    // Keys belong to the box: a digit typed here calls nobody.
    await p.keyboard.press('1');
    await p.keyboard.press('Escape');
    await p.getByTestId('question-text').waitFor({ state: 'detached' });

    // The console: 疑难解答 lists it 待答复 with who, window and matter.
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const admin = await ctx.newPage();
    admin.setDefaultTimeout(10_000);
    const adminErrors = collectErrors(admin);
    await admin.goto(`${server.url}/admin#questions`);
    await signIn(admin, 'admin', 'admin');
    const card = admin.locator('[data-testid=questions-page] [data-question]').first();
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain(QUESTION);
    expect(cardText).toContain('c01');
    expect(cardText).toContain('10号窗口');
    expect(cardText).toContain('企业设立登记');
    expect(await admin.getByTestId('questions-open-count').textContent()).toContain('待答复 1 条');
    // The navigation counts it on every page.
    expect(await admin.getByTestId('nav-questions-open').textContent()).toBe('1');
    expect(await axeProblems(admin)).toEqual([]);
    await admin.screenshot({ path: '/tmp/questions-console-zh.png' });

    await card.getByTestId('answer-open').click();
    await card.getByTestId('answer-text').fill(ANSWER);
    await card.getByTestId('answer-publish').check();
    await card.getByTestId('answer-send').click();
    // Under 待答复 it is gone; under 常见问题 it is there, published.
    await expect.poll(() => admin.locator('[data-testid=questions-page] [data-question]').count()).toBe(0);
    await admin.click('[data-filter=published]');
    await admin.locator('[data-question] [data-col=published]').first().waitFor();
    expect(await admin.locator('[data-question] [data-testid=answer]').textContent()).toContain(ANSWER);
    await admin.screenshot({ path: '/tmp/questions-console-answered-zh.png' });
    await expect.poll(() => admin.getByTestId('nav-questions-open').count()).toBe(0);
    await admin.selectOption('[data-testid=lang]', 'en');
    await card.getByTestId('answer-edit').waitFor();
    await admin.screenshot({ path: '/tmp/questions-console-answered-en.png' });
    await admin.selectOption('[data-testid=lang]', 'zh');
    const listed = await apiCall<QuestionList>(server.url, 'GET', '/api/questions?filter=published', undefined, manager);
    expect(listed.body.items.map((x) => [x.text, x.published])).toEqual([[QUESTION, true]]);

    // The asker: a badge came live; 我的问题 shows the answer and the badge goes.
    await p.getByTestId('questions-badge').waitFor();
    expect(await p.getByTestId('questions-badge').textContent()).toBe('1');
    await p.getByTestId('questions-open').click();
    await p.getByTestId('question-answer').waitFor();
    expect(await p.getByTestId('question-answer').textContent()).toContain(ANSWER);
    // Marked 新答复 while the box is open, though the badge goes at once.
    await p.getByTestId('question-new').waitFor();
    await p.screenshot({ path: '/tmp/questions-clerk-mine-zh.png' });
    await expect.poll(() => p.getByTestId('questions-badge').count()).toBe(0);
    await p.keyboard.press('Escape');

    // Another clerk, idle at window 11: the matter guide shows 常见问题 1 条 under 企业设立登记.
    const other = await openClerkPanel(browser, server.url, 'c02', 11);
    const o = other.page;
    await o.locator('.guide li', { hasText: '企业设立登记' }).locator('button.row').click();
    const toggle = o.locator('[data-faq-matter=A-01] [data-testid=faq-toggle]');
    await toggle.waitFor();
    expect(await toggle.textContent()).toContain('常见问题 1 条');
    await toggle.click();
    expect(await o.locator('[data-faq-matter=A-01] [data-testid=faq-a]').textContent()).toContain(ANSWER);
    // Never who asked.
    expect(await o.locator('[data-faq-matter=A-01]').textContent()).not.toContain('c01');
    await o.screenshot({ path: '/tmp/questions-guide-zh.png' });
    await o.selectOption('[data-testid=lang]', 'en');
    expect(await toggle.textContent()).toContain('FAQ: 1');
    await o.screenshot({ path: '/tmp/questions-guide-en.png' });
    // The box's 常见问题: found by words, not by others.
    await o.getByTestId('questions-open').click();
    await o.click('[data-tab=faq]');
    await o.getByTestId('faq-all-search').fill('原件 退还');
    await expect.poll(() => o.getByTestId('faq-item').count()).toBe(1);
    await o.getByTestId('faq-all-search').fill('社保');
    await expect.poll(() => o.getByTestId('faq-item').count()).toBe(0);
    await o.getByTestId('faq-all-search').fill('');
    await o.screenshot({ path: '/tmp/questions-clerk-faq-en.png' });
    await o.keyboard.press('Escape');

    // The asker's panel in English at 1366×768: the top bar still fits on one line and the page does not scroll.
    await p.selectOption('[data-testid=lang]', 'en');
    const fit = await p.evaluate(() => ({ page: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, top: document.querySelector('header.top')?.getBoundingClientRect().height ?? 0 }));
    expect(fit.page).toBeLessThanOrEqual(768);
    expect(fit.width).toBeLessThanOrEqual(1366);
    expect(fit.top).toBeLessThan(70);
    await p.screenshot({ path: '/tmp/questions-clerk-en.png' });
    await p.getByTestId('questions-open').click();
    await p.click('[data-tab=ask]');
    await p.screenshot({ path: '/tmp/questions-clerk-ask-en.png' });

    const faq = await apiCall<Faq[]>(server.url, 'GET', '/api/questions/faq?matterId=A-01', undefined, await token(server.url, 'c03', '1234'));
    expect(faq.body.map((f) => f.answer)).toEqual([ANSWER]);
    expect([...asker.errors, ...other.errors, ...adminErrors]).toEqual([]);
    await Promise.all([asker.context.close(), other.context.close(), ctx.close()]);
  }, 150_000);
});
