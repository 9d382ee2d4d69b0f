/**
 * 我的荣誉: the signed-in clerk's titles on the 光荣榜 over time (`me:honors`), asked once the panel
 * is connected (again after a reconnect) and whenever the hall's roll changes (a manager's save
 * reaches the panel with the hall's info). null until the server has answered.
 */
import { computed, shallowRef, watch, type ShallowRef } from 'vue';
import type { MyHonor } from '../../../../shared/honors';
import type { Snapshot } from '../../../../shared/schemas';
import type { HallConnection } from '../../shared/connection';

export function createMyHonors(deps: { conn: HallConnection; snapshot: Readonly<ShallowRef<Snapshot | null>> }) {
  const { conn } = deps;
  const list = shallowRef<MyHonor[] | null>(null);

  async function load(): Promise<void> {
    const r = await conn.command('me:honors', {});
    // Not answered (offline, an older server): keep what was shown; the next change asks again.
    if (r.ok) list.value = r.data;
  }

  // Fires when the panel comes online, and when the roll changes while it is.
  watch(
    [conn.status, () => JSON.stringify(deps.snapshot.value?.hall.honors ?? [])],
    ([status]) => {
      if (status === 'online') void load();
    },
    { immediate: true },
  );

  return { list: computed(() => list.value) };
}
