// Targets (chỉ tiêu): each bullet, clause of a bullet (split on `;` and sentence ends) or heading
// tail inside a specific-goals section, with its value, year and pillar — stated in the clause or
// inherited from the nearest enclosing section that states it.

import { scanQuantities, type Quantity } from '../numbers.js';
import type { Span } from '../types.js';
import { mapRange, type Inherited, type PillarMention, type Section, type Target } from './model.js';
import type { StrippedLine } from './plain.js';
import { clauseBounds } from './clauses.js';
import { findPillars, findYears, type PillarMatcher } from './vocabulary.js';

/** A run of plain text gathered from one or more lines, with a map back to the source. */
interface Unit {
  plain: string;
  map: number[];
  ends: number[];
  origin: Target['origin'];
  section: Section;
}

export function extractTargets(sections: Section[], lines: StrippedLine[], pillars: PillarMatcher[]): Target[] {
  const targets: Target[] = [];
  if (sections.length === 0) return targets;
  const owner = ownersOfLines(sections, lines);
  const units: Unit[] = [];
  const lineByStart = new Map(lines.map((l) => [l.span.start, l]));
  for (const section of sections) {
    if (!inGoalsScope(section)) continue;
    if (section.tail) {
      const line = lineByStart.get(section.headSpan.start);
      if (line) {
        const start = line.map.findIndex((o) => o >= section.tail!.start);
        if (start >= 0) units.push(sliceUnit(line, start, line.plain.length, 'heading-tail', section));
      }
    } else if (section.children.length === 0 && section.numbering.scheme === 'decimal') {
      const line = lineByStart.get(section.headSpan.start);
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
    const inScope = section !== undefined && inGoalsScope(section) && section.headSpan.start !== line.span.start;
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
  for (const unit of units) targets.push(...targetsOfUnit(unit, pillars));
  return targets;
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
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s.roles.length === 0) continue;
    if (s.roles.includes('goals-general')) return false;
    return s.roles.includes('goals-specific') || s.roles.includes('orientation') || s.roles.includes('goals');
  }
  return false;
}

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

function targetsOfUnit(unit: Unit, pillars: PillarMatcher[]): Target[] {
  const text = unit.plain;
  const scan = scanQuantities(text);
  const quantities = scan.quantities.map((q) => mapQuantity(q, unit));
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
  const anyQuantity = scan.quantities.length > 0;
  if (!anyQuantity || clauses.length === 0) clauses = [{ start: bodyStart, end: trimEnd(text, text.length) }];
  const origin: Target['origin'] = unit.origin === 'bullet' && clauses.length > 1 ? 'clause' : unit.origin;

  return clauses.map((c) => {
    const clauseText = text.slice(c.start, c.end);
    const inClause = quantities.filter((_, i) => {
      const q = scan.quantities[i]!;
      return q.span.start >= c.start && q.span.end <= c.end;
    });
    const localQuantities = scan.quantities.filter((q) => q.span.start >= c.start && q.span.end <= c.end);
    const value = pickValue(inClause);
    const target: Target = {
      span: mapRange(unit.map, unit.ends, c.start, c.end),
      text: clauseText,
      indicator: indicatorOf(clauseText, localQuantities.map((q) => shiftSpan(q, -c.start))),
      quantities: inClause,
      section: unit.section,
      origin,
    };
    if (value) {
      target.value = value;
      target.comparator = value.comparator;
    }
    const year = yearOf(clauseText, c.start, unit);
    if (year) target.year = year;
    const pillar = pillarOf(clauseText, c.start, unit, pillars) ?? labelPillar ?? inheritedPillar(unit.section);
    if (pillar) target.pillar = pillar;
    return target;
  });
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
  for (let s: Section | undefined = unit.section; s; s = s.parent) {
    if (s.year) return { value: s.year.year, source: 'section', span: s.year.span, section: s };
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

function inheritedPillar(section: Section): Inherited<PillarMention> | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s.pillar) return { value: s.pillar, source: 'section', span: s.pillar.span, section: s };
  }
  return undefined;
}

const FILLER_START = /^(?:(?:phấn đấu|phân đầu|đạt|có|là|tỷ lệ|tăng|giảm)\s+)+/iu;
const FILLER_END = /(?:\s+(?:trở lên|trở xuống|đạt|là))+$/iu;

/** The clause without its value, comparator and year phrase: what is measured. */
function indicatorOf(clause: string, removed: Span[][]): string {
  const spans = removed.flat();
  for (const y of findYears(clause)) spans.push({ start: y.start, end: y.end });
  spans.sort((a, b) => b.start - a.start);
  let text = clause;
  for (const s of spans) text = text.slice(0, s.start) + ' ' + text.slice(s.end);
  const trimPunct = (t: string): string => t.replace(/^[\s,.;:–-]+|[\s,.;:–-]+$/g, '');
  return trimPunct(trimPunct(text.replace(/\s+/g, ' ')).replace(FILLER_START, '').replace(FILLER_END, ''));
}
