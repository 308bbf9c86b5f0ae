// Core findings → LSP diagnostics. Offsets are UTF-16 in both worlds; only lines need computing.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import { analysisFailure } from '../core/document/limits.js';
import { ruleDocPath } from '../core/rules/rule.js';
import type { Finding, Locale, Severity, Span } from '../core/types.js';
import type { LineIndex } from '../core/text.js';
import { t } from './messages.js';

export const SOURCE = 'vanban';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`, so that code actions need no re-analysis. */
export interface DiagnosticData {
  /** Document version the diagnostic (and its fix) was computed for. */
  version: number;
  fix?: { range: Range; newText: string; title: string };
}

/** The package root: the nearest folder above this module (dist/server.cjs in the bundle) with a package.json. */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirname(dirname(fileURLToPath(import.meta.url)));
})();

let version: string | undefined;

/** The version in the package's package.json (what `vanban-ls --version` and serverInfo say). */
export function packageVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}

const ruleDocUris = new Map<string, string>();

/** One string per rule, shared by every diagnostic (a URI built per diagnostic cost time on each
 *  edit and memory for each open document). */
export function ruleDocUri(ruleId: string): string {
  let uri = ruleDocUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(join(packageRoot, ruleDocPath(ruleId))).href;
    ruleDocUris.set(ruleId, uri);
  }
  return uri;
}

/** Places a location in another document (a documentId the engine was given) — when its text is known. */
export type ResolveDocument = (documentId: string) => { uri: string; lines: LineIndex } | undefined;

export function toDiagnostic(
  finding: Finding,
  lines: LineIndex,
  uri: string,
  version: number,
  locale: Locale,
  resolve: ResolveDocument = () => undefined,
): Diagnostic {
  const data: DiagnosticData = { version };
  if (finding.fix) {
    data.fix = { range: toRange(lines, finding.fix.span), newText: finding.fix.text, title: t(finding.fix.title, locale) };
  }
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: severities[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUri(finding.ruleId) },
    source: SOURCE,
    message: t(finding.message, locale),
    data,
  };
  // A related location in another document needs that document's text to become a range; one
  // that cannot be placed is left out rather than pointed at the wrong line.
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related ?? []) {
    const target = r.documentId === undefined ? { uri, lines } : resolve(r.documentId);
    if (!target) continue;
    related.push({ location: { uri: target.uri, range: toRange(target.lines, r.span) }, message: t(r.message, locale) });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/**
 * The one diagnostic of a document that cannot be analysed (nested too deep, issue 16): at its
 * start, saying why; the other documents are analysed as usual.
 */
export function unreadableDiagnostic(error: unknown, version: number, locale: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: UNREADABLE_CODE,
    source: SOURCE,
    message: t(analysisFailure(error), locale),
    data: { version } satisfies DiagnosticData,
  };
}

export const UNREADABLE_CODE = 'unreadable';
