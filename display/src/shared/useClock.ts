/** A ticking clock ref (server time, see clock.ts), one timer per screen. */
import { computed, onScopeDispose, ref, type ComputedRef, type Ref } from 'vue';
import { clockText } from './clock';
import type { Lang } from './i18n';

export function useClock(
  offsetMs: Ref<number>,
  timeZone: () => string,
  lang: Lang,
): ComputedRef<{ time: string; date: string }> {
  const now = ref(Date.now());
  // Align ticks to the second so the display changes exactly when the second does.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    now.value = Date.now();
    timer = setTimeout(tick, 1000 - (now.value % 1000) + 5);
  };
  tick();
  onScopeDispose(() => clearTimeout(timer));
  return computed(() => clockText(now.value + offsetMs.value, timeZone(), lang));
}
