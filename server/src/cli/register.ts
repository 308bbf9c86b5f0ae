// `vanban register DIR`: the target register — every target of every resolution with its pillar,
// year, comparator, value, file and line, and the latest result a linked report states with
// whether it is met. CSV for the spreadsheet the office keeps (UTF-8 with BOM, see the core),
// JSON for tools, an aligned table for the terminal.

import { maxOf } from '../core/text.js';
import { buildRegister, registerToCsv, STATUS_NAMES, type RegisterEntry } from '../core/workspace/index.js';
import type { Locale } from '../core/types.js';
import { EXIT_FATAL, EXIT_OK } from './exit.js';
import { displayWidth, escapeControls, padEnd } from './formatters/stylish.js';
import { linksToJson } from './links-json.js';
import { loadWorkspace } from './workspace.js';
import { jsonRegisterSchema } from './register-json.js';
import type { WorkspaceOptions } from './links-options.js';
import { tr } from './messages.js';
import { Session, type Io } from './session.js';

export function runRegister(options: WorkspaceOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const workspace = loadWorkspace(session, session.collect(options.paths), { report: true });
  const register = buildRegister(workspace.documents, workspace.links, workspace.config);
  const pathOf = (id: string) => session.display(id);
  const locale = options.locale;
  let rendered: string;
  if (options.format === 'csv') rendered = registerToCsv(register.entries, { locale, pathOf });
  else if (options.format === 'json') {
    const result = (r: NonNullable<RegisterEntry['latest']>) => ({
      path: pathOf(r.documentId),
      line: r.line,
      column: r.column,
      year: r.year,
      text: r.text,
      value: r.value ?? null,
      comparator: r.comparator ?? null,
      indicator: r.indicator,
    });
    const json = jsonRegisterSchema.parse({
      targets: register.entries.map((e) => ({
        path: pathOf(e.documentId),
        line: e.line,
        column: e.column,
        document: tr(e.documentName, locale),
        indicator: e.indicator,
        text: e.text,
        pillar: e.pillar?.name ?? null,
        year: e.year ?? null,
        comparator: e.comparator ?? null,
        value: e.value ? { text: e.value.text, number: e.value.number, kind: e.value.kind, unit: e.value.unit ?? null } : null,
        results: e.results.map(result),
        latest: e.latest ? result(e.latest) : null,
        status: e.status,
      })),
      links: linksToJson(register.links, pathOf, locale).links,
    });
    rendered = JSON.stringify(json, null, 2) + '\n';
  } else rendered = escapeControls(formatTable(register.entries, pathOf, locale), true);
  session.emit(rendered, options.output);
  return session.failures.length > 0 ? EXIT_FATAL : EXIT_OK;
}

const HEADERS = {
  line: { vi: 'Dòng', en: 'Line' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  year: { vi: 'Năm', en: 'Year' },
  value: { vi: 'Mục tiêu', en: 'Target' },
  latest: { vi: 'Kết quả mới nhất', en: 'Latest result' },
  status: { vi: 'Đánh giá', en: 'Status' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
};

function formatTable(entries: RegisterEntry[], pathOf: (id: string) => string, locale: Locale): string {
  const documents = [...new Set(entries.map((e) => e.documentId))];
  if (documents.length === 0) return tr({ vi: '(không tìm thấy chỉ tiêu nào)', en: '(no targets found)' }, locale) + '\n';
  const blocks = documents.map((id) => {
    const own = entries.filter((e) => e.documentId === id);
    const rows = [
      Object.values(HEADERS).map((h) => tr(h, locale)),
      ...own.map((e) => [
        String(e.line),
        e.pillar?.name ?? '—',
        e.year !== undefined ? String(e.year) : '—',
        e.value?.text ?? '—',
        e.latest ? `${e.latest.text} (${e.latest.year})` : '—',
        tr(STATUS_NAMES[e.status], locale),
        e.indicator,
      ]),
    ];
    const widths = rows[0]!.map((_, i) => maxOf(rows, (r) => displayWidth(r[i]!)));
    const lines = rows.map((r) => '  ' + r.map((cell, i) => (i === r.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  '));
    return `${pathOf(id)} — ${tr(own[0]!.documentName, locale)}\n${lines.join('\n')}`;
  });
  return blocks.join('\n\n') + '\n';
}
