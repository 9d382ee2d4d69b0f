/**
 * 自动叫号 on the panel: the countdown (logic/autoCall.ts decides when it
 * starts, stops and fires) and a fine local tick while one runs. The countdown is local time on
 * purpose: it is about the clerk's seconds, not the hall's clock. Firing goes through the
 * panel's own 叫号 (one request id per press, refused by the server if a ticket is current). The
 * clerk's settings come from the account (store/accountPrefs.ts); until they are known nothing
 * counts down.
 */
import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue';
import {
  AUTO_OFF,
  DEFAULT_AUTO_CALL,
  cancel,
  completed,
  observe,
  secondsLeft,
  shareLeft,
  tick,
  type AutoCall,
  type AutoCallPrefs,
  type AutoFacts,
  type AutoReason,
} from '../logic/autoCall';

/** Often enough for the bar to drain smoothly and the call to go within a fifth of a second. */
const TICK_MS = 200;

export function createAutoCall(deps: {
  /** The clerk's settings; null while not known yet (then both triggers count as off). */
  prefs: Readonly<Ref<AutoCallPrefs | null>>;
  facts: ComputedRef<AutoFacts>;
  /** A command is in flight: a countdown that ran out waits for its answer. */
  busy: Readonly<Ref<boolean>>;
  fire: (reason: AutoReason) => void;
}) {
  const { facts, busy } = deps;
  const settings = computed<AutoCallPrefs>(() => deps.prefs.value ?? DEFAULT_AUTO_CALL);
  const state = shallowRef<AutoCall>(AUTO_OFF);
  const clock = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  function set(next: AutoCall): void {
    if (next === state.value) return;
    if (next.phase === 'counting' && state.value.phase !== 'counting') clock.value = Date.now();
    state.value = next;
    if (next.phase === 'counting') timer ??= setInterval(step, TICK_MS);
    else if (timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  function step(): void {
    clock.value = Date.now();
    const r = tick(state.value, facts.value, settings.value, clock.value, busy.value);
    set(r.state);
    if (r.fire) deps.fire(r.fire);
  }

  watch([facts, settings], () => set(observe(state.value, facts.value, settings.value, Date.now())), { immediate: true });
  // A countdown held up by a command in flight goes as soon as that command is answered.
  watch(busy, (b) => {
    if (!b && state.value.phase === 'counting') step();
  });

  return {
    state: computed(() => state.value),
    secondsLeft: computed(() => secondsLeft(state.value, clock.value)),
    shareLeft: computed(() => shareLeft(state.value, clock.value)),
    /** The clerk's 办结 was acknowledged (the panel already shows the window free). */
    completed(number: string): void {
      set(completed(state.value, facts.value, settings.value, Date.now(), number));
    },
    /** Cancel a running countdown; true when there was one. */
    cancel(): boolean {
      const was = state.value.phase === 'counting';
      set(cancel(state.value, facts.value));
      return was;
    },
    dispose(): void {
      set(AUTO_OFF);
    },
  };
}
