/**
 * One delivery pass at a time, for an outbox's sender (短信提醒 here, 好差评推送 in
 * server/integrations): a call while a pass runs makes it go round once more and waits for it,
 * kick() runs one soon (after the writing transaction committed), close() stops and waits for
 * the request under way before the store closes.
 */
export interface SerialRunner {
  /** Runs passes until no call came during the last one; what they delivered in all. */
  run(): Promise<number>;
  /** A pass soon; its failure is logged. */
  kick(): void;
  /** True once close() was called: a pass stops at its next step. */
  readonly closed: boolean;
  close(): Promise<void>;
}

export function createSerialRunner(pass: () => Promise<number>, onError: (e: unknown) => void): SerialRunner {
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;

  function run(): Promise<number> {
    if (closed) return Promise.resolve(0);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await pass();
        } while (again && !closed);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  }

  return {
    run,
    kick(): void {
      if (closed) return;
      setImmediate(() => {
        run().catch(onError);
      });
    },
    get closed() {
      return closed;
    },
    async close(): Promise<void> {
      closed = true;
      await running?.catch(() => 0);
    },
  };
}
