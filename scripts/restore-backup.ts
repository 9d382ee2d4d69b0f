/**
 * Puts a backup back in place of the hall database (docs/operations.md):
 *
 *   npx tsx scripts/restore-backup.ts <backup file> [--db data/hall.db]
 *
 * Stop the server first (the script refuses a database in use). The current database is kept
 * as `<db>.before-restore-<time>`; the backup is checked before it replaces anything.
 */
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

try {
  const r = await restoreBackup(file, db);
  console.log(`restored ${file} into ${db} (${r.migrations} migrations; the server applies newer ones when it starts)`);
  console.log(r.keptAside ? `the database it replaced is kept as ${r.keptAside}` : `there was no database at ${db} before`);
} catch (e) {
  console.error(`restore refused: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
