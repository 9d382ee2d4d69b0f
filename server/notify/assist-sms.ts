/**
 * 求助 by text: a call for help nobody has answered `minutes` after it was raised is texted to each
 * duty manager's phone (值班长手机), once per request — the console's chime reaches only whoever
 * has it open. Still unanswered `leaderMinutes` after it was raised, it is texted to the leaders'
 * phones too (分管领导手机, the second tier). Checked by the app's 30-second timer on the hall's
 * clock (tick); a request answered, settled or withdrawn before its texts went out has them
 * dropped, not sent late. Only while SMS is on (`smsEnabled`); the phones and the minutes are the
 * manager's (GET/PUT /api/sms/assist).
 */
import type { AssistSmsSettings } from '../../shared/admin';
import type { CitizenSettings } from '../../shared/citizen';
import type { Reply } from '../../shared/errors';
import { SMS_CANCELLED } from '../../shared/notify';
import { maskPhone } from '../citizen/rules';
import type { AssistRec } from '../domain/assist';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { AssistRepo, Db } from '../store';
import type { AssistSmsRepo } from './assist-settings-repo';
import type { OutboxRepo } from './outbox-repo';
import { ASSIST_SMS_TTL_MS, assistSmsDue, waitedMinutes } from './rules';
import type { SmsSender } from './sender';
import { assistText } from './texts';

/** All texts of one request start with this; each phone's adds its place in the list (…/1, …/2; the leaders' …/L1). */
export const assistRefPrefix = (requestId: string): string => `assist:${requestId}/`;

/** The two tiers: who is texted, after how long, and the mark their refs carry. */
interface Tier {
  phones: readonly string[];
  minutes: number;
  /** '' for the duty managers, 'L' for the leaders. */
  mark: '' | 'L';
}

export interface AssistSmsDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  /** The citizen settings' `smsEnabled`: one switch for every text the hall sends. */
  smsSettings: () => CitizenSettings;
  settings: AssistSmsRepo;
  assists: AssistRepo;
  outbox: OutboxRepo;
  sender: SmsSender;
}

export function createAssistSms(deps: AssistSmsDeps) {
  const { db, hall, clock, outbox, sender } = deps;
  const hallId = hall.hallId;

  /** Drops the waiting texts of a request that is no longer open (someone came, or it was withdrawn). */
  function answered(requestId: string): number {
    return outbox.dropSubject(hallId, 'assist', assistRefPrefix(requestId), SMS_CANCELLED);
  }

  /**
   * Texts still waiting whose request was answered meanwhile: after a crash between the answer
   * and its drop, or an answer the drop did not hear of. Few rows (one per duty phone per request).
   */
  function reconcile(): void {
    const ids = new Set<string>();
    for (const m of outbox.pendingOfKind(hallId, 'assist')) {
      const id = /^assist:(.+)\/L?\d+$/.exec(m.ref)?.[1];
      if (id !== undefined) ids.add(id);
    }
    for (const id of ids) if (deps.assists.byId(hallId, id)?.status !== 'open') answered(id);
  }

  /** Writes the texts of every 求助 due one now, tier by tier; how many messages. */
  function escalate(): number {
    const s = deps.settings.get(hallId);
    if (!deps.smsSettings().smsEnabled) return 0;
    const tiers: Tier[] = [
      { phones: s.dutyPhones, minutes: s.minutes, mark: '' as const },
      { phones: s.leaderPhones, minutes: s.leaderMinutes, mark: 'L' as const },
    ].filter((t) => t.minutes > 0 && t.phones.length > 0);
    if (tiers.length === 0) return 0;
    const now = clock.now();
    const today = hall.state().serviceDay;
    const active = deps.assists.active(hallId);
    const due = tiers.flatMap((tier) => active.filter((r) => assistSmsDue(r, tier.minutes, today, now)).map((r) => ({ r, tier })));
    if (due.length === 0) return 0;
    const n = db.transaction(() => {
      let written = 0;
      for (const { r, tier } of due) written += write(r, tier, now);
      return written;
    })();
    if (n > 0) sender.kick();
    return n;
  }

  /**
   * One text per phone of the tier, unless this request was texted to that tier before (to
   * whichever phones then). The duty managers' check sees the leaders' texts too: a first tier
   * switched on after the second went out stays quiet, the leaders know already.
   */
  function write(r: AssistRec, tier: Tier, now: number): number {
    const prefix = `${assistRefPrefix(r.id)}${tier.mark}`;
    if (outbox.anyOfSubject(hallId, 'assist', prefix)) return 0;
    const text = assistText({ hall: hall.state().name, windowNo: r.windowNo, kind: r.kind, note: r.note, minutes: waitedMinutes(r.raisedAt, now), leader: tier.mark === 'L' });
    let written = 0;
    tier.phones.forEach((phone, i) => {
      if (outbox.enqueue(hallId, { kind: 'assist', phone, text, ref: `${prefix}${i + 1}`, createdAt: now, expiresAt: now + ASSIST_SMS_TTL_MS })) written++;
    });
    return written;
  }

  const masked = (v: AssistSmsSettings) => ({
    dutyPhones: v.dutyPhones.map(maskPhone),
    minutes: v.minutes,
    leaderPhones: v.leaderPhones.map(maskPhone),
    leaderMinutes: v.leaderMinutes,
  });

  return {
    answered,
    /** The timer's share: stale texts dropped, then those due written. */
    tick(): number {
      reconcile();
      return escalate();
    },
    reconcile,
    settings(): Reply<AssistSmsSettings> {
      return ok(deps.settings.get(hallId));
    },
    /** Replaces the phones and minutes (managers; the route checks); audited with the phones masked. */
    update(actor: Actor, v: AssistSmsSettings): Reply<AssistSmsSettings> {
      const before = deps.settings.get(hallId);
      db.transaction(() => {
        deps.settings.put(hallId, v);
        hall.audit(actor, 'AssistSmsSettingsChanged', masked(before), masked(v));
      })();
      return ok(deps.settings.get(hallId));
    },
  };
}

export type AssistSms = ReturnType<typeof createAssistSms>;
