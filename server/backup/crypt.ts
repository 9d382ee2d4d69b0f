/**
 * Encrypted backup copies (异地副本加密, docs/operations.md): a copy that leaves the machine — a NAS,
 * a USB disk — holds every citizen's name and phone, so with a passphrase set it is written
 * encrypted: AES-256-GCM under a key derived from the passphrase with scrypt and a random salt.
 *
 * File layout: `HALLBK1\n` (8 bytes) · salt (16) · IV (12) · ciphertext · GCM tag (16).
 * Streams end to end, so a database of hundreds of MB never sits in memory. GCM's tag makes a
 * wrong passphrase and a damaged or cut file fail the same way, before anything is trusted: a
 * decrypted file is written under a temporary name by the caller and used only when this resolves.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const MAGIC = Buffer.from('HALLBK1\n', 'latin1');
const SALT = 16;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + SALT + IV;
/** scrypt cost: 2^15 × 8 × 128 B = 32 MB and about 0.1 s per file — cheap for us, dear for a guesser. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** The shortest passphrase accepted (HALL_BACKUP_PASSPHRASE). */
export const MIN_PASSPHRASE = 12;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, 32, SCRYPT, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

/** Does the file start like an encrypted backup? (False for a plain SQLite file, or one too short.) */
export function isEncryptedBackup(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, MAGIC.length, 0) === MAGIC.length && head.equals(MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Writes `src` encrypted to `dest` (created or replaced; mode 600). */
export async function encryptFile(src: string, dest: string, passphrase: string): Promise<void> {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const key = await deriveKey(passphrase, salt);
  const cipher = createCipheriv('aes-256-gcm', key, iv) as CipherGCM;
  const out = createWriteStream(dest, { mode: 0o600 });
  out.write(Buffer.concat([MAGIC, salt, iv]));
  // The tag is known only once the cipher ends: written after it, then the file is closed.
  await pipeline(createReadStream(src), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => {
    out.end(cipher.getAuthTag(), () => resolve());
    out.once('error', reject);
  });
}

async function decryptTo(src: string, sink: NodeJS.WritableStream, passphrase: string): Promise<void> {
  const size = statSync(src).size;
  if (size < HEADER + TAG || !isEncryptedBackup(src)) throw new Error(`${src} is not an encrypted backup (or is cut short)`);
  const fd = openSync(src, 'r');
  const head = Buffer.alloc(HEADER);
  const tag = Buffer.alloc(TAG);
  try {
    readSync(fd, head, 0, HEADER, 0);
    readSync(fd, tag, 0, TAG, size - TAG);
  } finally {
    closeSync(fd);
  }
  const key = await deriveKey(passphrase, head.subarray(MAGIC.length, MAGIC.length + SALT));
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length + SALT)) as DecipherGCM;
  decipher.setAuthTag(tag);
  const body = size - HEADER - TAG;
  // An empty range would make createReadStream read to the end: feed the decipher nothing instead.
  const source = body > 0 ? createReadStream(src, { start: HEADER, end: HEADER + body - 1 }) : [Buffer.alloc(0)];
  try {
    await pipeline(source, decipher, sink);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(/auth|unable to authenticate/i.test(msg) ? 'wrong passphrase, or the file is damaged' : msg);
  }
}

/** Decrypts `src` into `dest` (mode 600). Rejects for a wrong passphrase or a damaged file; `dest` is then partial: delete it. */
export function decryptFile(src: string, dest: string, passphrase: string): Promise<void> {
  return decryptTo(src, createWriteStream(dest, { mode: 0o600 }), passphrase);
}

/** Reads an encrypted file through to its tag without keeping a byte: the copy is whole and the passphrase opens it. */
export function verifyEncrypted(src: string, passphrase: string): Promise<void> {
  const discard = new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
  return decryptTo(src, discard, passphrase);
}
