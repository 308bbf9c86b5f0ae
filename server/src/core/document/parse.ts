// Text -> PolicyDocument: the Markdown tree for blocks and positions, then the outline, targets,
// footnotes and appendices recognised on plain lines.

import type { CoreConfig } from '../config.js';
import { LineIndex } from '../text.js';
import { citedPlans, readHeader } from './header.js';
import { parseBlocks } from './markdown.js';
import type { PolicyDocument } from './model.js';
import { buildOutline } from './outline.js';
import { stripLines } from './plain.js';
import { findAppendices, findFootnotes } from './references.js';
import { extractTables } from './table-parse.js';
import { extractTargets } from './targets.js';
import { pillarMatchers } from './vocabulary.js';

export function parseDocument(text: string, config: CoreConfig): PolicyDocument {
  const lines = new LineIndex(text);
  const { kinds, tree } = parseBlocks(text, lines);
  const plainLines = stripLines(text, lines, kinds);
  const header = readHeader(plainLines);
  const pillars = pillarMatchers(config.pillars);
  const { sections, outline, joined, headingLines } = buildOutline({
    lines: plainLines,
    headerLines: header.headerLines,
    pillars,
    textLength: text.length,
  });
  const tables = extractTables(text, tree, plainLines, sections);
  const targets = extractTargets({
    kind: header.kind,
    sections,
    lines: plainLines,
    joined,
    headingLines,
    tables,
    pillars,
    ...(header.title ? { title: header.title } : {}),
  });
  const footnotes = findFootnotes(plainLines);
  const appendix = findAppendices(sections, plainLines);
  const doc: PolicyDocument = {
    text,
    lines,
    plainLines,
    kind: header.kind,
    references: header.references,
    sections,
    outline,
    targets,
    footnoteRefs: footnotes.refs,
    footnoteDefs: footnotes.defs,
    appendices: appendix.appendices,
    appendixRefs: appendix.refs,
    tables,
  };
  if (header.kindSpan) doc.kindSpan = header.kindSpan;
  if (header.number) doc.number = header.number;
  if (header.date) doc.date = header.date;
  if (header.title) doc.title = header.title;
  if (header.place) doc.place = header.place;
  if (header.kind === 'plan') {
    // The results part of an annual plan (Phần I, or a top-level results section) names the plan
    // it evaluates.
    const parts = outline.filter((s) => s.roles.some((r) => r === 'results' || r === 'situation'));
    if (parts.length > 0) {
      const within = plainLines.filter((l) => parts.some((s) => l.span.start >= s.span.start && l.span.end <= s.span.end));
      const evaluates = citedPlans(within).filter((r) => r.number !== header.number?.text.replace(/\s+/g, ''));
      if (evaluates.length > 0) doc.evaluates = evaluates;
    }
  }
  return doc;
}
