/**
 * The 评价器's one socket module: the hall as a signed-in screen (so it hears `rating:prompt` for
 * its window), its connection state, and a reconnect for after a new sign-in. Components never
 * touch the socket.
 */
import type { RatingPrompt } from '../../../shared/citizen';
import { connectHall, socketTransport, type HallConnection } from '../shared/hallSocket';

export interface PadConnection {
  hall: HallConnection;
  /** After a (new) sign-in: connect again with the token. */
  reconnect(): void;
}

export function connectPad(o: { windowNo: number; token: () => string | null; onPrompt: (p: RatingPrompt) => void; onRefused: () => void }): PadConnection {
  const transport = socketTransport(undefined, { token: o.token, query: { pad: String(o.windowNo) }, onRatingPrompt: o.onPrompt, onRefused: o.onRefused });
  return { hall: connectHall(transport), reconnect: () => transport.reconnect() };
}
