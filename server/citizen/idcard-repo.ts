/**
 * 实名取号 in SQLite (migration 0026): which card (by its keyed hash, never the number) took which
 * ticket, with the masked number, the age and the birth year. The 个人信息保存期限 clean-up
 * (retention-repo.ts) drops a past day's hashes and removes rows older than the cut-off.
 */
import type { RealName } from '../../shared/idcard';
import type { Db } from '../store';

export interface IdCardTake {
  ticketId: string;
  serviceDay: string;
  /** Hex HMAC-SHA256 of the number under the hall's 'idcard' key. */
  hash: string;
  masked: string;
  birthYear: number;
  age: number;
  senior: boolean;
  at: number;
}

export function createIdCardRepo(db: Db) {
  const s = {
    take: db.prepare(`INSERT INTO ticket_id_cards (hall_id, ticket_id, service_day, id_hash, masked, birth_year, age, senior, issued_at)
      VALUES (@hall_id, @ticket_id, @service_day, @id_hash, @masked, @birth_year, @age, @senior, @issued_at)`),
    held: db.prepare<[string, string, string], { ticket_id: string }>(
      'SELECT ticket_id FROM ticket_id_cards WHERE hall_id = ? AND id_hash = ? AND service_day = ? ORDER BY issued_at',
    ),
    realName: db.prepare<[string, string], { masked: string; age: number; senior: number }>(
      'SELECT masked, age, senior FROM ticket_id_cards WHERE hall_id = ? AND ticket_id = ?',
    ),
  };
  return {
    /** Records that a card took this ticket (inside the transaction). */
    take(hallId: string, t: IdCardTake): void {
      s.take.run({
        hall_id: hallId,
        ticket_id: t.ticketId,
        service_day: t.serviceDay,
        id_hash: t.hash,
        masked: t.masked,
        birth_year: t.birthYear,
        age: t.age,
        senior: t.senior ? 1 : 0,
        issued_at: t.at,
      });
    },
    /** The tickets the card with this hash took on a day, oldest first (any queue). */
    held(hallId: string, hash: string, serviceDay: string): string[] {
      return s.held.all(hallId, hash, serviceDay).map((r) => r.ticket_id);
    },
    /** The ticket's real-name line for staff, or undefined for a ticket taken without a card. */
    realName(hallId: string, ticketId: string): RealName | undefined {
      const r = s.realName.get(hallId, ticketId);
      return r ? { masked: r.masked, age: r.age, senior: r.senior === 1 } : undefined;
    },
  };
}

export type IdCardRepo = ReturnType<typeof createIdCardRepo>;
