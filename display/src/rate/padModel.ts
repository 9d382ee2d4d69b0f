/**
 * The 评价器's state and actions (one window's rating pad, facing the citizen at the counter). A
 * ticket finished at the window arrives as a prompt; the pad asks for the five-level rating (and
 * the reasons for the lowest two), sends it, thanks, and goes back to idle. Nothing is held back:
 * a citizen who walks away leaves it unrated after a minute (the phone page can still rate it).
 * Timers are injected, so the steps are tested without waiting.
 */
import { computed, ref, shallowRef, type ComputedRef, type Ref, type ShallowRef } from 'vue';
import type { RateBody, RatingPrompt, RatingReason } from '../../../shared/ratings';
import type { ApiResult } from '../shared/api';

/** A citizen who does not answer leaves the pad to the next one after this long. */
export const PROMPT_MS = 60_000;
/** How long the thanks (or "already rated") stays. */
export const THANKS_MS = 5_000;
/** The reasons a pad offers: all but 其他, which needs a typed comment (the phone page takes it). */
export const PAD_REASONS: readonly RatingReason[] = ['attitude', 'slow', 'unclear_guidance', 'repeated_trips', 'process', 'environment'];

export type PadStep =
  | { name: 'idle' }
  | { name: 'rate'; prompt: RatingPrompt }
  | { name: 'reasons'; prompt: RatingPrompt; score: number }
  | { name: 'thanks'; number: string; already: boolean };

export type PadProblem = 'offline' | 'closed' | 'failed' | null;

export interface PadDeps {
  rate: (ticketId: string, body: RateBody) => Promise<ApiResult<unknown>>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface PadModel {
  step: ShallowRef<PadStep>;
  reasons: Ref<RatingReason[]>;
  busy: Ref<boolean>;
  problem: Ref<PadProblem>;
  /** The ticket being rated (rate and reasons steps), or null. */
  prompt: ComputedRef<RatingPrompt | null>;
  /** A ticket was finished at this window. A newer one replaces an unanswered older one: that citizen has left. */
  prompted(p: RatingPrompt): void;
  /** A level tapped: 3–5 go at once; 1–2 ask why first. */
  choose(score: number): Promise<void>;
  toggleReason(r: RatingReason): void;
  /** Sends a low score with its reasons (at least one). */
  submitReasons(): Promise<void>;
  /** Back to idle now (不评价 / 返回). */
  dismiss(): void;
}

export function createPadModel(d: PadDeps): PadModel {
  const setTimer = d.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = d.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const step = shallowRef<PadStep>({ name: 'idle' });
  const reasons = ref<RatingReason[]>([]);
  const busy = ref(false);
  const problem = ref<PadProblem>(null);
  let timer: unknown = null;

  function go(next: PadStep, ms: number | null): void {
    if (timer !== null) clearTimer(timer);
    timer = ms === null ? null : setTimer(() => go({ name: 'idle' }, null), ms);
    step.value = next;
    problem.value = null;
    if (next.name !== 'reasons') reasons.value = [];
  }

  async function send(p: RatingPrompt, score: number, why: RatingReason[]): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    const r = await d.rate(p.ticketId, { score, via: 'pad', ...(score <= 2 ? { reasons: why } : {}) });
    busy.value = false;
    // The citizen may have gone meanwhile and a newer ticket be on the pad: leave it alone.
    const s = step.value;
    if ((s.name !== 'rate' && s.name !== 'reasons') || s.prompt.ticketId !== p.ticketId) return;
    if (r.ok) return go({ name: 'thanks', number: p.number, already: false }, THANKS_MS);
    // Rated already (on the phone, or a second tap that raced): thank all the same.
    if (!r.offline && r.error.code === 'CONFLICT') return go({ name: 'thanks', number: p.number, already: true }, THANKS_MS);
    problem.value = r.offline ? 'offline' : r.error.code === 'INVALID_STATE' ? 'closed' : 'failed';
  }

  return {
    step,
    reasons,
    busy,
    problem,
    prompt: computed(() => {
      const s = step.value;
      return s.name === 'rate' || s.name === 'reasons' ? s.prompt : null;
    }),
    prompted(p) {
      go({ name: 'rate', prompt: p }, PROMPT_MS);
    },
    async choose(score) {
      const s = step.value;
      if (s.name !== 'rate' && s.name !== 'reasons') return;
      if (score <= 2) {
        if (s.name === 'rate' || s.score !== score) go({ name: 'reasons', prompt: s.prompt, score }, PROMPT_MS);
        return;
      }
      await send(s.prompt, score, []);
    },
    toggleReason(r) {
      const s = step.value;
      if (s.name !== 'reasons') return;
      const chosen = reasons.value.includes(r) ? reasons.value.filter((x) => x !== r) : [...reasons.value, r];
      // Still choosing: the minute starts again.
      go(s, PROMPT_MS);
      reasons.value = chosen;
    },
    async submitReasons() {
      const s = step.value;
      if (s.name !== 'reasons' || reasons.value.length === 0) return;
      await send(s.prompt, s.score, [...reasons.value]);
    },
    dismiss() {
      go({ name: 'idle' }, null);
    },
  };
}
