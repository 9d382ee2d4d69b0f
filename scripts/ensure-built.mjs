// `npm start` builds the web apps only when they are missing or older than their sources,
// so a restart of the hall server takes a second, not a full build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const outputs = ['dist/display/wall.html', 'dist/counter/counter.html'];
const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const sources = Math.max(newest('display'), newest('counter'), newest('shared'));
if (built < sources) {
  console.log('[hall] building the web apps …');
  execSync('npm run build:apps --silent', { stdio: 'inherit' });
}
