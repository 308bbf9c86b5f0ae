// Document symbols (the outline by numbering, targets as children) and folding ranges per section.

import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { PolicyDocument, Section, Target } from '../../core/document/model.js';
import type { Locale } from '../../core/types.js';
import { toRange } from '../convert.js';
import { t, ui } from '../messages.js';
import { sectionName } from './targets.js';

export function documentSymbols(document: PolicyDocument, locale: Locale): DocumentSymbol[] {
  const targetsBySection = new Map<Section, Target[]>();
  for (const target of document.targets) {
    const list = targetsBySection.get(target.section) ?? [];
    list.push(target);
    targetsBySection.set(target.section, list);
  }
  const toSymbol = (section: Section): DocumentSymbol => {
    const children = [
      ...(targetsBySection.get(section) ?? []).map((target) => targetSymbol(document, target, locale)),
      ...section.children.map(toSymbol),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      name: sectionName(section) || section.numbering.label || '—',
      kind: section.roles.includes('appendix') || section.numbering.scheme === 'appendix' ? SymbolKind.Object : SymbolKind.Namespace,
      range: toRange(document.lines, section.span),
      selectionRange: toRange(document.lines, section.headSpan),
      children,
    };
  };
  return document.outline.map(toSymbol);
}

function targetSymbol(document: PolicyDocument, target: Target, locale: Locale): DocumentSymbol {
  const details: string[] = [];
  if (target.value) details.push(document.text.slice(target.value.span.start, target.value.span.end));
  if (target.year) details.push(String(target.year.value));
  if (target.pillar) details.push(target.pillar.value.name);
  const name = target.text.length > 80 ? `${target.text.slice(0, 79)}…` : target.text;
  return {
    name: name || t(ui.target, locale),
    detail: details.join(' · '),
    kind: target.value ? SymbolKind.Number : SymbolKind.String,
    range: toRange(document.lines, target.span),
    selectionRange: toRange(document.lines, target.span),
  };
}

export function foldingRanges(document: PolicyDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const seen = new Set<number>();
  const add = (headStart: number, spanEnd: number) => {
    const startLine = document.lines.lineAt(headStart);
    let end = spanEnd;
    // Trailing blank lines belong to the gap before the next section, not to the fold.
    while (end > headStart && /\s/.test(document.text[end - 1]!)) end--;
    const endLine = document.lines.lineAt(end);
    if (endLine > startLine && !seen.has(startLine)) {
      seen.add(startLine);
      ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
    }
  };
  for (const section of document.sections) add(section.headSpan.start, section.span.end);
  for (const appendix of document.appendices) add(appendix.headSpan.start, appendix.span.end);
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
