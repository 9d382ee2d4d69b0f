/**
 * Helpers for the staff apps' browser tests: a built counter app (built here when missing or
 * older than its sources), Debian's Chromium through playwright-core, a real test server, and
 * small shortcuts for signing in and issuing tickets.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoginResult, Snapshot, Ticket } from '../../../shared/schemas';
import { ensureAppBuilt, ROOT } from '../../support/browser';

export { launchChromium, ROOT } from '../../support/browser';


/** Build once (a couple of seconds); parallel test files wait for one builder. */
export const ensureCounterBuilt = (): Promise<void> => ensureAppBuilt('counter', ['counter.html', 'admin.html']);

export async function apiCall<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function token(base: string, username: string, password: string): Promise<string> {
  const r = await apiCall<LoginResult>(base, 'POST', '/api/auth/login', { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return r.body.token;
}

export async function issue(base: string, queue: string, managerToken?: string): Promise<Ticket> {
  const r = await apiCall<Ticket>(base, 'POST', '/api/tickets', { queue }, managerToken);
  if (r.status !== 201) throw new Error(`issue ${queue}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The snapshot as staff see it (viewers get windows without the clerk). */
export async function snapshotOf(base: string, staffToken: string): Promise<Snapshot> {
  return (await apiCall<Snapshot>(base, 'GET', '/api/snapshot', undefined, staffToken)).body;
}

/** Sign in on the login screen of either app. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.fill('#login-user', username);
  await page.fill('#login-secret', password);
  await page.click('[data-testid=login-submit]');
}

export interface ClerkPanel {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A fresh browser (its own localStorage) where `username` (password 1234) signs in to the clerk
 * panel and is at `window`; a clerk already at a window (a second panel) goes straight to it.
 * `init` runs on the context before the page loads (to put something in its storage).
 */
export async function openClerkPanel(
  browser: Browser,
  base: string,
  username: string,
  window: number,
  init?: (context: BrowserContext) => Promise<void>,
): Promise<ClerkPanel> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await init?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors = collectErrors(page);
  await page.goto(`${base}/counter`);
  await signIn(page, username, '1234');
  await page.waitForSelector('[data-window], [data-action=next]');
  if (await page.locator(`[data-window="${window}"]`).count()) await page.click(`[data-window="${window}"]`);
  await page.waitForSelector('[data-action=next]:not([disabled])');
  return { context, page, errors };
}

/** Pages must never log errors; tests collect them and assert none at the end. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket|socket\.io|ERR_FAILED|net::/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** axe-core's serious and critical findings on the page as it is now (id: how many nodes). */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact?: string | null; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
  });
}

/**
 * Give windows a known mapping, so tests do not depend on how the demo hall is laid out
 * (it changes as the dispatch is tuned).
 */
export async function mapWindows(base: string, managerToken: string, mappings: Record<number, string>): Promise<void> {
  for (const [no, spec] of Object.entries(mappings)) {
    // "A B*": A primary, B overflow.
    const mapping = spec.split(' ').map((s) => ({ queue: s.slice(0, 1), role: s.endsWith('*') ? 'overflow' : 'primary' }));
    const r = await apiCall(base, 'PUT', `/api/windows/${no}/mapping`, mapping, managerToken);
    if (r.status !== 200) throw new Error(`mapping ${no}: ${r.status}`);
  }
}
