/**
 * Listens for the ID card reader while the component that calls it is on screen: a keyboard-wedge
 * burst or the vendor shell's message (idCardReader.ts tells them apart from anything else). Used by
 * the kiosk's 刷身份证取号 step (idCardStep.ts) and the guide desk's card area (GuideIdCard.vue).
 *
 * A wedge reader types into whatever has the focus. On the kiosk nothing does; at the guide desk the
 * search box, the note or the appointment code may — so a completed burst puts back the field it
 * typed into as it was before the burst, and its Enter is swallowed (it would submit the
 * appointment check-in's form).
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { emptyWedge, shellNumber, wedgeKey } from './idCardReader';

/** A text field and what it held before a burst began typing into it. */
interface FieldBefore {
  field: HTMLInputElement | HTMLTextAreaElement;
  value: string;
}

const textField = (el: Element | null): HTMLInputElement | HTMLTextAreaElement | null =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio') ? el : null;

/**
 * Calls `take` with each number the reader hands over while the caller is mounted; `paused()`
 * true ignores the reader (the kiosk's keypad is open, or a ticket is being issued).
 */
export function useIdCardListener(take: (number: string) => void, paused: () => boolean): void {
  let wedge = emptyWedge();
  let before: FieldBefore | null = null;

  function onKey(e: KeyboardEvent): void {
    if (paused()) return;
    const step = wedgeKey(wedge, e.key, e.timeStamp);
    // The first character of a new burst: remember the field as it is (this keydown has not typed yet).
    if (step.state.chars.length === 1) {
      const field = textField(document.activeElement);
      before = field ? { field, value: field.value } : null;
    }
    wedge = step.state;
    if (step.number === null) return;
    e.preventDefault();
    e.stopPropagation();
    if (before && before.field.value !== before.value) {
      before.field.value = before.value;
      // v-model listens for input: the component's state follows the field back.
      before.field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    before = null;
    take(step.number);
  }
  function onMessage(e: MessageEvent): void {
    // The shell posts from inside the page (an injected script) or from the frame that holds it.
    if (paused() || (e.source !== window && e.source !== window.parent)) return;
    const number = shellNumber(e.data);
    if (number !== null) take(number);
  }
  onMounted(() => {
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('message', onMessage);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKey, { capture: true });
    window.removeEventListener('message', onMessage);
  });
}
