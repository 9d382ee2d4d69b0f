/**
 * How long the clerk has worked without a pause, the gentle break suggestion, and how long the
 * current pause has lasted. The suggestion threshold is a setting of this PC.
 */
import { computed, ref, shallowRef, watch, type ComputedRef, type ShallowRef } from 'vue';
import type { Snapshot, Window } from '../../../../shared/schemas';
import { snooze, suggestBreak, trackWork, workSeconds, type WorkClock } from '../logic/timers';
import * as prefs from '../prefs';

const SNOOZE_MINUTES = 15;

export function createWorkTimer(deps: {
  snapshot: Readonly<ShallowRef<Snapshot | null>>;
  myWindow: ComputedRef<Window | undefined>;
  now: ComputedRef<number>;
  userId: string;
}) {
  const { now, userId } = deps;
  const clock = shallowRef<WorkClock>(prefs.loadWorkClock(userId));
  const breakMinutes = ref(prefs.loadBreakMinutes());
  // The server does not send when a pause began; we count from when we saw it.
  const pausedSince = ref<number | null>(null);

  watch(
    () => [deps.snapshot.value !== null, deps.myWindow.value?.state] as const,
    ([haveSnapshot, state]) => {
      if (!haveSnapshot) return; // before the first snapshot we know nothing: keep the clock
      const next = trackWork(clock.value, state ?? 'closed', now.value);
      if (next !== clock.value) {
        clock.value = next;
        prefs.saveWorkClock(userId, next);
      }
      if (state === 'paused') pausedSince.value ??= now.value;
      else pausedSince.value = null;
    },
    { immediate: true },
  );

  return {
    worked: computed(() => workSeconds(clock.value, now.value)),
    breakDue: computed(() => suggestBreak(clock.value, now.value, breakMinutes.value)),
    pausedFor: computed(() => (pausedSince.value === null ? 0 : Math.max(0, Math.floor((now.value - pausedSince.value) / 1000)))),
    breakMinutes,
    setBreakMinutes(n: number): void {
      breakMinutes.value = n;
      prefs.saveBreakMinutes(n);
    },
    snoozeBreak(): void {
      clock.value = snooze(clock.value, now.value, SNOOZE_MINUTES);
      prefs.saveWorkClock(userId, clock.value);
    },
  };
}
