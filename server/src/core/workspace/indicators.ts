// Which wordings name the same indicator across two documents: a report's table rows against a
// resolution's targets. Built on core/indicators.ts (tone-insensitive syllable sets, Dice score),
// with the two guards that keep cross-document pairing precise: both sides agree on the pillar
// when both name one, and each side is the other's clear best match.

import type { PillarDefinition } from '../config.js';
import type { PolicyDocument, Target } from '../document/model.js';
import type { Table, TableRow } from '../document/tables.js';
import { findPillars, pillarMatchers } from '../document/vocabulary.js';
import { bestMatch, indicatorWords, similarity } from '../indicators.js';

/** Below this Dice score two wordings are not taken for the same indicator. */
export const PAIR_THRESHOLD = 0.7;
/** The best candidate must beat the runner-up by this much. */
export const PAIR_MARGIN = 0.1;

const wordsMemo = new Map<string, Set<string>>();

export function wordsOf(text: string): Set<string> {
  let words = wordsMemo.get(text);
  if (!words) {
    if (wordsMemo.size > 5000) wordsMemo.clear();
    words = indicatorWords(text);
    wordsMemo.set(text, words);
  }
  return words;
}

/** A data row of a table that states plan values or yearly results for an indicator. */
export interface IndicatorRow {
  table: Table;
  row: TableRow;
  indicator: string;
  /** Pillar id named by the row's group (`CHÍNH QUYỀN SỐ`), when it names one. */
  pillar?: string;
}

const INDICATOR_TABLE_MEANINGS = new Set(['plan', 'plan-year', 'result']);

/** Rows of the tables that carry plan or result columns (Phụ lục 02 of a report). */
export function indicatorRows(document: PolicyDocument, pillars: PillarDefinition[]): IndicatorRow[] {
  const matchers = pillarMatchers(pillars);
  const rows: IndicatorRow[] = [];
  for (const table of document.tables) {
    if (!table.columns.some((c) => INDICATOR_TABLE_MEANINGS.has(c.meaning))) continue;
    for (const row of table.rows) {
      if (row.kind !== 'data' || !row.indicator || wordsOf(row.indicator).size === 0) continue;
      const pillar = row.group ? findPillars(row.group, matchers)[0]?.definition.id : undefined;
      rows.push({ table, row, indicator: row.indicator, ...(pillar ? { pillar } : {}) });
    }
  }
  return rows;
}

/** Pillars agree unless both are known and differ. */
export function samePillar(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * The target a row names, among `targets` (already narrowed to one year): confident, pillar-
 * compatible, and mutual (the target's own best row among `rows` is this row).
 */
export function targetOfRow(row: IndicatorRow, targets: readonly Target[], rows: readonly IndicatorRow[]): Target | undefined {
  const candidates = targets.filter((t) => samePillar(row.pillar, t.pillar?.value.id));
  const match = bestMatch(wordsOf(row.indicator), candidates, (t) => wordsOf(t.indicator), PAIR_THRESHOLD, PAIR_MARGIN);
  if (!match) return undefined;
  const target = match.item;
  const back = bestMatch(
    wordsOf(target.indicator),
    rows.filter((r) => samePillar(r.pillar, target.pillar?.value.id)),
    (r) => wordsOf(r.indicator),
    PAIR_THRESHOLD,
    PAIR_MARGIN,
  );
  return back?.item === row ? target : undefined;
}

/** The highest score of `text` against any of `others` (for overlap counting, no margin needed). */
export function bestScore(text: string, others: readonly string[]): { score: number; other?: string } {
  const words = wordsOf(text);
  let best: { score: number; other?: string } = { score: 0 };
  for (const o of others) {
    const score = similarity(words, wordsOf(o));
    if (score > best.score) best = { score, other: o };
  }
  return best;
}
