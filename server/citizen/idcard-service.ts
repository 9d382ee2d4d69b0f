/**
 * 实名取号 (刷身份证取号): a kiosk number taken with the citizen's 居民身份证 (and 刷身份证签到: an
 * appointment's check-in with it, which the limit counts but never refuses). The number is checked
 * (shared/idcard.ts), the card's numbers of the queue today are counted (idDailyLimit, the rule of
 * mobileDailyLimit), a holder at or above seniorPriorityAge gets a priority ticket (老年人优先),
 * and the ticket is issued and recorded against the card — all in one SQLite transaction (the hall
 * service's commit runs as a savepoint inside it), so two readers at once can never both pass the
 * limit. The number is kept only as an HMAC-SHA256 under the hall's own key (hall_keys, purpose
 * 'idcard'): equal numbers give equal hashes, so the limit can count, and nobody without the key
 * can get a number back, nor test a guess against it.
 */
import { createHmac } from 'node:crypto';
import type { Reply } from '../../shared/errors';
import { ageOn, checkIdCard, ID_CARD_PROBLEM_TEXT, isSenior, maskIdCard, type RealName } from '../../shared/idcard';
import type { Priority, TicketDetail } from '../../shared/schemas';
import { serviceDayOf } from '../domain';
import { holding, limitMessage, limitReached } from '../notify/phone-verify-rules';
import { hasRole, type Actor } from '../service/actor';
import type { Clock } from '../service/clock';
import { err, ok } from '../service/errors';
import type { HallService } from '../service/hall-service';
import type { IdCardIssue, IssueWith } from '../service/operation';
import type { Db } from '../store';
import type { HallKeyRepo } from './hall-key-repo';
import type { IdCardRepo } from './idcard-repo';
import type { SettingsRepo } from './settings-repo';

export interface IdCardDeps {
  db: Db;
  hall: HallService;
  clock: Clock;
  settings: SettingsRepo;
  keys: HallKeyRepo;
  repo: IdCardRepo;
}

/** Who must bring a card at `required`, and whether the card's earlier numbers may refuse this one. */
interface CardRule {
  mustBring: boolean;
  limited: boolean;
  requiredMessage: string;
}

export function createIdCardService(deps: IdCardDeps) {
  const { db, hall, clock, repo } = deps;
  const hallId = hall.hallId;

  const hashOf = (number: string): string => createHmac('sha256', deps.keys.key(hallId, 'idcard', clock.now())).update(number).digest('hex');

  /**
   * The card's path shared by an issued number and an appointment's check-in: without a card,
   * `required` refuses the callers `rule` names (kiosks); with one it is checked, (when `limited`)
   * counted against idDailyLimit, gives 老年人优先 by age, and is recorded with the ticket — in one
   * transaction with the issue.
   */
  function take(input: IdCardIssue, issue: IssueWith, rule: CardRule): Reply<TicketDetail> {
    const s = deps.settings.get(hallId);
    if (input.idCard === undefined) {
      if (s.idCard === 'required' && rule.mustBring) return err('BAD_REQUEST', rule.requiredMessage, 'id_card_required');
      return issue(input.priority);
    }
    if (s.idCard === 'off') return err('INVALID_STATE', 'this hall does not take numbers with an ID card (idCard is off)');
    // A phone has no card reader: a typed number proves nothing, and would let anyone test whose
    // number holds a ticket today. Cards are read at the hall's kiosks and the guide desk.
    if (input.channel === 'mobile') return err('FORBIDDEN', 'an ID card is read at a kiosk or the guide desk, not sent from a phone');
    const now = clock.now();
    // Today by the clock, not the state's day: the first command of a new day rolls the state
    // over inside issue() below, and a number taken then counts for the new day.
    const day = serviceDayOf(now, hall.state().timezone);
    const checked = checkIdCard(input.idCard, day);
    if (!checked.ok) return err('BAD_REQUEST', `idCard: ${ID_CARD_PROBLEM_TEXT[checked.problem]}`, 'id_card_invalid');
    const card = checked.card;
    const hash = hashOf(card.number);
    return db.transaction((): Reply<TicketDetail> => {
      if (rule.limited) {
        const held = repo
          .held(hallId, hash, day)
          .map((id) => hall.findTicket(id))
          .filter((t) => t?.queue === input.queue);
        if (limitReached(held.map((t) => t?.status), s.idDailyLimit)) {
          const numbers = holding(held).map((t) => t.number);
          return err('CONFLICT', limitMessage('this person', s.idDailyLimit, input.queue, numbers), 'id_card_daily_limit');
        }
      }
      const age = ageOn(card.birthDate, day);
      const senior = isSenior(age, s.seniorPriorityAge);
      const r = issue(senior ? 'priority' : input.priority);
      if (!r.ok) return r;
      repo.take(hallId, { ticketId: r.data.id, serviceDay: day, hash, masked: maskIdCard(card.number), birthYear: card.birthYear, age, senior, at: now });
      // Answered again now that the card is recorded: the answer carries its real-name line.
      const t = hall.findTicket(r.data.id);
      return t ? ok(hall.ticketDetail(t)) : r;
    })();
  }

  return {
    /**
     * Issues through `issue`, with or without a card as the hall's idCard setting and the request
     * say. Without a card: as before, except that a hall with `required` refuses kiosk numbers
     * (the guide desk and managers issue without). With one: checked, limited, recorded.
     */
    issue(actor: Actor, input: IdCardIssue, issue: IssueWith): Reply<TicketDetail> {
      return take(input, issue, {
        mustBring: input.channel === 'kiosk' && !hasRole(actor, ['guide', 'manager']),
        limited: true,
        requiredMessage: 'this hall takes kiosk numbers with an ID card: send idCard (刷身份证取号)',
      });
    },

    /**
     * 预约签到 with the citizen's card (channel `appointment`): the ticket is real-name like an
     * issued one — 老年人优先 by age, the card recorded — and at `required` a kiosk's check-in
     * needs the card as its numbers do (the guide desk and managers check in without). The daily
     * limit counts the check-in's ticket (the card's next kiosk number of that queue is refused
     * while it waits) but never refuses it: the appointment is already a limit (one booking per
     * phone, queue and day, with its slot kept for the citizen), and a citizen who booked must
     * not be turned away at the door because they took a number before their slot.
     */
    checkIn(actor: Actor, input: { queue: string; priority?: Priority | undefined; idCard?: string | undefined }, issue: IssueWith): Reply<TicketDetail> {
      return take({ ...input, channel: 'appointment' }, issue, {
        mustBring: !hasRole(actor, ['guide', 'manager']),
        limited: false,
        requiredMessage: 'this hall checks appointments in at kiosks with an ID card: send idCard (刷身份证签到)',
      });
    },

    /** The real-name line of a ticket's staff view (the counter panel), or undefined. */
    realName: (ticketId: string): RealName | undefined => repo.realName(hallId, ticketId),
  };
}

export type IdCardService = ReturnType<typeof createIdCardService>;
