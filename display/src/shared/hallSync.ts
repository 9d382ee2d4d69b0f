/**
 * Keeping a display's copy of the hall right, by seq. Pure TypeScript: no sockets, no Vue, no
 * DOM, so every rule here is unit-tested (test/display/hallSync.test.ts).
 *
 * Rules (the team contract): a snapshot replaces the state; a change with seq <= last is old
 * and dropped; seq = last + 1 is applied; seq > last + 1 is a gap, and a gap or a (re)connect
 * asks for a snapshot. Changes that arrive while we wait for it are held and replayed on top.
 *
 * A snapshot is taken as it comes even when its seq is lower than ours: that happens when the
 * server restarted with a fresh counter, and the server is the authority.
 */
import type { Call, HallChange, Snapshot } from '../../../shared/schemas';
import { addCall, applyChange, fromSnapshot, type HallState } from './hallState';

export type ConnectionStatus =
  | 'connecting' // first connection not made yet
  | 'syncing' // connected, waiting for a snapshot
  | 'live' // in step with the server
  | 'offline'; // connection lost; the transport is reconnecting by itself

export interface HallSyncOptions {
  /** Ask the server for a full snapshot (`snapshot:get`). Rejects on error or timeout. */
  requestSnapshot: () => Promise<Snapshot>;
  /** Every new state (after a snapshot, a change or a call). */
  onState: (state: HallState) => void;
  /** A call that arrived live: show it highlighted and speak it. Never fired for snapshot calls. */
  onCall: (call: Call) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** Wait before asking again when a snapshot request failed. */
  retryDelayMs?: number;
  /** Changes held while waiting for a snapshot; beyond this the oldest go (the snapshot covers them). */
  maxHeldChanges?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

export class HallSync {
  private state: HallState | null = null;
  private status: ConnectionStatus = 'connecting';
  private connected = false;
  private awaitingSnapshot = true;
  private requestInFlight = false;
  private retryPending = false;
  private held: HallChange[] = [];
  /** Highest call seq announced; calls at or below it are repeats. Reset by every snapshot. */
  private lastCallSeq = Number.NEGATIVE_INFINITY;
  private readonly retryDelayMs: number;
  private readonly maxHeld: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;

  constructor(private readonly options: HallSyncOptions) {
    this.retryDelayMs = options.retryDelayMs ?? 3000;
    this.maxHeld = options.maxHeldChanges ?? 200;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  }

  get current(): HallState | null {
    return this.state;
  }

  get lastSeq(): number | null {
    return this.state?.seq ?? null;
  }

  get connectionStatus(): ConnectionStatus {
    return this.status;
  }

  /** The transport connected (first time or again): our state may be stale, resync. */
  connectionOpened(): void {
    this.connected = true;
    this.startResync();
  }

  /** The transport lost its connection. Keep showing what we have; it reconnects by itself. */
  connectionLost(): void {
    this.connected = false;
    this.awaitingSnapshot = true;
    this.held = [];
    this.setStatus('offline');
  }

  receiveSnapshot(snapshot: Snapshot): void {
    let state = fromSnapshot(snapshot);
    this.lastCallSeq = snapshot.seq;
    this.awaitingSnapshot = false;
    const held = this.held.filter((c) => c.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
    this.held = [];
    let gapAt: number | null = null;
    for (const change of held) {
      if (change.seq !== state.seq + 1) {
        gapAt = change.seq;
        break;
      }
      state = applyChange(state, change);
    }
    this.commit(state);
    if (gapAt !== null) this.startResync();
    else if (this.connected) this.setStatus('live');
  }

  receiveChange(change: HallChange): void {
    if (this.awaitingSnapshot || this.state === null) {
      this.hold(change);
      return;
    }
    if (change.seq <= this.state.seq) return;
    if (change.seq > this.state.seq + 1) {
      this.hold(change);
      this.startResync();
      return;
    }
    this.commit(applyChange(this.state, change));
  }

  receiveCall(call: Call): void {
    if (call.seq <= this.lastCallSeq) return;
    this.lastCallSeq = call.seq;
    // A call shares the seq of its change and may come just before or after it; further
    // ahead than that means we missed changes.
    if (!this.awaitingSnapshot && this.state !== null && call.seq > this.state.seq + 1) {
      this.startResync();
    }
    if (this.state !== null) this.commit(addCall(this.state, call));
    this.options.onCall(call);
  }

  private hold(change: HallChange): void {
    this.held.push(change);
    if (this.held.length > this.maxHeld) this.held.shift();
  }

  private startResync(): void {
    this.awaitingSnapshot = true;
    if (this.connected) this.setStatus('syncing');
    this.request();
  }

  private request(): void {
    if (!this.connected || this.requestInFlight) return;
    this.requestInFlight = true;
    this.options.requestSnapshot().then(
      (snapshot) => {
        this.requestInFlight = false;
        this.receiveSnapshot(snapshot);
      },
      () => {
        this.requestInFlight = false;
        this.scheduleRetry();
      },
    );
  }

  private scheduleRetry(): void {
    if (this.retryPending) return;
    this.retryPending = true;
    this.setTimer(() => {
      this.retryPending = false;
      if (this.awaitingSnapshot) this.request();
    }, this.retryDelayMs);
  }

  private commit(state: HallState): void {
    this.state = state;
    this.options.onState(state);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
