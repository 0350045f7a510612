/**
 * Bounds on one execution: how long it may run, and how large its answer may be.
 *
 * The time limit aborts the execution's signal, which the executor checks before every field
 * it resolves and races against what is pending, so a request over its time stops doing work
 * and answers at once; a client that goes away aborts it the same way. An answer larger than
 * the response limit is replaced by an error, so no client can make the server send more.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { HardeningStats } from './hardening.js';

export interface ExecutionLimits {
  /** Milliseconds an operation may run. */
  maxExecutionMs: number;
  /** Bytes of JSON an answer may have. */
  maxResponseBytes: number;
}

function timedOut(ms: number) {
  return createGraphQLError(
    `Request stopped: it ran for more than ${ms / 1000} s, the limit for one request. Ask for smaller pages or fewer nested lists.`,
    {
      extensions: { code: 'REQUEST_TIMEOUT', maxExecutionMs: ms, http: { status: 503, headers: { 'retry-after': '1' } } },
    },
  );
}

function tooLarge(bytes: number, max: number) {
  return createGraphQLError(
    `Response refused: it would be ${bytes.toLocaleString('en')} bytes, over the limit of ${max.toLocaleString('en')}. Ask for smaller pages or fewer fields.`,
    { extensions: { code: 'RESPONSE_TOO_LARGE', maxResponseBytes: max, http: { status: 400 } } },
  );
}

/**
 * A signal that aborts when the request's time is up or its client goes away. A timer alone
 * would not do: an execution over SQLite may run to its end in microtasks without ever letting
 * a timer fire, so the executor's own check before each field also reads the clock.
 */
function deadlineSignal(ms: number, clientGone: AbortSignal | undefined): { deadline: AbortSignal; signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const endsAt = Date.now() + ms;
  const timer = setTimeout(() => controller.abort(new DOMException('request time is up', 'TimeoutError')), ms);
  timer.unref();
  const signal = clientGone ? AbortSignal.any([clientGone, controller.signal]) : controller.signal;
  const check = signal.throwIfAborted.bind(signal);
  signal.throwIfAborted = () => {
    if (!controller.signal.aborted && Date.now() > endsAt) {
      // Aborted as the timer would abort it, and not thrown from this check: the executor then
      // stops through its race on the signal, as it does when the timer fires. A throw from a
      // check inside the object of a field could leave the other fields' promises unawaited,
      // rejecting later with no one to hear it. The next check throws.
      controller.abort(new DOMException('request time is up', 'TimeoutError'));
      return;
    }
    check();
  };
  return { deadline: controller.signal, signal, done: () => clearTimeout(timer) };
}

export function executionBounds(limits: ExecutionLimits, stats: HardeningStats): Plugin<{ request?: Request }> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const { deadline, signal, done } = deadlineSignal(limits.maxExecutionMs, args.contextValue.request?.signal);
      setExecuteFn(async (executeArgs) => {
        try {
          // The executor reads `signal` from its arguments (graphql-yoga's own cancellation plugin sets it the same way).
          return await executeFn({ ...executeArgs, signal } as typeof executeArgs);
        } catch (error) {
          if (!deadline.aborted) throw error;
          stats.timedOut++;
          return { errors: [timedOut(limits.maxExecutionMs)] };
        } finally {
          done();
        }
      });
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const text = JSON.stringify(result);
          const bytes = Buffer.byteLength(text);
          if (bytes > limits.maxResponseBytes) {
            stats.oversizedResponses++;
            setResult({ errors: [tooLarge(bytes, limits.maxResponseBytes)] });
            return;
          }
          // The answer goes out as measured: yoga's result processor (and the response cache) use a
          // result's own stringify. Not for one with errors, whose internals yoga strips while serialising.
          if (!result.errors?.length && !result.extensions?.http) setResult({ ...result, stringify: () => text } as typeof result);
        },
      };
    },
  };
}
