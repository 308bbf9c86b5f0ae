// Tables of the appendices (Phụ lục): tab-separated lines (seed 004) and GFM pipe tables.
// The model is shared by both syntaxes; the consistency rules read only this model.

import type { Quantity } from '../numbers.js';
import type { Span } from '../types.js';

export type Verdict = 'met' | 'exceeded' | 'unmet';

export type ColumnMeaning =
  | 'index' // STT / TT
  | 'indicator' // Tên chỉ tiêu
  | 'plan' // KH 5 năm 2021 - 2025, Mục tiêu
  | 'plan-year' // KH năm 2025
  | 'result' // Năm 2023 under Kết quả thực hiện
  | 'assessment' // So với KH 5 năm, Đánh giá
  | 'total' // Tổng
  | 'note' // Ghi chú
  | 'other';

export interface TableColumn {
  index: number;
  /** Path of header cells joined with " › " (`Kết quả thực hiện › Năm 2023`). */
  label: string;
  meaning: ColumnMeaning;
  year?: number;
}

export interface TableCell {
  column: number;
  span: Span;
  /** Text without HTML/Markdown markup. */
  text: string;
  value?: Quantity;
  verdict?: Verdict;
}

export interface TableRow {
  kind: 'header' | 'group' | 'data' | 'total';
  span: Span;
  /** 1-based line number in the source, for messages ("dòng 9" is the row's STT when present). */
  label?: string;
  /** The row's indicator text (data rows). */
  indicator?: string;
  /** Pillar or section named by the nearest group row above. */
  group?: string;
  cells: TableCell[];
}

export interface Table {
  syntax: 'tsv' | 'gfm';
  span: Span;
  /** Appendix number the table belongs to (2 for Phụ lục 02). */
  appendix?: number;
  title?: string;
  /** Unit line above the table (`Đơn vị tính: tỷ đồng`). */
  unit?: string;
  columns: TableColumn[];
  rows: TableRow[];
}
