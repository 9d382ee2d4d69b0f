/**
 * The clerk's settings kept with the account (today 自动叫号): asked from the server once the panel
 * is connected (and again after each reconnect, so a change made at another PC shows here), saved
 * there on every change. Until the first answer the panel holds no setting at all (`null`), so it
 * never acts on, or shows, a wrong one. A change that cannot be saved applies here at once, is
 * said in the notice bar, and is sent again when the connection is back. logic/accountPrefs.ts
 * decides what a first answer means (an older version's setting on this PC is brought over once).
 */
import { computed, ref, shallowRef, watch } from 'vue';
import type { AutoCallPrefs } from '../../../../shared/prefs';
import type { HallConnection } from '../../shared/connection';
import { planLoad, type PrefsSync } from '../logic/accountPrefs';
import * as prefs from '../prefs';

export function createAccountPrefs(deps: {
  conn: HallConnection;
  userId: string;
  /** A change the clerk made could not be saved (said once until it is). */
  onSaveFailed: () => void;
  /** That change reached the account after all. */
  onSavedLater: () => void;
}) {
  const { conn, userId } = deps;
  const autoCall = shallowRef<AutoCallPrefs | null>(null);
  const sync = ref<PrefsSync>('loading');
  /** A value the server has not acknowledged yet (the clerk's change, or the one brought over). */
  let dirty = false;
  /** That value is the clerk's own change (a failure to bring over an old one is not news to them). */
  let changedByClerk = false;
  let failureSaid = false;
  let sending = false;
  /** The connection came back while a save was in flight (its answer may be lost with the old one). */
  let reconnectedMeanwhile = false;

  function saved(): void {
    sync.value = 'saved';
    // The account holds the setting now: this PC's old copy is never brought over again.
    prefs.forgetLegacyAutoCall(userId);
    if (failureSaid) deps.onSavedLater();
    failureSaid = false;
    changedByClerk = false;
  }

  /** Sends the newest value until the server holds it; one request at a time. */
  async function flush(): Promise<void> {
    if (sending) return; // the request in flight sends again if the value changed meanwhile
    sending = true;
    reconnectedMeanwhile = false;
    try {
      while (dirty && autoCall.value) {
        const sent = autoCall.value;
        dirty = false;
        sync.value = 'saving';
        const r = await conn.command('me:prefs', { autoCall: sent });
        if (!r.ok) {
          dirty = true;
          // Lost with a connection that is back by now: send again at once.
          if (reconnectedMeanwhile && conn.status.value === 'online') {
            reconnectedMeanwhile = false;
            continue;
          }
          sync.value = 'unsaved';
          if (changedByClerk && !failureSaid) {
            failureSaid = true;
            deps.onSaveFailed();
          }
          return;
        }
      }
      saved();
    } finally {
      sending = false;
    }
  }

  async function load(): Promise<void> {
    if (autoCall.value === null) sync.value = 'loading';
    const r = await conn.command('me:prefs:get', {});
    if (dirty || sending) return; // changed here while asking: that change is being sent and wins
    if (!r.ok) {
      if (autoCall.value === null) sync.value = 'unavailable';
      return;
    }
    const plan = planLoad(r.data, prefs.loadLegacyAutoCall(userId));
    autoCall.value = plan.autoCall;
    if (!plan.upload) return saved();
    dirty = true;
    await flush();
  }

  // The first connection, and every reconnection: send what is pending, else read the account again.
  watch(
    conn.status,
    (s) => {
      if (s !== 'online') return;
      if (sending) reconnectedMeanwhile = true;
      else if (dirty) void flush();
      else void load();
    },
    { immediate: true },
  );

  return {
    /** null until the server has answered once. */
    autoCall: computed(() => autoCall.value),
    sync: computed(() => sync.value),
    setAutoCall(next: AutoCallPrefs): void {
      autoCall.value = next;
      dirty = true;
      changedByClerk = true;
      void flush();
    },
  };
}
