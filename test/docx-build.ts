// Word documents written part by part for the tests (no word processor needed): paragraphs with
// direct or style numbering, tables with merged cells, footnotes, zipped with fflate.

import { strToU8, zipSync } from 'fflate';

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function lvl(ilvl: number, format: string, text: string, start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
}

/** The outline numbering of Vietnamese reports: I. / 1. / 1.1. / a) / bullet. */
export const OUTLINE_NUMBERING = `<?xml version="1.0" encoding="UTF-8"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}${lvl(4, 'bullet', '-')}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.', 5)}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;

export function p(text: string, options: { num?: [number, number]; style?: string; bold?: boolean; footnote?: number } = {}): string {
  const pPr =
    options.num || options.style
      ? `<w:pPr>${options.style ? `<w:pStyle w:val="${options.style}"/>` : ''}${options.num ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : ''}</w:pPr>`
      : '';
  const rPr = options.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  const note = options.footnote !== undefined ? `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${options.footnote}"/></w:r><w:r><w:t>.</w:t></w:r>` : '';
  return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>${note}</w:p>`;
}

export function tc(text: string, props = '', bold = false): string {
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(text, { bold })}</w:tc>`;
}

export function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files);
}


/** XML text content. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Word document with one paragraph per non-blank line, the line's characters as its text. */
export function docxOfLines(text: string): Uint8Array {
  return docx(
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlText(l)}</w:t></w:r></w:p>`)
      .join(''),
  );
}

/**
 * A Word document of Markdown lines: pipe-table blocks become Word tables (the delimiter row
 * left out), every other non-blank line a paragraph with the line's characters as its text.
 */
export function docxOfMarkdown(text: string): Uint8Array {
  const body: string[] = [];
  let rows: string[][] = [];
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${xmlText(t.trim())}</w:t></w:r></w:p></w:tc>`;
  const flush = () => {
    if (rows.length > 0) body.push(`<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      if (!/^\|[-|: ]+\|$/.test(line)) rows.push(line.slice(1, line.endsWith('|') ? -1 : undefined).split('|'));
      continue;
    }
    flush();
    if (line.trim() !== '') body.push(`<w:p><w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`);
  }
  flush();
  return docx(body.join(''));
}
