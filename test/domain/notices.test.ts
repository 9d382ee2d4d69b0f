/** English notices in the domain: one per notice, kept with its notice, and a hall saved before they existed. */
import { describe, expect, it } from 'vitest';
import { alignNoticesEn, patchNotices } from '../../server/domain';
import { createStore } from '../../server/store';
import { migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';

const before = { notices: ['甲', '乙', '丙'], noticesEn: ['A', '', 'C'] };

describe('patchNotices', () => {
  it.each([
    ['nothing about notices', {}, before],
    ['English only, shorter: padded', { noticesEn: ['a'] }, { notices: before.notices, noticesEn: ['a', '', ''] }],
    ['both', { notices: ['一'], noticesEn: ['One'] }, { notices: ['一'], noticesEn: ['One'] }],
    ['notices only, one removed and reordered: English follows its text', { notices: ['丙', '甲'] }, { notices: ['丙', '甲'], noticesEn: ['C', 'A'] }],
    ['notices only, one edited: its English goes', { notices: ['甲!', '丙'] }, { notices: ['甲!', '丙'], noticesEn: ['', 'C'] }],
  ])('%s', (_, patch, want) => {
    expect(patchNotices(before, patch)).toEqual(want);
  });

  it('refuses more English than notices', () => {
    expect(patchNotices(before, { noticesEn: ['a', 'b', 'c', 'd'] })).toHaveProperty('refused');
    expect(patchNotices(before, { notices: ['一'], noticesEn: ['a', 'b'] })).toHaveProperty('refused');
  });

  it('aligns by index', () => {
    expect(alignNoticesEn(['一', '二'], undefined)).toEqual(['', '']);
    expect(alignNoticesEn(['一'], ['a', 'b'])).toEqual(['a']);
  });
});

describe('a hall saved before English notices existed', () => {
  it('loads with no English for each notice', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const old = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: ['一', '二'] };
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(old));
    const store = createStore(db);
    expect(store.halls.load('h1')!.settings).toMatchObject({ notices: ['一', '二'], noticesEn: ['', ''] });
    store.close();
  });
});
