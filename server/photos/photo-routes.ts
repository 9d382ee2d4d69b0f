/**
 * REST for 亮证亮照. Managers: PUT /api/admin/staff/:id/photo (the body is the image itself,
 * Content-Type image/jpeg or image/png) and DELETE it. Anyone: GET /api/staff/:id/photo, the
 * photo screens show (the 评价器 and window screens load it by the URL their snapshot gives).
 */
import express, { type Request, type Response, type Router } from 'express';
import { STAFF_PHOTO_MAX_BYTES } from '../../shared/admin';
import { allowed } from '../citizen/route-helpers';
import { actorOf } from '../http/auth';
import { sendError, sendReply } from '../http/reply';
import { declaredType, etagMatches } from './photo-rules';
import type { PhotoService } from './photo-service';

/** A year: a photo's URL carries its version, so a given URL never shows another photo. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

// Reads any body as bytes (a little over the cap, so the rules tell "too large" from a cut body).
const rawBody = express.raw({ type: () => true, limit: STAFF_PHOTO_MAX_BYTES + 1024 });

function readBytes(req: Request, res: Response): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    void rawBody(req, res, (e?: unknown) => {
      if (e !== undefined && e !== null) {
        const tooLarge = typeof e === 'object' && 'type' in e && e.type === 'entity.too.large';
        if (tooLarge) sendError(res, 'PAYLOAD_TOO_LARGE', `a photo is at most ${STAFF_PHOTO_MAX_BYTES / 1024} kB`);
        else sendError(res, 'BAD_REQUEST', 'the body could not be read');
        return resolve(null);
      }
      resolve(Buffer.isBuffer(req.body) ? req.body : new Uint8Array());
    });
  });
}

export function registerPhotoRoutes(router: Router, photos: PhotoService): void {
  router.put('/admin/staff/:id/photo', async (req, res) => {
    // The role first: nobody else gets to make the server read 300 kB.
    if (!allowed(res, ['manager'])) return;
    const bytes = await readBytes(req, res);
    if (bytes === null) return;
    sendReply(res, photos.put(actorOf(res), req.params.id, bytes, declaredType(req.headers['content-type'])));
  });

  router.delete('/admin/staff/:id/photo', (req, res) => {
    if (!allowed(res, ['manager'])) return;
    sendReply(res, photos.remove(actorOf(res), req.params.id));
  });

  router.get('/staff/:id/photo', (req, res) => {
    const photo = photos.get(req.params.id);
    if (!photo) return sendError(res, 'NOT_FOUND', 'this account has no photo');
    res.setHeader('ETag', `"${photo.version}"`);
    // The current version's URL may be kept for good; any other (an old or no `v`) is checked each time.
    res.setHeader('Cache-Control', req.query.v === photo.version ? IMMUTABLE : 'no-cache');
    if (etagMatches(req.headers['if-none-match'], photo.version)) return void res.status(304).end();
    res.setHeader('Content-Type', photo.mime);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(photo.bytes);
  });
}
