/** The live Socket.IO connection, or the made-up hall in dev mode (`?fixture`). */
import type { DeviceHello } from '../../../shared/devices';
import { socketTransport } from './hallSocket';
import type { HallTransport } from './transport';

/** `device`: a hall screen's hello (设备状态). */
export async function pickTransport(search: string, device?: DeviceHello): Promise<HallTransport> {
  if (new URLSearchParams(search).has('fixture')) {
    const { fixtureTransport } = await import('./fixtureTransport');
    return fixtureTransport(search);
  }
  return socketTransport(device);
}
