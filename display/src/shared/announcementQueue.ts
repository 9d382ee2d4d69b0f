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
 * - A manager's 语音广播 (Announce) waits behind every call, spoken or pending: calls keep
 *   priority, and nothing is ever cut to make room (an announcement is at most ~half a minute).
 */
import type { Announce } from '../../../shared/announce';
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
  /** The 语音广播 being spoken, or null when it ended (the wall keeps its banner up meanwhile). */
  onAnnouncing?: (announce: Announce | null) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Clip = { kind: 'call'; call: Call } | { kind: 'announce'; announce: Announce };

interface Pending {
  clip: Clip;
  queuedAt: number;
}

const sameCall = (a: Call, b: Call): boolean => a.number === b.number && a.windowNo === b.windowNo;
const urlOf = (clip: Clip): string => (clip.kind === 'call' ? clip.call.audioUrl : clip.announce.audioUrl);

export class AnnouncementQueue {
  private pending: Pending[] = [];
  private speaking: Clip | null = null;
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

  /** The call being spoken (null while silent or speaking an announcement). */
  get current(): Call | null {
    return this.speaking?.kind === 'call' ? this.speaking.call : null;
  }

  /** The 语音广播 being spoken, if any. */
  get currentAnnouncement(): Announce | null {
    return this.speaking?.kind === 'announce' ? this.speaking.announce : null;
  }

  enqueue(call: Call): void {
    const item: Pending = { clip: { kind: 'call', call }, queuedAt: this.now() };
    const same = this.pending.findIndex((p) => p.clip.kind === 'call' && sameCall(p.clip.call, call));
    if (same >= 0) this.pending[same] = item;
    else this.pending.push(item);
    this.trim();
    this.pump();
  }

  /** Spoken once no call is being spoken or waiting; the same announcement (id) only once. */
  enqueueAnnouncement(announce: Announce): void {
    const known = (c: Clip | null | undefined): boolean => c?.kind === 'announce' && c.announce.id === announce.id;
    if (known(this.speaking) || this.pending.some((p) => known(p.clip))) return;
    this.pending.push({ clip: { kind: 'announce', announce }, queuedAt: this.now() });
    this.trim();
    this.pump();
  }

  /** Bounded: the oldest go first (a flood of calls after an outage must not grow it forever). */
  private trim(): void {
    while (this.pending.length > this.maxPending) this.pending.shift();
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

  private setSpeaking(clip: Clip | null): void {
    const before = this.speaking;
    this.speaking = clip;
    if (clip?.kind === 'call' || before?.kind === 'call') this.options.onSpeaking?.(clip?.kind === 'call' ? clip.call : null);
    if (clip?.kind === 'announce' || before?.kind === 'announce') this.options.onAnnouncing?.(clip?.kind === 'announce' ? clip.announce : null);
  }

  /** The next clip to say: the first pending call, else the first announcement. */
  private takeNext(): Pending | undefined {
    const call = this.pending.findIndex((p) => p.clip.kind === 'call');
    const index = call >= 0 ? call : 0;
    return this.pending.splice(index, 1)[0];
  }

  private pump(): void {
    if (this.speaking !== null || this.blocked) return;
    const now = this.now();
    this.pending = this.pending.filter((p) => now - p.queuedAt <= this.maxAgeMs);
    const next = this.takeNext();
    if (next === undefined) return;
    this.setSpeaking(next.clip);

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
    this.player.play(urlOf(next.clip)).then(
      () => finish(false),
      (error: unknown) => finish(error instanceof AutoplayBlockedError),
    );
  }
}
