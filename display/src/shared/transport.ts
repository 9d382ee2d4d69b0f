/**
 * What HallSync needs from a connection: a push stream and a way to ask for a snapshot.
 * The real one is Socket.IO (hallSocket.ts); the dev fixture (fixtureTransport.ts) is another.
 */
import type { Call, HallChange, Snapshot } from '../../../shared/schemas';

export interface HallTransportHandlers {
  opened(): void;
  lost(): void;
  snapshot(snapshot: Snapshot): void;
  change(change: HallChange): void;
  call(call: Call): void;
}

export interface HallTransport {
  start(handlers: HallTransportHandlers): void;
  requestSnapshot(): Promise<Snapshot>;
  stop(): void;
}
