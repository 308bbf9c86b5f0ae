// The target register (sổ theo dõi chỉ tiêu): every target of every resolution, with the results
// the linked reports state for it, latest first in importance, and whether it is met. This is the
// table a provincial office builds by hand today (Phụ lục 02 of a report is one).

import { defaultConfig, type CoreConfig } from '../config.js';
import type { PolicyDocument, Target } from '../document/model.js';
import type { Comparator } from '../numbers.js';
import type { LocalizedText } from '../types.js';
import { attainment, statementOf, targetStatement, type Attainment, type Statement } from './compare.js';
import { clean, documentName, writtenQuantity } from './describe.js';
import { indicatorRows, targetOfRow } from './indicators.js';
import { linkDocuments } from './link.js';
import type { ExplicitLink, LinkOutcome, WorkspaceDocument } from './types.js';

export interface Position {
  documentId: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

export interface RegisterResult extends Position {
  year: number;
  /** As written in the cell (`Trên 75%`). */
  text: string;
  /** The number written (75), when the cell holds one. */
  value?: number;
  comparator?: Comparator;
  /** The report row's wording of the indicator. */
  indicator: string;
}

/** `no-data`: no linked report states a result for the target. */
export type TargetStatus = Attainment | 'no-data';

export interface RegisterEntry extends Position {
  /** `Nghị quyết số 22-NQ/TU`, or the title's subject when the number is unknown. */
  documentName: LocalizedText;
  documentKind: PolicyDocument['kind'];
  indicator: string;
  /** The target's plain text. */
  text: string;
  pillar?: { id: string; name: string };
  year?: number;
  comparator?: Comparator;
  value?: { text: string; number: number; kind: 'percent' | 'count' | 'fraction'; unit?: string };
  /** Yearly results from the linked reports, by year (a later report wins a year both state). */
  results: RegisterResult[];
  latest?: RegisterResult;
  status: TargetStatus;
}

export interface Register {
  entries: RegisterEntry[];
  links: LinkOutcome[];
}

const LINKABLE = new Set<PolicyDocument['kind']>(['resolution', 'plan', 'decision']);

export function buildRegister(documents: readonly WorkspaceDocument[], explicit: readonly ExplicitLink[] = [], config: CoreConfig = defaultConfig()): Register {
  const links = linkDocuments(documents, explicit, { pillars: config.pillars });
  const byId = new Map(documents.map((d) => [d.id, d]));
  const entries: RegisterEntry[] = [];
  for (const resolution of documents) {
    if (!LINKABLE.has(resolution.document.kind)) continue;
    const reports = links.flatMap((l) => (l.status === 'linked' && l.resolution === resolution.id ? [byId.get(l.report)!] : []));
    const results = resultsByTarget(resolution.document, reports, config);
    for (const target of resolution.document.targets) {
      entries.push(entryOf(resolution, target, results.get(target) ?? []));
    }
  }
  return { entries, links };
}

function position(documentId: string, document: PolicyDocument, offset: number): Position {
  const p = document.lines.position(offset);
  return { documentId, line: p.line + 1, column: p.character + 1 };
}

function entryOf(resolution: WorkspaceDocument, target: Target, results: ResultWithStatement[]): RegisterEntry {
  const doc = resolution.document;
  const latest = results.at(-1);
  const wanted = targetStatement(target);
  let status: TargetStatus = 'no-data';
  if (latest) {
    const cellStatement = latest.statement;
    status = wanted && cellStatement ? attainment(cellStatement, wanted, target.text) : 'unknown';
  }
  const comparator = target.comparator ?? target.value?.comparator;
  return {
    ...position(resolution.id, doc, target.span.start),
    documentName: documentName(doc),
    documentKind: doc.kind,
    indicator: target.indicator,
    text: target.text,
    ...(target.pillar ? { pillar: { id: target.pillar.value.id, name: target.pillar.value.name } } : {}),
    ...(target.year ? { year: target.year.value } : {}),
    ...(comparator ? { comparator } : {}),
    ...(target.value
      ? {
          value: {
            text: writtenQuantity(doc, target.value),
            number: target.value.number.value,
            kind: target.value.kind,
            ...(target.value.unit ? { unit: target.value.unit } : {}),
          },
        }
      : {}),
    results: results.map(withoutStatement),
    ...(latest ? { latest: withoutStatement(latest) } : {}),
    status,
  };
}

type ResultWithStatement = RegisterResult & { statement?: Statement };

function withoutStatement({ statement: _statement, ...result }: ResultWithStatement): RegisterResult {
  return result;
}

/** The yearly results each target gets from the reports' result tables. */
function resultsByTarget(resolution: PolicyDocument, reports: WorkspaceDocument[], config: CoreConfig): Map<Target, ResultWithStatement[]> {
  const years = [...new Set(resolution.targets.flatMap((t) => (t.year && t.value ? [t.year.value] : [])))];
  const out = new Map<Target, Map<number, ResultWithStatement>>();
  for (const report of reports) {
    const rows = indicatorRows(report.document, config.pillars).filter((r) => r.table.columns.some((c) => c.meaning === 'result' && c.year !== undefined));
    for (const row of rows) {
      const tableRows = rows.filter((r) => r.table === row.table);
      for (const year of years) {
        const target = targetOfRow(row, resolution.targets.filter((t) => t.year?.value === year && t.value), tableRows);
        if (!target) continue;
        const byYear = out.get(target) ?? new Map<number, ResultWithStatement>();
        out.set(target, byYear);
        for (const column of row.table.columns) {
          if (column.meaning !== 'result' || column.year === undefined) continue;
          const cell = row.row.cells.find((c) => c.column === column.index);
          if (!cell || !cell.value) continue;
          const statement = statementOf(cell.value);
          byYear.set(column.year, {
            ...position(report.id, report.document, cell.span.start),
            year: column.year,
            text: clean(cell.text),
            value: cell.value.number.value,
            ...(statement ? { comparator: statement.bound, statement } : {}),
            indicator: row.indicator,
          });
        }
      }
    }
  }
  return new Map([...out].map(([t, m]) => [t, [...m.values()].sort((a, b) => a.year - b.year)]));
}

// ---- CSV --------------------------------------------------------------------------------------

export interface RegisterCsvOptions {
  locale: 'vi' | 'en';
  /** How a document id is shown (a path relative to the working directory). */
  pathOf(documentId: string): string;
}

const COMPARATOR_SIGNS: Record<Comparator, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', maintain: 'duy trì', approx: '≈' };

export const STATUS_NAMES: Record<TargetStatus, LocalizedText> = {
  met: { vi: 'Đạt', en: 'Met' },
  unmet: { vi: 'Chưa đạt', en: 'Not met' },
  unknown: { vi: 'Chưa xác định', en: 'Undetermined' },
  'no-data': { vi: 'Chưa có số liệu', en: 'No data' },
};

const CSV_HEADERS: LocalizedText[] = [
  { vi: 'Tệp', en: 'File' },
  { vi: 'Dòng', en: 'Line' },
  { vi: 'Văn bản', en: 'Document' },
  { vi: 'Trụ cột', en: 'Pillar' },
  { vi: 'Năm', en: 'Year' },
  { vi: 'So sánh', en: 'Comparator' },
  { vi: 'Giá trị', en: 'Value' },
  { vi: 'Chỉ tiêu', en: 'Indicator' },
  { vi: 'Kết quả mới nhất', en: 'Latest result' },
  { vi: 'Năm kết quả', en: 'Result year' },
  { vi: 'Đánh giá', en: 'Status' },
  { vi: 'Nguồn kết quả', en: 'Result source' },
];

/** RFC 4180: CRLF records; a field is quoted when it holds a quote, comma or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The register as CSV for a spreadsheet: UTF-8 with a byte-order mark, because Excel — what the
 * offices open it with — reads a CSV without one in the machine's ANSI code page and garbles
 * every Vietnamese letter; LibreOffice and CSV libraries skip the mark.
 */
export function registerToCsv(entries: readonly RegisterEntry[], options: RegisterCsvOptions): string {
  const t = (x: LocalizedText) => (options.locale === 'en' ? x.en : x.vi);
  const rows = [CSV_HEADERS.map(t)];
  for (const e of entries) {
    rows.push([
      options.pathOf(e.documentId),
      String(e.line),
      t(e.documentName),
      e.pillar?.name ?? '',
      e.year !== undefined ? String(e.year) : '',
      e.comparator ? COMPARATOR_SIGNS[e.comparator] : '',
      e.value?.text ?? '',
      e.indicator,
      e.latest?.text ?? '',
      e.latest ? String(e.latest.year) : '',
      t(STATUS_NAMES[e.status]),
      e.latest ? `${options.pathOf(e.latest.documentId)}:${e.latest.line}` : '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
