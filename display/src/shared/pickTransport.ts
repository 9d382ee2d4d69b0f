/** The live Socket.IO connection, or the made-up hall in dev mode (`?fixture`). */
import { socketTransport } from './hallSocket';
import type { HallTransport } from './transport';

export async function pickTransport(search: string): Promise<HallTransport> {
  if (new URLSearchParams(search).has('fixture')) {
    const { fixtureTransport } = await import('./fixtureTransport');
    return fixtureTransport(search);
  }
  return socketTransport();
}
