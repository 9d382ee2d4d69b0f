// The espeak-ng (WASM) synthesiser, in a worker thread: one sentence takes about 250 ms of
// CPU, which must never block the server's event loop. Plain JavaScript on purpose: the
// worker is started by Node itself (under tsx, vitest or a build alike), with no TS loader.
//
// Protocol (see espeak.ts): the worker posts {type:'ready'} or {type:'init-failed', message}
// once; then for each {id, args, text} it posts {type:'result', id, wav} (WAV bytes,
// transferred) or {type:'error', id, message}. The parent sends one request at a time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const specifier = (workerData && workerData.moduleSpecifier) || 'espeak-ng';

/** @type {(opts: object) => Promise<{FS: {readFile(p: string): Uint8Array, analyzePath(p: string): {exists: boolean}}}>} */
let factory;
/** @type {WebAssembly.Module} */
let wasm;

try {
  factory = (await import(specifier)).default;
  // Compile the 18 MB module once; each synthesis only instantiates it (a fresh instance per
  // call, because the espeak CLI entry point runs main() once per instance).
  const wasmUrl = new URL('espeak-ng.wasm', import.meta.resolve(specifier));
  wasm = await WebAssembly.compile(readFileSync(fileURLToPath(wasmUrl)));
  parentPort.postMessage({ type: 'ready' });
} catch (e) {
  parentPort.postMessage({ type: 'init-failed', message: e instanceof Error ? e.message : String(e) });
}

/** @param {string[]} args @param {string} text @returns {Promise<Uint8Array>} */
async function synthesise(args, text) {
  const errors = [];
  const es = await factory({
    // The text goes through a file, never argv: a notice starting with "-" is not an option.
    arguments: [...args, '-w', '/out.wav', '-f', '/in.txt'],
    preRun: [(m) => m.FS.writeFile('/in.txt', text)],
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(wasm, imports).then(done, (e) => errors.push(String(e)));
      return {};
    },
    print: () => {},
    printErr: (line) => errors.push(line),
  });
  if (!es.FS.analyzePath('/out.wav').exists) {
    throw new Error(errors.find((l) => l.startsWith('Error')) || errors[0] || 'espeak-ng wrote no audio');
  }
  return es.FS.readFile('/out.wav');
}

parentPort.on('message', async (msg) => {
  if (!factory || !wasm) {
    parentPort.postMessage({ type: 'error', id: msg.id, message: 'espeak-ng is not loaded' });
    return;
  }
  try {
    const wav = await synthesise(msg.args, msg.text);
    const copy = new Uint8Array(wav); // detach from the instance's heap so it can be transferred
    parentPort.postMessage({ type: 'result', id: msg.id, wav: copy }, [copy.buffer]);
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
});
