/**
 * The apps' scripts and styles compressed (brotli, else gzip) for browsers that say they take it.
 * A phone in the hall opens the ticket page on a weak signal: its 140 kB of script is 51 kB
 * gzipped (bench/bundle-size.ts), and express.static sends files as they are. Assets have hashed
 * names and never change while a build stands, so each is compressed once, off the event loop,
 * and kept (a build's assets are well under 2 MB); a file rebuilt under the same name is noticed
 * by its size and time. Anything else — other types, a client that takes neither, a missing file —
 * goes on to express.static.
 */
import type { RequestHandler } from 'express';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};
/** Below this, the headers weigh more than the saving. */
const MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The best encoding the request accepts (br before gzip; `;q=0` refuses), or null. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const ok = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) ok.add(name);
  }
  if (ok.has('br')) return 'br';
  if (ok.has('gzip') || ok.has('*')) return 'gzip';
  return null;
}

interface Entry {
  key: string;
  body: Promise<Buffer>;
}

export function compressedStatic(root: string, maxAgeSeconds: number): RequestHandler {
  const cache = new Map<string, Entry>();
  const base = normalize(root + sep);

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[extname(req.path)];
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!type || !encoding) return next();
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    // Never outside the app's folder (express.static refuses those itself).
    if (!file.startsWith(base)) return next();

    void (async () => {
      const s = await stat(file).catch(() => null);
      if (!s?.isFile() || s.size < MIN_BYTES) return next();
      const id = `${encoding} ${file}`;
      const key = `${s.size} ${s.mtimeMs}`;
      let entry = cache.get(id);
      if (!entry || entry.key !== key) {
        const body = readFile(file).then((raw) =>
          encoding === 'br' ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gz(raw, { level: 9 }),
        );
        entry = { key, body };
        cache.set(id, entry);
        // A failed read is not kept: the next request tries again.
        body.catch(() => cache.delete(id));
      }
      const body = await entry.body;
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}, immutable`);
      if (req.method === 'HEAD') res.end();
      else res.end(body);
    })().catch(() => next());
  };
}
