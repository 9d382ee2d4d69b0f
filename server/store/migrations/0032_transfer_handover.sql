-- 转办交接: what the window that transferred a ticket handed to the next one — the window, the
-- queue, the clerk (users.id), the 转办说明 and when (JSON TransferHandoverRec, server/domain/
-- types.ts); NULL for a ticket never transferred, and for those transferred before this. The
-- materials that window checked are merged into `checklist`, which a transfer may now change.
ALTER TABLE tickets ADD COLUMN handover TEXT;
