/** 亮证亮照's upload rules (pure): the bytes decide the type, the declared type must agree, the cap holds; ETag matching. */
import { describe, expect, it } from 'vitest';
import { STAFF_PHOTO_MAX_BYTES } from '../../shared/admin';
import { checkPhoto, declaredType, etagMatches, photoVersion, sniffImage } from '../../server/photos/photo-rules';
import { jpegLike, solidPng } from '../support/images';

const code = (r: ReturnType<typeof checkPhoto>) => (r.ok ? r.data : r.error.code);

describe('photo rules', () => {
  it('sniffs JPEG and PNG by their magic bytes only', () => {
    expect(sniffImage(jpegLike())).toBe('image/jpeg');
    expect(sniffImage(solidPng(2, 2, [0, 0, 0]))).toBe('image/png');
    expect(sniffImage(Buffer.from('GIF89a....'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull(); // a JPEG start and nothing else
    expect(sniffImage(new Uint8Array())).toBeNull();
  });

  it('accepts only what the bytes and the declared type agree on, under the cap', () => {
    expect(code(checkPhoto(jpegLike(), 'image/jpeg'))).toBe('image/jpeg');
    expect(code(checkPhoto(solidPng(3, 4, [1, 2, 3]), 'image/png'))).toBe('image/png');
    expect(code(checkPhoto(jpegLike(), 'image/png'))).toBe('BAD_REQUEST');
    expect(code(checkPhoto(jpegLike(), 'image/gif'))).toBe('BAD_REQUEST');
    expect(code(checkPhoto(jpegLike(), undefined))).toBe('BAD_REQUEST');
    expect(code(checkPhoto(Buffer.from('hello'), 'image/jpeg'))).toBe('BAD_REQUEST');
    expect(code(checkPhoto(new Uint8Array(), 'image/jpeg'))).toBe('BAD_REQUEST');
    expect(code(checkPhoto(jpegLike(STAFF_PHOTO_MAX_BYTES), 'image/jpeg'))).toBe('image/jpeg');
    expect(code(checkPhoto(jpegLike(STAFF_PHOTO_MAX_BYTES + 1), 'image/jpeg'))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reads the declared type without parameters; versions follow the bytes', () => {
    expect(declaredType('Image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(declaredType(undefined)).toBeUndefined();
    expect(declaredType('')).toBeUndefined();
    expect(photoVersion(jpegLike(100, 1))).toMatch(/^[0-9a-f]{16}$/);
    expect(photoVersion(jpegLike(100, 1))).toBe(photoVersion(jpegLike(100, 1)));
    expect(photoVersion(jpegLike(100, 1))).not.toBe(photoVersion(jpegLike(100, 2)));
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(etagMatches('"abc"', 'abc')).toBe(true);
    expect(etagMatches('W/"abc"', 'abc')).toBe(true);
    expect(etagMatches('"x", "abc"', 'abc')).toBe(true);
    expect(etagMatches('*', 'abc')).toBe(true);
    expect(etagMatches('"abcd"', 'abc')).toBe(false);
    expect(etagMatches('abc', 'abc')).toBe(false);
    expect(etagMatches(undefined, 'abc')).toBe(false);
  });
});
