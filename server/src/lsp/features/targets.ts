// Targets as the editor sees them: lookup by position and the wire format of `vanban/targets`.

import type { Range } from 'vscode-languageserver';
import type { PolicyDocument, Section, Target } from '../../core/document/model.js';
import type { Comparator, Quantity } from '../../core/numbers.js';
import type { Span } from '../../core/types.js';
import { toRange } from '../convert.js';

export interface SectionRef {
  /** Numbering as written ("2.2", "a", "III"), empty when unnumbered. */
  numbering: string;
  title: string;
  /** 0-based line of the section's heading. */
  line: number;
}

export interface QuantityInfo {
  /** The quantity as written (`Trên 55%` without the comparator: `55%`). */
  text: string;
  kind: Quantity['kind'];
  value: number;
  /** Stated precision interval of the number. */
  lo: number;
  hi: number;
  unit?: string;
  denominator?: number;
}

export interface TargetInfo {
  range: Range;
  text: string;
  indicator: string;
  value?: QuantityInfo;
  comparator?: Comparator;
  year?: { value: number; source: NonNullable<Target['year']>['source']; range: Range; section?: SectionRef };
  pillar?: { id: string; name: string; source: NonNullable<Target['pillar']>['source']; range: Range; section?: SectionRef };
  section: SectionRef;
  origin: Target['origin'];
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The innermost target at an offset. */
export function targetAt(document: PolicyDocument, offset: number): Target | undefined {
  let best: Target | undefined;
  for (const target of document.targets) {
    if (!contains(target.span, offset)) continue;
    if (!best || target.span.end - target.span.start < best.span.end - best.span.start) best = target;
  }
  return best;
}

/** The target a finding at `span` is about: the one containing it, else the first overlapping it. */
export function targetFor(document: PolicyDocument, span: Span): Target | undefined {
  return (
    document.targets.find((t) => t.span.start <= span.start && span.end <= t.span.end) ??
    document.targets.find((t) => overlaps(t.span, span))
  );
}

export function sectionRef(document: PolicyDocument, section: Section): SectionRef {
  return { numbering: section.numbering.label, title: section.title, line: document.lines.lineAt(section.headSpan.start) };
}

/** "2.2. Mục tiêu cụ thể đến năm 2025", "a) Phát triển kinh tế số", "III. MỤC TIÊU". */
export function sectionName(section: Section): string {
  const { scheme, label } = section.numbering;
  if (!label || scheme === 'none') return section.title;
  if (scheme === 'letter') return `${label}) ${section.title}`;
  if (scheme === 'appendix') return `Phụ lục ${label}${section.title ? `. ${section.title}` : ''}`;
  if (scheme === 'part') return `Phần ${label}${section.title ? `. ${section.title}` : ''}`;
  return `${label}. ${section.title}`;
}

export function quantityInfo(document: PolicyDocument, quantity: Quantity): QuantityInfo {
  const info: QuantityInfo = {
    text: document.text.slice(quantity.span.start, quantity.span.end),
    kind: quantity.kind,
    value: quantity.number.value,
    lo: quantity.number.lo,
    hi: quantity.number.hi,
  };
  if (quantity.unit !== undefined) info.unit = quantity.unit;
  if (quantity.denominator) info.denominator = quantity.denominator.value;
  return info;
}

export function targetInfo(document: PolicyDocument, target: Target): TargetInfo {
  const lines = document.lines;
  const info: TargetInfo = {
    range: toRange(lines, target.span),
    text: target.text,
    indicator: target.indicator,
    section: sectionRef(document, target.section),
    origin: target.origin,
  };
  if (target.value) info.value = quantityInfo(document, target.value);
  if (target.comparator) info.comparator = target.comparator;
  if (target.year) {
    info.year = { value: target.year.value, source: target.year.source, range: toRange(lines, target.year.span) };
    if (target.year.section) info.year.section = sectionRef(document, target.year.section);
  }
  if (target.pillar) {
    const { id, name } = target.pillar.value;
    info.pillar = { id, name, source: target.pillar.source, range: toRange(lines, target.pillar.span) };
    if (target.pillar.section) info.pillar.section = sectionRef(document, target.pillar.section);
  }
  return info;
}

/** Targets inside a section or its descendants. */
export function targetsWithin(document: PolicyDocument, section: Section): Target[] {
  return document.targets.filter((t) => section.span.start <= t.span.start && t.span.start < section.span.end);
}
