/**
 * 自动叫号 (pure): when the panel calls the next citizen by itself, after a countdown the clerk
 * sees and can cancel. Two triggers, each a setting of the clerk:
 * - `afterDone`: the clerk's own 办结 was acknowledged and someone waits in the window's queues;
 * - `prompted`: the window is idle and the server's 请叫号 prompt names it (the primary window,
 *   then the one idle longest: the order docs/dispatch.md measured to even out the clerks' work).
 *
 * A countdown runs only while the window is open with nobody at it, the panel is online, no
 * dialog is open and no 求助 is live, and only while its trigger still holds (the prompt, someone waiting); the moment
 * any of that changes it stops. When it runs out it fires once. After firing, or after the clerk
 * cancels, it is spent: nothing starts again until the window has had a ticket at it (a citizen
 * served) or a new prompt arrives (the prompt went away and came back). So a cancelled countdown
 * never restarts by itself, and one countdown never calls twice.
 */
import type { AutoCallPrefs } from '../../../../shared/prefs';
import { AUTO_CALL_SECONDS, DEFAULT_AUTO_CALL } from '../../../../shared/prefsValues';
import type { WindowState } from '../../../../shared/schemas';
import { storedObject } from './storedObject';

// The settings' shape is the server's (they are kept with the clerk's account: shared/prefs.ts).
export { AUTO_CALL_SECONDS, DEFAULT_AUTO_CALL, type AutoCallPrefs };

export type AutoReason = 'afterDone' | 'prompted';

/** What the panel knows right now, as far as auto-calling cares. */
export interface AutoFacts {
  online: boolean;
  /** The clerk's window state; null when the clerk has no window (signed out, window closed). */
  windowState: WindowState | null;
  /** A ticket is current at the window (called or serving). */
  hasTicket: boolean;
  /** The server's latest 请叫号 prompts name this window. */
  prompted: boolean;
  /** People waiting in the window's queues. */
  waiting: number;
  /** A dialog is open (pause, 特呼, settings, sign-out, 求助…): the clerk is busy with something else. */
  dialog: boolean;
  /** The clerk's 求助 is live (the duty manager is called or coming): nobody is called here meanwhile. */
  helpCalled: boolean;
}

export type AutoCall =
  | { phase: 'off' }
  | {
      phase: 'counting';
      reason: AutoReason;
      /** Local ms when the countdown runs out. */
      endsAt: number;
      seconds: number;
      /** The number just completed (afterDone), for "A001 已办结 · 5 秒后叫下一位". */
      done?: string | undefined;
    }
  | {
      phase: 'spent';
      /** Whether the window was prompted when it was spent: a prompt that comes back after going away is new. */
      prompted: boolean;
      /** The clerk cancelled it (the panel says so until something new happens). */
      cancelled: boolean;
    };

export const AUTO_OFF: AutoCall = { phase: 'off' };

/** The window is free and the clerk is at the panel: a countdown may run. */
export function mayRun(f: AutoFacts): boolean {
  return f.online && f.windowState === 'open' && !f.hasTicket && !f.dialog && !f.helpCalled;
}

/** The trigger of a countdown still holds. */
function triggerHolds(reason: AutoReason, f: AutoFacts, prefs: AutoCallPrefs): boolean {
  return reason === 'afterDone' ? prefs.afterDone && f.waiting > 0 : prefs.whenPrompted && f.prompted;
}

function count(reason: AutoReason, prefs: AutoCallPrefs, now: number, done?: string): AutoCall {
  return { phase: 'counting', reason, endsAt: now + prefs.seconds * 1000, seconds: prefs.seconds, done };
}

/**
 * Follow the panel's facts (any change of window, prompts, queues, connection, dialogs or
 * settings): start a prompted countdown, stop one whose conditions went, end a spent state.
 */
export function observe(state: AutoCall, f: AutoFacts, prefs: AutoCallPrefs, now: number): AutoCall {
  switch (state.phase) {
    case 'counting':
      return mayRun(f) && triggerHolds(state.reason, f, prefs) ? state : observe(AUTO_OFF, f, prefs, now);
    case 'spent':
      // The window had a citizen at it (or closed, or paused): the next idle stretch starts fresh.
      if (f.windowState !== 'open' || f.hasTicket) return AUTO_OFF;
      // A prompt that went away and came back is a new one.
      if (f.prompted && !state.prompted) return observe(AUTO_OFF, f, prefs, now);
      return f.prompted === state.prompted ? state : { ...state, prompted: f.prompted };
    case 'off':
      return prefs.whenPrompted && f.prompted && mayRun(f) ? count('prompted', prefs, now) : state;
  }
}

/** The clerk's 办结 was acknowledged (`f` is the panel after it): call the next one soon. */
export function completed(state: AutoCall, f: AutoFacts, prefs: AutoCallPrefs, now: number, number: string): AutoCall {
  if (prefs.afterDone && mayRun(f) && f.waiting > 0) return count('afterDone', prefs, now, number);
  return observe(state.phase === 'spent' ? AUTO_OFF : state, f, prefs, now);
}

/** The clerk cancelled (button or key), or called by hand: nothing more for this idle stretch. */
export function cancel(state: AutoCall, f: AutoFacts): AutoCall {
  return state.phase === 'counting' ? { phase: 'spent', prompted: f.prompted, cancelled: true } : state;
}

/**
 * Time passes. Fires (once) when the countdown has run out and everything still holds; while a
 * command is in flight (`busy`) it waits, and checks again when that is answered.
 */
export function tick(
  state: AutoCall,
  f: AutoFacts,
  prefs: AutoCallPrefs,
  now: number,
  busy: boolean,
): { state: AutoCall; fire: AutoReason | null } {
  const next = observe(state, f, prefs, now);
  if (next.phase !== 'counting' || now < next.endsAt || busy) return { state: next, fire: null };
  return { state: { phase: 'spent', prompted: f.prompted, cancelled: false }, fire: next.reason };
}

/** Whole seconds left, as shown ("3 秒后…"); 0 once run out. */
export function secondsLeft(state: AutoCall, now: number): number {
  return state.phase === 'counting' ? Math.max(0, Math.ceil((state.endsAt - now) / 1000)) : 0;
}

/** Share of the countdown still to run, 1 → 0 (the draining bar). */
export function shareLeft(state: AutoCall, now: number): number {
  if (state.phase !== 'counting') return 0;
  return Math.min(1, Math.max(0, (state.endsAt - now) / (state.seconds * 1000)));
}

/**
 * Read settings an earlier version kept on the PC (localStorage), to bring them to the account
 * once; anything odd falls back to the defaults (auto-call off).
 */
export function parseAutoCallPrefs(raw: string | null): AutoCallPrefs {
  const o = storedObject(raw);
  if (!o) return { ...DEFAULT_AUTO_CALL };
  const seconds = (AUTO_CALL_SECONDS as readonly unknown[]).includes(o.seconds) ? (o.seconds as number) : DEFAULT_AUTO_CALL.seconds;
  return { afterDone: o.afterDone === true, whenPrompted: o.whenPrompted === true, seconds };
}
