/**
 * One shared one-second tick for every live timer on a page (service time, waits, breaks),
 * corrected to the server's clock. One interval, not one per component.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';

const localNow = ref(Date.now());
let started = false;

function start(): void {
  if (started) return;
  started = true;
  setInterval(() => {
    localNow.value = Date.now();
  }, 1_000);
}

/** `now` in server time (ms), ticking every second. */
export function useServerNow(offset: Readonly<Ref<number>>): ComputedRef<number> {
  start();
  return computed(() => localNow.value + offset.value);
}
