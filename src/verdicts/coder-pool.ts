/**
 * The rule coder run beside the caller: a large batch of statements is coded on a worker thread
 * while the caller goes on (an ingest reconciles its rows meanwhile), a small one in this thread.
 * The coder is a pure function of its input, so where it runs changes no result.
 */
import { Worker } from 'node:worker_threads';
import { codeVerdict, type CodeVerdictInput, type CodedVerdict } from './coder.js';

/** Below this many statements, starting a thread (and loading the coder's rules in it) costs more than it saves. */
const WORKER_FROM = 5_000;

/** Statements per message: answers come back while the worker codes the rest. */
const BATCH = 5_000;

/** The key a statement's coding is found under: what the coder reads of it. */
export const codingKey = (input: CodeVerdictInput) => `${input.statementKind ?? ''}\u0000${input.language ?? ''}\u0000${input.quote}`;

/** Codes every input, on a worker thread when there are many; the answer maps codingKey to the coding. */
export async function codeVerdictsAside(
  inputs: CodeVerdictInput[],
  options: { workerFrom?: number } = {},
): Promise<Map<string, CodedVerdict>> {
  const distinct = [...new Map(inputs.map((i) => [codingKey(i), i])).values()];
  if (distinct.length < (options.workerFrom ?? WORKER_FROM)) return new Map(distinct.map((i) => [codingKey(i), codeVerdict(i)]));
  const worker = startWorker();
  try {
    const batches: CodeVerdictInput[][] = [];
    for (let i = 0; i < distinct.length; i += BATCH) batches.push(distinct.slice(i, i + BATCH));
    const coded = new Map<string, CodedVerdict>();
    await new Promise<void>((resolve, reject) => {
      let answered = 0;
      // Answers come back in the order the batches were sent.
      worker.on('message', (answer: CodedVerdict[]) => {
        batches[answered].forEach((input, j) => {
          coded.set(codingKey(input), answer[j]);
        });
        if (++answered === batches.length) resolve();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the coder's worker stopped (exit code ${code})`)));
      for (const batch of batches) worker.postMessage(batch);
    });
    return coded;
  } finally {
    await worker.terminate();
  }
}

/** The coder's worker. It is TypeScript like this module: tsx (a dependency) is registered in the thread first, wherever this runs. */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./coder-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}
