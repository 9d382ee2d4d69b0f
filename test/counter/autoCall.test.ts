import { describe, expect, it } from 'vitest';
import {
  AUTO_OFF,
  cancel,
  completed,
  DEFAULT_AUTO_CALL,
  mayRun,
  observe,
  parseAutoCallPrefs,
  secondsLeft,
  shareLeft,
  tick,
  type AutoCall,
  type AutoCallPrefs,
  type AutoFacts,
} from '../../counter/src/clerk/logic/autoCall';

const T = 1_000_000;
const on: AutoCallPrefs = { afterDone: true, whenPrompted: true, seconds: 5 };
const idle: AutoFacts = { online: true, windowState: 'open', hasTicket: false, prompted: false, waiting: 2, dialog: false, helpCalled: false };
const f = (over: Partial<AutoFacts> = {}): AutoFacts => ({ ...idle, ...over });
const counting = (reason: 'afterDone' | 'prompted', endsAt = T + 5_000): AutoCall => ({ phase: 'counting', reason, endsAt, seconds: 5, done: reason === 'afterDone' ? 'A001' : undefined });
const spent = (prompted: boolean, cancelled = true): AutoCall => ({ phase: 'spent', prompted, cancelled });

describe('may a countdown run', () => {
  it.each<[string, Partial<AutoFacts>, boolean]>([
    ['idle window, online, no dialog', {}, true],
    ['offline', { online: false }, false],
    ['no window (signed out)', { windowState: null }, false],
    ['window closed', { windowState: 'closed' }, false],
    ['paused', { windowState: 'paused' }, false],
    ['a ticket called', { windowState: 'calling', hasTicket: true }, false],
    ['a ticket in service', { windowState: 'serving', hasTicket: true }, false],
    ['a ticket current while the state still says open', { hasTicket: true }, false],
    ['a dialog open', { dialog: true }, false],
    ['求助 live (the duty manager is called or coming)', { helpCalled: true }, false],
  ])('%s → %s', (_, over, out) => expect(mayRun(f(over))).toBe(out));
});

describe('which states start a countdown', () => {
  it.each<[string, AutoCall, Partial<AutoFacts>, AutoCallPrefs, 'afterDone' | 'prompted' | null]>([
    ['prompted, setting on', AUTO_OFF, { prompted: true }, on, 'prompted'],
    ['prompted, setting off', AUTO_OFF, { prompted: true }, { ...on, whenPrompted: false }, null],
    ['not prompted', AUTO_OFF, {}, on, null],
    ['prompted but offline', AUTO_OFF, { prompted: true, online: false }, on, null],
    ['prompted but paused', AUTO_OFF, { prompted: true, windowState: 'paused' }, on, null],
    ['prompted but a dialog is open', AUTO_OFF, { prompted: true, dialog: true }, on, null],
    ['prompted but a ticket is at the window', AUTO_OFF, { prompted: true, hasTicket: true, windowState: 'serving' }, on, null],
    ['prompted again after the clerk cancelled this prompt', spent(true), { prompted: true }, on, null],
    ['a new prompt after a spent one went away', spent(false), { prompted: true }, on, 'prompted'],
  ])('%s', (_, state, over, prefs, reason) => {
    const s = observe(state, f(over), prefs, T);
    expect(s.phase === 'counting' ? s.reason : null).toBe(reason);
    if (s.phase === 'counting') expect(s.endsAt).toBe(T + prefs.seconds * 1000);
  });

  it.each<[string, Partial<AutoFacts>, AutoCallPrefs, 'afterDone' | 'prompted' | null]>([
    ['after 办结 with people waiting', {}, on, 'afterDone'],
    ['after 办结, nobody waiting', { waiting: 0 }, on, null],
    ['after 办结, setting off', {}, { ...on, afterDone: false }, null],
    ['after 办结, setting off but the window is prompted', { prompted: true }, { ...on, afterDone: false }, 'prompted'],
    ['after 办结 while offline', { online: false }, on, null],
    ['after 办结 with a dialog open', { dialog: true }, on, null],
    ['after 办结 while a 求助 is live', { helpCalled: true }, on, null],
  ])('%s', (_, over, prefs, reason) => {
    const s = completed(AUTO_OFF, f(over), prefs, T, 'A001');
    expect(s.phase === 'counting' ? s.reason : null).toBe(reason);
    if (s.phase === 'counting' && s.reason === 'afterDone') expect(s.done).toBe('A001');
  });

  it('uses the chosen length', () => {
    const s = completed(AUTO_OFF, idle, { ...on, seconds: 2 }, T, 'A001');
    expect(s).toMatchObject({ phase: 'counting', endsAt: T + 2_000, seconds: 2 });
  });
});

describe('which states stop a countdown', () => {
  it.each<[string, AutoCall, Partial<AutoFacts>, AutoCallPrefs, AutoCall['phase']]>([
    ['still prompted', counting('prompted'), { prompted: true }, on, 'counting'],
    ['the prompt went away (another window took the ticket)', counting('prompted'), {}, on, 'off'],
    ['connection dropped', counting('prompted'), { prompted: true, online: false }, on, 'off'],
    ['the clerk opened a dialog (暂停, 特呼, 下班退出)', counting('prompted'), { prompted: true, dialog: true }, on, 'off'],
    ['the clerk called for help (求助)', counting('prompted'), { prompted: true, helpCalled: true }, on, 'off'],
    ['the window was paused', counting('prompted'), { prompted: true, windowState: 'paused' }, on, 'off'],
    ['the window was closed (signed out by a manager)', counting('prompted'), { prompted: true, windowState: 'closed' }, on, 'off'],
    ['the clerk signed out', counting('prompted'), { prompted: true, windowState: null }, on, 'off'],
    ['a ticket was called here (another panel, 特呼)', counting('prompted'), { prompted: true, hasTicket: true, windowState: 'calling' }, on, 'off'],
    ['the setting was switched off', counting('prompted'), { prompted: true }, { ...on, whenPrompted: false }, 'off'],
    ['after 办结: still someone waiting', counting('afterDone'), {}, on, 'counting'],
    ['after 办结: nobody left waiting', counting('afterDone'), { waiting: 0 }, on, 'off'],
    ['after 办结: connection dropped', counting('afterDone'), { online: false }, on, 'off'],
    ['after 办结: setting switched off', counting('afterDone'), {}, { ...on, afterDone: false }, 'off'],
  ])('%s → %s', (_, state, over, prefs, phase) => expect(observe(state, f(over), prefs, T + 1_000).phase).toBe(phase));

  it('keeps its deadline while it runs (a hall change does not restart it)', () => {
    const s = observe(counting('prompted', T + 3_000), f({ prompted: true, waiting: 5 }), on, T + 1_000);
    expect(s).toEqual(counting('prompted', T + 3_000));
  });

  it('a cancel is final for this prompt, however the hall changes meanwhile', () => {
    let s = cancel(counting('prompted'), f({ prompted: true }));
    expect(s).toEqual(spent(true));
    for (const over of [{ prompted: true, waiting: 4 }, { prompted: true, dialog: true }, { prompted: true, online: false }, { prompted: true }]) {
      s = observe(s, f(over), on, T + 2_000);
      expect(s.phase).toBe('spent');
    }
    // The prompt goes (someone else called) and a new one comes: a new countdown.
    s = observe(s, f(), on, T + 3_000);
    expect(s).toEqual(spent(false));
    s = observe(s, f({ prompted: true }), on, T + 4_000);
    expect(s).toMatchObject({ phase: 'counting', reason: 'prompted', endsAt: T + 9_000 });
  });

  it('a spent state ends once the window serves someone', () => {
    expect(observe(spent(true), f({ hasTicket: true, windowState: 'calling' }), on, T)).toEqual(AUTO_OFF);
    expect(observe(spent(true), f({ windowState: 'paused' }), on, T)).toEqual(AUTO_OFF);
  });

  it('cancel does nothing when nothing counts', () => {
    expect(cancel(AUTO_OFF, idle)).toEqual(AUTO_OFF);
    expect(cancel(spent(false), idle)).toEqual(spent(false));
  });
});

describe('which states fire', () => {
  it.each<[string, AutoCall, Partial<AutoFacts>, number, boolean, 'afterDone' | 'prompted' | null]>([
    ['not yet run out', counting('prompted'), { prompted: true }, T + 4_999, false, null],
    ['run out, prompted', counting('prompted'), { prompted: true }, T + 5_000, false, 'prompted'],
    ['run out, after 办结', counting('afterDone'), {}, T + 5_000, false, 'afterDone'],
    ['run out while a command is in flight', counting('prompted'), { prompted: true }, T + 6_000, true, null],
    ['run out, but the prompt just went', counting('prompted'), {}, T + 5_000, false, null],
    ['run out, but a ticket is at the window', counting('afterDone'), { hasTicket: true, windowState: 'calling' }, T + 5_000, false, null],
    ['run out, but offline', counting('afterDone'), { online: false }, T + 5_000, false, null],
    ['run out, but a dialog is open', counting('afterDone'), { dialog: true }, T + 5_000, false, null],
    ['spent', spent(true), { prompted: true }, T + 9_000, false, null],
    ['nothing counting', AUTO_OFF, {}, T + 9_000, false, null],
  ])('%s → %s', (_, state, over, now, busy, fire) => expect(tick(state, f(over), on, now, busy).fire).toBe(fire));

  it('fires once: the state after firing is spent, and later ticks fire nothing', () => {
    const facts = f({ prompted: true });
    const first = tick(counting('prompted'), facts, on, T + 5_000, false);
    expect(first).toEqual({ state: spent(true, false), fire: 'prompted' });
    expect(tick(first.state, facts, on, T + 6_000, false).fire).toBeNull();
    expect(tick(first.state, facts, on, T + 60_000, false).fire).toBeNull();
  });

  it('a countdown held up by a command in flight fires when it is answered, if still right', () => {
    const held = tick(counting('prompted'), f({ prompted: true }), on, T + 5_000, true);
    expect(held.state.phase).toBe('counting');
    expect(tick(held.state, f({ prompted: true }), on, T + 5_300, false).fire).toBe('prompted');
    // …but not if that command put a ticket at the window.
    expect(tick(held.state, f({ prompted: true, hasTicket: true, windowState: 'calling' }), on, T + 5_300, false).fire).toBeNull();
  });

  it('counts down in whole seconds and drains its bar', () => {
    const s = counting('prompted');
    expect([T, T + 1, T + 4_000, T + 4_001, T + 5_000, T + 7_000].map((n) => secondsLeft(s, n))).toEqual([5, 5, 1, 1, 0, 0]);
    expect(shareLeft(s, T)).toBe(1);
    expect(shareLeft(s, T + 2_500)).toBe(0.5);
    expect(shareLeft(s, T + 9_000)).toBe(0);
    expect(secondsLeft(AUTO_OFF, T)).toBe(0);
  });
});

describe('stored settings', () => {
  it.each<[string, string | null, AutoCallPrefs]>([
    ['nothing stored: off', null, DEFAULT_AUTO_CALL],
    ['not JSON', 'nope', DEFAULT_AUTO_CALL],
    ['both on, 3 s', JSON.stringify({ afterDone: true, whenPrompted: true, seconds: 3 }), { afterDone: true, whenPrompted: true, seconds: 3 }],
    ['a length not offered', JSON.stringify({ afterDone: true, seconds: 0 }), { afterDone: true, whenPrompted: false, seconds: 5 }],
    ['truthy but not true', JSON.stringify({ afterDone: 'yes', whenPrompted: 1 }), DEFAULT_AUTO_CALL],
    ['an array', '[]', DEFAULT_AUTO_CALL],
  ])('%s', (_, raw, out) => expect(parseAutoCallPrefs(raw)).toEqual(out));
});
