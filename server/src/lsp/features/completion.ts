// Completion of pillar names, standard section titles and `Phụ lục NN` references that exist.
// Items also match when typed without accents ("kinh te so").

import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { PolicyDocument } from '../../core/document/model.js';
import type { CoreConfig } from '../../core/config.js';
import { asciiKey } from '../../core/text.js';
import type { Locale } from '../../core/types.js';
import { t, ui } from '../messages.js';

const RESOLUTION_SECTIONS = [
  'Tình hình và nguyên nhân',
  'Quan điểm chỉ đạo',
  'Mục tiêu',
  'Mục tiêu tổng quát',
  'Mục tiêu cụ thể đến năm 2025',
  'Định hướng đến năm 2030',
  'Nhiệm vụ và giải pháp',
  'Tổ chức thực hiện',
];

const REPORT_SECTIONS = [
  'Công tác quán triệt, triển khai',
  'Kết quả thực hiện',
  'Đánh giá chung',
  'Ưu điểm',
  'Hạn chế',
  'Nguyên nhân',
  'Bài học kinh nghiệm',
  'Phương hướng, nhiệm vụ và giải pháp',
];

/** A heading being typed: `2.2. `, `III. `, `a) `, `## `, `**` at the start of the line. */
const HEADING_PREFIX = /^\s*(?:#{1,6}\s*)?(?:\*{1,3})?\s*(?:(?:[IVXLC]+[.-]|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*)?[^\s]*$/iu;
const APPENDIX_PREFIX = /ph[uụ]\s*l[uụ]c\s*(\d*)$/iu;

export function completions(
  document: PolicyDocument,
  config: CoreConfig,
  position: Position,
  locale: Locale,
): CompletionItem[] {
  const lineStart = document.lines.offset(position.line, 0);
  const before = document.text.slice(lineStart, document.lines.offset(position.line, position.character));

  const appendix = APPENDIX_PREFIX.exec(before);
  if (appendix) {
    const start = position.character - appendix[0].length;
    return document.appendices.map((a, i) => {
      const label = `Phụ lục ${a.label}`;
      return {
        label,
        kind: CompletionItemKind.Reference,
        detail: a.title ?? t(ui.completionAppendix, locale),
        filterText: `${appendix[0]} ${asciiKey(label)}`,
        sortText: String(i).padStart(3, '0'),
        textEdit: {
          range: { start: { line: position.line, character: start }, end: position },
          newText: label,
        },
      };
    });
  }

  const items: CompletionItem[] = [];
  const heading = HEADING_PREFIX.test(before);
  const sections = document.kind === 'report' ? [...REPORT_SECTIONS, ...RESOLUTION_SECTIONS] : [...RESOLUTION_SECTIONS, ...REPORT_SECTIONS];
  sections.forEach((title, i) => {
    items.push({
      label: title,
      kind: CompletionItemKind.Module,
      detail: t(ui.completionSection, locale),
      filterText: `${title} ${asciiKey(title)}`,
      sortText: `${heading ? 'a' : 'c'}${String(i).padStart(3, '0')}`,
    });
  });
  config.pillars.forEach((pillar, i) => {
    const names = [pillar.name, ...pillar.aliases];
    for (const name of names) {
      items.push({
        label: name,
        kind: CompletionItemKind.EnumMember,
        detail: name === pillar.name ? t(ui.completionPillar, locale) : `${t(ui.completionPillar, locale)}: ${pillar.name}`,
        filterText: `${name} ${asciiKey(name)}`,
        sortText: `${heading ? 'b' : 'a'}${String(i).padStart(3, '0')}`,
      });
    }
  });
  document.appendices.forEach((a, i) => {
    const label = `Phụ lục ${a.label}`;
    items.push({
      label,
      kind: CompletionItemKind.Reference,
      detail: a.title ?? t(ui.completionAppendix, locale),
      filterText: `${label} ${asciiKey(label)}`,
      sortText: `d${String(i).padStart(3, '0')}`,
    });
  });
  return items;
}
