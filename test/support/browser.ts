/**
 * What every browser test needs: a built app (built here when missing or older than its sources,
 * once, under a lock file so parallel test files wait for one builder) and Debian's Chromium
 * through playwright-core with the flags this machine needs.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Builds `dist/<app>` unless every page in `pages` is newer than the app's and shared/'s sources. */
export async function ensureAppBuilt(app: 'display' | 'counter', pages: readonly string[]): Promise<void> {
  const dist = join(ROOT, 'dist', app);
  const sources = join(ROOT, app);
  const lock = join(ROOT, `dist/.${app}-build.lock`);
  const upToDate = (): boolean => {
    const newest = Math.max(newestMtime(sources), newestMtime(join(ROOT, 'shared')));
    return pages.every((p) => existsSync(join(dist, p)) && statSync(join(dist, p)).mtimeMs >= newest);
  };
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (upToDate()) return;
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Someone else is building (or a crashed build left the lock: give it a minute).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000) unlinkSync(lock);
      await sleep(200);
      continue;
    }
    try {
      if (!upToDate()) {
        const { build } = await import('vite');
        await build({ configFile: join(sources, 'vite.config.ts'), logLevel: 'warn' });
      }
      return;
    } finally {
      closeSync(fd);
      unlinkSync(lock);
    }
  }
  throw new Error(`timed out waiting for the ${app} build`);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The worker's Chromium for each set of flags. Test files in one worker run one after another and
 * share its modules (isolate: false), so a Chromium launched for one file serves the next: about
 * 1.5 s of launch and close saved per file (two cores, ~50 browser files). Each file still gets
 * its own contexts, which share no cookies, storage or cache. Outside vitest (a screenshot script,
 * a bench) every call launches its own browser, as a script must be able to close it and exit.
 */
const shared = new Map<string, Promise<Browser>>();

/** Chromium as a hall's kiosk box runs it: `autoplay` adds --autoplay-policy=no-user-gesture-required. */
export async function launchChromium(options: { autoplay?: boolean; extraArgs?: string[] } = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
  if (options.autoplay) args.push('--autoplay-policy=no-user-gesture-required');
  const launch = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args });
  if (!process.env.VITEST) return launch();
  const key = args.join(' ');
  let browser = await shared.get(key)?.catch(() => undefined);
  if (!browser?.isConnected()) {
    // The first file of the worker with these flags, or the last one's browser crashed.
    const launching = launch();
    shared.set(key, launching);
    browser = await launching;
  }
  return forOneFile(browser);
}

/**
 * The shared browser as one test file sees it: its close() closes the contexts (and pages) this
 * file opened, not the browser, and contexts() lists only those; all else is the browser itself.
 */
function forOneFile(browser: Browser): Browser {
  const mine = new Set<BrowserContext>();
  const track = (context: BrowserContext): void => {
    mine.add(context);
    context.once('close', () => mine.delete(context));
  };
  const own: Partial<Browser> = {
    async newContext(...args: Parameters<Browser['newContext']>) {
      const context = await browser.newContext(...args);
      track(context);
      return context;
    },
    async newPage(...args: Parameters<Browser['newPage']>) {
      const page = await browser.newPage(...args);
      track(page.context());
      return page;
    },
    contexts: () => [...mine],
    async close() {
      await Promise.all([...mine].map((c) => c.close()));
    },
  };
  return new Proxy(browser, {
    get(target, prop) {
      if (Object.hasOwn(own, prop)) return own[prop as keyof Browser];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
