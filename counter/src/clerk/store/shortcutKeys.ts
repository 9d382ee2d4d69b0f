/** The panel's key map (calling keypads are keyboards): kept on this PC, rebound in 设置. */
import { ref } from 'vue';
import { assignKey, DEFAULT_KEYS, type KeyMap, type ShortcutTarget } from '../logic/shortcuts';
import * as prefs from '../prefs';

export function createShortcutKeys() {
  const keys = ref<KeyMap>(prefs.loadKeys());
  /** Gives `target` the key; returns the button that had it (the two swap), if any. */
  function setKey(target: ShortcutTarget, id: string): ShortcutTarget | null {
    const r = assignKey(keys.value, target, id);
    keys.value = r.map;
    prefs.saveKeys(r.map);
    return r.swappedWith;
  }
  function resetKeys(): void {
    keys.value = { ...DEFAULT_KEYS };
    prefs.saveKeys(keys.value);
  }
  return { keys, setKey, resetKeys };
}
