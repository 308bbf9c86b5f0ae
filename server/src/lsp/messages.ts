// The language server's own user-facing strings (the findings carry their own bilingual messages
// from the core). Vietnamese first: it is the drafters' language.

import { COMPARATOR_LABELS } from '../core/labels.js';
import type { Locale, LocalizedText } from '../core/types.js';
import type { Comparator } from '../core/numbers.js';

export const ui = {
  disableRuleForLine: (ruleId: string): LocalizedText => ({
    vi: `Tắt quy tắc ${ruleId} cho dòng này`,
    en: `Disable ${ruleId} for this line`,
  }),
  fixAll: { vi: 'Vanban: sửa tất cả lỗi có thể sửa tự động', en: 'Vanban: fix all auto-fixable problems' },
  addYear: (year: number): LocalizedText => ({ vi: `Thêm năm đạt được: "đến năm ${year}"`, en: `Add the target year: "đến năm ${year}"` }),
  addPillar: (name: string): LocalizedText => ({ vi: `Gắn trụ cột: ${name}`, en: `Assign the pillar: ${name}` }),

  target: { vi: 'Chỉ tiêu', en: 'Target' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  value: { vi: 'Giá trị', en: 'Value' },
  comparator: { vi: 'So sánh', en: 'Comparator' },
  year: { vi: 'Năm', en: 'Year' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  missing: { vi: '*(chưa có)*', en: '*(missing)*' },
  statedInClause: { vi: 'nêu trong chính chỉ tiêu', en: 'stated in the target itself' },
  fromDocumentTitle: { vi: 'theo tên văn bản', en: "from the document's title" },
  fromTableColumn: { vi: 'theo cột của bảng chỉ tiêu', en: 'from the column of the target table' },
  inheritedFrom: (where: string, line: number): LocalizedText => ({
    vi: `kế thừa từ mục «${where}» (dòng ${line})`,
    en: `inherited from section «${where}» (line ${line})`,
  }),
  number: { vi: 'Số liệu', en: 'Number' },
  precision: { vi: 'Khoảng chính xác', en: 'Precision interval' },
  fraction: { vi: 'Tỷ số', en: 'Ratio' },
  matchedCell: { vi: 'Ô phụ lục tương ứng', en: 'Matching appendix cell' },
  agrees: { vi: 'khớp', en: 'agrees' },
  disagrees: { vi: 'không khớp', en: 'disagrees' },
  verdictCell: { vi: 'Ô đánh giá', en: 'Assessment cell' },
  row: { vi: 'Dòng', en: 'Row' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  latestResult: { vi: 'Kết quả mới nhất', en: 'Latest result' },
  verdict: { vi: 'Đánh giá', en: 'Verdict' },
  consistent: { vi: 'Không phát hiện mâu thuẫn.', en: 'No contradiction found.' },
  findingsHere: { vi: 'Phát hiện tại đây', en: 'Findings here' },

  lensTargets: (n: number): LocalizedText => ({ vi: `${n} chỉ tiêu`, en: `${n} target${n === 1 ? '' : 's'}` }),
  lensPillars: (n: number): LocalizedText => ({ vi: `${n} trụ cột`, en: `${n} pillar${n === 1 ? '' : 's'}` }),
  lensNoValue: (n: number): LocalizedText => ({ vi: `${n} thiếu giá trị`, en: `${n} without value` }),
  lensNoYear: (n: number): LocalizedText => ({ vi: `${n} thiếu năm`, en: `${n} without year` }),
  lensNoPillar: (n: number): LocalizedText => ({ vi: `${n} thiếu trụ cột`, en: `${n} without pillar` }),

  completionPillar: { vi: 'Trụ cột chuyển đổi số', en: 'Digital transformation pillar' },
  completionSection: { vi: 'Tên mục chuẩn', en: 'Standard section title' },
  completionAppendix: { vi: 'Phụ lục có trong văn bản', en: 'Appendix present in this document' },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

const verdicts: Record<string, LocalizedText> = {
  met: { vi: 'Đạt', en: 'Met' },
  exceeded: { vi: 'Vượt', en: 'Exceeded' },
  unmet: { vi: 'Chưa đạt', en: 'Not met' },
};

export function verdictLabel(verdict: string): LocalizedText {
  return verdicts[verdict] ?? { vi: verdict, en: verdict };
}


export function comparatorLabel(comparator: Comparator): LocalizedText {
  return COMPARATOR_LABELS[comparator].words;
}

export function t(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text.vi;
}

/** Vietnamese number format (`.` thousands, `,` decimals) for vi; English format otherwise. */
export function formatNumber(value: number, locale: Locale, maxDecimals = 6): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxDecimals });
}
