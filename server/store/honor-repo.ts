/** 历届光荣榜 (migrations/…_honor_history.sql, shared/honors.ts): the stints on the hall's 光荣榜. */
import type { HonorStint, MyHonor } from '../../shared/honors';
import type { Db } from './open';

interface Row {
  clerk_id: string;
  username: string;
  name: string;
  title: string;
  from_day: string;
  to_day: string | null;
}

/** A person entering the roll, with the 工号 and name to keep for the record. */
export interface HonorEntry {
  clerkId: string;
  username: string;
  name: string;
  title: string;
}

/** One save's change: who entered, who left, on which service day, when. */
export interface HonorChange {
  hallId: string;
  entered: readonly HonorEntry[];
  left: readonly { clerkId: string; title: string }[];
  day: string;
  at: number;
}

/** One roll change as the event log holds it (a SettingsChanged event; `undefined`: no roll). */
export interface LoggedRollChange {
  at: number;
  before: { clerkId: string; title: string }[] | undefined;
  after: { clerkId: string; title: string }[] | undefined;
}

const stintOf = (r: Row): HonorStint => {
  const s: HonorStint = { clerkId: r.clerk_id, username: r.username, name: r.name, title: r.title, from: r.from_day };
  if (r.to_day !== null) s.to = r.to_day;
  return s;
};

// The newest first: by the day it began, then by the order of the saves and of the roll.
const NEWEST = 'ORDER BY from_day DESC, id ASC';

export function createHonorRepo(db: Db) {
  const s = {
    // A stint that would end on the day it began was a correction, not an honour: it goes.
    dropSameDay: db.prepare<[string, string, string, string]>(
      'DELETE FROM honor_history WHERE hall_id = ? AND clerk_id = ? AND title = ? AND to_day IS NULL AND from_day = ?',
    ),
    close: db.prepare<[string, number, string, string, string]>(
      'UPDATE honor_history SET to_day = ?, left_at = ? WHERE hall_id = ? AND clerk_id = ? AND title = ? AND to_day IS NULL',
    ),
    open: db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO honor_history (hall_id, clerk_id, username, name, title, from_day, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    list: db.prepare<[string], Row>(`SELECT clerk_id, username, name, title, from_day, to_day FROM honor_history WHERE hall_id = ? ${NEWEST}`),
    ofClerk: db.prepare<[string, string], Row>(
      `SELECT clerk_id, username, name, title, from_day, to_day FROM honor_history WHERE hall_id = ? AND clerk_id = ? ${NEWEST}`,
    ),
    begun: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM honor_history_halls WHERE hall_id = ?'),
    begin: db.prepare<[string, number]>('INSERT INTO honor_history_halls (hall_id, since) VALUES (?, ?)'),
    // On the events_type (hall_id, type, id) index; only the roll is taken out of each settings change.
    logged: db
      .prepare<[string], [at: number, before: string | null, after: string | null]>(
        `SELECT at, json_extract(data, '$.before.honors'), json_extract(data, '$.settings.honors')
         FROM events WHERE hall_id = ? AND type = 'SettingsChanged' ORDER BY id`,
      )
      .raw(),
  };
  const roll = (json: string | null): LoggedRollChange['before'] => (json === null ? undefined : (JSON.parse(json) as LoggedRollChange['before']));
  return {
    /** Whether the hall's record has begun (its earlier roll changes replayed). */
    begun: (hallId: string): boolean => s.begun.get(hallId) !== undefined,
    /** Marks the hall's record as begun; inside the replay's transaction. */
    begin: (hallId: string, at: number): void => void s.begin.run(hallId, at),
    /** The roll's changes as the event log recorded them, in order (settings changes that left the roll alone are skipped). */
    loggedChanges: (hallId: string): LoggedRollChange[] =>
      s.logged
        .all(hallId)
        .filter(([, before, after]) => before !== after)
        .map(([at, before, after]) => ({ at, before: roll(before), after: roll(after) })),
    /** Records one save's change; call it inside the save's transaction. Leaving comes first, so a title given back the same day reopens nothing twice. */
    record(c: HonorChange): void {
      for (const l of c.left) {
        s.dropSameDay.run(c.hallId, l.clerkId, l.title, c.day);
        s.close.run(c.day, c.at, c.hallId, l.clerkId, l.title);
      }
      // ON CONFLICT: already open (a roll from before this record began, replayed): kept as it is.
      for (const e of c.entered) s.open.run(c.hallId, e.clerkId, e.username, e.name, e.title, c.day, c.at);
    },
    /** The hall's whole record, the newest first. */
    list: (hallId: string): HonorStint[] => s.list.all(hallId).map(stintOf),
    /** One account's titles, the newest first. */
    ofClerk: (hallId: string, clerkId: string): MyHonor[] =>
      s.ofClerk.all(hallId, clerkId).map((r) => {
        const { title, from, to } = stintOf(r);
        return to === undefined ? { title, from } : { title, from, to };
      }),
  };
}

export type HonorRepo = ReturnType<typeof createHonorRepo>;
