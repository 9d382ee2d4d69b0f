/**
 * 亮证亮照 in the store (migration staff_photos) on a real SQLite file: no photo reads as
 * undefined, a put is read back byte for byte and replaced by the next, a removal says whether
 * there was one, photos survive closing the file, and the hall state loads each clerk's version.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store';
import { jpegLike, solidPng } from '../support/images';
import { storeWithAccounts } from '../support/store-accounts';
import { tempDir } from '../support/tmp';

describe('staff photo repository', () => {
  it('puts, replaces, removes; keeps bytes exactly and across a reopen; the hall state carries the version', () => {
    const path = join(tempDir('photo-store-'), 'hall.db');
    const store = storeWithAccounts(path);
    expect(store.photos.get('u1')).toBeUndefined();
    expect(store.photos.version('u1')).toBeUndefined();

    const jpeg = jpegLike(5000);
    store.photos.put('u1', { bytes: jpeg, mime: 'image/jpeg', version: 'v1', updatedAt: '2026-11-30T01:00:00.000Z' });
    const got = store.photos.get('u1')!;
    expect(Buffer.compare(got.bytes, jpeg)).toBe(0);
    expect(got).toMatchObject({ mime: 'image/jpeg', version: 'v1', updatedAt: '2026-11-30T01:00:00.000Z' });
    expect(store.photos.version('u2')).toBeUndefined();

    const png = solidPng(24, 32, [200, 40, 40]);
    store.photos.put('u1', { bytes: png, mime: 'image/png', version: 'v2', updatedAt: '2026-11-30T02:00:00.000Z' });
    expect(store.photos.version('u1')).toBe('v2');
    expect(Buffer.compare(store.photos.get('u1')!.bytes, png)).toBe(0);
    expect(store.db.prepare('SELECT count(*) AS n FROM staff_photos').get()).toEqual({ n: 1 });
    expect(store.halls.load('h1')!.clerks.get('u1')!.photoVersion).toBe('v2');
    expect(store.halls.load('h1')!.clerks.get('u2')!.photoVersion).toBeUndefined();
    store.close();

    const reopened = openStore(path);
    expect(reopened.photos.version('u1')).toBe('v2');
    expect(reopened.photos.remove('u1')).toBe(true);
    expect(reopened.photos.remove('u1')).toBe(false);
    expect(reopened.photos.get('u1')).toBeUndefined();
    expect(reopened.halls.load('h1')!.clerks.get('u1')!.photoVersion).toBeUndefined();
    reopened.close();
  });

  it('refuses a photo of no account and a type other than JPEG or PNG', () => {
    const store = storeWithAccounts(':memory:');
    expect(() => store.photos.put('nobody', { bytes: jpegLike(), mime: 'image/jpeg', version: 'v', updatedAt: 'x' })).toThrow(/FOREIGN KEY/);
    const gif = 'image/gif' as unknown as 'image/png';
    expect(() => store.photos.put('u1', { bytes: jpegLike(), mime: gif, version: 'v', updatedAt: 'x' })).toThrow(/CHECK/);
    store.close();
  });
});
