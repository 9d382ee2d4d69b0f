/**
 * How long a wall shows a 语音广播's banner: from its arrival for about as long as it takes to say
 * (so a wall with sound off, or a deaf visitor, can read it), and in any case while it is being
 * spoken and a moment after (it may wait behind calls). The one being spoken wins; otherwise the
 * newest. Pure: time is passed in.
 */
import type { Announce } from '../../../shared/announce';

/** The chime, then espeak at 150 wpm: about three Chinese characters (or 15 letters) a second. */
export function bannerMs(text: string): number {
  const chars = [...text].length;
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
  const seconds = 2 + cjk / 3 + (chars - cjk) / 12;
  return Math.round(Math.min(120, Math.max(12, seconds * 1.2)) * 1000);
}

/** Kept up after its audio ended, so the last words can be read. */
export const BANNER_LINGER_MS = 4000;

interface Shown {
  announce: Announce;
  until: number;
  arrived: number;
}

export class AnnounceBanner {
  private readonly shown = new Map<string, Shown>();
  private speakingId: string | null = null;
  private arrivals = 0;

  arrive(announce: Announce, now: number): void {
    if (this.shown.has(announce.id)) return;
    this.shown.set(announce.id, { announce, until: now + bannerMs(announce.text), arrived: this.arrivals++ });
  }

  /** The queue started (announce) or finished (null) speaking a 语音广播. */
  speaking(announce: Announce | null, now: number): void {
    if (announce === null) {
      const ended = this.speakingId === null ? undefined : this.shown.get(this.speakingId);
      if (ended) ended.until = Math.max(ended.until, now + BANNER_LINGER_MS);
      this.speakingId = null;
      return;
    }
    this.arrive(announce, now);
    this.speakingId = announce.id;
  }

  /** What to show now, or null; forgets the ones whose time is over. */
  current(now: number): Announce | null {
    for (const [id, s] of this.shown) if (id !== this.speakingId && s.until <= now) this.shown.delete(id);
    if (this.speakingId !== null) {
      const s = this.shown.get(this.speakingId);
      if (s) return s.announce;
    }
    let newest: Shown | undefined;
    for (const s of this.shown.values()) if (newest === undefined || s.arrived > newest.arrived) newest = s;
    return newest?.announce ?? null;
  }

  /** When current() may change next by itself (null: only an event changes it). */
  nextChange(now: number): number | null {
    let next: number | null = null;
    for (const [id, s] of this.shown) if (id !== this.speakingId && s.until > now && (next === null || s.until < next)) next = s.until;
    return next;
  }
}
