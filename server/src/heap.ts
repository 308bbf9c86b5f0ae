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
// (measured: no change over 40 s idle). V8 does shrink the young generation at a collection when
// the allocation rate over its last 5 s is low, so one full collection once the process has been
// idle for longer than that gives the memory back (IdleCollector). It costs one collection per idle
// period, never one while the user is typing.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function boundHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

let gc: (() => void) | undefined;

/** A full, synchronous collection: V8's own gc(), made reachable without `--expose-gc` on the
 *  command line (the flag installs it in contexts created afterwards, such as this one). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Longer than the 5 s over which V8 measures the allocation rate it decides to shrink by. */
export const IDLE_COLLECT_MS = 10_000;

/**
 * Runs `collect` once when `activity()` has not been called for `idleMs`; the next activity arms it
 * again. The timer never keeps the process alive.
 */
export class IdleCollector {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly idleMs = IDLE_COLLECT_MS,
    private readonly collect: () => void = collectGarbage,
  ) {}

  activity(): void {
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.collect();
      }, this.idleMs);
      this.timer.unref();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
