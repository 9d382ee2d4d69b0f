// `npm run check`: type check (server and tests, then each app), lint and build, then all tests.
// The static steps are single-threaded and independent of each other, so they run side by side,
// as many at once as there are cores (CHECK_JOBS=n to choose); one after another they took 290 s
// on a loaded 2-core machine. Each step's output is printed whole when it ends, with its time. If any step fails, the others still finish (so one run shows every
// failure), the tests do not start, and the exit code is 1; otherwise the exit code is vitest's.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'node_modules/.bin');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A script's commands, split at `&&`, with `npm run x` replaced by x's own commands. */
function commandsOf(name) {
  const script = scripts[name];
  if (!script) throw new Error(`package.json has no script "${name}"`);
  return script.split('&&').flatMap((part) => {
    const cmd = part.trim();
    const nested = /^npm run ([\w:-]+)$/.exec(cmd);
    return nested ? commandsOf(nested[1]) : [cmd];
  });
}

// The same commands as `npm run typecheck && npm run lint && npm run build`, read from
// package.json so that a step added there is checked here too (the commands of these scripts must
// not depend on each other: they run at the same time). Taken in this order, two at a
// time end close together (measured one by one: tsc 99 s, vue-tsc 45 s and 83 s, eslint 62 s,
// the builds 2 s and 3 s).
const steps = [...commandsOf('typecheck'), ...commandsOf('lint'), ...commandsOf('build')];
const jobs = Math.max(1, Number(process.env.CHECK_JOBS) || availableParallelism());
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

/** Runs one step with its output held back; resolves with its exit code, output and seconds. */
function run(step) {
  const started = Date.now();
  return new Promise((resolve) => {
    // Through the shell with node_modules/.bin on PATH, as npm runs a script.
    const child = spawn(step, { cwd: root, shell: true, env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } });
    children.add(child);
    const output = [];
    child.stdout.on('data', (b) => output.push(b));
    child.stderr.on('data', (b) => output.push(b));
    const done = (code) => {
      children.delete(child);
      resolve({ code, output: Buffer.concat(output).toString(), seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (e) => {
      output.push(Buffer.from(`${e.message}\n`));
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const started = Date.now();
const queue = [...steps];
const failed = [];
async function worker() {
  for (let step = queue.shift(); step; step = queue.shift()) {
    const r = await run(step);
    const head = `── ${step}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s`;
    process.stdout.write(`${head}\n${r.output.trimEnd() ? `${r.output.trimEnd()}\n` : ''}`);
    if (r.code !== 0) failed.push(step);
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, steps.length) }, worker));
console.log(`── static checks: ${((Date.now() - started) / 1000).toFixed(1)} s with ${jobs} at once`);
if (failed.length) {
  console.error(`── check failed: ${failed.join(', ')}`);
  process.exit(1);
}

const tests = spawn(join(bin, 'vitest'), ['run'], { cwd: root, stdio: 'inherit' });
children.add(tests);
tests.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
