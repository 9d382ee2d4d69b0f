/**
 * The range worker's first file: plain JavaScript, because Node starts a worker from a .js file
 * only. It registers tsx here, in the worker itself, then loads the TypeScript entry
 * (range-worker.ts). On Node 20 a loader handed down in execArgv (`--import tsx`, as `npm start`
 * runs under) does not reach a worker's own entry (nodejs/node#47747: ERR_UNKNOWN_FILE_EXTENSION),
 * so the worker starts the same way under `npm start`, vitest and a bare `node`.
 */
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
