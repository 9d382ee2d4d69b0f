/**
 * REST for 数据备份 (managers only): the folder, the list and the last run; 立即备份; the download
 * of one backup. A download is audited: the file holds every name and phone the hall keeps.
 */
import type { Router } from 'express';
import { BackupName } from '../../shared/backup';
import { allowed } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import type { HallService } from '../service/hall-service';
import type { Backups } from './backup-service';

export function registerBackupRoutes(router: Router, backups: Backups, hall: HallService): void {
  router.get('/backups', async (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    await backups.refresh();
    res.json(backups.status());
  });
  router.post('/backups', async (_req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, await backups.run(actorOf(res), 'manual'), 201);
  });
  router.get('/backups/:name/download', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    // The name must be one of the listing, so no path of the caller's choosing reaches the disk.
    const name = BackupName.safeParse(req.params.name);
    const file = name.success ? backups.fileOf(name.data) : null;
    if (!name.success || !file) return sendError(res, 'NOT_FOUND', 'no such backup');
    hall.audit(actorOf(res), 'BackupDownloaded', null, { name: name.data });
    res.download(file, name.data, { dotfiles: 'deny' }, (e) => {
      if (e && !res.headersSent) sendError(res, 'NOT_FOUND', 'no such backup');
    });
  });
}
