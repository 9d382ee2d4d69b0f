import { describe, expect, it } from 'vitest';
import { clockText, serverOffsetMs } from '../../display/src/shared/clock';
import { languages, ownWindowName, parseLangMode, pauseReasonText, windowStateText, words } from '../../display/src/shared/i18n';
import { textWidthEm } from '../../display/src/shared/textWidth';
import { windowNoFromLocation } from '../../display/src/window/windowNo';

describe('windowNoFromLocation', () => {
  it.each([
    ['/display/window/3', '', 3],
    ['/display/window/12/', '', 12],
    ['/display/window/x', '', null],
    ['/window.html', '?no=7', 7],
    ['/window.html', '?no=0', null],
    ['/window.html', '', null],
  ])('%s%s → %s', (path, search, expected) => {
    expect(windowNoFromLocation(path, search)).toBe(expected);
  });
});

describe('i18n', () => {
  it('is bilingual by default, one language when asked', () => {
    expect(parseLangMode('')).toBe('bi');
    expect(parseLangMode('?lang=en')).toBe('en');
    expect(languages('bi').sub).toBe(words.en);
    expect(languages('en').main).toBe(words.en);
    expect(languages('zh').sub).toBeNull();
  });

  it('names windows 3号窗口 style and the window states as the issue asks', () => {
    expect(words.zh.window(3)).toBe('3号窗口');
    expect(windowStateText(words.zh, 'paused')).toBe('暂停服务');
    expect(pauseReasonText(words.zh, 'break')).toBe('休息中');
    expect(pauseReasonText(words.zh, 'other')).toBeNull();
    expect(windowStateText(words.zh, 'closed')).toBe('未开放');
  });

  it("tells a window's own name from one that only repeats its number", () => {
    expect(ownWindowName('3号窗口', 3)).toBeNull();
    expect(ownWindowName('Window 3', 3)).toBeNull();
    expect(ownWindowName('Counter 3', 3)).toBeNull();
    expect(ownWindowName('公积金窗口', 3)).toBe('公积金窗口');
    expect(ownWindowName('Window 12', 1)).toBe('Window 12');
    expect(ownWindowName('Window 3 (Housing fund)', 3)).toBe('Window 3 (Housing fund)');
  });

  it('has every word in both languages', () => {
    expect(Object.keys(words.en).sort()).toEqual(Object.keys(words.zh).sort());
  });
});

describe('clock', () => {
  it('shows the hall time zone, not the box one', () => {
    const at = Date.parse('2025-05-12T01:02:03Z');
    expect(clockText(at, 'Asia/Shanghai', 'zh')).toEqual({ time: '09:02:03', date: '2025年5月12日星期一' });
    expect(clockText(at, 'Not/AZone', 'en').time).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('follows the server clock but ignores transit jitter', () => {
    expect(serverOffsetMs('2025-05-12T01:00:10.000Z', Date.parse('2025-05-12T01:00:00.000Z'), 0)).toBe(10_000);
    expect(serverOffsetMs('2025-05-12T01:00:00.500Z', Date.parse('2025-05-12T01:00:00.000Z'), 0)).toBe(0);
    expect(serverOffsetMs('nonsense', 0, 42)).toBe(42);
  });
});

describe('textWidthEm', () => {
  it('counts CJK as 1 em and Latin narrower', () => {
    expect(textWidthEm('企业开办')).toBe(4);
    expect(textWidthEm('AB')).toBeCloseTo(1.2);
  });
});
