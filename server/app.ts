/**
 * createApp builds the whole server from its dependencies: Express (REST, pages, audio) and
 * Socket.IO on one HTTP server. It opens nothing and listens nowhere by itself (main.ts does),
 * so tests start it on a free port with an in-memory database and a manual clock.
 */
import express from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { createBackups } from './backup/backup-service';
import type { BackupConfig } from './backup/config';
import { registerBackupRoutes } from './backup/routes';
import { createDeviceRepo } from './devices/device-repo';
import { createDeviceRegistry } from './devices/registry';
import { registerAuthRoutes, authenticate } from './http/auth';
import { registerCommandRoutes } from './http/commands';
import { createHallKeyRepo } from './citizen/hall-key-repo';
import { createIdCardRepo } from './citizen/idcard-repo';
import { createIdCardService } from './citizen/idcard-service';
import { registerOnsiteRoutes } from './citizen/onsite-routes';
import { createOnsiteService } from './citizen/onsite-service';
import { registerCitizenRoutes } from './citizen/routes';
import { createKioskHelpRepo } from './kioskHelp/kiosk-help-repo';
import { registerKioskHelpRoutes } from './kioskHelp/kiosk-help-routes';
import { createKioskHelp } from './kioskHelp/kiosk-help-service';
import { attachKioskHelpSocket } from './kioskHelp/kiosk-help-socket';
import { createSettingsRepo } from './citizen/settings-repo';
import { apiErrorHandler } from './http/errors';
import { registerPages } from './http/pages';
import { registerPoster } from './http/poster';
import { registerPhotoRoutes } from './photos/photo-routes';
import { createPhotoService } from './photos/photo-service';
import { registerQueryRoutes } from './http/queries';
import { sendError } from './http/reply';
import { createAuthService } from './service/auth-service';
import { systemClock, type Clock } from './service/clock';
import { createHallService } from './service/hall-service';
import { createSms, type SmsConfig } from './notify';
import { createRatingPush, type RatingPushConfig } from './integrations';
import { onQuestionsChanged } from './questions/push';
import { attachSocket, type HallServer } from './socket';
import { createRangeRunner } from './stats/range-runner';
import type { Store } from './store';
import type { Voice } from './voice';

export interface AppDeps {
  store: Store;
  voice: Voice;
  clock?: Clock;
  /** Which hall this process serves (one writer per hall). Defaults to the only hall in the store. */
  hallId?: string;
  log?: (msg: string) => void;
  /** Where the built apps are (dist/). */
  distDir?: string;
  /** Require this key (X-Booking-Key) for appointment booking from outside (the province platform). */
  bookingKey?: string | undefined;
  /** The SMS gateway (短信提醒, docs/sms.md); absent: messages are kept, listed as 未配置, never sent. */
  sms?: SmsConfig | undefined;
  /** The province's 好差评 platform (docs/protocol.md, 好差评推送); absent: reports are kept, listed as 未配置, never sent. */
  ratingPush?: RatingPushConfig | undefined;
  /** 数据备份's folder and how many to keep (docs/operations.md); absent: no backups (an in-memory database). */
  backup?: BackupConfig | undefined;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR = 60 * 60 * 1000;

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? ((msg: string) => console.log(msg));
  const hallId = deps.hallId ?? deps.store.halls.hallIds()[0];
  if (!hallId) throw new Error('the database has no hall; seed one first');

  const service = createHallService({ store: deps.store, clock, voice: deps.voice, hallId, log });
  const auth = createAuthService({ store: deps.store, clock });
  const sms = createSms({ store: deps.store, hall: service, clock, config: deps.sms, log });
  const ratingPush = createRatingPush({ store: deps.store, hall: service, clock, config: deps.ratingPush, log });
  const backups = createBackups({ db: deps.store.db, hall: service, clock, config: deps.backup, log });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.use('/api/audio', deps.voice.router());
  const api = express.Router();
  api.use(express.json({ limit: '100kb', strict: false }));
  api.use(authenticate(auth));
  registerAuthRoutes(api, auth);
  // The phone ticket's number check (扫码取号需验证手机号) sits with the SMS module that texts its codes.
  const devices = createDeviceRegistry(() => clock.now(), createDeviceRepo(deps.store.db, hallId));
  const citizenSettings = createSettingsRepo(deps.store.db);
  const hallKeys = createHallKeyRepo(deps.store.db);
  const onsite = createOnsiteService({ hallId, clock, settings: citizenSettings, keys: hallKeys });
  // 实名取号: the card's checks and per-person limit at issue; the masked number on staff views.
  const idCard = createIdCardService({ db: deps.store.db, hall: service, clock, settings: citizenSettings, keys: hallKeys, repo: createIdCardRepo(deps.store.db) });
  service.setDetailExtras((ticketId) => {
    const realName = idCard.realName(ticketId);
    return realName ? { realName } : {};
  });
  // 月报/季报 (stats:range) in a worker thread on its own read-only connection (inline for an in-memory database).
  const ranges = createRangeRunner({ store: deps.store, log });
  const ctx = { service, store: deps.store, mobile: sms.phoneVerify, onsite, idCard, devices, ranges };
  registerQueryRoutes(api, service);
  registerCommandRoutes(api, ctx);
  const citizen = registerCitizenRoutes(api, { service, store: deps.store, clock, bookingKey: deps.bookingKey, events: sms.events, idCard });
  sms.registerRoutes(api);
  ratingPush.registerRoutes(api);
  registerOnsiteRoutes(api, {
    onsite,
    publicTicketing: () => service.state().settings.publicTicketing,
    publicBase: () => citizenSettings.get(hallId).publicBaseUrl,
  });
  registerBackupRoutes(api, backups, service);
  registerPhotoRoutes(api, createPhotoService({ service, store: deps.store }));
  // 自助机呼叫工作人员: a kiosk calls the floor staff (its own routes and socket namespace).
  const kioskHelp = createKioskHelp({ store: deps.store, hall: service, repo: createKioskHelpRepo(deps.store.db), devices });
  registerKioskHelpRoutes(api, kioskHelp);
  api.use((req, res) => sendError(res, 'NOT_FOUND', `no route ${req.method} /api${req.path}`));
  api.use(apiErrorHandler(log));
  app.use('/api', api);
  registerPoster(app, {
    hallName: () => ({ zh: service.state().name, en: service.state().nameEn }),
    publicBase: () => citizenSettings.get(hallId).publicBaseUrl,
    onSite: () => onsite.required(),
  });
  registerPages(app, deps.distDir ?? join(ROOT, 'dist'));

  const httpServer: HttpServer = createServer(app);
  const io: HallServer = new Server(httpServer, {
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    maxHttpBufferSize: 100_000,
    serveClient: false,
    // A hall display must notice a dead line (a pulled cable leaves no FIN) within about 15 s,
    // not Socket.IO's default 45 s, so it shows "connection lost" and resyncs when it is back.
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });
  const sockets = attachSocket(io, { ctx, auth, log });
  attachKioskHelpSocket(io, { help: kioskHelp, auth, log });
  // 疑难问题: each change to every staff screen (no text in it: the asker's panel asks for its own).
  onQuestionsChanged(service, (c) => io.to(`staff:${hallId}`).emit('questions:changed', c));
  // Every committed change also goes past the SMS ticket check (快到您了, 轮到您了); every 求助
  // change past its texts to the duty phones (an answered one's are dropped); every 容缺台账 change
  // past its 补齐提醒.
  service.setPublisher({
    ...sockets,
    publish(p) {
      sockets.publish(p);
      sms.published(p);
    },
    assistChanged(r) {
      sockets.assistChanged?.(r);
      sms.assistChanged(r);
    },
    // A 容缺 record brought or withdrawn: its 补齐提醒 still waiting is dropped.
    deferralChanged(c) {
      sockets.deferralChanged?.(c);
      sms.deferralChanged(c);
    },
    // A rating or 整改 committed with its 好差评 report queued: push it.
    ratingsChanged(r) {
      sockets.ratingsChanged?.(r);
      ratingPush.kick();
    },
  });

  const warnDemo = () => {
    const n = deps.store.users.demoPasswordsInUse();
    if (n > 0) log(`WARNING: ${n} account(s) still use the published demo passwords; change them before real use.`);
  };
  warnDemo();
  // Names and phones past the hall's 个人信息保存期限 are masked at start, then hourly.
  citizen.retention.tick();
  // 数据备份: the day's backup at start when today has none, then at the first tick of each new day.
  void backups.tick();
  let lastWarn = clock.now();
  const timer = setInterval(() => {
    service.tick();
    auth.purgeExpired();
    citizen.retention.tick();
    sms.tick().catch((e: unknown) => log(`SMS: ${String(e)}`));
    ratingPush.tick().catch((e: unknown) => log(`好差评推送: ${String(e)}`));
    void backups.tick();
    if (clock.now() - lastWarn >= HOUR) {
      lastWarn = clock.now();
      warnDemo();
    }
  }, 30_000);
  timer.unref();

  return {
    app,
    httpServer,
    io,
    service,
    auth,
    sms,
    ratingPush,
    retention: citizen.retention,
    backups,
    listen(port: number, host?: string): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      });
    },
    async close(): Promise<void> {
      clearInterval(timer);
      await sms.close();
      await ratingPush.close();
      // A backup being written reads the database the caller closes next.
      await backups.idle();
      await ranges.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await deps.voice.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;
