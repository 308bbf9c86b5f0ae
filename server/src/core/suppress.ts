// Inline configuration comments in a document: a pure function shared by the CLI and the language
// server, so that a finding hidden in the editor is hidden in CI too.
//
//   <!-- vanban-disable target-year, target-pillar -- the pillar is set by the appendix -->
//   <!-- vanban-enable target-year -->
//   <!-- vanban-disable-next-line target-value -->
//   <!-- vanban-disable-file footnote-reference -->
//
// No rule id means every rule. Text after ` -- ` is the reason and is not interpreted. A region
// directive takes effect from where it is written; `vanban-disable-next-line` covers the line after
// the comment's last line; `vanban-disable-file` covers the whole document wherever it is written.
// Comments inside fenced code blocks are examples, not directives. A misspelt directive or rule id
// is reported with a fix to the nearest valid one, so a typo does not silently disable nothing.

import { rules } from './rules/index.js';
import { LineIndex } from './text.js';
import type { Finding, Span } from './types.js';

export const INLINE_CONFIG_RULE_ID = 'inline-config';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

const DIRECTIVE_KINDS: ReadonlySet<string> = new Set<DirectiveKind>(['disable', 'enable', 'disable-next-line', 'disable-file']);

export interface InlineDirective {
  kind: DirectiveKind;
  /** Empty: every rule. */
  ruleIds: { id: string; span: Span }[];
  reason?: string;
  /** The whole comment. */
  span: Span;
}

export interface SuppressionResult {
  /** Findings still reported. */
  findings: Finding[];
  /** Findings hidden by a directive. */
  suppressed: Finding[];
  /** Problems in the directives themselves (unknown rule ids or directive names). */
  problems: Finding[];
}

const NAME_CHAR = /[A-Za-z-]/;
const SPACE_CHAR = /\s/;

/**
 * The matches of `/<!--\s*vanban-([A-Za-z-]*)([\s\S]*?)-->/g`, found in one pass: the regular
 * expression tried every unclosed `<!-- vanban-` to the end of the text (976 kB of them took
 * two minutes, issue 16). Once no `-->` follows a start, none follows any later one.
 */
function* directiveComments(text: string): Generator<{ index: number; nameStart: number; name: string; body: string; length: number }> {
  let from = 0;
  for (;;) {
    const start = text.indexOf('<!--', from);
    if (start === -1) return;
    let k = start + 4;
    while (k < text.length && SPACE_CHAR.test(text[k]!)) k++;
    if (!text.startsWith('vanban-', k)) {
      from = start + 1;
      continue;
    }
    const nameStart = k + 'vanban-'.length;
    let nameEnd = nameStart;
    while (nameEnd < text.length && NAME_CHAR.test(text[nameEnd]!)) nameEnd++;
    // The name is greedy: it gives characters back only when no `-->` follows it at all.
    let close = text.indexOf('-->', nameEnd);
    if (close === -1) {
      close = text.indexOf('-->', nameStart);
      if (close === -1) return;
      nameEnd = close;
    }
    yield { index: start, nameStart, name: text.slice(nameStart, nameEnd), body: text.slice(nameEnd, close), length: close + 3 - start };
    from = close + 3;
  }
}
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Parses the directives of a document; malformed ones are returned as problems. */
export function parseInlineDirectives(text: string): { directives: InlineDirective[]; problems: Finding[] } {
  const directives: InlineDirective[] = [];
  const problems: Finding[] = [];
  // Fenced code is looked for only in a document that has a directive at all (most have none).
  let fenced: Span[] | undefined;
  // Comments come in order, and so do the fenced ranges: one pointer walks them.
  let fence = 0;
  for (const match of directiveComments(text)) {
    const start = match.index;
    fenced ??= fencedRanges(text);
    while (fence < fenced.length && fenced[fence]!.end <= start) fence++;
    if (fence < fenced.length && start >= fenced[fence]!.start) continue;
    const name = match.name;
    const span = { start, end: start + match.length };
    if (!DIRECTIVE_KINDS.has(name)) {
      const nameStart = match.nameStart;
      const nameSpan = { start: nameStart, end: nameStart + name.length };
      const suggestion = nearest(name, [...DIRECTIVE_KINDS]);
      problems.push(problem(nameSpan, {
        vi: `chú thích cấu hình không hợp lệ: "vanban-${name}"${suggestion ? ` (có phải "vanban-${suggestion}"?)` : ' (dùng vanban-disable, vanban-enable, vanban-disable-next-line, vanban-disable-file)'}`,
        en: `unknown inline configuration comment: "vanban-${name}"${suggestion ? ` (did you mean "vanban-${suggestion}"?)` : ' (use vanban-disable, vanban-enable, vanban-disable-next-line, vanban-disable-file)'}`,
      }, suggestion));
      continue;
    }
    const body = match.body;
    const bodyStart = start + match.length - 3 - body.length;
    const reasonAt = body.search(/(^|\s)--(\s|$)/);
    const list = reasonAt === -1 ? body : body.slice(0, reasonAt);
    const ruleIds: InlineDirective['ruleIds'] = [];
    for (const id of list.matchAll(/[^\s,]+/g)) {
      ruleIds.push({ id: id[0], span: { start: bodyStart + id.index, end: bodyStart + id.index + id[0].length } });
    }
    const reason = reasonAt === -1 ? undefined : body.slice(reasonAt).replace(/^\s*--\s*/, '').trim();
    directives.push({ kind: name as DirectiveKind, ruleIds, span, ...(reason ? { reason } : {}) });
  }
  return { directives, problems };
}

/**
 * Splits findings into reported and suppressed according to the document's directives, and reports
 * directives naming unknown rules: `knownRules` lists the rule ids, or tells whether one exists (then
 * the registry's ids it accepts are the spelling suggestions).
 */
export function applyInlineSuppressions(
  text: string,
  findings: Finding[],
  knownRules: readonly string[] | ((ruleId: string) => boolean),
): SuppressionResult {
  const knownRuleIds = typeof knownRules === 'function' ? rules.map((r) => r.id).filter(knownRules) : knownRules;
  const isKnown = typeof knownRules === 'function' ? knownRules : (id: string) => knownRules.includes(id);
  const { directives, problems } = parseInlineDirectives(text);
  for (const directive of directives) {
    for (const rule of directive.ruleIds) {
      if (isKnown(rule.id)) continue;
      const suggestion = nearest(rule.id, knownRuleIds);
      const hint = suggestion ? { vi: ` (có phải "${suggestion}"?)`, en: ` (did you mean "${suggestion}"?)` } : { vi: '', en: '' };
      problems.push(problem(rule.span, {
        vi: `quy tắc không tồn tại trong chú thích vanban-${directive.kind}: "${rule.id}"${hint.vi}`,
        en: `unknown rule in vanban-${directive.kind} comment: "${rule.id}"${hint.en}`,
      }, suggestion));
    }
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  if (directives.length === 0) return { findings, suppressed: [], problems };
  const lines = new LineIndex(text);
  const hidden = suppressedFindings(findings, directives, lines);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  findings.forEach((finding, k) => (hidden[k] ? suppressed : kept).push(finding));
  return { findings: kept, suppressed, problems };
}

/**
 * Which findings the directives hide. One sweep over the findings in order of position, the
 * region directives applied as it passes them: checking every directive for every finding was
 * quadratic in a document with thousands of each.
 */
function suppressedFindings(findings: Finding[], directives: InlineDirective[], lines: LineIndex): boolean[] {
  const hidden = new Array<boolean>(findings.length).fill(false);
  // disable-file: everywhere, wherever it is written.
  let fileAll = false;
  const fileIds = new Set<string>();
  // disable-next-line: by the line it covers.
  const nextLine = new Map<number, InlineDirective[]>();
  const regions: InlineDirective[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-file') {
      if (d.ruleIds.length === 0) fileAll = true;
      else for (const r of d.ruleIds) fileIds.add(r.id);
    } else if (d.kind === 'disable-next-line') {
      const line = lines.lineAt(d.span.end) + 1;
      const list = nextLine.get(line);
      if (list) list.push(d);
      else nextLine.set(line, [d]);
    } else regions.push(d);
  }
  // Region state: "all disabled except `enabled`", or "only `disabled`" (directives are in order).
  let all = false;
  const disabled = new Set<string>();
  const enabled = new Set<string>();
  let next = 0;
  const order = findings.map((_, k) => k).sort((a, b) => findings[a]!.span.start - findings[b]!.span.start);
  for (const k of order) {
    const finding = findings[k]!;
    const at = finding.span.start;
    for (; next < regions.length && regions[next]!.span.start <= at; next++) {
      const d = regions[next]!;
      const ids = d.ruleIds.map((r) => r.id);
      if (d.kind === 'disable') {
        if (ids.length === 0) {
          all = true;
          disabled.clear();
          enabled.clear();
        } else for (const id of ids) (all ? enabled.delete(id) : disabled.add(id));
      } else if (ids.length === 0) {
        all = false;
        disabled.clear();
        enabled.clear();
      } else for (const id of ids) (all ? enabled.add(id) : disabled.delete(id));
    }
    if (fileAll || fileIds.has(finding.ruleId)) hidden[k] = true;
    else if (nextLine.get(lines.lineAt(at))?.some((d) => covers(d, finding.ruleId))) hidden[k] = true;
    else hidden[k] = all ? !enabled.has(finding.ruleId) : disabled.has(finding.ruleId);
  }
  return hidden;
}

function covers(directive: InlineDirective, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.some((r) => r.id === ruleId);
}

function fencedRanges(text: string): Span[] {
  const ranges: Span[] = [];
  const lines = new LineIndex(text);
  let open: { start: number; marker: string } | undefined;
  for (let i = 0; i < lines.lineCount; i++) {
    const span = lines.lineSpan(i);
    const fence = FENCE.exec(text.slice(span.start, span.end));
    if (!fence) continue;
    const marker = fence[1]!;
    if (!open) open = { start: span.start, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      ranges.push({ start: open.start, end: span.end });
      open = undefined;
    }
  }
  if (open) ranges.push({ start: open.start, end: text.length });
  return ranges;
}

function problem(span: Span, message: Finding['message'], replacement?: string): Finding {
  return {
    ruleId: INLINE_CONFIG_RULE_ID,
    severity: 'warning',
    span,
    message,
    ...(replacement ? { fix: { span, text: replacement, title: { vi: `Sửa thành "${replacement}"`, en: `Change to "${replacement}"` } } } : {}),
  };
}

/** The candidate within edit distance 2 of `word` (a typo), when exactly one is nearest. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
