/**
 * 扫码取号需验证手机号 (防黄牛): while the hall has `mobileVerify` on, a number taken on a phone
 * (channel `mobile`) carries a mobile number and the code just texted to it. The code is checked,
 * the phone's numbers of that queue today are counted, the ticket is issued, the code is used up
 * and the phone is recorded against the ticket — all in one SQLite transaction (the hall
 * service's commit runs as a savepoint inside it), so two requests can never both pass the limit.
 * The phone also becomes the ticket's 快到您了 / 轮到您了 phone, so the citizen does not type it twice.
 * The rules are pure (phone-verify-rules.ts); codes are stored as salted hashes only.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { CitizenSettings } from '../../shared/citizen';
import type { PhoneCodeSent } from '../../shared/mobile';
import type { Reply } from '../../shared/errors';
import type { TicketDetail } from '../../shared/schemas';
import { maskPhone } from '../citizen/rules';
import { serviceDayOf } from '../domain';
import type { SettingsRepo } from '../citizen/settings-repo';
import type { Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { Db } from '../store';
import type { NotifyService } from './notify-service';
import type { OutboxRepo } from './outbox-repo';
import { checkCode, codeRequest, CODE_RESEND_MS, CODE_TTL_MS, holding, HOUR_MS, limitMessage, limitReached } from './phone-verify-rules';
import type { PhoneVerifyRepo } from './phone-verify-repo';
import type { SmsSender } from './sender';
import type { TicketPhoneRepo } from './ticket-phone-repo';
import { textsTickets } from './ticket-phone-service';
import { verifyText } from './texts';

export interface PhoneVerifyDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  settings: SettingsRepo;
  repo: PhoneVerifyRepo;
  outbox: OutboxRepo;
  sender: SmsSender;
  ticketPhones: TicketPhoneRepo;
  followed: NotifyService['followed'];
}

/** What the phone sends with its ticket request. */
export interface VerifiedIssue {
  queue: string;
  phone?: string | undefined;
  code?: string | undefined;
}

const hashOf = (salt: string, code: string): string => createHmac('sha256', salt).update(code).digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A refusal thrown out of the transaction so that it rolls back, then answered as is. */
class Refused extends Error {
  constructor(readonly reply: Reply<never>) {
    super('refused');
  }
}

/** Does the hall ask phones for a verified number? */
export const verifiesPhones = (s: Pick<CitizenSettings, 'mobileVerify'>): boolean => s.mobileVerify;

export function createPhoneVerifyService(deps: PhoneVerifyDeps) {
  const { db, hall, clock, repo, outbox, sender } = deps;
  const hallId = hall.hallId;
  const settings = (): CitizenSettings => deps.settings.get(hallId);

  return {
    /** Phone tickets need a verified number now. */
    required: (): boolean => verifiesPhones(settings()),

    /**
     * Texts a fresh code to `phone` (the one before it is dead from now on). Refused while the
     * hall does not verify phones or cannot text (SMS off, no gateway), and when the phone asked
     * less than a minute ago or five times within the hour (RATE_LIMITED, saying how long to wait).
     */
    requestCode(phone: string): Reply<PhoneCodeSent> {
      const s = settings();
      if (!verifiesPhones(s)) return err('INVALID_STATE', 'this hall does not ask phones for a code (mobileVerify is off)');
      if (!s.smsEnabled || !sender.configured) return err('INVALID_STATE', 'this hall cannot send texts now: take a number at a kiosk in the hall');
      const now = clock.now();
      const sent = db.transaction((): Reply<PhoneCodeSent> => {
        const d = codeRequest(repo.sentSince(hallId, phone, now - HOUR_MS), now);
        if (!d.ok) {
          const wait = Math.ceil(d.retryInMs / 1000);
          return err('RATE_LIMITED', d.why === 'too_soon' ? `a code was just sent to this phone: ask again in ${wait} s` : `too many codes for this phone this hour: ask again in ${wait} s`);
        }
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        const salt = randomBytes(16).toString('hex');
        const expiresAt = now + CODE_TTL_MS;
        const id = repo.insert(hallId, { phone, serviceDay: serviceDayOf(now, hall.state().timezone), salt, codeHash: hashOf(salt, code), createdAt: now, expiresAt });
        outbox.enqueue(hallId, { kind: 'verify', phone, text: verifyText({ hall: hall.state().name, code, minutes: CODE_TTL_MS / 60_000 }), ref: `verify:${id}`, createdAt: now, expiresAt });
        return ok({ phone: maskPhone(phone), validSeconds: CODE_TTL_MS / 1000, resendSeconds: CODE_RESEND_MS / 1000 });
      })();
      if (sent.ok) sender.kick();
      return sent;
    },

    /**
     * Issues a phone ticket (`issue`, the hall's own issue) only for a right code and a phone
     * under its limit, in one transaction; a wrong try is counted even though nothing is issued.
     */
    issue(actor: Actor, input: VerifiedIssue, issue: () => Reply<TicketDetail>): Reply<TicketDetail> {
      const { phone, code } = input;
      if (phone === undefined || code === undefined) {
        return err('UNAUTHORIZED', 'this hall asks phones for their mobile number and the code texted to it (phone, code)', 'phone_code_invalid');
      }
      const s = settings();
      const now = clock.now();
      let issued: Reply<TicketDetail>;
      try {
        issued = db.transaction((): Reply<TicketDetail> => {
          const latest = repo.latest(hallId, phone);
          const check = checkCode(latest, latest !== undefined && sameHash(latest.codeHash, hashOf(latest.salt, code)), now);
          if (check === 'wrong') repo.wrongTry(latest!.id);
          if (check !== 'ok') {
            return err('UNAUTHORIZED', check === 'wrong' ? 'the code is wrong' : 'the code has expired or was used up: ask for a new one', 'phone_code_invalid');
          }
          // Today by the clock, not the state's day: the first command of a new day rolls the state
          // over inside issue() below, and a number taken then must count for the new day.
          const day = serviceDayOf(now, hall.state().timezone);
          const held = repo.held(hallId, phone, day, input.queue).map((id) => hall.findTicket(id));
          if (limitReached(held.map((t) => t?.status), s.mobileDailyLimit)) {
            const numbers = holding(held).map((t) => t.number);
            return err('CONFLICT', limitMessage('this phone', s.mobileDailyLimit, input.queue, numbers), 'phone_daily_limit');
          }
          const r = issue();
          if (!r.ok) throw new Refused(r);
          const t = r.data;
          repo.use(latest!.id, now);
          repo.take(hallId, { ticketId: t.id, serviceDay: day, queue: t.queue, phone, at: now });
          if (textsTickets(s)) deps.ticketPhones.put(hallId, t.id, day, phone, now);
          // The audit log is kept for ever: the number masked (the full one is in the tables above until the day ends).
          hall.audit(actor, 'MobileTicketPhoneVerified', null, { ticketId: t.id, number: t.number, queue: t.queue, phone: maskPhone(phone) });
          return r;
        })();
      } catch (e) {
        if (e instanceof Refused) return e.reply;
        throw e;
      }
      if (issued.ok && textsTickets(s)) deps.followed.follow(issued.data.id, phone);
      return issued;
    },
  };
}

export type PhoneVerifyService = ReturnType<typeof createPhoneVerifyService>;
