// Targets (chỉ tiêu): each value stated in a bullet, a clause of a bullet (split on `;` and
// sentence ends) or a heading tail inside a specific-goals section, and each year cell of a target
// table there, with its value, year and pillar — stated in the clause or inherited from the
// nearest enclosing section that states it, then from the enclosing `Phần`, then from the
// document's own title.
//
// What is a target is decided by the section's role (see vocabulary.ts), not by a keyword: the
// results of last year quoted under `Phần I. Đánh giá kết quả …` are not targets; the definition
// bullets a pillar section opens with, before its goals sub-headings, are not targets either.

import { scanQuantities, type NonQuantity, type Quantity } from '../numbers.js';
import type { Span } from '../types.js';
import { inheritedPillar, inheritedYear, mapRange, type DocumentKind, type Inherited, type PillarMention, type Section, type Target } from './model.js';
import type { StrippedLine } from './plain.js';
import { clauseBounds } from './clauses.js';
import type { Table } from './tables.js';
import { lineOfOffset } from './table-parse.js';
import { tableTargets } from './table-targets.js';
import { isRankTarget, rankQuantity } from './ranks.js';
import { findPillars, findYears, titleYear, type PillarMatcher } from './vocabulary.js';

export interface TargetInput {
  kind: DocumentKind;
  sections: Section[];
  lines: StrippedLine[];
  /** Hard-wrapped heading lines joined by the outline, by first line number. */
  joined: Map<number, StrippedLine>;
  /** Lines that belong to a heading (continuations, a part's title line). */
  headingLines: Set<number>;
  tables: Table[];
  pillars: PillarMatcher[];
  /** The document's own title (`Kế hoạch chuyển đổi số năm 2025`): the year of last resort. */
  title?: { text: string; span: Span };
}

/** A run of plain text gathered from one or more lines, with a map back to the source. */
interface Unit {
  plain: string;
  map: number[];
  ends: number[];
  origin: Target['origin'];
  section: Section;
}

export function extractTargets(input: TargetInput): Target[] {
  const { sections, lines, pillars } = input;
  const targets: Target[] = [];
  if (sections.length === 0) return targets;
  const docYear = documentYear(input.title);
  const owner = ownersOfLines(sections, lines);
  const units: Unit[] = [];
  const headLine = (section: Section): StrippedLine | undefined => {
    const first = lineByStart.get(section.headSpan.start);
    return first ? (input.joined.get(first.line) ?? first) : undefined;
  };
  const lineByStart = new Map(lines.map((l) => [l.span.start, l]));
  for (const section of sections) {
    if (!inGoalsScope(section)) continue;
    if (section.tail) {
      const line = headLine(section);
      if (line) {
        const start = line.map.findIndex((o) => o >= section.tail!.start);
        if (start >= 0) units.push(sliceUnit(line, start, line.plain.length, 'heading-tail', section));
      }
    } else if (section.children.length === 0 && section.numbering.scheme === 'decimal') {
      const line = headLine(section);
      if (line && scanQuantities(section.title).quantities.some((q) => q.kind === 'percent')) {
        const start = line.map.findIndex((o) => o >= section.titleSpan.start);
        if (start >= 0) units.push(sliceUnit(line, start, line.plain.length, 'numbered-item', section));
      }
    }
  }
  // Bullets, with their continuation lines.
  let current: Unit | undefined;
  for (const line of lines) {
    const section = owner.get(line.line);
    const inScope =
      section !== undefined &&
      inGoalsScope(section) &&
      !introducesGoals(section) &&
      section.headSpan.start !== line.span.start &&
      !input.headingLines.has(line.line);
    if (!inScope || line.tabbed || line.block === 'code' || line.block === 'table' || line.block === 'heading') {
      current = undefined;
      continue;
    }
    if (line.plain.length === 0) {
      current = undefined;
      continue;
    }
    if (line.bullet) {
      current = sliceUnit(line, 0, line.plain.length, 'bullet', section!);
      units.push(current);
    } else if (current && line.block === 'list-item') {
      current.plain += ' ' + line.plain;
      current.map.pop();
      current.map.push(line.map[0]!, ...line.map);
      current.ends.push(line.map[0]!, ...line.ends);
    } else current = undefined;
  }
  units.sort((a, b) => a.map[0]! - b.map[0]!);
  for (const unit of units) {
    if (unit.origin === 'bullet' && isDefinition(unit.plain)) continue;
    targets.push(...targetsOfUnit(unit, pillars, docYear));
  }
  for (const table of input.tables) {
    const section = owner.get(lines[lineOfOffset(lines, table.span.start) ?? 0]?.line ?? 0);
    if (!section || !inGoalsScope(section)) continue;
    targets.push(...tableTargets(table, section, pillars));
  }
  return targets.sort((a, b) => a.span.start - b.span.start);
}

/** The year the document's own title states (`Kế hoạch chuyển đổi số năm 2025`), if exactly one. */
function documentYear(title: TargetInput['title']): Inherited<number> | undefined {
  if (!title) return undefined;
  const y = titleYear(title.text);
  return y ? { value: y.year, source: 'document', span: title.span } : undefined;
}

/**
 * A section whose sub-sections state goals (`1. Về kinh tế số` with `a) Mục tiêu cơ bản đến năm
 * 2025` and `b) Định hướng đến năm 2030` below it): what it says before them introduces the
 * pillar — definitions, scope — and carries no target.
 */
function introducesGoals(section: Section): boolean {
  return section.children.some((c) =>
    c.roles.some((r) => r === 'goals-specific' || r === 'orientation' || r === 'goals' || r === 'goals-general'),
  );
}

// `- Là hoạt động kinh tế …`, `- Kinh tế số được hiểu là …`, `- Kinh tế số gồm: …`, `- Các thành
// tố chủ yếu của xã hội số gồm: …`: a bullet that defines or enumerates, with no figure in it.
const DEFINITION = /^là\s|^[^:]{1,40}:\s*(?:là|bao gồm|gồm)\s|\s(?:được hiểu là|là việc|là quá trình|là hoạt động|là xã hội|là nền kinh tế)\s|(?:gồm|bao gồm)\s*:/iu;

function isDefinition(text: string): boolean {
  const nfc = text.normalize('NFC');
  if (!DEFINITION.test(nfc)) return false;
  return scanQuantities(nfc).quantities.length === 0;
}

/** The section whose head most recently precedes each line. */
function ownersOfLines(sections: Section[], lines: StrippedLine[]): Map<number, Section> {
  const owners = new Map<number, Section>();
  let si = -1;
  for (const line of lines) {
    while (si + 1 < sections.length && sections[si + 1]!.headSpan.start <= line.span.start) si++;
    if (si >= 0) owners.set(line.line, sections[si]!);
  }
  return owners;
}

/** Targets live under a specific-goals or orientation heading, not under general goals. */
export function inGoalsScope(section: Section): boolean {
  let goals = false;
  let decided = false;
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s.roles.length === 0) continue;
    // Anything under results, situation or assessment (`Phần I. Đánh giá kết quả …`) is last
    // year's figures, whatever its own title says.
    if (RETROSPECTIVE_ROLES.some((r) => s!.roles.includes(r))) return false;
    if (decided) continue;
    decided = true;
    if (s.roles.includes('goals-general')) return false;
    goals = s.roles.includes('goals-specific') || s.roles.includes('orientation') || s.roles.includes('goals');
    if (!goals) return false;
  }
  return goals;
}

const RETROSPECTIVE_ROLES: Section['roles'] = ['results', 'situation', 'assessment'];

function sliceUnit(line: StrippedLine, start: number, end: number, origin: Target['origin'], section: Section): Unit {
  return { plain: line.plain.slice(start, end), map: line.map.slice(start, end + 1), ends: line.ends.slice(start, end), origin, section };
}



interface Clause {
  start: number;
  end: number;
}

/** Clauses with their surrounding punctuation trimmed; clauses without two letters dropped. */
function splitClauses(text: string): Clause[] {
  return clauseBounds(text).map(trimClause).filter((c) => /\p{L}.*\p{L}/u.test(text.slice(c.start, c.end)));

  function trimClause(c: Clause): Clause {
    let { start: s, end: e } = c;
    while (s < e && /[\s,.;:–-]/.test(text[s]!)) s++;
    while (e > s && /[\s,.;:]/.test(text[e - 1]!)) e--;
    return { start: s, end: e };
  }
}

const LABEL = /^\s*(?:về\s+)?([^:]{3,40}):\s*/iu;

function targetsOfUnit(unit: Unit, pillars: PillarMatcher[], docYear: Inherited<number> | undefined): Target[] {
  const text = unit.plain;
  const scan = scanQuantities(text);
  // A label naming a pillar before a colon (`Về xã hội số: 100% thuê bao …; 70% dân số …`)
  // applies to every clause of the bullet.
  let labelPillar: Inherited<PillarMention> | undefined;
  let bodyStart = 0;
  const label = LABEL.exec(text);
  if (label) {
    const named = findPillars(label[1]!, pillars);
    if (named.length > 0) {
      const p = named[0]!;
      const offset = label[0].indexOf(label[1]!);
      const span = mapRange(unit.map, unit.ends, offset + p.start, offset + p.end);
      labelPillar = { value: { id: p.definition.id, name: p.definition.name, span }, source: 'clause', span };
      bodyStart = label[0].length;
    }
  }
  let clauses = splitClauses(text).map((c) => ({ start: Math.max(c.start, c.start < bodyStart ? bodyStart : c.start), end: c.end }));
  clauses = clauses.filter((c) => c.end > c.start);
  const anyQuantity = scan.quantities.length > 0 || scan.excluded.some(isRankTarget);
  if (!anyQuantity || clauses.length === 0) clauses = [{ start: bodyStart, end: trimEnd(text, text.length) }];
  const multi = clauses.length > 1;
  const out: Target[] = [];
  for (const c of clauses) {
    const local = scan.quantities.filter((q) => q.span.start >= c.start && q.span.end <= c.end);
    const ranks = scan.excluded.filter((x) => isRankTarget(x) && x.span.start >= c.start && x.span.end <= c.end);
    const values = targetValues(text, c, local, ranks);
    const segments = segmentsOf(text, c, values);
    segments.forEach((seg, i) => {
      const value = values[i];
      const segText = text.slice(seg.start, seg.end);
      const inSeg = local.filter((q) => q.span.start >= seg.start && q.span.end <= seg.end);
      // The indicator keeps the figures that say what is measured (`dân số từ 15 tuổi trở lên`):
      // only the segment's target values leave it.
      const removed = values.filter((v) => v.span.start >= seg.start && v.span.end <= seg.end).map((q) => shiftSpan(q, -seg.start));
      let indicator = indicatorOf(segText, removed);
      if (i > 0 && value && value.span.start - seg.start <= (value.comparatorSpan ? value.comparatorSpan.end - seg.start : 0) + 1) {
        const subject = sharedSubject(text, c, values[0]!);
        if (subject && indicator.split(/\s+/).length <= 5) indicator = `${subject} ${indicator}`.trim().replace(FILLER_START, '');
      }
      const target: Target = {
        span: mapRange(unit.map, unit.ends, seg.start, seg.end),
        text: segText,
        indicator,
        quantities: inSeg.map((q) => mapQuantity(q, unit)),
        section: unit.section,
        origin: unit.origin === 'bullet' && (multi || segments.length > 1) ? 'clause' : unit.origin,
      };
      if (value) {
        const mapped = mapQuantity(value, unit);
        target.value = mapped;
        target.comparator = mapped.comparator;
      }
      const year =
        yearOf(segText, seg.start, unit) ?? yearOf(text.slice(c.start, c.end), c.start, unit) ?? inheritedYear(unit.section) ?? docYear;
      if (year) target.year = year;
      const pillar =
        pillarOf(segText, seg.start, unit, pillars) ??
        (seg.start !== c.start ? pillarOf(text.slice(c.start, c.end), c.start, unit, pillars) : undefined) ??
        labelPillar ??
        inheritedPillar(unit.section);
      if (pillar) target.pillar = pillar;
      out.push(target);
    });
  }
  return out;
}

// Counts that describe who or what is counted rather than how many: `từ 15 tuổi trở lên`,
// `từ 3 sao`, `trong 24 giờ`.
const ATTRIBUTE_UNITS = new Set(['tuổi', 'sao', 'giờ', 'phút', 'ngày', 'tháng', 'năm', 'lần', 'cấp', 'bậc', 'mức', 'điểm']);

/** A count after `tại`, `ở`, `của`, `cho`, `với` says where or for whom (`thí điểm 5G tại 02 khu đô thị`). */
const SCOPE_BEFORE = /(?:^|\s)(?:tại|ở|của|cho|với|trong)\s+$/iu;

/**
 * The values a clause sets as targets, in order: every percentage outside parentheses (a
 * parenthesis quotes a baseline or a result); where the clause has none, every count of something
 * (not an attribute such as an age); every rank; else the first fraction.
 */
function targetValues(text: string, c: Clause, local: Quantity[], ranks: NonQuantity[]): Quantity[] {
  const depth = parenDepths(text, c);
  const outside = (q: Quantity): boolean => depth(q.span.start) === 0;
  let values = local.filter((q) => q.kind === 'percent' && outside(q));
  if (values.length === 0) {
    values = local.filter(
      (q) =>
        q.kind === 'count' &&
        outside(q) &&
        !ATTRIBUTE_UNITS.has((q.baseUnit ?? q.unit ?? '').split(' ')[0]!) &&
        !SCOPE_BEFORE.test(text.slice(Math.max(c.start, q.span.start - 12), q.comparatorSpan?.start ?? q.span.start)),
    );
  }
  values = [...values, ...ranks.map((r) => rankQuantity(r))];
  if (values.length === 0) {
    const fraction = local.find((q) => q.kind === 'fraction');
    if (fraction) values = [fraction];
    else if (local.length > 0 && local.every((q) => !outside(q))) values = [];
  }
  return values.sort((a, b) => a.span.start - b.span.start);
}

function parenDepths(text: string, c: Clause): (at: number) => number {
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = c.start; i < c.end; i++) {
    if (text[i] === '(') opens.push(i);
    else if (text[i] === ')') closes.push(i);
  }
  return (at) => {
    let d = 0;
    for (const o of opens) if (o < at) d++;
    for (const x of closes) if (x < at) d--;
    return Math.max(0, d);
  };
}

/**
 * One segment per value: several targets in one clause (`90% cấp tỉnh, 80% cấp huyện và 70% cấp
 * xã`; `… đạt 65% và tỷ lệ … đạt trên 80%`) each keep their own range, cut at the last comma,
 * `và` or `;` before each value. A clause with at most one value is one segment.
 */
function segmentsOf(text: string, c: Clause, values: Quantity[]): Clause[] {
  if (values.length <= 1) return [c];
  const cuts: number[] = [c.start];
  for (let i = 1; i < values.length; i++) {
    const from = values[i - 1]!.span.end;
    const to = values[i]!.comparatorSpan ? Math.min(values[i]!.comparatorSpan!.start, values[i]!.span.start) : values[i]!.span.start;
    const between = text.slice(from, to);
    const sep = lastSeparator(between);
    cuts.push(sep >= 0 ? from + sep : -1);
  }
  const segments: Clause[] = [];
  for (let i = 0; i < values.length; i++) {
    const start = cuts[i]!;
    let j = i + 1;
    while (j < cuts.length && cuts[j]! < 0) j++;
    const end = j < cuts.length ? cuts[j]! : c.end;
    if (start < 0) {
      // No separator before this value: it shares the previous segment.
      segments.push(segments[segments.length - 1]!);
      continue;
    }
    segments.push(trimSegment(text, { start, end }));
  }
  return segments;
}

function lastSeparator(between: string): number {
  let best = -1;
  const re = /,|;|\svà\s|\sđồng thời\s/giu;
  for (let m = re.exec(between); m; m = re.exec(between)) best = m.index;
  return best;
}

function trimSegment(text: string, c: Clause): Clause {
  let { start: s, end: e } = c;
  for (;;) {
    const before = s;
    while (s < e && /[\s,;]/.test(text[s]!)) s++;
    if (/^và\s/iu.test(text.slice(s, s + 3))) s += 3;
    if (s === before) break;
  }
  while (e > s && /[\s,.;:]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** The subject before the first value (`Tỷ lệ văn bản đi được ký số … đạt` 98% ở cấp tỉnh, …). */
function sharedSubject(text: string, c: Clause, first: Quantity): string | undefined {
  const before = text.slice(c.start, first.comparatorSpan ? Math.min(first.comparatorSpan.start, first.span.start) : first.span.start);
  const subject = before.replace(/[\s,.;:–-]+$/g, '').replace(FILLER_END, '').trim();
  return subject.split(/\s+/).length >= 2 ? subject : undefined;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return end;
}

function shiftSpan(q: Quantity, by: number): Span[] {
  const spans = [q.span];
  if (q.comparatorSpan) spans.push(q.comparatorSpan);
  return spans.map((s) => ({ start: s.start + by, end: s.end + by }));
}

function mapQuantity(q: Quantity, unit: Unit): Quantity {
  const m = (s: Span): Span => mapRange(unit.map, unit.ends, s.start, s.end);
  const out: Quantity = { ...q, span: m(q.span), numberSpan: m(q.numberSpan) };
  if (q.comparatorSpan) out.comparatorSpan = m(q.comparatorSpan);
  if (q.denominatorSpan) out.denominatorSpan = m(q.denominatorSpan);
  return out;
}

/** The first percentage, else the first count, else the first fraction. */
function pickValue(quantities: Quantity[]): Quantity | undefined {
  return (
    quantities.find((q) => q.kind === 'percent') ??
    quantities.find((q) => q.kind === 'count') ??
    quantities.find((q) => q.kind === 'fraction')
  );
}

function yearOf(clause: string, offset: number, unit: Unit): Inherited<number> | undefined {
  const years = findYears(clause);
  if (years.length > 0) {
    const y = years[years.length - 1]!;
    const span = mapRange(unit.map, unit.ends, offset + y.start, offset + y.end);
    return { value: y.year, source: 'clause', span };
  }
  return undefined;
}

/** A pillar named in the clause's subject (its first words, or before a colon) wins over the heading's. */
function pillarOf(clause: string, offset: number, unit: Unit, pillars: PillarMatcher[]): Inherited<PillarMention> | undefined {
  const found = findPillars(clause, pillars);
  if (found.length === 0) return undefined;
  const p = found[0]!;
  const wordsBefore = clause.slice(0, p.start).split(/\s+/).filter((w) => w.length > 0).length;
  const colon = clause.indexOf(':');
  if (wordsBefore > 5 && !(colon > p.start)) return undefined;
  const span = mapRange(unit.map, unit.ends, offset + p.start, offset + p.end);
  return { value: { id: p.definition.id, name: p.definition.name, span }, source: 'clause', span };
}

const FILLER_START = /^(?:(?:phấn đấu|phân đầu|đạt|có|là|tỷ lệ|tăng|giảm)\s+)+/iu;
const FILLER_END = /(?:\s+(?:trở lên|trở xuống|đạt|là))+$/iu;

/** The clause without its value, comparator and year phrase: what is measured. */
function indicatorOf(clause: string, removed: Span[][]): string {
  // A value's verb goes with it (`… được ký số đạt 98% ở cấp tỉnh` → `… được ký số ở cấp tỉnh`).
  const spans = removed.flat().map((s) => {
    const m = /(?:^|\s)(?:đạt|là)\s+$/iu.exec(clause.slice(Math.max(0, s.start - 6), s.start));
    return m ? { start: s.start - m[0].length + (m[0].startsWith(' ') ? 1 : 0), end: s.end } : s;
  });
  for (const y of findYears(clause)) spans.push({ start: y.start, end: y.end });
  spans.sort((a, b) => b.start - a.start);
  let text = clause;
  for (const s of spans) text = text.slice(0, s.start) + ' ' + text.slice(s.end);
  const trimPunct = (t: string): string => t.replace(/^[\s,.;:–-]+|[\s,.;:–-]+$/g, '');
  return trimPunct(trimPunct(text.replace(/\s+/g, ' ')).replace(FILLER_START, '').replace(FILLER_END, ''));
}
