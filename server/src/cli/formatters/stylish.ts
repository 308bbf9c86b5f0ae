// The human format: `file:line:col  severity  message  rule-id`, grouped per file, a summary line.
// Each line starts with a clickable location (terminals and VS Code's terminal link it).

import { maxOf } from '../../core/text.js';
import type { Locale, Severity } from '../../core/types.js';
import { msg, severityName, tr } from '../messages.js';
import { countBySeverity, type CheckReport } from '../report.js';

export interface StylishOptions {
  locale: Locale;
  color: boolean;
  /** --fix-dry-run: say "would fix" rather than "fixed". */
  dryRun: boolean;
  /** How many documents the arguments named (0: the summary says none was found, never ✔). */
  documents?: number;
}

const SGR = { reset: 0, bold: 1, dim: 2, red: 31, yellow: 33, blue: 34, gray: 90, green: 32, underline: 4 } as const;

export function paint(color: boolean) {
  return (codes: (keyof typeof SGR)[], text: string) =>
    color ? `\u001b[${codes.map((c) => SGR[c]).join(';')}m${text}\u001b[0m` : text;
}

const SEVERITY_STYLE: Record<Severity, (keyof typeof SGR)[]> = {
  error: ['red'],
  warning: ['yellow'],
  information: ['blue'],
  hint: ['gray'],
};

// Control characters a document can carry (ESC starts a terminal escape sequence, BEL rings, CR
// rewrites the line): shown as \x1B and so on, never sent to the terminal (issue 16).
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const escaped = (c: string): string => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The text with control characters (but tab, and line breaks when `keepNewlines`) made visible. */
export function escapeControls(text: string, keepNewlines = false): string {
  const re = keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS;
  re.lastIndex = 0;
  return re.test(text) ? text.replace(re, escaped) : text;
}

/** Width in terminal columns: combining marks (NFD Vietnamese) take none. */
export function displayWidth(text: string): number {
  return text.replace(/\p{M}/gu, '').length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const { locale } = options;
  const c = paint(options.color);
  const blocks: string[] = [];
  let fixable = 0;
  for (const file of report.files) {
    const lines: string[] = [];
    if (file.fixed > 0) {
      lines.push(c(['green'], `${escapeControls(file.path)}: ${tr(options.dryRun || file.notWritten ? msg.wouldFix(file.fixed) : msg.fixedCount(file.fixed), locale)}`));
    }
    if (file.diagnostics.length > 0) {
      const path = escapeControls(file.path);
      const locations = file.diagnostics.map((d) => `${path}:${d.line}:${d.column}`);
      const severities = file.diagnostics.map((d) => severityName(d.severity, locale));
      const locWidth = maxOf(locations, displayWidth);
      const sevWidth = maxOf(severities, displayWidth);
      file.diagnostics.forEach((d, i) => {
        if (d.fixable) fixable++;
        lines.push(
          `${c(['bold'], padEnd(locations[i]!, locWidth))}  ${c(SEVERITY_STYLE[d.severity], padEnd(severities[i]!, sevWidth))}  ${escapeControls(d.message)}  ${c(['dim'], d.ruleId)}`,
        );
        if (d.word) lines.push(`    ${c(['gray'], `↳ Word: ${escapeControls(d.word.location)}`)} “${escapeControls(d.word.snippet)}”`);
        for (const r of d.related) lines.push(`    ${c(['gray'], `↳ ${escapeControls(r.path)}:${r.line}:${r.column}`)} ${escapeControls(r.message)}`);
      });
    }
    for (const change of file.diff ?? []) lines.push(c([change.startsWith('-') ? 'red' : 'green'], `    ${escapeControls(change)}`));
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  const counts = countBySeverity(report.files);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  // Files that could not be checked were each reported on standard error: no "✔" for the run (a
  // run that exits 2 printed "✔ … 0 tệp"); when nothing was checked, the summary says so.
  const unchecked = new Set(report.failures.map((f) => f.path)).size;
  const failed = unchecked > 0 ? ` ${tr(msg.uncheckedFiles(unchecked), locale)}` : '';
  const summary =
    report.files.length === 0
      ? c(['yellow', 'bold'], `✖ ${tr(options.documents === 0 ? msg.summaryNoDocuments() : msg.summaryNoneChecked(), locale)}`)
      : total === 0 && unchecked === 0
      ? c(['green'], `✔ ${tr(msg.summaryClean(report.files.length), locale)}`)
      : total === 0
        ? c(['red', 'bold'], `✖ ${tr(msg.summaryClean(report.files.length), locale)}${failed}`)
        : c(counts.error > 0 || unchecked > 0 ? ['red', 'bold'] : ['yellow', 'bold'], `✖ ${tr(msg.summary(total, counts, report.files.length), locale)}${failed}`);
  const fixHint =
    fixable > 0
      ? [
          c(['dim'], locale === 'en' ? `  ${fixable} can be fixed with --fix.` : `  ${fixable} vấn đề có thể sửa tự động bằng --fix.`),
        ]
      : [];
  return [...blocks, [summary, ...fixHint].join('\n')].join('\n\n') + '\n';
}
