/**
 * The contract's staff commands as plain typed functions over one connection. Each resolves
 * to the server's reply or to an OFFLINE / TIMEOUT error; none throws.
 */
import type { GuideChecklist, MappingEntry, PauseReason } from '../../../shared/schemas';
import type { HallConnection } from './connection';

export function staffCommands(conn: HallConnection) {
  const c = conn.command;
  return {
    signIn: (windowNo: number) => c('window:signIn', { windowNo }),
    signOut: (windowNo: number) => c('window:signOut', { windowNo }),
    /**
     * `requestId` makes a retried press answer with the same ticket (see nextRequest.ts).
     * `auto` (自动叫号's calls): sent with ifIdle — refused while a ticket is current, instead of
     * completing it — and recorded as automatic on the call (the 统计 clerk table's share).
     */
    next: (windowNo: number, requestId: string, auto = false) =>
      c('window:next', auto ? { windowNo, requestId, ifIdle: true, auto: true } : { windowNo, requestId }),
    recall: (windowNo: number) => c('window:recall', { windowNo }),
    noShow: (windowNo: number) => c('window:noShow', { windowNo }),
    start: (windowNo: number) => c('window:start', { windowNo }),
    complete: (windowNo: number) => c('window:complete', { windowNo }),
    /** `handover`: the 转办交接 (materials checked here, 转办说明) for the next window. */
    transfer: (windowNo: number, queue: string, handover: { checklist?: GuideChecklist; note?: string } = {}) =>
      c('window:transfer', { windowNo, queue, ...handover }),
    callNumber: (windowNo: number, number: string) => c('window:call', { windowNo, number }),
    pause: (windowNo: number, reason: PauseReason) => c('window:pause', { windowNo, reason }),
    resume: (windowNo: number) => c('window:resume', { windowNo }),
    setMapping: (windowNo: number, mapping: MappingEntry[]) => c('window:mapping', { windowNo, mapping }),
    reinstate: (ticketId: string) => c('ticket:reinstate', { ticketId }),
    getTicket: (ticketId: string) => c('ticket:get', { ticketId }),
  };
}

export type StaffCommands = ReturnType<typeof staffCommands>;
