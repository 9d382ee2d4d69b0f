/**
 * 实名取号 (刷身份证取号): a kiosk number taken with the citizen's 居民身份证. The number is checked
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
import type { TicketDetail } from '../../shared/schemas';
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

export function createIdCardService(deps: IdCardDeps) {
  const { db, hall, clock, repo } = deps;
  const hallId = hall.hallId;

  const hashOf = (number: string): string => createHmac('sha256', deps.keys.key(hallId, 'idcard', clock.now())).update(number).digest('hex');

  return {
    /**
     * Issues through `issue`, with or without a card as the hall's idCard setting and the request
     * say. Without a card: as before, except that a hall with `required` refuses kiosk numbers
     * (the guide desk and managers issue without). With one: checked, limited, recorded.
     */
    issue(actor: Actor, input: IdCardIssue, issue: IssueWith): Reply<TicketDetail> {
      const s = deps.settings.get(hallId);
      const staff = hasRole(actor, ['guide', 'manager']);
      if (input.idCard === undefined) {
        if (s.idCard === 'required' && input.channel === 'kiosk' && !staff) {
          return err('BAD_REQUEST', 'this hall takes kiosk numbers with an ID card: send idCard (刷身份证取号)', 'id_card_required');
        }
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
        const held = repo
          .held(hallId, hash, day)
          .map((id) => hall.findTicket(id))
          .filter((t) => t?.queue === input.queue);
        if (limitReached(held.map((t) => t?.status), s.idDailyLimit)) {
          const numbers = holding(held).map((t) => t.number);
          return err('CONFLICT', limitMessage('this person', s.idDailyLimit, input.queue, numbers), 'id_card_daily_limit');
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
    },

    /** The real-name line of a ticket's staff view (the counter panel), or undefined. */
    realName: (ticketId: string): RealName | undefined => repo.realName(hallId, ticketId),
  };
}

export type IdCardService = ReturnType<typeof createIdCardService>;
