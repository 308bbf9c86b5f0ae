// Helpers for core unit tests: build documents from lines and locate expected ranges by text.
import { analyze, type Analysis, type Span } from '../../server/src/core/index.js';

export function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** The span of the n-th occurrence of `needle` in `text`. */
export function spanOf(text: string, needle: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  return { start: at, end: at + needle.length };
}

export function run(text: string, ...only: string[]): Analysis {
  return analyze(text, only.length ? { only } : {});
}

/** Findings as `rule-id "covered text"` for compact exact assertions. */
export function covered(a: Analysis): string[] {
  return a.findings.map((f) => `${f.ruleId} "${a.document.text.slice(f.span.start, f.span.end)}"`);
}

export const RESOLUTION_HEAD = ['NGHỊ QUYẾT', 'về chuyển đổi số tỉnh Thử Nghiệm', ''];
