/**
 * The hall's minute of the day on server time (see clock.ts), for 取号时间 on kiosks and walls.
 * Ticks every 15 s (spans start and end on whole minutes) and at once when a new server time
 * arrives, so 13:30 opens the screens when the server says it is 13:30.
 */
import { computed, onScopeDispose, ref, watch, type ComputedRef } from 'vue';
import { localMinutes } from '../../../shared/ticketHours';

export function useHallMinutes(offsetMs: () => number, timeZone: () => string): ComputedRef<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), 15_000);
  onScopeDispose(() => clearInterval(timer));
  watch(offsetMs, () => (now.value = Date.now()));
  return computed(() => localMinutes(now.value + offsetMs(), timeZone()));
}
