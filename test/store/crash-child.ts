/** Child process for the crash test: a real server on a database file, killed with SIGKILL by the parent. */
import { createApp } from '../../server/app';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import { openStore } from '../../server/store';
import { createVoice } from '../../server/voice';

const dbPath = process.argv[2]!;
const store = openStore(dbPath);
seedDemoIfEmpty(store, { now: Date.now(), bcryptRounds: 4 });
const app = createApp({ store, voice: createVoice({ enableEspeak: false, log: () => {} }), log: () => {} });
const port = await app.listen(0, '127.0.0.1');
process.stdout.write(`PORT ${port}\n`);
