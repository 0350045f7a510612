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
 * Codes statements aside while the caller goes on: batch after batch (an ingest adds each batch of
 * rows as it reads it), on one worker thread started at the first large batch and kept until
 * `close`, or in this thread while every batch so far was small. `of` waits only for the batches
 * that hold the given keys, so an ingest settles its first rows while the worker codes the rest.
 * A coding is handed out once (`take`) and then let go of.
 */
export class AsideCoder {
  private worker: Worker | null = null;
  private failure: unknown = null;
  private readonly coded = new Map<string, CodedVerdict>();
  /** Keys sent to the worker and not answered yet, each with its batch's answer. */
  private readonly waiting = new Map<string, Promise<void>>();
  /** Batches sent, in order: the worker answers them in that order. */
  private readonly sent: { inputs: CodeVerdictInput[]; answered: Deferred }[] = [];

  constructor(private readonly options: { workerFrom?: number } = {}) {}

  add(inputs: CodeVerdictInput[]): void {
    const distinct = new Map<string, CodeVerdictInput>();
    for (const input of inputs) {
      const key = codingKey(input);
      if (!this.coded.has(key) && !this.waiting.has(key)) distinct.set(key, input);
    }
    if (!this.worker && distinct.size < (this.options.workerFrom ?? WORKER_FROM)) {
      for (const [key, input] of distinct) this.coded.set(key, codeVerdict(input));
      return;
    }
    const worker = this.started();
    const all = [...distinct.values()];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const answered = deferred();
      // Every waiting caller sees a failure; one nobody waits for is not an unhandled rejection.
      answered.promise.catch(() => {});
      if (this.failure) answered.reject(this.failure);
      this.sent.push({ inputs: batch, answered });
      for (const input of batch) this.waiting.set(codingKey(input), answered.promise);
      worker.postMessage(batch);
    }
  }

  /** Resolves once every given key that was added is coded. */
  async of(keys: Iterable<string>): Promise<void> {
    const batches = new Set<Promise<void>>();
    for (const key of keys) {
      const batch = this.waiting.get(key);
      if (batch) batches.add(batch);
    }
    await Promise.all(batches);
  }

  /** The coding of a key added and answered, handed out once. */
  take(key: string): CodedVerdict | undefined {
    const coding = this.coded.get(key);
    this.coded.delete(key);
    return coding;
  }

  /** Stops the worker; codings not answered yet are dropped. */
  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    // An ingest that fails before it closes its coder must not keep the process alive.
    worker.unref();
    worker.on('message', (answer: CodedVerdict[]) => {
      const batch = this.sent.shift();
      if (!batch) return;
      batch.inputs.forEach((input, j) => {
        const key = codingKey(input);
        this.coded.set(key, answer[j]);
        this.waiting.delete(key);
      });
      batch.answered.resolve();
    });
    const fail = (error: unknown) => {
      this.failure ??= error;
      for (const batch of this.sent.splice(0)) batch.answered.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        fail(new Error(`the coder's worker stopped (exit code ${code})`));
      }
    });
    this.worker = worker;
    return worker;
  }
}

/** Codes every input aside (see AsideCoder) and answers all the codings, by codingKey. */
export async function codeVerdictsAside(
  inputs: CodeVerdictInput[],
  options: { workerFrom?: number } = {},
): Promise<Map<string, CodedVerdict>> {
  const coder = new AsideCoder(options);
  try {
    const distinct = new Map(inputs.map((input) => [codingKey(input), input]));
    coder.add([...distinct.values()]);
    await coder.of(distinct.keys());
    return new Map([...distinct].map(([key, input]) => [key, coder.take(key) ?? codeVerdict(input)]));
  } finally {
    coder.close();
  }
}

/** A promise with its settling functions (Promise.withResolvers, from Node 22). */
interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function deferred(): Deferred {
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
