/**
 * The console's 数据备份 group (大厅设置 page) in Chromium against a real server with a backup
 * folder: where backups go and how many are kept, the day's backup made at start (校验通过),
 * 立即备份 adds one and says so, 下载 hands over the very file, and a server without a folder says
 * backups are off. Screenshots go to SCREENSHOT_DIR (default /tmp/backup-shots), zh and en.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../shared/backup';
import { startTestServer, type TestServer } from '../support/server';
import { tempDir } from '../support/tmp';
import { apiCall, axeProblems, collectErrors, ensureCounterBuilt, launchChromium, signIn, token } from '../e2e/counter/support';

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
      expect(text).toContain('保留最近 14 份，更早的自动删除。');
      expect(text).toContain('npx tsx scripts/restore-backup.ts');
      expect(await page.textContent('[data-testid=backup-last]')).toMatch(/^上次备份 2026\/11\/30 09:00：成功（自动，用时 [\d.]+ 秒）$/);
      const rows = page.locator('[data-testid=backup-list] tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toMatch(/2026\/11\/30 09:00\s*hall-2026-11-30T090000\.db\s*[\d.]+ KB\s*校验通过\s*下载/);

      await page.click('[data-testid=backup-now]');
      await page.waitForSelector('[data-testid=backup] [role=status]:text("已备份：hall-2026-11-30T100000.db")');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain('hall-2026-11-30T100000.db');
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
