/** What happened in a hall. Events are facts: the store appends them, `evolve` applies them. */
import type { ClosedReason, GuideChecklistEntry, MappingEntry, Matter, PauseReason } from '../../shared/schemas';
import type { DispatchReason } from './dispatch';
import type { Clerk, HallSettings, QueueDef, TicketRec } from './types';

export type DomainEvent =
  | { type: 'TicketIssued'; at: number; ticket: TicketRec }
  | { type: 'TicketCalled'; at: number; ticketId: string; windowNo: number; clerkId: string; special: boolean; reason?: DispatchReason; auto?: boolean }
  | { type: 'TicketRecalled'; at: number; ticketId: string; windowNo: number }
  | { type: 'TicketStarted'; at: number; ticketId: string; windowNo: number }
  | { type: 'TicketCompleted'; at: number; ticketId: string; windowNo: number }
  | { type: 'TicketNoShow'; at: number; ticketId: string; windowNo: number; reason: 'clerk' | 'recall_limit' }
  | { type: 'TicketReinstated'; at: number; ticketId: string }
  /**
   * 转办. `clerkId` (who sent it), `checklist` (canonical: replaces the ticket's entries for those
   * matters) and `note` are the 转办交接; events logged before it lack them.
   */
  | {
      type: 'TicketTransferred';
      at: number;
      ticketId: string;
      windowNo: number;
      from: string;
      to: string;
      clerkId?: string;
      checklist?: GuideChecklistEntry[];
      note?: string;
    }
  /** A called ticket goes back to waiting (its window closed), keeping its place. */
  | { type: 'TicketRequeued'; at: number; ticketId: string; windowNo: number }
  | { type: 'TicketCancelled'; at: number; ticketId: string; reason: ClosedReason }
  | { type: 'WindowSignedIn'; at: number; windowNo: number; clerkId: string }
  | { type: 'WindowSignedOut'; at: number; windowNo: number; clerkId: string }
  | { type: 'WindowPaused'; at: number; windowNo: number; reason: PauseReason }
  | { type: 'WindowResumed'; at: number; windowNo: number }
  | { type: 'MappingChanged'; at: number; windowNo: number; mapping: MappingEntry[]; before: MappingEntry[] }
  | { type: 'WindowEnabledChanged'; at: number; windowNo: number; enabled: boolean }
  | { type: 'DayStarted'; at: number; serviceDay: string; previous: string }
  /**
   * 停止取号 turned on or off for some queues (the wait now runs past the last session's end, or no
   * longer does). A fact about the hall at `at`, derived from the rest of the state: it changes
   * nothing, but it gets a seq so screens hear of it, and the log says when a queue stopped.
   */
  | { type: 'TicketingChanged'; at: number; stopped: string[]; reopened: string[] }
  // Manager actions on the hall's set-up: audited like everything else.
  | { type: 'SettingsChanged'; at: number; settings: HallSettings; before: HallSettings }
  | { type: 'QueueChanged'; at: number; queue: QueueDef; before: QueueDef }
  | { type: 'ClerkChanged'; at: number; clerk: Clerk; before?: Clerk | undefined }
  | { type: 'ClerkRemoved'; at: number; clerkId: string }
  /** 亮证亮照: a staff photo added or replaced (`photoVersion`) or removed (absent); `before`: the version it had. */
  | { type: 'ClerkPhotoChanged'; at: number; clerkId: string; username: string; name: string; photoVersion?: string | undefined; before?: string | undefined }
  | { type: 'MatterChanged'; at: number; matter: Matter; before?: Matter | undefined }
  | { type: 'MatterRemoved'; at: number; matterId: string };

export type EventType = DomainEvent['type'];

/** The ticket an event is about, if any. */
export function ticketIdOf(e: DomainEvent): string | undefined {
  if (e.type === 'TicketIssued') return e.ticket.id;
  return 'ticketId' in e ? e.ticketId : undefined;
}

/** The window an event is about, if any. */
export function windowNoOf(e: DomainEvent): number | undefined {
  return 'windowNo' in e ? e.windowNo : undefined;
}
