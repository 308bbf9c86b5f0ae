// A rank stated as a target (`nhóm 20 tỉnh dẫn đầu`, `xếp thứ 15`, a table cell `Nhóm 25 tỉnh dẫn
// đầu` under `Hạng`): the scanner reads it as a rank, not a quantity; as a target it is a position
// no worse than N, a count in the unit `hạng` with comparator ≤.

import type { NonQuantity, Quantity } from '../numbers.js';
import type { Span } from '../types.js';

/** A rank with a position of its own (not `thứ 49/63`, a standing out of a total). */
export function isRankTarget(x: NonQuantity): boolean {
  return x.kind === 'rank' && x.value !== undefined && !x.text.includes('/');
}

/** The rank as a quantity; `at`: the range that stands for it (a table cell), else its own. */
export function rankQuantity(x: NonQuantity, at?: Span): Quantity {
  const v = x.value!;
  const digits = /\d+/.exec(x.text);
  const start = digits ? x.span.start + digits.index : x.span.start;
  return {
    kind: 'count',
    span: at ?? { start: x.span.start, end: x.span.end },
    number: { value: v, lo: v, hi: v, decimals: 0, text: String(v) },
    numberSpan: at ?? { start, end: start + (digits?.[0].length ?? 0) },
    unit: 'hạng',
    baseUnit: 'hạng',
    comparator: 'lte',
  };
}
