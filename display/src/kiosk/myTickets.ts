/**
 * 扫码取号: the numbers this phone took today, so a citizen who closed the page finds their ticket
 * again (and sees they already have one before taking another). Kept in the phone's own storage:
 * the ticket id is the holder's key, nothing else is stored. Pure over a Storage.
 */
export interface MyTicket {
  id: string;
  number: string;
  /** The hall's service day it was taken on: older ones are dropped. */
  day: string;
}

const KEY = 'hall.mobile.tickets';
const MAX = 10;

export function loadMyTickets(store: Storage | null, today: string): MyTicket[] {
  try {
    const raw: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((t): t is MyTicket => typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.number === 'string' && typeof t.day === 'string')
      .filter((t) => t.day === today);
  } catch {
    return [];
  }
}

export function rememberTicket(store: Storage | null, t: MyTicket): MyTicket[] {
  const list = [t, ...loadMyTickets(store, t.day).filter((x) => x.id !== t.id)].slice(0, MAX);
  store?.setItem(KEY, JSON.stringify(list));
  return list;
}
