/** Entry point: read the configuration, open the store, seed the demo hall if new, listen. */
import { createApp } from './app';
import { backupConfigFromEnv } from './backup/config';
import { seedDemoIfEmpty } from './demo/seed';
import { ratingPushConfigFromEnv } from './integrations';
import { smsConfigFromEnv } from './notify';
import { openStore } from './store';
import { createVoice } from './voice';

const port = Number(process.env.PORT ?? 3000);
const dbPath = process.env.HALL_DB ?? 'data/hall.db';
const demo = process.env.HALL_DEMO !== '0';
const log = (msg: string) => console.log(`[hall] ${msg}`);

// SMS_WEBHOOK_URL, SMS_WEBHOOK_TOKEN, SMS_TIMEOUT_MS, SMS_MAX_ATTEMPTS, SMS_RECEIPT_KEY (docs/sms.md); a bad value stops the start.
const sms = smsConfigFromEnv(process.env);
// RATING_WEBHOOK_URL, RATING_WEBHOOK_TOKEN, RATING_TIMEOUT_MS (好差评推送, docs/protocol.md); a bad value stops the start.
const ratingPush = ratingPushConfigFromEnv(process.env);
// HALL_BACKUP_DIR (default: backups beside the database), HALL_BACKUP_KEEP (default 14), HALL_BACKUP_EVERY_HOURS
// (日间备份, default 1, or off), HALL_BACKUP_COPY_DIR and HALL_BACKUP_PASSPHRASE (异地副本, encrypted); docs/operations.md.
const backup = backupConfigFromEnv(process.env, dbPath);
const store = openStore(dbPath);
if (demo && seedDemoIfEmpty(store, { now: Date.now() })) log(`seeded the demo hall into ${dbPath}`);
if (store.halls.hallIds().length === 0) {
  log(`the database ${dbPath} has no hall and HALL_DEMO=0: nothing to serve`);
  process.exit(1);
}
const server = createApp({ store, bookingKey: process.env.HALL_BOOKING_KEY || undefined, sms, ratingPush, backup, voice: createVoice({ log, ...(process.env.VOICE_PACK_DIR ? { packDir: process.env.VOICE_PACK_DIR } : {}) }), log, hallId: process.env.HALL_ID });
const bound = await server.listen(port, process.env.HOST);
log(sms ? `SMS: messages go to ${new URL(sms.url).host}` : 'SMS: no gateway (SMS_WEBHOOK_URL unset): messages are kept, not sent');
log(ratingPush ? `好差评推送: reports go to ${new URL(ratingPush.url).host}` : '好差评推送: no platform (RATING_WEBHOOK_URL unset): reports are kept, not sent');
const during = (every: number | null | undefined): string => (every ? `, and every ${every} h during the day after a change` : '');
log(backup ? `backups: one a day into ${backup.dir}${during(backup.everyHours)}, the newest ${backup.keep} days kept` : 'backups: off (no backup folder)');
if (backup?.copyDir) log(`backups: each also copied to ${backup.copyDir}${backup.passphrase ? ', encrypted' : ' (not encrypted: HALL_BACKUP_PASSPHRASE unset)'}`);
log(`serving on http://localhost:${bound}  (display /display · counter /counter · admin /admin · kiosk /kiosk)`);

const stop = async (signal: string) => {
  log(`${signal}: closing`);
  await server.close();
  store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
