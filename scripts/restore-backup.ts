/**
 * Puts a backup back in place of the hall database (docs/operations.md):
 *
 *   npx tsx scripts/restore-backup.ts <backup file> [--db data/hall.db]
 *
 * Stop the server first (the script refuses a database in use). The current database is kept
 * as `<db>.before-restore-<time>`; the backup is checked before it replaces anything. An
 * encrypted copy (`hall-….db.enc`) needs the passphrase in HALL_BACKUP_PASSPHRASE, or typed when
 * asked (not echoed), so it never lands in the shell's history.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isEncryptedBackup } from '../server/backup/crypt';
import { restoreBackup } from '../server/backup/restore';

function usage(): never {
  console.error('usage: npx tsx scripts/restore-backup.ts <backup file> [--db data/hall.db]');
  process.exit(2);
}

const args = process.argv.slice(2);
let db = process.env.HALL_DB ?? 'data/hall.db';
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--db') {
    const v = args[++i];
    if (!v) usage();
    db = v;
  } else if (a.startsWith('-')) usage();
  else files.push(a);
}
if (files.length !== 1) usage();
const file = files[0]!;

/** Reads a line from the terminal without showing it. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    out._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

try {
  let passphrase = process.env.HALL_BACKUP_PASSPHRASE || undefined;
  if (passphrase === undefined && existsSync(file) && isEncryptedBackup(file)) {
    if (!process.stdin.isTTY) throw new Error(`${file} is encrypted: set HALL_BACKUP_PASSPHRASE`);
    passphrase = await askHidden('备份口令 (backup passphrase): ');
  }
  const r = await restoreBackup(file, db, Date.now(), passphrase);
  console.log(`restored ${file} into ${db} (${r.migrations} migrations; the server applies newer ones when it starts)`);
  console.log(r.keptAside ? `the database it replaced is kept as ${r.keptAside}` : `there was no database at ${db} before`);
} catch (e) {
  console.error(`restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
