/** What someone asks the hall to do. The service fills in ids it generates (ticket ids). */
import type { Channel, GuideChecklistEntry, MappingEntry, Matter, PauseReason, Priority } from '../../shared/schemas';
import type { Clerk, HallSettings, QueueDef } from './types';

export type Command =
  | {
      type: 'issueTicket';
      id: string;
      queue: string;
      priority?: Priority | undefined;
      channel: Channel;
      matters: string[];
      note?: string | undefined;
      /** The guide's materials check (matters of `matters`, materials of the catalogue). */
      checklist?: GuideChecklistEntry[] | undefined;
      /** For appointments checked in on time: the slot start (dispatch rule 4). */
      arrivedAt?: number | undefined;
      /** A guide or manager issues it: the hall's ticketing hours do not bind them (they decide at the desk). */
      byStaff?: boolean | undefined;
    }
  | { type: 'signIn'; windowNo: number; clerkId: string }
  /** `clerkId` is the clerk at the window; a manager closing someone else's window passes `force`. */
  | { type: 'signOut'; windowNo: number; clerkId: string; force?: boolean }
  /**
   * `ifIdle`: call only when nothing is current at the window (an automatic call, 自动叫号: it must
   * never complete a citizen another panel of the same window has just called).
   */
  | { type: 'next'; windowNo: number; clerkId: string; ifIdle?: boolean | undefined; auto?: boolean | undefined }
  | { type: 'recall'; windowNo: number; clerkId: string }
  | { type: 'noShow'; windowNo: number; clerkId: string }
  | { type: 'start'; windowNo: number; clerkId: string }
  | { type: 'complete'; windowNo: number; clerkId: string }
  /** 转办; `checklist` and `note` are the 转办交接 for the next window (both optional). */
  | { type: 'transfer'; windowNo: number; clerkId: string; queue: string; checklist?: GuideChecklistEntry[] | undefined; note?: string | undefined }
  | { type: 'specialCall'; windowNo: number; clerkId: string; number: string }
  | { type: 'pause'; windowNo: number; clerkId: string; reason: PauseReason }
  | { type: 'resume'; windowNo: number; clerkId: string }
  | { type: 'setMapping'; windowNo: number; mapping: MappingEntry[] }
  | { type: 'setWindowEnabled'; windowNo: number; enabled: boolean }
  | { type: 'reinstate'; ticketId: string }
  | { type: 'cancel'; ticketId: string; by: 'holder' | 'staff' }
  | { type: 'startDay'; serviceDay: string }
  /** The system's minute check of 停止取号: `shown` is which queues the screens show stopped. */
  | { type: 'reviewTicketing'; shown: string[] }
  | { type: 'updateSettings'; patch: Partial<HallSettings> }
  | { type: 'updateQueue'; code: string; patch: Partial<Omit<QueueDef, 'code'>> }
  | { type: 'setClerk'; clerk: Clerk }
  | { type: 'removeClerk'; clerkId: string }
  /** 亮证亮照: the account's photo was replaced (its new version) or removed (null). */
  | { type: 'setClerkPhoto'; clerk: Pick<Clerk, 'id' | 'username' | 'name'>; photoVersion: string | null; before?: string | undefined }
  | { type: 'setMatter'; matter: Matter }
  | { type: 'removeMatter'; matterId: string };

export type CommandType = Command['type'];
