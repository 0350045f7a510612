/** Progress of long work (ingest, synth, recode), reported by phase and count. */
export interface Progress {
  phase: string;
  done: number;
  /** 0 while the total is not known. */
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

/**
 * Calls the listener at the start and end of a phase and about every `every` items,
 * so a million-row file reports a few hundred lines, not a million.
 */
export function phaseReporter(
  listener: ProgressListener | undefined,
  phase: string,
  total: number,
  every = Math.max(1000, Math.ceil(total / 20)),
) {
  let last = -Infinity;
  return (done: number) => {
    if (!listener) return;
    if (done === 0 || done >= total || done - last >= every) {
      last = done;
      listener({ phase, done, total });
    }
  };
}

/** A listener that writes "phase: done/total (pct%)" lines to stderr. */
export function stderrProgress(label: string): ProgressListener {
  const started = Date.now();
  return ({ phase, done, total }) => {
    const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    // A total of 0: not known yet (a file's rows while it is first read).
    const count = total ? `${done}/${total} (${Math.round((done / total) * 100)}%)` : String(done);
    process.stderr.write(`${label} ${phase}: ${count} ${seconds}\n`);
  };
}
