/**
 * The console's 数据备份 group (大厅设置 page) in Chromium against a real server with a backup
 * folder: where backups go and how many are kept, the day's backup made at start (校验通过),
 * 立即备份 adds one and says so, 下载 hands over the very file, a file found damaged at 复核 is red
 * with its reason and the restore names the newest good one with its command, and a server
 * without a folder says backups are off. Screenshots go to SCREENSHOT_DIR (default /tmp/backup-shots), zh and en.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../shared/backup';
import { startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from '../e2e/counter/support';
import { backupHall, flipByte } from './support';

let browser: Browser;
const shots = process.env.SCREENSHOT_DIR ?? '/tmp/backup-shots';

beforeAll(async () => {
  await ensureCounterBuilt();
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(() => browser?.close());

async function openHallPage(server: TestServer) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin#hall`);
  await signIn(page, 'admin', 'admin');
  const group = page.locator('[data-testid=backup]');
  await group.waitFor();
  return { context, page, errors, group };
}

describe('数据备份 in the manager console', () => {
  it('shows the folder, the day’s backup, 立即备份 and 下载', async () => {
    const dir = join(tempDir('backup-console-'), 'backups');
    const server = await startTestServer({ backup: { dir, keep: 14 } });
    try {
      const manager = await token(server.url, 'admin', 'admin');
      await expect.poll(async () => (await apiCall<BackupStatus>(server.url, 'GET', '/api/backups', undefined, manager)).body.backups.length).toBe(1);
      server.clock.advance(60 * 60_000); // 10:00: 立即备份 gets its own name

      const { context, page, errors, group } = await openHallPage(server);
      await expect.poll(() => page.textContent('[data-testid=backup-dir]')).toBe(dir);
      const text = await group.textContent();
      expect(text).toContain('保留最近 14 天的每日备份');
      expect(text).toContain('每天复核一次');
      expect(await page.textContent('[data-testid=backup-restore-from]')).toContain('最新的完好备份：hall-2026-11-30T090000.db（2026/11/30 09:00）');
      // In memory: no --db (the script's HALL_DB default stands).
      expect(await page.textContent('[data-testid=backup-restore-command]')).toBe(`npx tsx scripts/restore-backup.ts ${join(dir, 'hall-2026-11-30T090000.db')}`);
      expect(await page.textContent('[data-testid=backup-last]')).toMatch(/^上次备份 2026\/11\/30 09:00：成功（自动，用时 [\d.]+ 秒）$/);
      const rows = page.locator('[data-testid=backup-list] tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toMatch(/2026\/11\/30 09:00\s*hall-2026-11-30T090000\.db\s*[\d.]+ KB\s*完好 · 11\/30\s09:00\s*下载/);

      await page.click('[data-testid=backup-now]');
      await page.waitForSelector('[data-testid=backup] [role=status]:text("已备份：hall-2026-11-30T100000.db")');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain('hall-2026-11-30T100000.db');
      expect(await page.textContent('[data-testid=backup-restore-command]')).toContain('hall-2026-11-30T100000.db');
      expect(await page.textContent('[data-testid=backup-last]')).toMatch(/^上次备份 2026\/11\/30 10:00：成功（立即备份，/);
      expect(await axeProblems(page)).toEqual([]);
      await group.screenshot({ path: `${shots}/admin-backup-zh-1366.png` });
      await page.screenshot({ path: `${shots}/admin-hall-page-zh-1366.png`, fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-download-hall-2026-11-30T090000.db"]')]);
      expect(download.suggestedFilename()).toBe('hall-2026-11-30T090000.db');
      const saved = join(dir, '..', 'downloaded.db');
      await download.saveAs(saved);
      expect(readFileSync(saved).equals(readFileSync(join(dir, 'hall-2026-11-30T090000.db')))).toBe(true);

      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => page.textContent('[data-testid=backup-now]')).toContain('Back up now');
      await group.screenshot({ path: `${shots}/admin-backup-en-1366.png` });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('shows the 异地副本: its folder, encrypted, what the last copy did, and a failure with its reason', async () => {
    const root = tempDir('backup-copy-');
    const copyDir = join(root, 'nas');
    // The NAS is not mounted: a file stands where its folder should be.
    writeFileSync(copyDir, 'not mounted');
    const server = await startTestServer({ backup: { dir: join(root, 'backups'), keep: 14, copyDir, passphrase: 'correct horse battery staple' } });
    try {
      const manager = await token(server.url, 'admin', 'admin');
      await expect.poll(async () => (await apiCall<BackupStatus>(server.url, 'GET', '/api/backups', undefined, manager)).body.copy?.last?.ok).toBe(false);
      const { context, page, errors, group } = await openHallPage(server);
      await expect.poll(() => page.textContent('[data-testid=backup-copy-dir]')).toContain(copyDir);
      expect(await page.textContent('[data-testid=backup-copy-dir]')).toContain('已加密');
      expect(await page.textContent('[data-testid=backup-copy]')).toMatch(/^异地副本失败 2026\/11\/30 09:00：.+。备份本身已保存在本机，每小时自动重试。$/);
      expect(await group.textContent()).not.toContain('请信息科设置');
      await group.screenshot({ path: `${shots}/admin-backup-copy-failed-zh-1366.png` });

      // Mounted again: 立即备份 copies today's two backups, encrypted.
      rmSync(copyDir);
      mkdirSync(copyDir);
      server.clock.advance(60 * 60_000);
      await page.click('[data-testid=backup-now]');
      await expect.poll(() => page.textContent('[data-testid=backup-copy]')).toBe('异地副本 2026/11/30 10:00：复制了 2 份，目录中共 2 份。');
      expect(readdirSync(copyDir).sort()).toEqual(['hall-2026-11-30T090000.db.enc', 'hall-2026-11-30T100000.db.enc']);
      expect((await page.locator('[data-testid=backup-copy-verify]').allTextContents()).map((c) => c.trim().replace(/\s/g, ' '))).toEqual(['完好 · 11/30 10:00', '完好 · 11/30 10:00']);
      expect(await axeProblems(page)).toEqual([]);
      await group.screenshot({ path: `${shots}/admin-backup-copy-zh-1366.png` });
      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => page.textContent('[data-testid=backup-copy]')).toBe('Off-site copy 2026/11/30 10:00: 2 copied, 2 in the folder.');
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('shows a file found damaged at 复核 in red with its reason, and the newest good backup with the command that restores it', async () => {
    const HOUR = 60 * 60_000;
    const root = tempDir('backup-damaged-');
    const copyDir = join(root, 'nas');
    // Yesterday's and today's backups, a 日间备份 at 10:00, all copied to the NAS …
    const h = backupHall({ dir: join(root, 'backups'), copyDir, everyHours: 1, verifyEveryMs: HOUR });
    h.clock.set(h.clock.now() - 24 * HOUR);
    await h.backups.tick();
    h.clock.advance(24 * HOUR);
    await h.backups.tick();
    h.clock.advance(HOUR);
    h.issue('A');
    await h.backups.tick();
    // … then the NAS rots the 10:00 copy, and the local disk the 10:00 and 09:00 backups; 复核 at
    // 11:00 finds all three: the 09:00 one is written again from its good copy, 10:00 is lost twice.
    flipByte(join(copyDir, 'hall-2026-11-30T100000.db'));
    flipByte(join(h.dir, 'hall-2026-11-30T100000.db'));
    flipByte(join(h.dir, 'hall-2026-11-30T090000.db'));
    h.clock.advance(HOUR);
    for (let i = 0; i < 6; i++) await h.backups.tick();
    h.close();

    const dbPath = join(root, 'hall.db');
    const server = await startTestServer({ dbPath, now: h.clock.now() + 60_000, backup: { dir: h.dir, keep: 14, copyDir, everyHours: 2 } }); // 2 h: no 日间备份 at its start (10:00 is an hour old)
    try {
      const { context, page, errors, group } = await openHallPage(server);
      const rows = page.locator('[data-testid=backup-list] tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      const row = (name: string) => page.locator(`[data-testid="backup-row-${name}"]`);
      // Why, in the console's words; the server's own on hover.
      const damaged = /^\s*已损坏 · 11\/30\s11:00 复核\s*写入后内容已改变（校验值不符），文件已损坏\s*$/;
      expect(await row('hall-2026-11-30T100000.db').locator('[data-testid=backup-verify]').textContent()).toMatch(damaged);
      expect(await row('hall-2026-11-30T100000.db').locator('[data-testid=backup-copy-verify]').textContent()).toMatch(damaged);
      expect(await row('hall-2026-11-30T100000.db').locator('[data-testid=backup-verify] .reason').getAttribute('title')).toContain('SHA-256 differs');
      // Repaired from its copy: good, read back at 11:00.
      expect(await row('hall-2026-11-30T090000.db').locator('[data-testid=backup-verify]').textContent()).toMatch(/^\s*完好 · 11\/30\s11:00\s*$/);
      expect(await row('hall-2026-11-29T090000.db').textContent()).toMatch(/完好 · 11\/30\s11:00\s*完好 · 11\/30\s11:00/);
      // Red: the cell's colour is the theme's "bad" one, not the text colour of a good cell.
      const colour = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).color);
      expect(await colour('[data-testid="backup-row-hall-2026-11-30T100000.db"] [data-testid=backup-copy-verify]')).not.toBe(await colour('[data-testid="backup-row-hall-2026-11-30T090000.db"] [data-testid=backup-verify]'));
      expect(await page.textContent('[data-testid=backup-damaged]')).toContain('没有完好的另一份可用来自动修复');
      expect(await page.textContent('[data-testid=backup-restore-from]')).toContain('最新的完好备份：hall-2026-11-30T090000.db（2026/11/30 09:00）');
      expect(await page.textContent('[data-testid=backup-restore-from]')).toContain('必须先停止服务器');
      expect(await page.textContent('[data-testid=backup-restore-command]')).toBe(`npx tsx scripts/restore-backup.ts ${join(h.dir, 'hall-2026-11-30T090000.db')} --db ${dbPath}`);
      expect(await page.locator('[data-testid=backup] button:has-text("恢复")').count()).toBe(0);
      expect(await group.textContent()).toContain('营业中每 2 小时、数据有变化时再备份一次');
      // One paragraph of Chinese sentences: no half-width space after a 。
      expect(await page.textContent('[data-testid=backup-rules]')).not.toMatch(/。\s/);
      expect(await axeProblems(page)).toEqual([]);
      await group.screenshot({ path: `${shots}/admin-backup-damaged-zh-1366.png` });
      await page.selectOption('[data-testid=lang]', 'en');
      await expect.poll(() => page.textContent('[data-testid=backup-restore-from]')).toContain('Newest good backup: hall-2026-11-30T090000.db (2026/11/30 09:00)');
      await group.screenshot({ path: `${shots}/admin-backup-damaged-en-1366.png` });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });

  it('says backups are off for a database without a folder, and how to restore', async () => {
    const server = await startTestServer();
    try {
      const { context, page, errors, group } = await openHallPage(server);
      await expect.poll(() => page.textContent('[data-testid=backup-off]')).toContain('未启用');
      expect(await page.locator('[data-testid=backup-now]').count()).toBe(0);
      expect(await page.textContent('[data-testid=backup-restore]')).toContain('docs/operations.md');
      await group.screenshot({ path: `${shots}/admin-backup-off-zh-1366.png` });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
