/** A worker thread that codes batches of statements with the rule coder (see coder-pool.ts). */
import { parentPort } from 'node:worker_threads';
import { codeVerdict, type CodeVerdictInput } from './coder.js';

parentPort?.on('message', (inputs: CodeVerdictInput[]) => {
  parentPort?.postMessage(inputs.map(codeVerdict));
});
