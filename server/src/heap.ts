// V8's heap, kept close to what is live in the two long-lived processes (the CLI over a folder, the
// language server over a workspace).
//
// Growth. Both keep a modest amount of live data (diagnostics, workspace summaries, open texts)
// while they parse document after document, and parsing allocates much more than it keeps. With
// its default growth factor V8 lets the old generation grow to several times what is live before
// it collects (measured: 330 MB peak for 85 MB live on the 1,000-document benchmark; 367 MB RSS for
// 81 MB live in the server with 200 documents open), and it does not give the memory back. A factor
// of 1 + percent/100 makes it collect sooner. This is not a limit: a larger input still gets all
// the memory it needs. The flag is read at each collection and is process-wide (worker threads too).
//
// Idle. After a burst of analyses the young generation stays at its largest (32 MB on 64-bit Node
// 20) while nothing is allocated any more: V8's memory reducer does not run in Node 20 here
// (measured: no change over 40 s idle). V8 does shrink the young generation at a full collection
// when the allocation rate it measured at the collections of the last 5 s is low; a collection
// long after the burst still counts what the burst left in the young generation as allocated
// since the previous one, so it takes two: a young-generation collection once the process has been
// idle for a while, then a full one some seconds later (IdleCollector). Measured with 200 documents
// open in the language server: the young generation went from 32 MB to 1 MB. Two collections per
// idle period, never one while the user is typing.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The largest document this process can analyse without running out of memory: the analysis
 * holds about 64 bytes of heap per byte of text (a 64 MB document peaked at 4 GB), and a 200 MB one
 * aborted V8 (issue 16). A fraction of the heap limit, so `node --max-old-space-size` raises it;
 * never below the default size limit of 20 MB.
 */
export function analysableBytes(): number {
  return Math.max(20 * 1024 * 1024, Math.floor(getHeapStatistics().heap_size_limit / 80));
}

export function boundHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

type Gc = (options?: { type: 'minor' | 'major' }) => void;
let gc: Gc | undefined;

/** A synchronous collection (full by default): V8's own gc(), made reachable without `--expose-gc`
 *  on the command line (the flag installs it in contexts created afterwards, such as this one). */
export function collectGarbage(kind: 'minor' | 'major' = 'major'): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  // gc() without options is the precise full collection; with { type: 'major' } V8 11 keeps what
  // the stack may point to.
  if (kind === 'minor') gc({ type: 'minor' });
  else gc();
}

/** Idle time before the young-generation collection, then the time before the full one: longer
 *  than the 5 s over which V8 measures the allocation rate it decides to shrink by. */
export const IDLE_DELAYS = { idleMs: 5_000, settleMs: 6_000 };

/**
 * Once `activity()` has not been called for `idleMs`: `collect('minor')`, then `settleMs` later
 * `collect('major')`. The next activity cancels what is pending and arms it again. The timers
 * never keep the process alive.
 */
export class IdleCollector {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly delays = IDLE_DELAYS,
    private readonly collect: (kind: 'minor' | 'major') => void = collectGarbage,
  ) {}

  activity(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = this.after(this.delays.idleMs, () => {
      this.collect('minor');
      this.timer = this.after(this.delays.settleMs, () => {
        this.timer = undefined;
        this.collect('major');
      });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private after(ms: number, run: () => void): NodeJS.Timeout {
    const timer = setTimeout(run, ms);
    timer.unref();
    return timer;
  }
}
