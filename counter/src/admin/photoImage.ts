/**
 * 亮证亮照 in the browser: a picked file → the 240×320 portrait JPEG the screens show (canvas),
 * and its upload. The geometry is logic/photoCrop.ts; this only draws and encodes.
 */
import { STAFF_PHOTO_MAX_BYTES, type StaffAccount } from '../../../shared/admin';
import type { ErrorCode } from '../../../shared/errors';
import type { ClientReply } from '../shared/reply';
import { PHOTO_HEIGHT, PHOTO_WIDTH, portraitCrop, qualitySteps } from './logic/photoCrop';

export type PhotoProblem = 'notImage' | 'tooLarge';

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The portrait JPEG of a picked picture, or why not (not a picture the browser can read; too busy to fit). */
export async function portraitJpeg(file: Blob): Promise<{ ok: true; blob: Blob } | { ok: false; problem: PhotoProblem }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, problem: 'notImage' };
  }
  const canvas = document.createElement('canvas');
  canvas.width = PHOTO_WIDTH;
  canvas.height = PHOTO_HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) return { ok: false, problem: 'notImage' };
  const c = portraitCrop(bitmap.width, bitmap.height);
  // White under a transparent PNG: JPEG has no alpha, and black behind a cut-out looks wrong.
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
  g.imageSmoothingQuality = 'high';
  g.drawImage(bitmap, c.sx, c.sy, c.sw, c.sh, 0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
  bitmap.close();
  for (const q of qualitySteps()) {
    const blob = await toJpeg(canvas, q);
    if (blob && blob.size <= STAFF_PHOTO_MAX_BYTES) return { ok: true, blob };
  }
  return { ok: false, problem: 'tooLarge' };
}

/** PUT the photo (the body is the JPEG itself); the account as it is now, or the server's refusal. */
export async function uploadPhoto(token: string, accountId: string, blob: Blob): Promise<ClientReply<StaffAccount>> {
  try {
    const res = await fetch(`/api/admin/staff/${encodeURIComponent(accountId)}/photo`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': blob.type || 'image/jpeg', Accept: 'application/json' },
      body: blob,
    });
    const json = (await res.json().catch(() => null)) as (StaffAccount & { error?: { code?: ErrorCode; message?: string } }) | null;
    if (res.ok && json) return { ok: true, data: json };
    return { ok: false, error: { code: json?.error?.code ?? 'INTERNAL', message: json?.error?.message ?? `HTTP ${res.status}` } };
  } catch {
    return { ok: false, error: { code: 'OFFLINE', message: 'the server cannot be reached' } };
  }
}
