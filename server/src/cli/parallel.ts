// `vanban check` over many files: every document read and parsed once, on every core.
//
// Each file is read, parsed and checked by the single-document rules in a worker thread (or in the
// main thread, which takes tasks too); the main thread then runs the cross-document rule on the
// reports, against the other documents' models. Those models are kept without their plain lines
// (nine tenths of a model's memory), which the cross-document rule does not read: a model without
// them throws when they are read, so that a rule that starts to need them fails loudly instead of
// differing quietly.
//
// runCheck is synchronous, so the main thread waits for the workers with Atomics.wait and takes
// their results with receiveMessageOnPort; workers claim tasks from a shared counter.

import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import { checkDocument } from '../core/engine.js';
import { parseDocument } from '../core/document/parse.js';
import { LineIndex } from '../core/text.js';
import type { Finding, LocalizedText } from '../core/types.js';
import { readDocument } from './documents.js';

export interface CheckTask {
  path: string;
  /** Index into the configurations sent with the tasks. */
  config: number;
  maxFileSize: number;
}

export type CheckedFile =
  | {
      ok: true;
      text: string;
      findings: Finding[];
      failures: { ruleId: string; error: string }[];
      /** The model without plain lines, for the cross-document rule (reports and what they report on). */
      model?: PolicyDocument;
    }
  | { ok: false; message: LocalizedText };

/** Document kinds that take part in the cross-document rule. */
const CROSS_DOCUMENT_KINDS = new Set<PolicyDocument['kind']>(['report', 'resolution', 'plan', 'decision']);

export function checkFile(task: CheckTask, config: CoreConfig, keepModel: boolean): CheckedFile {
  const read = readDocument(task.path, task.maxFileSize);
  if (!read.ok) return { ok: false, message: read.message };
  const text = read.document.text;
  const document = parseDocument(text, config);
  // No workspace: the cross-document rule stays silent here and runs later with every model.
  const analysis = checkDocument(document, config);
  const result: CheckedFile = { ok: true, text, findings: analysis.findings, failures: analysis.failures };
  if (keepModel && CROSS_DOCUMENT_KINDS.has(document.kind)) {
    // Structured clone copies data only: the line index is rebuilt from the text on arrival.
    result.model = { ...document, plainLines: [], lines: undefined as unknown as LineIndex };
  }
  return result;
}

/** A model back from a worker (or kept in this thread): line index rebuilt, plain lines withheld. */
export function reviveModel(model: PolicyDocument, text: string): PolicyDocument {
  const revived: PolicyDocument = { ...model, text, lines: new LineIndex(text) };
  Object.defineProperty(revived, 'plainLines', {
    enumerable: false,
    get() {
      throw new Error('the plain lines of another document are not kept when many files are checked');
    },
  });
  return revived;
}

/** How many threads: one per core up to the work's worth (a worker costs a start-up of ~0.1 s). */
export function defaultJobs(files: number, bytes: number): number {
  if (files < 8 || bytes < 2_000_000) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 4)));
}

interface WorkerInput {
  vanbanCheckWorker: true;
  tasks: CheckTask[];
  configs: CoreConfig[];
  keepModels: boolean;
  counters: SharedArrayBuffer;
  port: MessagePort;
}

// Counter slots: the next task to claim, and the number of results posted.
const NEXT = 0;
const POSTED = 1;

/**
 * Checks `tasks` on `jobs` threads (this one included) and returns the results in task order.
 * `script` is the bundled CLI, which starts a worker loop when loaded as a worker.
 */
export function checkFiles(
  tasks: CheckTask[],
  configs: CoreConfig[],
  keepModels: boolean,
  jobs: number,
  script: string | undefined,
  onProgress?: (done: number, total: number) => void,
): CheckedFile[] {
  const results: (CheckedFile | undefined)[] = new Array(tasks.length);
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  if (script !== undefined) {
    for (let k = 1; k < Math.min(jobs, tasks.length); k++) {
      const { port1, port2 } = new MessageChannel();
      const input: WorkerInput = { vanbanCheckWorker: true, tasks, configs, keepModels, counters: counters.buffer as SharedArrayBuffer, port: port2 };
      workers.push(new Worker(script, { workerData: input, transferList: [port2] }));
      ports.push(port1);
    }
  }
  let received = 0;
  const drain = (): void => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { index, result } = m.message as { index: number; result: CheckedFile };
        results[index] = result;
        received++;
        onProgress?.(received, tasks.length);
      }
    }
  };
  // This thread works too, and collects what the workers have finished between its own tasks.
  for (let i = Atomics.add(counters, NEXT, 1); i < tasks.length; i = Atomics.add(counters, NEXT, 1)) {
    results[i] = checkFile(tasks[i]!, configs[tasks[i]!.config]!, keepModels);
    received++;
    onProgress?.(received, tasks.length);
    drain();
  }
  while (received < tasks.length) {
    const posted = Atomics.load(counters, POSTED);
    // A worker posts all it claimed before it ends: when every worker has ended and results are
    // still missing, one of them died (out of memory) and waiting longer would wait for ever.
    const allEnded = workers.every((w) => w.threadId === -1);
    drain();
    if (received < tasks.length) {
      if (allEnded) throw new Error('a worker thread stopped before it finished its files');
      Atomics.wait(counters, POSTED, posted, 1000);
    }
  }
  for (const w of workers) void w.terminate();
  for (const p of ports) p.close();
  return results.map((r, i) => {
    if (!r) throw new Error(`no result for ${tasks[i]!.path}`);
    if (r.ok && r.model) r.model = reviveModel(r.model, r.text);
    return r;
  });
}

/** The worker's loop: claim tasks until none are left, post each result. */
export function runCheckWorker(data: unknown): boolean {
  const input = data as WorkerInput | undefined;
  if (!input || input.vanbanCheckWorker !== true) return false;
  const counters = new Int32Array(input.counters);
  for (let i = Atomics.add(counters, NEXT, 1); i < input.tasks.length; i = Atomics.add(counters, NEXT, 1)) {
    const task = input.tasks[i]!;
    let result: CheckedFile;
    try {
      result = checkFile(task, input.configs[task.config]!, input.keepModels);
    } catch (error) {
      result = { ok: true, text: '', findings: [], failures: [{ ruleId: '(parse)', error: error instanceof Error ? error.message : String(error) }] };
    }
    input.port.postMessage({ index: i, result });
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  }
  input.port.close();
  return true;
}
