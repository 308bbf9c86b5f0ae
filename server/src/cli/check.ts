// `vanban check`: documents → findings (inline configuration applied) → fixes → one report in the
// chosen format → exit status.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CoreConfig } from '../core/config.js';
import { analyze, checkDocument } from '../core/engine.js';
import { rules } from '../core/rules/index.js';
import { applyInlineSuppressions } from '../core/suppress.js';
import { LineIndex } from '../core/text.js';
import type { Finding, Locale } from '../core/types.js';
import type { WorkspaceContext, WorkspaceDocument } from '../core/workspace/types.js';
import type { InputFile } from './files.js';
import { byPosition, checkFiles, defaultJobs, type CheckTask } from './parallel.js';
import { encodeDocument } from '../io/encoding.js';
import type { DocumentText } from './documents.js';
import { addWordLocations } from './word.js';
import { fixUntilStable, lineDiff, pauseBeforeWrite, replaceFileContent, unchangedSince, type ReadStamp } from './fix.js';
import { formatGithub } from './formatters/github.js';
import { formatJson } from './formatters/json.js';
import { formatJunit } from './formatters/junit.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { analysisFailure, msg, tr } from './messages.js';
import { loadWorkspace, type LoadedWorkspace } from './workspace.js';
import { reportsOnAnother } from '../core/workspace/link.js';
import type { CheckOptions } from './options.js';
import { LinePositions, toDiagnostics, type CheckReport, type Diagnostic, type FileReport, type Positions } from './report.js';
import { Session, type Io } from './session.js';

import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from './exit.js';

const KNOWN_RULE_IDS = rules.map((r) => r.id);
/** The rule that needs the other documents (checked alone, a document gets none of its findings). */
const CROSS_DOCUMENT_RULE = 'resolution-mismatch';

interface Checked {
  findings: Finding[];
  failures: { ruleId: string; error: string }[];
}

function checkText(text: string, config: CoreConfig, inlineConfig: boolean, workspace?: WorkspaceContext): Checked {
  const analysis = analyze(text, { config, ...(workspace ? { workspace } : {}) });
  return { findings: suppressInline(text, analysis.findings, inlineConfig), failures: analysis.failures };
}

function suppressInline(text: string, findings: Finding[], inlineConfig: boolean): Finding[] {
  if (!inlineConfig) return findings;
  const result = applyInlineSuppressions(text, findings, KNOWN_RULE_IDS);
  return [...result.findings, ...result.problems].sort(byPosition);
}

/** The bundled CLI file, which workers load; absent when running from unbundled modules. */
const workerScript = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;

export function runCheck(options: CheckOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const locale = options.locale;
  const documents = new Map<string, { lines: LineIndex; path: string }>();
  const files: FileReport[] = [];
  // The documents checked together, for the cross-document rule (resolution-mismatch).
  const inputs = options.stdin ? [] : session.collect(options.paths);
  // Checking without fixes and without configured links: each file read and parsed once, on every
  // core. Fixes re-check changed text, and configured links pull in files that were not named:
  // both take the path below.
  const once = !options.stdin && options.fix === 'none' && inputs.every((f) => (session.configFor(f.path)?.links.length ?? 0) === 0);
  if (once) {
    checkOnce(session, options, inputs, files);
    return finish(session, options, files, io, options.stdin ? 1 : inputs.length);
  }
  const crossDocument = inputs.length > 1 || inputs.some((f) => session.configFor(f.path)?.links.some((l) => l.report === f.path));
  const shared: LoadedWorkspace | undefined = crossDocument ? loadWorkspace(session, inputs) : undefined;
  for (const d of shared?.documents ?? []) documents.set(d.id, { lines: d.document.lines, path: session.display(d.id) });

  // `stamp`: what the file was when read, for a file --fix may write (not standard input).
  const checkOne = (absolutePath: string, shownPath: string, decoded: DocumentText, config: CoreConfig, stamp?: ReadStamp) => {
    try {
      checkOneUnsafe(absolutePath, shownPath, decoded, config, stamp);
    } catch (error) {
      // One document that cannot be analysed is one error naming it; the others are still checked.
      session.fail(absolutePath, analysisFailure(error));
    }
  };
  const checkOneUnsafe = (absolutePath: string, shownPath: string, decoded: DocumentText, config: CoreConfig, stamp?: ReadStamp) => {
    const workspace = shared && { id: absolutePath, documents: shared.documents, links: shared.links };
    let text = decoded.text;
    let fixed = 0;
    let output: string | undefined;
    let diff: string[] | undefined;
    if (options.fix !== 'none') {
      const result = fixUntilStable(text, (t) => checkText(t, config, options.inlineConfig, workspace).findings);
      let keep = result.text !== text;
      if (keep) {
        // A Word document is never rewritten as Markdown: its fixes are shown as with --fix-dry-run.
        if (options.fix === 'write' && stamp && !decoded.word) {
          pauseBeforeWrite(io.env, absolutePath);
          if (!unchangedSince(absolutePath, stamp)) {
            // Saved by someone else since it was read: their edit wins; the report is of what was read.
            session.fail(absolutePath, msg.changedWhileFixing());
            keep = false;
          } else {
            try {
              replaceFileContent(absolutePath, encodeDocument(result.text, decoded.encoding));
            } catch (error) {
              session.fail(absolutePath, msg.writeFailed((error as NodeJS.ErrnoException).code ?? String(error)));
              return;
            }
          }
        } else {
          output = result.text;
          diff = lineDiff(text, result.text);
        }
      }
      if (keep) {
        fixed = result.applied;
        text = result.text;
      }
    }
    const { findings, failures } = checkText(text, config, options.inlineConfig, workspace);
    for (const f of failures) session.fail(absolutePath, msg.ruleFailed(f.ruleId, f.error));
    const lines = new LineIndex(text);
    documents.set(absolutePath, { lines, path: shownPath });
    const diagnostics = toDiagnostics(findings, lines, shownPath, locale, (id) => documents.get(resolve(io.cwd, id)));
    // Word positions are those of the text as read (fixes shown, never written, keep it so).
    if (decoded.word && text === decoded.text) addWordLocations(diagnostics, text, decoded.word, locale);
    files.push({
      path: shownPath,
      diagnostics,
      fixed,
      ...(output !== undefined ? { output } : {}),
      ...(diff !== undefined ? { diff } : {}),
      ...(options.fix === 'write' && decoded.word && fixed > 0 ? { notWritten: true } : {}),
    });
  };

  if (options.stdin) {
    const name = options.stdinFilename ?? '<stdin>';
    const absolute = resolve(io.cwd, options.stdinFilename ?? 'stdin.md');
    const config = session.configFor(absolute);
    if (config && options.stdinFilename !== undefined && config.isIgnored(absolute)) {
      session.notice(absolute, msg.ignoredExplicit());
    } else if (config) {
      const decoded = session.readStdin(name, config);
      const core = config.isIncluded(absolute) ? config.includedCore : config.core;
      if (decoded) checkOne(absolute, options.stdinFilename !== undefined ? session.display(absolute) : name, decoded, core);
    }
  } else {
    for (const file of inputs) {
      const config = session.configFor(file.path);
      if (!config) continue;
      const read = session.readWithStamp(file.path, config);
      if (read) checkOne(file.path, session.display(file.path), read.document, config.isIncluded(file.path) ? config.includedCore : config.core, read.stamp);
    }
  }
  return finish(session, options, files, io, options.stdin ? 1 : inputs.length);
}

function finish(session: Session, options: CheckOptions, files: FileReport[], io: Io, documents: number): number {
  const locale = options.locale;
  const warnings = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const errors = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
  if (options.quiet) for (const f of files) f.diagnostics = f.diagnostics.filter((d) => d.severity === 'error');

  const report: CheckReport = { files, failures: session.failures };
  const color =
    options.color ?? (options.output === undefined && io.stdoutIsTTY && !io.env.NO_COLOR ? true : Boolean(io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0'));
  const rendered = render(report, options, io.cwd, color, documents, options.format === 'sarif' ? session.docsBaseUrl() : undefined);
  session.emit(rendered, options.output);

  if (session.failures.length > 0) return EXIT_FATAL;
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`vanban: ${tr(msg.tooManyWarnings(warnings, options.maxWarnings), locale)}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * Every file read, parsed and checked once (parallel.ts), then the cross-document rule for the
 * reports against the other documents' summaries, as loadWorkspace's models would have given it.
 */
function checkOnce(session: Session, options: CheckOptions, inputs: InputFile[], files: FileReport[]): void {
  const configs: CoreConfig[] = [];
  const configIndex = new Map<CoreConfig, number>();
  const tasks: CheckTask[] = [];
  let bytes = 0;
  for (const file of inputs) {
    const config = session.configFor(file.path);
    if (!config) continue;
    const core = config.isIncluded(file.path) ? config.includedCore : config.core;
    let index = configIndex.get(core);
    if (index === undefined) {
      index = configs.push(core) - 1;
      configIndex.set(core, index);
    }
    tasks.push({ path: file.path, config: index, maxFileSize: session.maxFileSize(config) });
    bytes += sizeOf(file.path);
  }
  const crossDocument = inputs.length > 1;
  const jobs = options.jobs ?? defaultJobs(tasks.length, bytes);
  const progress = progressLine(session.io, options.locale, tasks.length);
  const settings = { configs, crossDocument, inlineConfig: options.inlineConfig, locale: options.locale, cwd: session.io.cwd };
  const results = checkFiles(tasks, settings, jobs, workerScript, progress?.update);
  progress?.clear();

  const workspace: WorkspaceDocument[] = [];
  const positions = new Map<string, { lines: Positions; path: string }>();
  results.forEach((r, i) => {
    if (!r.ok || !r.summary) return;
    const id = tasks[i]!.path;
    workspace.push({ id, document: r.summary });
    positions.set(id, { lines: new LinePositions(r.lineStarts!, r.length!), path: session.display(id) });
  });
  results.forEach((result, i) => {
    const task = tasks[i]!;
    if (!result.ok) {
      session.fail(task.path, result.message);
      return;
    }
    let { diagnostics, failures } = result;
    const shownPath = session.display(task.path);
    if (result.summary && reportsOnAnother(result.summary)) {
      const config = configs[task.config]!;
      const cross = checkDocument(result.summary, config, [CROSS_DOCUMENT_RULE], { id: task.path, documents: workspace, links: [] });
      let findings = cross.findings;
      if (options.inlineConfig && result.text !== undefined) findings = applyInlineSuppressions(result.text, findings, KNOWN_RULE_IDS).findings;
      if (findings.length > 0) {
        const lines = positions.get(task.path)!.lines;
        const added = toDiagnostics(findings, lines, shownPath, options.locale, (id) => positions.get(resolve(session.io.cwd, id)));
        if (result.word) addWordLocations(added, result.word.text, result.word.origins, options.locale);
        diagnostics = merged(diagnostics, result.spans, added, findings);
      }
      failures = [...failures, ...cross.failures];
    }
    for (const f of failures) session.fail(task.path, msg.ruleFailed(f.ruleId, f.error));
    files.push({ path: shownPath, diagnostics, fixed: 0 });
    // Nothing of the document is needed any more but its summary (for the reports still to come).
    results[i] = { ok: true, diagnostics: [], spans: [], failures: [], ...(result.summary ? { summary: result.summary } : {}) };
  });
}

/** Diagnostics of two lists of findings, each in order, in the order of byPosition (stable). */
function merged(first: Diagnostic[], firstSpans: number[], second: Diagnostic[], secondFindings: Finding[]): Diagnostic[] {
  const all = [
    ...first.map((d, k) => ({ d, start: firstSpans[2 * k]!, end: firstSpans[2 * k + 1]! })),
    ...second.map((d, k) => ({ d, start: secondFindings[k]!.span.start, end: secondFindings[k]!.span.end })),
  ];
  all.sort((a, b) => a.start - b.start || a.end - b.end || a.d.ruleId.localeCompare(b.d.ruleId));
  return all.map((x) => x.d);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function render(report: CheckReport, options: CheckOptions, cwd: string, color: boolean, documents: number, docsBaseUrl: string | undefined): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options.locale, cwd, docsBaseUrl !== undefined ? { docsBaseUrl } : {});
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report, options.locale);
    case 'stylish':
      return formatStylish(report, { locale: options.locale, color, dryRun: options.fix === 'dry-run', documents });
  }
}

/**
 * On many files, a progress line on standard error when it is a terminal (never in a pipe or a CI
 * log): redrawn at most ten times a second, erased before the report is printed.
 */
function progressLine(io: Session['io'], locale: Locale, total: number): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  if (!io.stderrIsTTY || total < PROGRESS_MIN_FILES || io.env.CI) return undefined;
  let last = 0;
  let drawn = false;
  return {
    update(done, all) {
      const now = Date.now();
      if (now - last < 100 && done < all) return;
      last = now;
      drawn = true;
      io.stderr(`\r\x1b[K${tr(msg.progress(done, all), locale)}`);
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}

const PROGRESS_MIN_FILES = 20;

