import type { Announce } from '../../shared/announce';
import type { AssistRequest } from '../../shared/assist';
import type { DeferralChanged } from '../../shared/deferral';
import type { RatingsChanged } from '../../shared/events';
import type { Call, CallPrompt, HallChange } from '../../shared/schemas';

/** One committed change as the transport broadcasts it. */
export interface Publication {
  hallId: string;
  change: HallChange;
  calls: Call[];
  /** Tickets whose state changed, and queues whose order changed (their waiting tickets' ahead/ETA moved). */
  ticketIds: string[];
  queues: string[];
  /** The 请叫号 prompts after this change (staff only). */
  prompts: CallPrompt[];
  /** Tickets served to the end (办结) by this change, and where: each window's 评价器 asks for its rating. */
  completed: { ticketId: string; windowNo: number }[];
}

/** The service's only way out to clients. The socket layer implements it over rooms. */
export interface Publisher {
  publish(p: Publication): void;
  /** A 语音广播 to the walls: outside the hall state, so no seq and no change. */
  announce?(a: Announce): void;
  /** A rating arrived or its follow-up changed: to staff (not hall state, no seq). */
  ratingsChanged?(r: RatingsChanged): void;
  /** A 求助 was asked for, answered or settled: to staff (not hall state, no seq). */
  assistChanged?(r: AssistRequest): void;
  /** A 容缺台账 record was made, brought, withdrawn or reminded: to staff (not hall state, no seq). */
  deferralChanged?(c: DeferralChanged): void;
}

export const nullPublisher: Publisher = { publish: () => {} };
