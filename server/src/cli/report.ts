// The result of a run, in the CLI's terms (display paths, 1-based positions, one language), which
// every formatter renders.

import { relative, isAbsolute, sep } from 'node:path';
import type { Finding, Locale, Severity, Span } from '../core/types.js';
import { lineOfOffset } from '../core/text.js';
import type { JsonDiagnostic } from './json-schema.js';
import { tr } from './messages.js';

export type Diagnostic = JsonDiagnostic & {
  /** The finding carries a fix that --fix would apply. */
  fixable: boolean;
};

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
  /** Fixes applied (--fix) or that would be applied (--fix-dry-run). */
  fixed: number;
  /** --fix-dry-run: the text after the fixes, when it differs. */
  output?: string;
  /** --fix-dry-run: the changed lines, `-12: before` / `+12: after`. */
  diff?: string[];
  /** --fix on a Word document: the fixes are shown, never written into the .docx. */
  notWritten?: boolean;
}

/** A document that could not be checked, or a configuration that could not be used. */
export interface Failure {
  path: string;
  message: string;
  /** 1-based position, for configuration problems. */
  line?: number;
  column?: number;
}

export interface CheckReport {
  files: FileReport[];
  failures: Failure[];
}

/** Paths as printed: relative to the working directory when inside it, with `/` separators. */
export function displayPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split(sep).join('/');
}

/** Offsets to 0-based lines and UTF-16 columns: a LineIndex, or LinePositions of a text not kept. */
export interface Positions {
  position(offset: number): { line: number; character: number };
}

/** The positions of a text from its line starts and length, as LineIndex gives them, without the text. */
export class LinePositions implements Positions {
  constructor(
    private readonly starts: ArrayLike<number>,
    private readonly length: number,
  ) {}

  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = lineOfOffset(this.starts, clamped);
    return { line, character: clamped - this.starts[line]! };
  }
}

export interface RelatedResolver {
  /** Line index and display path of another document a finding points at. */
  (documentId: string): { lines: Positions; path: string } | undefined;
}

export function toDiagnostics(
  findings: Finding[],
  lines: Positions,
  path: string,
  locale: Locale,
  resolveRelated: RelatedResolver,
): Diagnostic[] {
  return findings.map((f) => {
    const range = toRange(lines, f.span);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: tr(f.message, locale),
      ...range,
      related: (f.related ?? []).map((r) => {
        const other = r.documentId === undefined ? { lines, path } : resolveRelated(r.documentId);
        const at = other ? other.lines.position(r.span.start) : { line: 0, character: 0 };
        return {
          path: other?.path ?? r.documentId ?? path,
          line: at.line + 1,
          column: at.character + 1,
          message: tr(r.message, locale),
        };
      }),
      fixable: f.fix !== undefined,
    };
  });
}

export function toRange(lines: Positions, span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function countBySeverity(files: FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of files) for (const d of f.diagnostics) counts[d.severity]++;
  return counts;
}
