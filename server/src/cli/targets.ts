// `vanban targets`: the targets (chỉ tiêu) the document model extracts — what a drafter checks
// first, and what a reviewer pastes into a spreadsheet.

import { maxOf } from '../core/text.js';
import { COMPARATOR_LABELS } from '../core/labels.js';
import { parseDocument } from '../core/document/parse.js';
import type { PolicyDocument, Target } from '../core/document/model.js';
import type { Comparator, Quantity } from '../core/numbers.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { EXIT_FATAL, EXIT_OK } from './exit.js';
import { displayWidth, escapeControls, padEnd } from './formatters/stylish.js';
import { jsonTargetsSchema, type JsonTarget } from './json-schema.js';
import { analysisFailure, msg, TARGET_COLUMNS, tr } from './messages.js';
import type { TargetsOptions } from './options.js';
import { toRange } from './report.js';
import { Session, type Io } from './session.js';


/** The quantity as written, without emphasis or HTML markup. */
function quantityText(document: PolicyDocument, q: Quantity): string {
  return document.text
    .slice(q.span.start, q.span.end)
    .replace(/<[^>]+>/g, '')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words an inherited year or pillar was read from, and their line. */
function from(document: PolicyDocument, span: { start: number; end: number }): { line: number; text: string } {
  return { line: document.lines.lineAt(span.start) + 1, text: document.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim() };
}

function toJsonTarget(document: PolicyDocument, target: Target): JsonTarget {
  const value = target.value;
  return {
    ...toRange(document.lines, target.span),
    text: target.text,
    indicator: target.indicator,
    pillar: target.pillar?.value.name ?? null,
    pillarSource: target.pillar?.source ?? null,
    pillarFrom: target.pillar && target.pillar.source !== 'clause' ? from(document, target.pillar.span) : null,
    year: target.year?.value ?? null,
    yearSource: target.year?.source ?? null,
    yearFrom: target.year && target.year.source !== 'clause' ? from(document, target.year.span) : null,
    comparator: target.comparator ?? value?.comparator ?? null,
    value: value
      ? { kind: value.kind, text: quantityText(document, value), number: value.number.value, unit: value.unit ?? null }
      : null,
    origin: target.origin,
  };
}

export function runTargets(options: TargetsOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const results: { path: string; targets: JsonTarget[] }[] = [];
  for (const file of session.collect(options.paths)) {
    const config = session.configFor(file.path);
    if (!config) continue;
    const decoded = session.read(file.path, config);
    if (!decoded) continue;
    let document: PolicyDocument;
    try {
      document = parseDocument(decoded.text, config.core);
    } catch (error) {
      session.fail(file.path, analysisFailure(error));
      continue;
    }
    results.push({ path: session.display(file.path), targets: document.targets.map((t) => toJsonTarget(document, t)) });
  }
  const rendered =
    options.format === 'json'
      ? JSON.stringify(jsonTargetsSchema.parse({ files: results }), null, 2) + '\n'
      : options.format === 'csv'
        ? formatCsv(results, options.locale)
        : escapeControls(formatTable(results, options.locale), true);
  session.emit(rendered, options.output);
  return session.failures.length > 0 ? EXIT_FATAL : EXIT_OK;
}

function cells(t: JsonTarget, locale: Locale): string[] {
  return [
    String(t.line),
    t.pillar ?? '—',
    t.year !== null ? String(t.year) : '—',
    t.comparator ? tr(COMPARATOR_LABELS[t.comparator].sign, locale) : '—',
    t.value?.text ?? '—',
    t.indicator,
  ];
}

function headers(locale: Locale): string[] {
  const c = TARGET_COLUMNS;
  return [c.line, c.pillar, c.year, c.comparator, c.value, c.indicator].map((h) => tr(h, locale));
}

/** One aligned table per document; the indicator, the longest column, comes last. */
function formatTable(results: { path: string; targets: JsonTarget[] }[], locale: Locale): string {
  const blocks = results.map(({ path, targets }) => {
    if (targets.length === 0) return `${path}\n  ${tr(msg.noTargets(), locale)}`;
    const rows = [headers(locale), ...targets.map((t) => cells(t, locale))];
    const widths = rows[0]!.map((_, i) => maxOf(rows, (r) => displayWidth(r[i]!)));
    const lines = rows.map((r) => '  ' + r.map((cell, i) => (i === r.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  '));
    return `${path}\n${lines.join('\n')}`;
  });
  return blocks.join('\n\n') + '\n';
}

/**
 * RFC 4180: CRLF records, every field quoted when it holds a quote, comma or line break. A field
 * that a spreadsheet would read as a formula (`=HYPERLINK(…)` from a document, issue 16) starts
 * with an apostrophe, as OWASP recommends: `=`, `+`, `-`, `@`, tab and carriage return.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function formatCsv(results: { path: string; targets: JsonTarget[] }[], locale: Locale): string {
  const head = [locale === 'en' ? 'File' : 'Tệp', ...headers(locale)];
  const rows = [head];
  for (const { path, targets } of results) {
    for (const t of targets) rows.push([path, ...cells(t, locale).map((c) => (c === '—' ? '' : c))]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
