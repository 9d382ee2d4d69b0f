/**
 * Request ids for `window:next` (pure). The server answers a repeated request id with the
 * same ticket and changes nothing, so:
 * - while a press is in flight, further presses are ignored (the caller checks `inFlight`);
 * - when a press ended without a known outcome (timeout, connection lost), the next press
 *   within `reuseMs` reuses the same id: if the first one did reach the server, the retry
 *   returns that same ticket instead of calling a second one;
 * - after a clear answer (ticket, nothing waiting, or a server error) a new press gets a new id.
 */
export interface NextRequestState {
  inFlight: string | null;
  /** The id of a press whose outcome is unknown, and when it ended. */
  unsettled: { id: string; at: number } | null;
}

export const REUSE_MS = 120_000;

export const initialNextRequest = (): NextRequestState => ({ inFlight: null, unsettled: null });

/** Start a press: returns the id to send, or null when a press is already in flight. */
export function beginNext(
  state: NextRequestState,
  now: number,
  newId: () => string,
  reuseMs = REUSE_MS,
): { state: NextRequestState; id: string | null } {
  if (state.inFlight) return { state, id: null };
  const reuse = state.unsettled && now - state.unsettled.at <= reuseMs ? state.unsettled.id : null;
  const id = reuse ?? newId();
  return { state: { inFlight: id, unsettled: state.unsettled }, id };
}

/** End the press: `known` is false for a timeout or a lost connection. */
export function endNext(state: NextRequestState, now: number, known: boolean): NextRequestState {
  if (!state.inFlight) return state;
  return { inFlight: null, unsettled: known ? null : { id: state.inFlight, at: now } };
}
