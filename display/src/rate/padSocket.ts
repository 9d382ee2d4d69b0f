/**
 * The 评价器's one socket module: the hall as a signed-in screen (so it hears `rating:prompt` for
 * its window), its connection state, and a reconnect for after a new sign-in. Components never
 * touch the socket.
 */
import type { RatingPrompt } from '../../../shared/ratings';
import { deviceHello } from '../shared/deviceHello';
import { connectHall, socketTransport, type HallConnection } from '../shared/hallSocket';
import { safeStorage } from '../shared/storage';

export interface PadConnection {
  hall: HallConnection;
  /** After a (new) sign-in: connect again with the token. */
  reconnect(): void;
}

export function connectPad(o: { windowNo: number; token: () => string | null; onPrompt: (p: RatingPrompt) => void; onRefused: () => void }): PadConnection {
  // 设备状态: the pad of window N says so (a signed-in kiosk device is listed like the screens).
  const hello = deviceHello('pad', { windowNo: o.windowNo, storage: safeStorage() });
  const transport = socketTransport(hello, { token: o.token, query: { pad: String(o.windowNo) }, onRatingPrompt: o.onPrompt, onRefused: o.onRefused });
  return { hall: connectHall(transport), reconnect: () => transport.reconnect() };
}
