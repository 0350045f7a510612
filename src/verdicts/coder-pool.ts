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

/**
 * Codings being made aside. `of` waits only for the batches that hold the given keys: an ingest
 * settles its first rows while the worker still codes the rest.
 */
export interface CodingsAside {
  /** The codings answered so far, once every given key's batch is in (a key never given is not waited for). */
  of(keys: Iterable<string>): Promise<Map<string, CodedVerdict>>;
  /** Every coding. */
  all(): Promise<Map<string, CodedVerdict>>;
}

/** Codes every input, on a worker thread when there are many; answers map codingKey to the coding. */
export function codeVerdictsAside(inputs: CodeVerdictInput[], options: { workerFrom?: number } = {}): CodingsAside {
  const distinct = [...new Map(inputs.map((i) => [codingKey(i), i])).values()];
  const coded = new Map<string, CodedVerdict>();
  if (distinct.length < (options.workerFrom ?? WORKER_FROM)) {
    for (const input of distinct) coded.set(codingKey(input), codeVerdict(input));
    const done = Promise.resolve(coded);
    return { of: () => done, all: () => done };
  }
  const batches: CodeVerdictInput[][] = [];
  for (let i = 0; i < distinct.length; i += BATCH) batches.push(distinct.slice(i, i + BATCH));
  const batchOf = new Map(distinct.map((input, i) => [codingKey(input), Math.floor(i / BATCH)]));
  const answered = batches.map(deferred);
  const fail = (error: unknown) => {
    for (const a of answered) a.reject(error);
  };
  // Every waiting caller sees a failure; one nobody waits for is not an unhandled rejection.
  for (const a of answered) a.promise.catch(() => {});
  const worker = startWorker();
  let count = 0;
  // Answers come back in the order the batches were sent.
  worker.on('message', (answer: CodedVerdict[]) => {
    batches[count].forEach((input, j) => {
      coded.set(codingKey(input), answer[j]);
    });
    answered[count].resolve();
    if (++count === batches.length) void worker.terminate();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (count < batches.length) fail(new Error(`the coder's worker stopped (exit code ${code})`));
  });
  for (const batch of batches) worker.postMessage(batch);
  return {
    async of(keys) {
      let last = -1;
      for (const key of keys) last = Math.max(last, batchOf.get(key) ?? -1);
      if (last >= 0) await answered[last].promise;
      return coded;
    },
    async all() {
      await answered[answered.length - 1].promise;
      return coded;
    },
  };
}

/** A promise with its settling functions (Promise.withResolvers, from Node 22). */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The coder's worker. It is TypeScript like this module: tsx (a dependency) is registered in the thread first, wherever this runs. */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./coder-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}
