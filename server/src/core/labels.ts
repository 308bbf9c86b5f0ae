// Names of the core's enumerations for people, shared by every adapter (CLI tables, hovers,
// dashboards) so that a comparator reads the same everywhere.

import type { Comparator } from './numbers.js';
import type { LocalizedText } from './types.js';

export interface ComparatorLabel {
  /** Compact sign for tables: `>`, `≥`, `duy trì`. */
  sign: LocalizedText;
  /** Words with the sign: `trên (>)`. */
  words: LocalizedText;
}

export const COMPARATOR_LABELS: Record<Comparator, ComparatorLabel> = {
  gt: { sign: { vi: '>', en: '>' }, words: { vi: 'trên (>)', en: 'above (>)' } },
  gte: { sign: { vi: '≥', en: '≥' }, words: { vi: 'từ … trở lên (≥)', en: 'at least (≥)' } },
  lt: { sign: { vi: '<', en: '<' }, words: { vi: 'dưới (<)', en: 'below (<)' } },
  lte: { sign: { vi: '≤', en: '≤' }, words: { vi: 'tối đa (≤)', en: 'at most (≤)' } },
  eq: { sign: { vi: '=', en: '=' }, words: { vi: 'bằng (=)', en: 'equal (=)' } },
  maintain: { sign: { vi: 'duy trì', en: 'maintain' }, words: { vi: 'duy trì', en: 'maintain' } },
  approx: { sign: { vi: '≈', en: '≈' }, words: { vi: 'khoảng (≈)', en: 'about (≈)' } },
};
