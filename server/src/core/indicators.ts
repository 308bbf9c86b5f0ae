// Indicator matching: the same indicator is worded differently in two places ("83,66% hộ gia đình
// có kết nối Internet băng rộng cố định" in the body, "Hộ gia đình có kết nối …" in a table;
// "sức khoẻ"/"sức khỏe"). Wordings are compared as sets of tone-insensitive syllables.

import { syllables, toneKey } from './text.js';

const STOPWORDS = new Set(
  ['các', 'và', 'của', 'có', 'được', 'trên', 'tại', 'cho', 'với', 'những', 'là', 'trong', 'đạt', 'tỷ', 'lệ', 'tỉ', 'số', 'về', 'đều', 'đã', 'theo', 'vào', 'từ', 'đến', 'năm', 'hoặc', 'khác', 'nhu', 'cầu', 'trở', 'lên', 'tối', 'thiểu', 'dưới', 'hơn', 'bình', 'quân', 'hằng', 'hàng', 'tăng', 'giảm', 'ước', 'khoảng', 'gần', 'duy', 'trì', 'hiện', 'nay']
    .map(toneKey),
);

export function indicatorWords(text: string): Set<string> {
  const words = syllables(toneKey(text)).filter((w) => !STOPWORDS.has(w) && !/^\d/.test(w));
  return new Set(words);
}

/** Dice coefficient of two word sets, in [0, 1]. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface Match<T> {
  item: T;
  score: number;
}

/**
 * The best-matching candidate, only when it is confident: its score reaches `threshold` and beats
 * the second best by `margin`. Below that the caller says nothing.
 */
export function bestMatch<T>(words: Set<string>, candidates: T[], wordsOf: (c: T) => Set<string>, threshold = 0.7, margin = 0.1): Match<T> | undefined {
  const ranking = new Ranking<T>();
  for (const item of candidates) ranking.add(item, similarity(words, wordsOf(item)));
  return ranking.confident(threshold, margin);
}

/** The best candidate seen and the best score of the others. */
class Ranking<T> {
  private best: Match<T> | undefined;
  private second = 0;

  add(item: T, score: number): void {
    if (!this.best || score > this.best.score) {
      if (this.best) this.second = Math.max(this.second, this.best.score);
      this.best = { item, score };
    } else this.second = Math.max(this.second, score);
  }

  /** The best, when it reaches `threshold` and beats the others by `margin`. */
  confident(threshold: number, margin: number): Match<T> | undefined {
    const best = this.best;
    if (!best || best.score < threshold || best.score - this.second < margin) return undefined;
    return best;
  }
}

/**
 * Candidates indexed by their words, so that matching a wording against many candidates costs the
 * words they share rather than one comparison per candidate (a 5 MB report has thousands of rows
 * and targets; comparing every pair made the analysis quadratic).
 */
export class MatchIndex<T> {
  private readonly byWord = new Map<string, number[]>();
  private readonly sizes: number[];
  private readonly shared: Int32Array;

  constructor(
    private readonly items: readonly T[],
    wordsOf: (item: T) => Set<string>,
  ) {
    this.sizes = items.map((item, i) => {
      const words = wordsOf(item);
      for (const w of words) {
        const list = this.byWord.get(w);
        if (list) list.push(i);
        else this.byWord.set(w, [i]);
      }
      return words.size;
    });
    this.shared = new Int32Array(items.length);
  }

  /**
   * The same answer as `bestMatch(words, items.filter(accept), wordsOf, threshold, margin)` for a
   * positive margin: candidates sharing no word score 0, and a tie for the best fails the margin
   * whatever the order.
   */
  best(words: Set<string>, threshold: number, margin: number, accept?: (item: T) => boolean): Match<T> | undefined {
    if (!(margin > 0) || !(threshold > 0)) throw new Error('MatchIndex.best needs a positive threshold and margin');
    const touched: number[] = [];
    for (const w of words) {
      const list = this.byWord.get(w);
      if (!list) continue;
      for (const i of list) if (this.shared[i]++ === 0) touched.push(i);
    }
    const ranking = new Ranking<T>();
    for (const i of touched) {
      const shared = this.shared[i]!;
      this.shared[i] = 0;
      const item = this.items[i]!;
      if (accept && !accept(item)) continue;
      ranking.add(item, (2 * shared) / (words.size + this.sizes[i]!));
    }
    return ranking.confident(threshold, margin);
  }
}
