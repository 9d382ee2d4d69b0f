/**
 * The order in which a display speaks its calls: one clip at a time, never overlapping, in
 * arrival order. Pure: the actual playing is an injected AudioPlayer (htmlAudioPlayer.ts in the
 * browser, a fake in test/display/announcementQueue.test.ts).
 *
 * - A recall is a new call event and is spoken again. If the same number for the same window is
 *   still waiting to be spoken, the newer one takes its place instead of queueing twice.
 * - Browsers may refuse to play before a user gesture: the queue then stops, reports `blocked`,
 *   and resumes on unlock() (the "启用声音" overlay). Calls kept meanwhile are bounded and
 *   those older than maxAgeMs are dropped: a number spoken minutes late misleads more than it helps.
 * - A clip that never ends (stalled network, broken file) is stopped after maxClipMs.
 */
import type { Call } from '../../../shared/schemas';

/** Thrown by a player when the browser refused to start playback without a user gesture. */
export class AutoplayBlockedError extends Error {
  constructor() {
    super('autoplay blocked');
    this.name = 'AutoplayBlockedError';
  }
}

export interface AudioPlayer {
  /** Play to the end. Rejects with AutoplayBlockedError when the browser refuses to start. */
  play(url: string): Promise<void>;
  /** Cut the current clip (used after a timeout so two clips never overlap). */
  stop(): void;
}

export interface AnnouncementQueueOptions {
  player: AudioPlayer;
  now?: () => number;
  maxPending?: number;
  maxAgeMs?: number;
  maxClipMs?: number;
  onBlockedChange?: (blocked: boolean) => void;
  /** The call being spoken, or null when silent (for a "speaking" cue on screen and for tests). */
  onSpeaking?: (call: Call | null) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Pending {
  call: Call;
  queuedAt: number;
}

const sameAnnouncement = (a: Call, b: Call): boolean => a.number === b.number && a.windowNo === b.windowNo;

export class AnnouncementQueue {
  private pending: Pending[] = [];
  private speaking: Call | null = null;
  private blocked = false;
  private readonly player: AudioPlayer;
  private readonly now: () => number;
  private readonly maxPending: number;
  private readonly maxAgeMs: number;
  private readonly maxClipMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AnnouncementQueueOptions) {
    this.player = options.player;
    this.now = options.now ?? (() => Date.now());
    this.maxPending = options.maxPending ?? 20;
    this.maxAgeMs = options.maxAgeMs ?? 180_000;
    this.maxClipMs = options.maxClipMs ?? 60_000;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get isBlocked(): boolean {
    return this.blocked;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get current(): Call | null {
    return this.speaking;
  }

  enqueue(call: Call): void {
    const item = { call, queuedAt: this.now() };
    const same = this.pending.findIndex((p) => sameAnnouncement(p.call, call));
    if (same >= 0) this.pending[same] = item;
    else this.pending.push(item);
    while (this.pending.length > this.maxPending) this.pending.shift();
    this.pump();
  }

  /** We learnt (before any call) that the browser will refuse to play: show the overlay early. */
  markBlocked(): void {
    this.setBlocked(true);
  }

  /** After a user gesture: playing is allowed now. */
  unlock(): void {
    if (!this.blocked) return;
    this.setBlocked(false);
    this.pump();
  }

  private setBlocked(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.options.onBlockedChange?.(blocked);
  }

  private setSpeaking(call: Call | null): void {
    this.speaking = call;
    this.options.onSpeaking?.(call);
  }

  private pump(): void {
    if (this.speaking !== null || this.blocked) return;
    const now = this.now();
    while (this.pending.length > 0 && now - this.pending[0]!.queuedAt > this.maxAgeMs) this.pending.shift();
    const next = this.pending.shift();
    if (next === undefined) return;
    this.setSpeaking(next.call);

    let settled = false;
    const finish = (blocked: boolean): void => {
      if (settled) return;
      settled = true;
      this.clearTimer(timer);
      this.setSpeaking(null);
      if (blocked) {
        // Keep it: it is the first thing to say once sound is enabled.
        this.pending.unshift(next);
        this.setBlocked(true);
        return;
      }
      this.pump();
    };
    const timer = this.setTimer(() => {
      this.player.stop();
      finish(false);
    }, this.maxClipMs);
    this.player.play(next.call.audioUrl).then(
      () => finish(false),
      (error: unknown) => finish(error instanceof AutoplayBlockedError),
    );
  }
}
