// Footnotes (`<sup>(2)</sup>`, `<sup>1</sup>`, `[^3]` and their definitions) and appendices
// (`Phụ lục 02` headings and the references to them in the body).

import { toneKeyWithMap } from '../text.js';
import type { Appendix, AppendixRef, FootnoteDef, FootnoteRef, Section } from './model.js';
import { sourceSpan } from './model.js';
import { romanValue } from './outline.js';
import type { StrippedLine } from './plain.js';

export function findFootnotes(lines: StrippedLine[]): { refs: FootnoteRef[]; defs: FootnoteDef[] } {
  const refs: FootnoteRef[] = [];
  const defs: FootnoteDef[] = [];
  for (const line of lines) {
    if (line.block === 'code') continue;
    for (const sup of line.sups) {
      // A definition is a mark that starts its line; in tables a mark at a cell start is a reference.
      if ((sup.atLineStart && !line.tabbed && line.block !== 'table') || sup.markdownDefinition) {
        let start = 0;
        while (start < line.plain.length && /[\s.:)]/.test(line.plain[start]!)) start++;
        defs.push({
          label: sup.label,
          markSpan: sup.span,
          contentSpan: line.plain.length > start ? sourceSpan(line, start, line.plain.length) : { start: sup.span.end, end: sup.span.end },
        });
      } else refs.push({ label: sup.label, span: sup.span });
    }
  }
  return { refs, defs };
}

/** `Phụ lục` with any tone on either syllable, in any case (the plain text is NFC): the lines worth
 *  keying for APPENDIX_REF. */
const MIGHT_NAME_APPENDIX = /ph[uúùủũụ]\s+l[uúùủũụ]c/iu;
const APPENDIX_REF = /phu luc\s+(?:so\s+)?(\d{1,2}|[ivx]{1,5})(?![\p{L}\p{N}])/gu;

export function findAppendices(sections: Section[], lines: StrippedLine[]): { appendices: Appendix[]; refs: AppendixRef[] } {
  const appendices: Appendix[] = [];
  const headLines = new Set<number>();
  for (const s of sections) {
    if (s.numbering.scheme !== 'appendix') continue;
    appendices.push({
      label: s.numbering.label,
      number: s.numbering.parts[0]!,
      headSpan: s.headSpan,
      span: s.span,
      ...(s.title ? { title: s.title } : {}),
    });
    headLines.add(s.headSpan.start);
  }
  const refs: AppendixRef[] = [];
  for (const line of lines) {
    if (line.block === 'code' || headLines.has(line.span.start)) continue;
    if (!MIGHT_NAME_APPENDIX.test(line.plain)) continue;
    const { key, map } = toneKeyWithMap(line.plain);
    APPENDIX_REF.lastIndex = 0;
    for (let m = APPENDIX_REF.exec(key); m; m = APPENDIX_REF.exec(key)) {
      // The label as the document spells it (`Phụ lục II`, not the key's `ii`).
      const keyLabel = m[1]!;
      const at = m.index + m[0].lastIndexOf(keyLabel);
      const label = line.plain.slice(map[at]!, map[at + keyLabel.length]!) || keyLabel;
      const number = /^\d+$/.test(keyLabel) ? Number(keyLabel) : romanValue(keyLabel.toUpperCase());
      refs.push({ label, number, span: sourceSpan(line, map[m.index]!, map[m.index + m[0].length]!) });
    }
  }
  return { appendices, refs };
}
