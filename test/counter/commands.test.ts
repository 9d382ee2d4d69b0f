/** The staff commands' payloads: 自动叫号's calls say so (`auto`), with ifIdle; a press sends neither. */
import { describe, expect, it } from 'vitest';
import type { HallConnection } from '../../counter/src/shared/connection';
import { staffCommands } from '../../counter/src/shared/commands';

function recording() {
  const sent: [string, unknown][] = [];
  const conn = {
    command: (name: string, payload: unknown) => {
      sent.push([name, payload]);
      return Promise.resolve({ ok: true, data: null });
    },
  } as unknown as HallConnection;
  return { sent, cmd: staffCommands(conn) };
}

describe('window:next', () => {
  it.each([
    { name: 'a press', auto: false, payload: { windowNo: 3, requestId: 'r1' } },
    { name: 'an automatic call', auto: true, payload: { windowNo: 3, requestId: 'r1', ifIdle: true, auto: true } },
  ])('$name', async ({ auto, payload }) => {
    const { sent, cmd } = recording();
    await cmd.next(3, 'r1', auto);
    expect(sent).toEqual([['window:next', payload]]);
  });
});
