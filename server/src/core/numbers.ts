// Vietnamese numbers with their stated precision (domain guide §4).
//
// `.` groups thousands and `,` is the decimal mark: 862.509 = 862509, 1.308,9 = 1308.9, 9,54% = 9.54 %.
// A number's stated precision is half a unit of its last digit (7,5 ⇒ [7.45, 7.55]); every
// arithmetic check works on these intervals so that honest rounding is never flagged.
//
// The scanner works on plain text (markup already removed by the document model) and reports
// offsets relative to the string it is given.

import type { Span } from './types.js';

/** A closed interval of real numbers. */
export interface Interval {
  lo: number;
  hi: number;
}

export interface VnNumber {
  /** The value as written, multiplier applied (`1,9 triệu` → 1 900 000). */
  value: number;
  /** Stated precision: value ± half a unit of the last written digit (multiplier applied). */
  lo: number;
  hi: number;
  /** Digits after the decimal comma (0 for integers). */
  decimals: number;
  /** The source text of the digits (`1.308,9`), without unit or multiplier. */
  text: string;
}

/** `trên`/`hơn` >, `từ … trở lên`/`tối thiểu`/`ít nhất` ≥, `dưới` <, `tối đa`/`không quá` ≤,
 *  none =, `duy trì` maintain, `khoảng`/`gần`/`ước` approximately. */
export type Comparator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'maintain' | 'approx';

export interface Quantity {
  kind: 'percent' | 'count' | 'fraction';
  /** The whole quantity: `9,54%`, `862.509/834.204`, `1,9 triệu`, `Trên 55%` (comparator excluded). */
  span: Span;
  /** The number (for a fraction, its numerator). */
  number: VnNumber;
  numberSpan: Span;
  /** For fractions `X/Y` (possibly with words between: `1.398.424 điện thoại/1.929.691 dân`). */
  denominator?: VnNumber;
  denominatorSpan?: Span;
  /** Word multiplier after the number: nghìn, triệu, tỷ. */
  multiplier?: string;
  /** The word after the number, lower-cased, when it names a unit or noun (`tỷ đồng`, `doanh nghiệp`). */
  unit?: string;
  comparator: Comparator;
  /** The comparator words as written (`Trên`, `tối thiểu`, `Từ … trở lên`: the span of `Từ`). */
  comparatorSpan?: Span;
}

export type NonQuantityKind =
  | 'document-number' // 04-NQ/TU, 59/KH-UBND, Nghị định số 85/NĐ-CP
  | 'date' // 31/12/2021, ngày 10/10, 10.10 (a date), 31 tháng 12 năm 2021
  | 'year' // năm 2023, giai đoạn 2021 - 2025
  | 'technology' // 4G/5G, IPv6, 3G, COVID-19, 3D
  | 'rank' // thứ 15/63, nhóm 20 tỉnh, xếp thứ 54/56
  | 'level' // mức độ 4, cấp độ 3, phiên bản 2.0, Quý IV
  | 'ordinal'; // lần thứ tư, khoá XI, Đại hội XIII

export interface NonQuantity {
  kind: NonQuantityKind;
  span: Span;
  text: string;
}

export interface ScanResult {
  quantities: Quantity[];
  excluded: NonQuantity[];
}

export declare function parseVnNumber(text: string): VnNumber | undefined;
export declare function scanQuantities(text: string): ScanResult;
