// `vanban check` over many files: every document read and parsed once, on every core.
//
// Each file is read, parsed and checked by the single-document rules in a worker thread (or in the
// main thread, which takes tasks too), inline configuration applied and findings turned into
// diagnostics there. What comes back is small: the diagnostics, and for the documents that take
// part in the cross-document rule a workspace summary (core/workspace/summary.ts) with the line
// starts its findings and related locations need; no text (but that of a report with inline
// configuration comments, which must also apply to its cross-document findings) and no model.
// The main thread then runs the cross-document rule on the reports, against the summaries.
//
// runCheck is synchronous, so the main thread waits for the workers with Atomics.wait and takes
// their results with receiveMessageOnPort; workers claim tasks from a shared counter.

import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import { checkDocument } from '../core/engine.js';
import { parseDocument } from '../core/document/parse.js';
import { rules } from '../core/rules/index.js';
import { applyInlineSuppressions } from '../core/suppress.js';
import type { Finding, Locale, LocalizedText } from '../core/types.js';
import { reviveSummary, workspaceSummary } from '../core/workspace/summary.js';
import { reportsOnAnother } from '../core/workspace/link.js';
import { readDocument } from './documents.js';
import { analysisFailure } from './messages.js';
import { displayPath, toDiagnostics, type Diagnostic } from './report.js';
import { addWordLocations, type WordOrigins } from './word.js';

export interface CheckTask {
  path: string;
  /** Index into the configurations sent with the tasks. */
  config: number;
  maxFileSize: number;
}

/** What every task shares. */
export interface CheckSettings {
  configs: CoreConfig[];
  /** Summaries are wanted: more than one file is checked. */
  crossDocument: boolean;
  inlineConfig: boolean;
  locale: Locale;
  /** Paths are shown relative to it. */
  cwd: string;
}

export type CheckedFile =
  | {
      ok: true;
      /** The single-document findings, inline configuration applied, in order. */
      diagnostics: Diagnostic[];
      /** Offsets of each diagnostic's finding (start, end, start, end, …), to merge more in order. */
      spans: number[];
      failures: { ruleId: string; error: string }[];
      /** For the cross-document rule (reports and what they report on). */
      summary?: PolicyDocument;
      /** With a summary: where the lines of the text start, and its length. */
      lineStarts?: Int32Array;
      length?: number;
      /** With a report's summary, when the text has inline configuration comments. */
      text?: string;
      /** With a Word report's summary: its converted text and where its lines are in Word. */
      word?: { text: string; origins: WordOrigins };
    }
  | { ok: false; message: LocalizedText };

/** Document kinds that take part in the cross-document rule. */
const CROSS_DOCUMENT_KINDS = new Set<PolicyDocument['kind']>(['report', 'resolution', 'plan', 'decision']);

const KNOWN_RULE_IDS = rules.map((r) => r.id);

export const byPosition = (a: Finding, b: Finding): number => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);

export function checkFile(task: CheckTask, settings: CheckSettings): CheckedFile {
  const read = readDocument(task.path, task.maxFileSize);
  if (!read.ok) return { ok: false, message: read.message };
  const config = settings.configs[task.config]!;
  const text = read.document.text;
  let document: PolicyDocument;
  let analysis: ReturnType<typeof checkDocument>;
  try {
    document = parseDocument(text, config);
    // No workspace: the cross-document rule stays silent here and runs later with the summaries.
    analysis = checkDocument(document, config);
  } catch (error) {
    // One document that cannot be analysed is one error naming it; the others are still checked.
    return { ok: false, message: analysisFailure(error) };
  }
  let findings = analysis.findings;
  if (settings.inlineConfig) {
    const result = applyInlineSuppressions(text, findings, KNOWN_RULE_IDS);
    findings = [...result.findings, ...result.problems].sort(byPosition);
  }
  const shown = displayPath(task.path, settings.cwd);
  const diagnostics = toDiagnostics(findings, document.lines, shown, settings.locale, () => undefined);
  if (read.document.word) addWordLocations(diagnostics, text, read.document.word, settings.locale);
  const spans: number[] = [];
  for (const f of findings) spans.push(f.span.start, f.span.end);
  const result: CheckedFile = { ok: true, diagnostics, spans, failures: analysis.failures };
  if (settings.crossDocument && CROSS_DOCUMENT_KINDS.has(document.kind)) {
    result.summary = workspaceSummary(document);
    result.lineStarts = Int32Array.from(document.lines.starts);
    result.length = text.length;
    if (reportsOnAnother(document) && settings.inlineConfig && text.includes('vanban-')) result.text = text;
    if (reportsOnAnother(document) && read.document.word) result.word = { text, origins: read.document.word };
  }
  // Messages and the summary's strings are slices of the text, which would keep the whole text
  // (and through the summary, parts of the model) alive for the rest of the run: copied flat here,
  // as posting them from a worker does.
  return isMainThread ? structuredClone(result) : result;
}

/** How many threads: one per core up to the work's worth (a worker costs a start-up of ~0.1 s). */
export function defaultJobs(files: number, bytes: number): number {
  if (files < 8 || bytes < 2_000_000) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 4)));
}

interface WorkerInput {
  vanbanCheckWorker: true;
  tasks: CheckTask[];
  settings: CheckSettings;
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
  settings: CheckSettings,
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
      const input: WorkerInput = { vanbanCheckWorker: true, tasks, settings, counters: counters.buffer as SharedArrayBuffer, port: port2 };
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
    results[i] = checkFile(tasks[i]!, settings);
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
    if (r.ok && r.summary) r.summary = reviveSummary(r.summary);
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
      result = checkFile(task, input.settings);
    } catch (error) {
      result = { ok: false, message: analysisFailure(error) };
    }
    input.port.postMessage({ index: i, result });
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  }
  input.port.close();
  return true;
}
