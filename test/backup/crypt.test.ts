/** 异地副本加密: an encrypted copy opens with its passphrase only, whole; a wrong passphrase, a changed byte or a cut file fail the same way. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile, isEncryptedBackup, verifyEncrypted } from '../../server/backup/crypt';
import { tempDir } from '../support/tmp';

const PASS = 'correct horse battery staple';

function files(content: Buffer) {
  const dir = tempDir('crypt-');
  const plain = join(dir, 'plain.db');
  writeFileSync(plain, content);
  return { dir, plain, enc: join(dir, 'plain.db.enc'), out: join(dir, 'out.db') };
}

describe('an encrypted copy', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['one byte', Buffer.from([7])],
    ['a megabyte and a bit', Buffer.alloc(1024 * 1024 + 333, 0x5a)],
  ])('of %s opens with its passphrase, byte for byte', async (_what, content) => {
    const f = files(content);
    await encryptFile(f.plain, f.enc, PASS);
    expect(isEncryptedBackup(f.enc)).toBe(true);
    expect(isEncryptedBackup(f.plain)).toBe(false);
    expect(statSync(f.enc).size).toBe(content.length + 8 + 16 + 12 + 16);
    expect(statSync(f.enc).mode & 0o777).toBe(0o600);
    await verifyEncrypted(f.enc, PASS);
    await decryptFile(f.enc, f.out, PASS);
    expect(readFileSync(f.out).equals(content)).toBe(true);
  });

  it('does not hold the plain bytes, and two copies of one file differ (fresh salt and IV)', async () => {
    const content = Buffer.from('SQLite format 3\u0000 张三 13912345678 '.repeat(50));
    const f = files(content);
    await encryptFile(f.plain, f.enc, PASS);
    const again = join(f.dir, 'again.enc');
    await encryptFile(f.plain, again, PASS);
    const a = readFileSync(f.enc);
    expect(a.includes(Buffer.from('13912345678'))).toBe(false);
    expect(a.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(a.equals(readFileSync(again))).toBe(false);
  });

  it.each<[string, (b: Buffer) => Buffer, string]>([
    ['a wrong passphrase', (b) => b, 'correct horse battery stapler'],
    ['one byte of the body changed', (b) => flip(b, 60), PASS],
    ['one byte of the tag changed', (b) => flip(b, b.length - 1), PASS],
    ['the salt changed', (b) => flip(b, 9), PASS],
    ['cut short', (b) => b.subarray(0, b.length - 100), PASS],
  ])('%s fails to open', async (_what, spoil, pass) => {
    const f = files(Buffer.alloc(4096, 1));
    await encryptFile(f.plain, f.enc, PASS);
    writeFileSync(f.enc, spoil(readFileSync(f.enc)));
    await expect(verifyEncrypted(f.enc, pass)).rejects.toThrow(/wrong passphrase, or the file is damaged/);
    await expect(decryptFile(f.enc, f.out, pass)).rejects.toThrow();
  });

  it('a plain file is not taken for one', async () => {
    const f = files(Buffer.alloc(100, 1));
    await expect(verifyEncrypted(f.plain, PASS)).rejects.toThrow(/not an encrypted backup/);
  });
});

function flip(b: Buffer, i: number): Buffer {
  const c = Buffer.from(b);
  c[i] = c[i]! ^ 0x01;
  return c;
}
