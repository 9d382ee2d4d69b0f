/**
 * 容缺受理's 补齐提醒 by text (docs/sms.md): the app's 30-second timer asks every few minutes which
 * open records are due a reminder (server/deferral/reminders.ts), and writes each text to the
 * outbox in one transaction with the stamp on the record (a restart never writes one twice; the
 * outbox's UNIQUE kind and ref neither). Only while SMS is on and a gateway is configured: a text
 * that cannot go must not mark a record as reminded. A text still waiting (the gateway retrying)
 * when the record is brought or withdrawn is dropped, not sent late. Each reminder written is
 * pushed to staff (`deferral:changed`), so the 台账 shows it at once.
 */
import type { CitizenSettings } from '../../shared/citizen';
import { DEFERRAL_SMS_HOURS, type DeferralChanged, type DeferralReminderStep } from '../../shared/deferral';
import { WORK_DAYS_DEFAULT } from '../../shared/admin';
import { SMS_CANCELLED } from '../../shared/notify';
import { deferralChange } from '../deferral/changes';
import { deferralRepoOf, type DeferralRec } from '../deferral/deferral-repo';
import { reminderDue, remindableSince, smsHours } from '../deferral/reminders';
import { serviceDayOf } from '../domain';
import { localParts, timeOf, zonedEpoch } from '../domain/calendar';
import { isWorkingDay } from '../domain/overtime';
import type { Clock } from '../service/clock';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import type { OutboxRepo } from './outbox-repo';
import type { SmsSender } from './sender';
import { deferralText } from './texts';

/** How often the records are looked at (the timer ticks every 30 s; a reminder need not be that prompt). */
export const DEFERRAL_CHECK_MS = 5 * 60_000;

export const deferralRef = (id: string, step: DeferralReminderStep): string => `deferral:${id}/${step}`;

export interface DeferralSmsDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  /** The citizen settings' `smsEnabled`: one switch for every text the hall sends. */
  smsSettings: () => CitizenSettings;
  outbox: OutboxRepo;
  sender: SmsSender;
}

export function createDeferralSms(deps: DeferralSmsDeps) {
  const { db, hall, clock, outbox, sender } = deps;
  const hallId = hall.hallId;
  const repo = deferralRepoOf(db);
  let lastCheck: number | undefined;

  /** Writes every reminder due now; the ids of the records texted. */
  function remind(): string[] {
    if (!sender.configured || !deps.smsSettings().smsEnabled) return [];
    const now = clock.now();
    const { timezone, settings, name } = hall.state();
    const local = localParts(now, timezone);
    if (!smsHours(local.minutes)) return [];
    const today = serviceDayOf(now, timezone);
    const hours = settings.workHours ?? { spans: [], days: [...WORK_DAYS_DEFAULT] };
    const at = { today, minutes: local.minutes, isWorkingDay: (d: string) => isWorkingDay(d, hours) };
    const due = repo
      .remindable(hallId, remindableSince(today))
      .map((r) => ({ r, step: reminderDue(r, at) }))
      .filter((x): x is { r: DeferralRec; step: DeferralReminderStep } => x.step !== null);
    if (due.length === 0) return [];
    // Not sent after the day's last hour, even when retried: no text at night.
    const expiresAt = zonedEpoch(local.date, timeOf(DEFERRAL_SMS_HOURS.until * 60), timezone);
    const texted = db.transaction(() =>
      due
        .filter(({ r, step }) => repo.markReminded(hallId, r.id, step, now))
        .map(({ r, step }) => {
          const text = deferralText({ hall: name, serviceDay: r.serviceDay, matter: r.matterName, missing: r.missing, deadline: r.deadline, step });
          outbox.enqueue(hallId, { kind: 'deferral', phone: r.phone, text, ref: deferralRef(r.id, step), createdAt: now, expiresAt });
          return r.id;
        }),
    )();
    if (texted.length > 0) sender.kick();
    for (const id of texted) hall.deferralChanged(deferralChange(db, hallId, id, 'reminded', today));
    return texted;
  }

  /** Drops the waiting texts of a record no longer open. */
  function closed(id: string): number {
    return outbox.dropSubject(hallId, 'deferral', `deferral:${id}/`, SMS_CANCELLED);
  }

  /** Texts still waiting whose record was closed meanwhile (a crash between the two; few rows). */
  function reconcile(): void {
    for (const m of outbox.pendingOfKind(hallId, 'deferral')) {
      const id = /^deferral:(.+)\/(before|overdue)$/.exec(m.ref)?.[1];
      if (id !== undefined && repo.byId(hallId, id)?.status !== 'pending') closed(id);
    }
  }

  return {
    /** The timer's share, every DEFERRAL_CHECK_MS on the hall's clock: the reminders due; how many. */
    tick(): number {
      const now = clock.now();
      if (lastCheck !== undefined && now >= lastCheck && now - lastCheck < DEFERRAL_CHECK_MS) return 0;
      lastCheck = now;
      reconcile();
      return remind().length;
    },
    /** After each 台账 change (the app's publisher calls it): a brought or withdrawn record's text stops. */
    changed(c: DeferralChanged): void {
      if (c.what === 'done' || c.what === 'cancelled') closed(c.id);
    },
  };
}

export type DeferralSms = ReturnType<typeof createDeferralSms>;
