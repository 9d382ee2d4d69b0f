/**
 * 刷身份证取号's (and 刷身份证签到's) step on the kiosk: listens for the card reader while the step is on screen (a
 * keyboard-wedge burst or the vendor shell's message, idCardListener.ts), or takes the number from
 * the on-screen keypad; checks it here first (a misread card is said at once, without a round
 * trip) and then takes the ticket, or checks the appointment in, through the kiosk model with `idCard`. Kept out of kioskModel.ts
 * on purpose: the reader lives only as long as this step.
 */
import { computed, onMounted, ref, watch, type ComputedRef, type Ref } from 'vue';
import { checkIdCard } from '../../../shared/idcardCheck';
import { todayIn } from './cardHolder';
import { idCardWords, type IdCardWords } from './idCardText';
import { typedMask } from './idCardReader';
import { useIdCardListener } from './idCardListener';
import type { CardPurpose, KioskModel } from './kioskModel';

export interface IdCardStep {
  words: ComputedRef<IdCardWords>;
  /** The keypad is open (手动输入) instead of waiting for the reader. */
  manual: Ref<boolean>;
  typed: Ref<string>;
  /** What the screen shows of the typed number (never all of it). */
  shown: ComputedRef<string>;
  /** The kiosk's own check, or the server's refusal (the model's error). */
  error: ComputedRef<string | null>;
  submitTyped(): void;
}

export function useIdCardStep(m: KioskModel, purpose: CardPurpose): IdCardStep {
  const words = computed(() => idCardWords[m.lang.value]);
  const manual = ref(false);
  const typed = ref('');
  const local = ref<string | null>(null);
  // A new try (typing, or switching between card and keypad) clears the last complaint.
  watch([typed, manual], () => {
    local.value = null;
    m.error.value = null;
  });

  function take(number: string, how: 'card' | 'typed'): void {
    if (m.busy.value) return;
    m.error.value = null;
    const checked = checkIdCard(number, todayIn(m.timezone.value));
    if (!checked.ok) {
      local.value = how === 'card' ? words.value.invalid : words.value.invalidTyped;
      return;
    }
    local.value = null;
    if ('checkIn' in purpose) void m.checkIn(purpose.checkIn, checked.card.number);
    else void m.takeTicket(purpose.queue, purpose.matterId ? [purpose.matterId] : [], undefined, checked.card.number);
  }

  // The reader, only while waiting for a card (not while the keypad is open: its own keys are
  // taps, and a card laid then would surprise the citizen typing).
  useIdCardListener((number) => take(number, 'card'), () => manual.value);
  // A new step starts at the top (on a landscape screen the confirm button sat low).
  onMounted(() => window.scrollTo(0, 0));

  return {
    words,
    manual,
    typed,
    shown: computed(() => typedMask(typed.value)),
    error: computed(() => local.value ?? m.error.value),
    submitTyped() {
      if (typed.value.length === 18) take(typed.value, 'typed');
    },
  };
}
