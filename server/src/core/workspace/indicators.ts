// Which wordings name the same indicator across two documents: a report's table rows against a
// resolution's targets. Built on core/indicators.ts (tone-insensitive syllable sets, Dice score),
// with the two guards that keep cross-document pairing precise: both sides agree on the pillar
// when both name one, and each side is the other's clear best match.

import type { PillarDefinition } from '../config.js';
import type { PolicyDocument, Target } from '../document/model.js';
import type { Table, TableRow } from '../document/tables.js';
import { findPillars, pillarMatchers } from '../document/vocabulary.js';
import { bestMatch, indicatorWords } from '../indicators.js';

/** Below this Dice score two wordings are not taken for the same indicator. */
export const PAIR_THRESHOLD = 0.7;
/** The best candidate must beat the runner-up by this much. */
export const PAIR_MARGIN = 0.1;

/** The word set of a wording (computed each time: callers keep it with what it belongs to). */
export function wordsOf(text: string): Set<string> {
  return indicatorWords(text);
}

// Word sets kept with the parsed objects they belong to (models are not changed once parsed): a
// workspace holds thousands of distinct wordings, which a memo by text would keep evicting.
const rowWords = new WeakMap<TableRow, Set<string>>();
const targetWords = new WeakMap<Target, Set<string>>();

/** The word set of a table row's indicator. */
export function wordsOfRow(row: TableRow): Set<string> {
  let words = rowWords.get(row);
  if (!words) {
    words = indicatorWords(row.indicator ?? '');
    rowWords.set(row, words);
  }
  return words;
}

/** The word set of a target's indicator. */
export function wordsOfTarget(target: Target): Set<string> {
  let words = targetWords.get(target);
  if (!words) {
    words = indicatorWords(target.indicator);
    targetWords.set(target, words);
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

const rowsMemo = new WeakMap<PolicyDocument, { pillars: PillarDefinition[]; rows: readonly IndicatorRow[] }>();

/**
 * Rows of the tables that carry plan or result columns (Phụ lục 02 of a report). Kept per document
 * and pillar list: the result is shared, callers must not change it.
 */
export function indicatorRows(document: PolicyDocument, pillars: PillarDefinition[]): readonly IndicatorRow[] {
  const memo = rowsMemo.get(document);
  if (memo && memo.pillars === pillars) return memo.rows;
  const matchers = pillarMatchers(pillars);
  const rows: IndicatorRow[] = [];
  for (const { table, row } of indicatorTableRows(document)) {
    const pillar = row.group ? findPillars(row.group, matchers)[0]?.definition.id : undefined;
    rows.push({ table, row, indicator: row.indicator!, ...(pillar ? { pillar } : {}) });
  }
  rowsMemo.set(document, { pillars, rows });
  return rows;
}

/** The data rows of indicatorRows, without their pillars (which do not decide which rows they are). */
export function indicatorTableRows(document: PolicyDocument): { table: Table; row: TableRow }[] {
  const rows: { table: Table; row: TableRow }[] = [];
  for (const table of document.tables) {
    if (!table.columns.some((c) => INDICATOR_TABLE_MEANINGS.has(c.meaning))) continue;
    for (const row of table.rows) {
      if (row.kind !== 'data' || !row.indicator || wordsOfRow(row).size === 0) continue;
      rows.push({ table, row });
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
  const match = bestMatch(wordsOfRow(row.row), candidates, wordsOfTarget, PAIR_THRESHOLD, PAIR_MARGIN);
  if (!match) return undefined;
  const target = match.item;
  const back = bestMatch(
    wordsOfTarget(target),
    rows.filter((r) => samePillar(r.pillar, target.pillar?.value.id)),
    (r) => wordsOfRow(r.row),
    PAIR_THRESHOLD,
    PAIR_MARGIN,
  );
  return back?.item === row ? target : undefined;
}
