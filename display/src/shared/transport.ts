/**
 * What HallSync needs from a connection: a push stream and a way to ask for a snapshot.
 * The real one is Socket.IO (hallSocket.ts); the dev fixture (fixtureTransport.ts) is another.
 */
import type { Announce } from '../../../shared/announce';
import type { DeviceStatus } from '../../../shared/devices';
import type { Call, HallChange, Snapshot } from '../../../shared/schemas';

export interface HallTransportHandlers {
  opened(): void;
  lost(): void;
  snapshot(snapshot: Snapshot): void;
  change(change: HallChange): void;
  call(call: Call): void;
  /** A 语音广播: outside the hall state (no seq), so it bypasses HallSync. */
  announce(announce: Announce): void;
}

export interface HallTransport {
  start(handlers: HallTransportHandlers): void;
  requestSnapshot(): Promise<Snapshot>;
  /** 设备状态: a hall screen's sound changed (the made-up hall ignores it). */
  reportStatus?(status: DeviceStatus): void;
  stop(): void;
}
