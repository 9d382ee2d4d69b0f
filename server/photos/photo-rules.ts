/**
 * 亮证亮照: what a staff photo upload must be (pure). The declared Content-Type is not trusted:
 * the bytes must start like a JPEG or a PNG and say the same type, and stay under the cap.
 */
import { createHash } from 'node:crypto';
import { STAFF_PHOTO_MAX_BYTES, STAFF_PHOTO_TYPES, type StaffPhotoType } from '../../shared/admin';
import type { Reply } from '../../shared/errors';
import { err, ok } from '../service/errors';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A JPEG starts with SOI (FF D8) and a marker (FF xx); the last two bytes are EOI (FF D9). */
const JPEG_MAGIC = [0xff, 0xd8, 0xff];

const startsWith = (b: Uint8Array, magic: readonly number[]) => b.length >= magic.length && magic.every((x, i) => b[i] === x);

/** The image type the bytes themselves say, or null when they are neither JPEG nor PNG. */
export function sniffImage(bytes: Uint8Array): StaffPhotoType | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, JPEG_MAGIC) && bytes.length > 4) return 'image/jpeg';
  return null;
}

export function isPhotoType(v: string | undefined): v is StaffPhotoType {
  return (STAFF_PHOTO_TYPES as readonly string[]).includes(v ?? '');
}

/** The declared type without parameters ("image/jpeg; charset=x" → "image/jpeg"), lower case. */
export function declaredType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** Checks an upload; answers its type (from the bytes) or the refusal. */
export function checkPhoto(bytes: Uint8Array, declared: string | undefined): Reply<StaffPhotoType> {
  if (!isPhotoType(declared)) return err('BAD_REQUEST', 'send the image itself as image/jpeg or image/png');
  if (bytes.length === 0) return err('BAD_REQUEST', 'the image is empty');
  if (bytes.length > STAFF_PHOTO_MAX_BYTES) return err('PAYLOAD_TOO_LARGE', `a photo is at most ${STAFF_PHOTO_MAX_BYTES / 1024} kB`);
  const sniffed = sniffImage(bytes);
  if (sniffed === null) return err('BAD_REQUEST', 'the bytes are not a JPEG or PNG image');
  if (sniffed !== declared) return err('BAD_REQUEST', `the bytes are ${sniffed}, not ${declared}`);
  return ok(sniffed);
}

/** The version of a photo: a short hash of its bytes (its URL's `v` and its ETag). */
export function photoVersion(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** Whether an If-None-Match header names this version (a list, weak tags and `*` included). */
export function etagMatches(header: string | undefined, version: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === `"${version}"`;
  });
}
