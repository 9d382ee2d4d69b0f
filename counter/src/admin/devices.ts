/**
 * 设备状态 for the console: the hall's screens, asked on every connect (pushes missed while
 * offline are not replayed) and kept current by the `devices:changed` pushes of the socket module.
 */
import { shallowRef, watch } from 'vue';
import type { DeviceList } from '../../../shared/devices';
import type { HallConnection } from '../shared/connection';
import type { ClientReply } from '../shared/reply';

export function useDevices(conn: HallConnection) {
  const list = shallowRef<DeviceList | null>(null);
  async function reload(): Promise<void> {
    const r = await conn.command('devices:list', {});
    if (r.ok) list.value = r.data;
  }
  watch(conn.status, (s) => void (s === 'online' && reload()), { immediate: true });
  watch(conn.devicesChanged, (l) => {
    if (l) list.value = l;
  });
  /** Takes an offline screen off the list; the answer is the list as it is now. */
  async function remove(id: string): Promise<ClientReply<DeviceList>> {
    const r = await conn.command('devices:remove', { id });
    if (r.ok) list.value = r.data;
    return r;
  }
  return { list, reload, remove };
}
