/**
 * The phone page's one socket module: an anonymous viewer that watches one ticket
 * (`ticket:watch`, then `ticket:updated` pushes) and keeps the hall's name and window names from
 * the snapshot. After a reconnect it watches again (rooms do not survive a new connection).
 * Components read its refs; they never touch the socket.
 */
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { ServerToClientEvents, TicketUpdate, ViewerClientEvents } from '../../../shared/events';
import type { HallInfo, Ticket } from '../../../shared/schemas';

export type TicketStatus = 'connecting' | 'live' | 'offline' | 'unknown';

export interface TicketConnection {
  ticket: ShallowRef<Ticket | null>;
  status: Ref<TicketStatus>;
  hall: ShallowRef<HallInfo | null>;
  windowName(no: number, lang: 'zh' | 'en'): string | null;
  queueName(code: string, lang: 'zh' | 'en'): string | null;
  /** Every ticket the server pushes (the alert listens). */
  onTicket(listener: (next: Ticket, prev: Ticket | null) => void): void;
  close(): void;
}

type ViewerSocket = Socket<ServerToClientEvents, ViewerClientEvents>;

export function connectTicket(ticketId: string): TicketConnection {
  const ticket = shallowRef<Ticket | null>(null);
  const status = ref<TicketStatus>('connecting');
  const hall = shallowRef<HallInfo | null>(null);
  const windows = new Map<number, { name: string; nameEn: string }>();
  const queues = new Map<string, { name: string; nameEn: string }>();
  // The name maps are plain; this counter makes the names reactive for the components.
  const names = ref(0);
  const listeners: ((next: Ticket, prev: Ticket | null) => void)[] = [];

  // The seq of the last push taken; a push from an older change (a replay after a short drop) is
  // dropped. Reset at every (re)connect: a fresh server counts from the start again.
  let lastSeq = Number.NEGATIVE_INFINITY;
  const accept = (next: Ticket) => {
    if (next.id !== ticketId) return;
    const prev = ticket.value;
    ticket.value = next;
    for (const l of listeners) l(next, prev);
  };
  const acceptUpdate = (next: TicketUpdate) => {
    if (next.id !== ticketId || next.seq <= lastSeq) return;
    lastSeq = next.seq;
    const { seq: _seq, ...plain } = next;
    accept(plain);
  };

  const socket: ViewerSocket = io({ path: '/socket.io', reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000 });

  const watch = () => {
    lastSeq = Number.NEGATIVE_INFINITY;
    socket.timeout(8000).emit('ticket:watch', { ticketId }, (err, reply) => {
      if (err) {
        status.value = 'offline';
        return;
      }
      if (reply.ok) {
        status.value = 'live';
        accept(reply.data);
      } else {
        status.value = reply.error.code === 'UNKNOWN_TICKET' || reply.error.code === 'BAD_REQUEST' ? 'unknown' : 'offline';
      }
    });
  };

  socket.on('connect', watch);
  socket.on('disconnect', (reason) => {
    if (status.value !== 'unknown') status.value = 'offline';
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000);
  });
  socket.on('ticket:updated', acceptUpdate);
  socket.on('snapshot', (s) => {
    hall.value = s.hall;
    for (const w of s.windows) windows.set(w.no, { name: w.name, nameEn: w.nameEn });
    for (const q of s.queues) queues.set(q.code, { name: q.name, nameEn: q.nameEn });
    names.value++;
  });
  socket.on('hall:changed', (c) => {
    if (c.hall) hall.value = c.hall;
    for (const w of c.windows) windows.set(w.no, { name: w.name, nameEn: w.nameEn });
    for (const q of c.queues) queues.set(q.code, { name: q.name, nameEn: q.nameEn });
    if (c.windows.length + c.queues.length > 0) names.value++;
  });

  return {
    ticket,
    status,
    hall,
    windowName(no, lang) {
      void names.value;
      const w = windows.get(no);
      return w ? (lang === 'en' ? w.nameEn : w.name) : null;
    },
    queueName(code, lang) {
      void names.value;
      const q = queues.get(code);
      return q ? (lang === 'en' ? q.nameEn : q.name) : null;
    },
    onTicket(listener) {
      listeners.push(listener);
    },
    close() {
      socket.disconnect();
    },
  };
}
