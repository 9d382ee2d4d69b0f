/**
 * 短信提醒 as one module for createApp: the outbox, the sender over the configured gateway (the
 * webhook adapter, or none), what writes messages, and its routes. docs/sms.md describes it.
 */
import type { Router } from 'express';
import type { AssistRequest } from '../../shared/assist';
import type { DeferralChanged } from '../../shared/deferral';
import { createAppointmentRepo } from '../citizen/appointment-repo';
import { createSettingsRepo } from '../citizen/settings-repo';
import type { Clock } from '../service/clock';
import type { HallService } from '../service/hall-service';
import type { Store } from '../store';
import { createAssistSmsRepo } from './assist-settings-repo';
import { createAssistSms } from './assist-sms';
import { SMS_DEFAULTS, type SmsConfig } from './config';
import { createDeferralSms } from './deferral-sms';
import { createNotifyService } from './notify-service';
import { createOutboxRepo } from './outbox-repo';
import { createPhoneVerifyRepo } from './phone-verify-repo';
import { registerPhoneVerifyRoutes } from './phone-verify-routes';
import { createQueueAlertRepo } from './queue-alert-repo';
import { registerQueueAlertRoutes } from './queue-alert-routes';
import { createQueueAlerts } from './queue-alerts';
import { createPhoneVerifyService } from './phone-verify-service';
import { registerSmsRoutes } from './routes';
import { createSmsSender } from './sender';
import { createTicketPhoneRepo } from './ticket-phone-repo';
import { registerTicketPhoneRoutes } from './ticket-phone-routes';
import { createTicketPhoneService } from './ticket-phone-service';
import { createWebhookNotifier } from './webhook';

export type { SmsConfig } from './config';
export { smsConfigFromEnv } from './config';

export interface SmsDeps {
  store: Store;
  hall: HallService;
  clock: Clock;
  /** The webhook; absent: messages are kept and listed as 未配置, never sent. */
  config?: SmsConfig | undefined;
  log: (msg: string) => void;
}

export function createSms(deps: SmsDeps) {
  const db = deps.store.db;
  const outbox = createOutboxRepo(db);
  const sender = createSmsSender({
    hallId: deps.hall.hallId,
    outbox,
    clock: deps.clock,
    notifier: deps.config ? createWebhookNotifier(deps.config) : undefined,
    maxAttempts: deps.config?.maxAttempts ?? SMS_DEFAULTS.maxAttempts,
    log: deps.log,
  });
  const ticketPhones = createTicketPhoneRepo(db);
  const settings = createSettingsRepo(db);
  const notify = createNotifyService({
    db,
    hall: deps.hall,
    clock: deps.clock,
    settings,
    appointments: createAppointmentRepo(db),
    outbox,
    ticketPhones,
    sender,
    receipts: deps.config?.receiptKey !== undefined,
    log: deps.log,
  });
  const phones = createTicketPhoneService({ db, hall: deps.hall, clock: deps.clock, settings, ticketPhones, followed: notify.followed });
  const phoneVerify = createPhoneVerifyService({
    db,
    hall: deps.hall,
    clock: deps.clock,
    settings,
    repo: createPhoneVerifyRepo(db),
    outbox,
    sender,
    ticketPhones,
    followed: notify.followed,
  });
  const assistSettings = createAssistSmsRepo(db);
  const assist = createAssistSms({
    db,
    hall: deps.hall,
    clock: deps.clock,
    smsSettings: () => settings.get(deps.hall.hallId),
    settings: assistSettings,
    assists: deps.store.assist,
    outbox,
    sender,
  });
  // 容缺受理's 补齐提醒 (server/deferral/reminders.ts decides who is due).
  const deferrals = createDeferralSms({ db, hall: deps.hall, clock: deps.clock, smsSettings: () => settings.get(deps.hall.hallId), outbox, sender });
  // 排队预警: a queue long past its target, to the same duty phones.
  const queueAlerts = createQueueAlerts({
    db,
    hall: deps.hall,
    clock: deps.clock,
    smsSettings: () => settings.get(deps.hall.hallId),
    assistSettings,
    repo: createQueueAlertRepo(db),
    outbox,
    sender,
  });
  // Messages left pending by the last run (a restart) go out now, not at the first timer tick —
  // except 求助 texts whose request was answered while the server was down.
  assist.reconcile();
  sender.kick();
  return {
    ...notify,
    /** 扫码取号需验证手机号: the phone ticket's code check and per-phone limit (the ticket:issue operation asks it). */
    phoneVerify,
    /** The timer's work (every 30 s, the hall's clock): 求助 texts due, 排队预警, 补齐提醒 (every few minutes), reminders, then delivery. */
    tick(): Promise<number> {
      assist.tick();
      queueAlerts.tick();
      deferrals.tick();
      return notify.tick();
    },
    /** After each change of a 求助 (the app's publisher calls it): an answered one's texts stop. */
    assistChanged(r: AssistRequest): void {
      try {
        if (r.status !== 'open') assist.answered(r.id);
      } catch (e) {
        // The answer stands; the timer's reconcile drops the texts at its next run.
        deps.log(`SMS 求助 drop failed: ${String(e)}`);
      }
    },
    /** After each 容缺台账 change (the app's publisher calls it): a closed record's 补齐提醒 stops. */
    deferralChanged(c: DeferralChanged): void {
      try {
        deferrals.changed(c);
      } catch (e) {
        // The change stands; the next reminder run's reconcile drops the text.
        deps.log(`SMS 补齐提醒 drop failed: ${String(e)}`);
      }
    },
    registerRoutes: (router: Router) => {
      registerSmsRoutes(router, notify, assist, deps.config?.receiptKey);
      registerQueueAlertRoutes(router, queueAlerts);
      registerTicketPhoneRoutes(router, phones, deps.clock);
      registerPhoneVerifyRoutes(router, phoneVerify, deps.clock);
    },
    /** Stops sending; waits for a request under way. */
    close: () => sender.close(),
  };
}

export type Sms = ReturnType<typeof createSms>;
