/**
 * Back to the start screen after a while without a touch: the next citizen must never find the
 * previous one's choices (or ticket) on the screen. Counts down in whole seconds so the screen can
 * say when it will go back.
 */
import { onBeforeUnmount, ref, type Ref } from 'vue';

export interface IdleTimer {
  /** Seconds left before `onIdle`, or null while not armed. */
  secondsLeft: Ref<number | null>;
  /** Starts (or restarts) the countdown from `seconds`. */
  arm(seconds: number): void;
  disarm(): void;
}

export function useIdleTimer(onIdle: () => void): IdleTimer {
  const secondsLeft = ref<number | null>(null);
  let total = 0;
  let deadline = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    secondsLeft.value = left;
    if (left === 0) {
      disarm();
      onIdle();
    }
  };

  function disarm(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    secondsLeft.value = null;
  }

  function arm(seconds: number): void {
    disarm();
    total = seconds;
    deadline = Date.now() + seconds * 1000;
    secondsLeft.value = seconds;
    timer = setInterval(tick, 250);
  }

  // Any touch, click or key restarts the countdown.
  const activity = () => {
    if (timer !== null) deadline = Date.now() + total * 1000;
  };
  for (const type of ['pointerdown', 'keydown', 'input'] as const) window.addEventListener(type, activity, { capture: true, passive: true });
  onBeforeUnmount(() => {
    disarm();
    for (const type of ['pointerdown', 'keydown', 'input'] as const) window.removeEventListener(type, activity, { capture: true });
  });

  return { secondsLeft, arm, disarm };
}
