/**
 * The kiosk retries an issue whose answer was lost, with the same request id, against a real
 * server: the citizen gets one ticket, never two, and never one that was not stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueWithRetry } from '../../display/src/kiosk/kioskApi';
import type { Snapshot } from '../../shared/schemas';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
afterEach(() => vi.unstubAllGlobals());

const realFetch = globalThis.fetch;
const noSleep = { sleep: () => Promise.resolve() };
const waiting = async (queue: string): Promise<number> =>
  ((await (await realFetch(`${s.url}/api/snapshot`)).json()) as Snapshot).queues.find((q) => q.code === queue)!.waiting;

/** The kiosk page's fetch: relative paths go to the test server; `script` decides each try. */
function stubFetch(script: (attempt: number, send: () => Promise<Response>) => Promise<Response>): { bodies: unknown[] } {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', (path: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return script(bodies.length, () => realFetch(s.url + path, init));
  });
  return { bodies };
}

describe('kiosk issue retry', () => {
  it('a lost answer: the retry, same request id, gets the stored ticket, and only one is issued', async () => {
    const before = await waiting('A');
    const { bodies } = stubFetch(async (attempt, send) => {
      const res = await send();
      if (attempt === 1) throw new TypeError('Failed to fetch'); // stored, but the answer is lost
      return res;
    });
    const r = await issueWithRetry({ queue: 'A' }, null, noSleep);
    expect(r.ok).toBe(true);
    expect(bodies).toHaveLength(2);
    const ids = bodies.map((b) => (b as { requestId?: string }).requestId);
    expect(ids[0]).toMatch(/^kiosk-[0-9a-f]{32}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(await waiting('A')).toBe(before + 1);
  });

  it('gives up after three tries and shows no ticket; a refusal is not retried', async () => {
    const lost = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const r = await issueWithRetry({ queue: 'A' }, null, noSleep);
    expect(r.ok ? 'ticket' : r.offline).toBe(true);
    expect(lost.bodies).toHaveLength(3);

    const refused = stubFetch((_attempt, send) => send());
    const unknown = await issueWithRetry({ queue: 'Z' }, null, noSleep);
    expect(unknown.ok ? 'ticket' : unknown.error.code).toBe('UNKNOWN_QUEUE');
    expect(refused.bodies).toHaveLength(1);
  });
});
