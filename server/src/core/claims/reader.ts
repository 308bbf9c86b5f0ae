// The claim reader: the arithmetic a report states in its sentences, read once per document into
// relations that the rules judge. A claim holds the figures it relates (with their precision: a
// count of discrete things is an exact integer, a measured quantity carries half a unit of its
// last digit), the relation, the figure that states the result, and the words that were read as
// evidence of the relation. A claim is read only when its wording is unambiguous; everything else
// stays unread, so the rules stay silent on it.
//
// Relations and the wordings read (each is pinned by fixtures in test/unit/claims.test.ts):
// - ratio, part/whole = stated %:
//     `X/Y … đạt|vượt|chiếm|bằng|tỷ lệ Z%` (the fraction first, any subject or parenthesis between),
//     `… Z% (X/Y …)` (the percentage first, the fraction in parentheses after it),
//     `X …, bằng|đạt Z% kế hoạch (Y …)` (the part before, the whole in parentheses after);
//     `vượt Z%` with a fraction is X/Y − 100 %.
// - change, from A to B:
//     `tăng|giảm từ A [năm …] lên|xuống [còn|mức] B [năm …], tăng|giảm Z%` (relative change),
//     `… tăng|giảm Z điểm phần trăm` (difference of rates), `… tăng Z dịch vụ` (difference of
//     counts in their unit), `… gấp K lần` (multiple);
//     `X, gấp K lần năm 2023 (Y)` (the base in parentheses after the multiple).
//     Years may stand after the figures; A is always the `từ` figure, B the `lên/xuống` one.
// - breakdown, total = sum of parts:
//     `T …, gồm|bao gồm|gồm có: A …, B … và C …` (exhaustive: the parts must add up to T);
//     `đạt và vượt N/M chỉ tiêu, trong đó K chỉ tiêu vượt và L chỉ tiêu đạt` (a verdict partition:
//     exhaustive too); `T …, trong đó A … và B …` otherwise lists a subset: only parts that add
//     up to more than T contradict it.
// - count, met + unmet = all: `N/M chỉ tiêu đạt …, K/M chưa đạt` and `N/M … ; K chỉ tiêu còn lại`.
// Not read (silent by design): a change or ratio with no base stated (`tăng 18% so với cùng kỳ`,
// `gấp 2,3 lần so với đầu nhiệm kỳ`, `đạt 100% mục tiêu`), a lone subset (`trong đó 11 …`).

import { bodyQuantities, type BodyQuantity } from '../consistency/context.js';
import type { PolicyDocument } from '../document/model.js';
import { type Interval, point } from '../interval.js';
import type { Quantity } from '../numbers.js';
import { asciiKey } from '../text.js';
import type { Span } from '../types.js';

export interface RatioClaim {
  relation: 'ratio';
  /** `share`: part/whole is the stated %; `over`: part/whole − 100 % is. */
  mode: 'share' | 'over';
  part: Operand;
  whole: Operand;
  stated: BodyQuantity;
  /** The fraction when the parts are written `X/Y`. */
  fraction?: BodyQuantity;
}

export interface ChangeClaim {
  relation: 'change';
  /** `percent`: (B − A)/A; `points`: B − A in percentage points; `difference`: B − A in the
   *  figures' unit; `multiple`: B/A. */
  mode: 'percent' | 'points' | 'difference' | 'multiple';
  sign: 1 | -1;
  from: Operand;
  to: Operand;
  stated: BodyQuantity;
}

export interface BreakdownClaim {
  relation: 'breakdown';
  /** `exhaustive`: the parts must add up to the total; `subset`: they must not exceed it. */
  mode: 'exhaustive' | 'subset';
  total: Operand;
  parts: Operand[];
  /** The word that introduced the parts (`gồm`, `trong đó`). */
  cue: string;
}

export interface CountClaim {
  relation: 'count';
  /** Met and unmet counts out of the same total (`N/M chỉ tiêu đạt, K/M chưa đạt`), or the met count
   *  and the rest (`N/M …; K chỉ tiêu còn lại`). */
  met: Operand;
  unmet: Operand;
  total: Operand;
}

export type Claim = RatioClaim | ChangeClaim | BreakdownClaim | CountClaim;

/** One figure of a claim: its value with the precision that applies to it. */
export interface Operand {
  value: Interval;
  /** An exact count of discrete things. */
  exact: boolean;
  /** Source range of the number as written. */
  span: Span;
  /** The body figure it was read from. */
  figure: BodyQuantity;
  /** For a fraction's denominator. */
  denominator?: boolean;
}

const MEASURES = new Set(['đồng', 'ha', 'km', 'm', 'm2', 'tấn', 'kg', 'gb', 'tb', 'mb', 'giờ', 'phút', 'điểm', 'lần', 'mbps', 'mbit/s', 'gbps']);

/** A count of discrete things (`13 dịch vụ`, `1.172 tổ`, `43/51`) is exact; money, measures,
 *  decimals and rounded multiples (`1,8 triệu`) carry their stated precision. */
export function isExact(q: Quantity, which: 'number' | 'denominator' = 'number'): boolean {
  if (q.kind === 'percent') return false;
  const n = which === 'number' ? q.number : q.denominator;
  if (!n || n.decimals > 0 || q.multiplier) return false;
  const unit = (which === 'denominator' && q.denominatorUnit) || q.baseUnit || q.unit || '';
  return !MEASURES.has(unit.split(' ')[0]!) && !unit.includes('/');
}

function operand(b: BodyQuantity, which: 'number' | 'denominator' = 'number'): Operand {
  const q = b.local;
  const n = which === 'number' ? q.number : q.denominator!;
  const exact = isExact(q, which);
  const span = which === 'number' ? b.numberSpan : denominatorSpan(b);
  const op: Operand = { value: exact ? point(n.value) : { lo: n.lo, hi: n.hi }, exact, span, figure: b };
  if (which === 'denominator') op.denominator = true;
  return op;
}

function denominatorSpan(b: BodyQuantity): Span {
  const q = b.local;
  if (!q.denominatorSpan) return b.span;
  const line = b.line;
  const s = line.map[q.denominatorSpan.start]!;
  const e = line.ends[q.denominatorSpan.end - 1]!;
  return { start: s, end: e };
}

/** The head noun of a figure's unit (`tổ` for `tổ công nghệ số`, `đồng` for `tỷ đồng`). */
export function unitHead(q: Quantity): string | undefined {
  if (q.kind === 'percent') return '%';
  const unit = q.kind === 'fraction' ? (q.denominatorUnit ?? q.unit) : (q.baseUnit ?? q.unit);
  return unit ? unit.normalize('NFC').toLowerCase().split(' ')[0] : undefined;
}

const caches = new WeakMap<PolicyDocument, Claim[]>();

/** Every claim of the document, in document order (read once, shared by the rules). */
export function readClaims(doc: PolicyDocument): Claim[] {
  let claims = caches.get(doc);
  if (!claims) {
    claims = read(doc);
    caches.set(doc, claims);
  }
  return claims;
}

function read(doc: PolicyDocument): Claim[] {
  const out: Claim[] = [];
  // Figures grouped by clause (clauses are shared objects within a line; a clause clipped around
  // one figure of a megabyte line holds that figure alone, so the reading stays linear).
  let group: BodyQuantity[] = [];
  let clause: object | undefined;
  const flush = (): void => {
    if (group.length > 1) readClause(group, out);
    group = [];
  };
  let lineFigures: BodyQuantity[] = [];
  let lineOf: object | undefined;
  for (const b of bodyQuantities(doc)) {
    if (b.line !== lineOf) {
      if (lineFigures.length > 1) readLine(lineFigures, out);
      lineFigures = [];
      lineOf = b.line;
    }
    lineFigures.push(b);
    if (b.clause !== clause) {
      flush();
      clause = b.clause;
    }
    group.push(b);
  }
  flush();
  if (lineFigures.length > 1) readLine(lineFigures, out);
  return out;
}

const key = (b: BodyQuantity, from: number, to: number): string => asciiKey(b.line.plain.slice(Math.max(0, from), Math.max(0, to)));
const before = (b: BodyQuantity, reach = 40): string => key(b, Math.max(b.clause.start, b.local.span.start - reach), b.local.span.start);
const after = (b: BodyQuantity, reach = 40): string => key(b, b.local.span.end, Math.min(b.clause.end, b.local.span.end + reach));
const between = (a: BodyQuantity, b: BodyQuantity): string => key(a, a.local.span.end, b.local.span.start);

/** Offsets of the parentheses around a figure: [open, close], or undefined when it stands outside. */
function enclosing(b: BodyQuantity): [number, number] | undefined {
  const text = b.line.plain;
  let depth = 0;
  let open = -1;
  for (let i = b.local.span.start - 1; i >= b.clause.start; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return undefined;
  depth = 0;
  for (let i = b.local.span.end; i < b.clause.end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return [open, i];
      depth--;
    }
  }
  return undefined;
}

function readClause(figures: BodyQuantity[], out: Claim[]): void {
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    if (f.local.kind === 'percent') readRatio(figures, i, out);
  }
  readChanges(figures, out);
  readBreakdowns(figures, out);
}

// ---- ratio ------------------------------------------------------------------------------------

/** How far (in characters) a claim's figures may stand apart. */
const REACH = 400;

const RATIO_CUE = /\b(vuot|dat|ty le|chiem|bang)\s*(muc\s*)?(khoang\s*)?$/;

function readRatio(figures: BodyQuantity[], i: number, out: Claim[]): void {
  const p = figures[i]!;
  const cue = before(p, 24).trim();
  if (/\b(tang|giam)\s*(khoang\s*)?$/.test(cue)) return;
  if (/^\s*diem phan tram/.test(after(p, 20))) return;
  const over = /\bvuot\s*(muc\s*)?$/.test(cue);
  // The fraction first: `X/Y … đạt Z%`, nothing figured between them but parenthesised notes.
  for (let j = i - 1; j >= 0 && p.local.span.start - figures[j]!.local.span.end <= REACH; j--) {
    const f = figures[j]!;
    if (f.local.kind === 'fraction' && f.local.denominator) {
      const gap = between(f, p);
      // `8/10 huyện (80%)`: the share in parentheses right after the parts.
      const bare = p.parenthesised && !f.parenthesised && /^[a-z\s,]{0,60}\(\s*$/.test(gap);
      if (!RATIO_CUE.test(cue) && !bare) return;
      if (p.local.span.start - f.local.span.end > 160) return;
      // `15/20 huyện có tỷ lệ hồ sơ trực tuyến đạt 60%`: another rate is introduced between them,
      // the percentage is about it, not about the fraction; `trong đó …` turns to a part.
      // Read with the tones (`trong đó` is not `trong độ tuổi`).
      const raw = f.line.plain.slice(f.local.span.end, p.local.span.start).normalize('NFC').toLowerCase();
      const rest = raw.replace(/(?:đạt|vượt|chiếm|bằng)?\s*(?:mức\s*)?(?:t[ỷỉ] lệ\s*)?$/u, '');
      if (/(?<!\p{L})(?:t[ỷỉ] lệ|tỷ trọng|trong đó|bình quân|trung bình)(?!\p{L})/u.test(rest)) return;
      out.push({ relation: 'ratio', mode: over ? 'over' : 'share', part: operand(f), whole: operand(f, 'denominator'), stated: p, fraction: f });
      return;
    }
    if (!f.parenthesised || p.parenthesised) break;
  }
  // The percentage first, the fraction in parentheses after it: `đạt 58,4% (186.880/320.000 hồ sơ)`.
  const next = figures[i + 1];
  if (next && next.local.kind === 'fraction' && next.local.denominator && next.parenthesised && !p.parenthesised) {
    const paren = enclosing(next);
    if (paren && paren[0] >= p.local.span.end && /^\s*\(?\s*$/.test(next.line.plain.slice(paren[0] + 1, next.local.span.start))) {
      out.push({ relation: 'ratio', mode: over ? 'over' : 'share', part: operand(next), whole: operand(next, 'denominator'), stated: p, fraction: next });
      return;
    }
  }
  // The part before, the whole in parentheses after: `51.600 chứng thư …, bằng 103,2% kế hoạch năm (50.000 chứng thư)`.
  if (!/\b(bang|dat)\s*(muc\s*)?$/.test(cue) || !next || next.local.kind !== 'count' || !next.parenthesised) return;
  const prev = figures[i - 1];
  if (!prev || prev.local.kind !== 'count' || prev.parenthesised) return;
  const headA = unitHead(prev.local);
  if (!headA || headA !== unitHead(next.local)) return;
  const paren = enclosing(next);
  if (!paren || paren[0] < p.local.span.end || !/^\s*$/.test(next.line.plain.slice(paren[0] + 1, next.local.span.start))) return;
  if (!/^\s*[\p{L}\s]*\)/u.test(next.line.plain.slice(next.local.span.end, paren[1] + 1))) return;
  out.push({ relation: 'ratio', mode: over ? 'over' : 'share', part: operand(prev), whole: operand(next), stated: p });
}

// ---- change -----------------------------------------------------------------------------------

function readChanges(figures: BodyQuantity[], out: Claim[]): void {
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const cueA = before(a, 20);
    const m = /\b(tang|giam)\s+(tu)\s*$/.exec(cueA) ?? /\btu\s*$/.exec(cueA);
    if (!m) continue;
    const b = figures[i + 1]!;
    if (!/^\s*([a-z]+\s+){0,6}?(nam \d{4}\s*)?(len|xuong)\s*(con\s*|muc\s*|den\s*)?$/.test(between(a, b))) continue;
    const kindOk = a.local.kind === b.local.kind && (a.local.kind === 'percent' || unitHead(a.local) === unitHead(b.local));
    if (!kindOk || a.local.kind === 'fraction') continue;
    // The stated change: the next figure in the clause introduced by tăng/giảm or gấp.
    const s = figures[i + 2];
    if (!s) continue;
    const cueS = before(s, 24);
    const gap = between(b, s);
    if (gap.length > 60) continue;
    const direction = /\b(tang|giam)\s*(lan luot\s*)?$/.exec(cueS);
    const multiple = /\bgap\s*$/.test(cueS) && /^\s*lan\b/.test(after(s, 8));
    if (multiple) {
      out.push({ relation: 'change', mode: 'multiple', sign: 1, from: operand(a), to: operand(b), stated: s });
      continue;
    }
    if (!direction) continue;
    if (/^\s*\)?\s*so voi/.test(after(s, 30)) && !/^\s*diem phan tram/.test(after(s, 20))) continue;
    const sign = direction[1] === 'tang' ? 1 : -1;
    if (s.local.kind === 'percent') {
      out.push({ relation: 'change', mode: 'percent', sign, from: operand(a), to: operand(b), stated: s });
    } else if (a.local.kind === 'count' && s.local.kind === 'count' && unitHead(s.local) === unitHead(a.local) && unitHead(a.local)) {
      // `tăng từ 12 lên 15 dịch vụ công, tăng 3 dịch vụ`: a difference in the same unit.
      out.push({ relation: 'change', mode: 'difference', sign, from: operand(a), to: operand(b), stated: s });
    } else if (a.local.kind === 'percent' && /^\s*diem phan tram\b/.test(key(s, s.local.numberSpan.end, s.local.numberSpan.end + 20))) {
      out.push({ relation: 'change', mode: 'points', sign, from: operand(a), to: operand(b), stated: s });
    }
  }
  // `X …, gấp K lần năm 2023 (Y …)`: the base in parentheses right after the multiple.
  for (let i = 1; i + 1 < figures.length; i++) {
    const s = figures[i]!;
    if (!/\bgap\s*$/.test(before(s, 10)) || !/^\s*lan\b/.test(after(s, 8))) continue;
    const x = figures[i - 1]!;
    const y = figures[i + 1]!;
    if (x.parenthesised || !y.parenthesised || x.local.kind !== 'count' || y.local.kind !== 'count') continue;
    if (/\btu\s*$/.test(before(x, 10))) continue; // `từ A lên B (gấp K lần)` is read above
    if (unitHead(x.local) !== unitHead(y.local) || !unitHead(x.local)) continue;
    const paren = enclosing(y);
    if (!paren || paren[0] < s.local.span.end) continue;
    if (!/^\s*(so voi\s*)?(nam \d{4}\s*)?$/.test(key(s, s.local.span.end, paren[0]).replace(/^\s*lan\b/, ''))) continue;
    out.push({ relation: 'change', mode: 'multiple', sign: 1, from: operand(y), to: operand(x), stated: s });
  }
}

// ---- breakdown --------------------------------------------------------------------------------

function readBreakdowns(figures: BodyQuantity[], out: Claim[]): void {
  for (let i = 1; i < figures.length; i++) {
    const first = figures[i]!;
    // The cue stands between the previous figure and the first part, labels may follow it
    // (`gồm: ngân sách tỉnh 61,8 tỷ đồng, …`).
    const gap = between(figures[i - 1]!, first);
    const cue = /\b(gom co|bao gom|gom|trong do co|trong do)\s*:?\s*([a-z]+\s+){0,8}$/.exec(gap);
    if (!cue) continue;
    const head = unitHead(first.local);
    if (!head || first.local.kind === 'percent') continue;
    const inParens = first.parenthesised ? enclosing(first) : undefined;
    // The total: the nearest figure before the cue with the same unit, outside the parts' parentheses.
    let total: BodyQuantity | undefined;
    for (let j = i - 1; j >= 0 && first.local.span.start - figures[j]!.local.span.end <= REACH; j--) {
      const t = figures[j]!;
      if (inParens && t.local.span.start > inParens[0]) continue;
      if (!inParens && t.parenthesised) continue;
      if (t.local.kind !== 'percent' && unitHead(t.local) === head) {
        total = t;
        break;
      }
    }
    if (!total) continue;
    // The parts: figures of the same unit after the cue, within the parentheses when it opened one,
    // up to the first figure of another unit or a `;`.
    const parts: BodyQuantity[] = [];
    for (let j = i; j < figures.length; j++) {
      const x = figures[j]!;
      if (inParens ? x.local.span.start > inParens[1] : x.parenthesised) {
        if (inParens) break;
        continue;
      }
      if (x.local.kind === 'percent' || x.local.kind === 'fraction' || unitHead(x.local) !== head) break;
      if (parts.length > 0 && !/^[^;()]*$/.test(between(parts[parts.length - 1]!, x))) break;
      if (parts.length > 0 && !/(,|\bva\b)/.test(between(parts[parts.length - 1]!, x))) break;
      parts.push(x);
    }
    if (parts.length < 2) continue;
    const word = cue[1]!;
    let mode: BreakdownClaim['mode'] = word.startsWith('trong do') ? 'subset' : 'exhaustive';
    if (mode === 'subset' && verdictPartition(total, parts)) mode = 'exhaustive';
    out.push({ relation: 'breakdown', mode, total: operand(total), parts: parts.map((x) => operand(x)), cue: word });
    i += parts.length - 1;
  }
}

/** `đạt và vượt 43/51 chỉ tiêu, trong đó 17 chỉ tiêu vượt và 26 chỉ tiêu đạt`: parts named by the
 *  verdicts that the total joins. */
function verdictPartition(total: BodyQuantity, parts: BodyQuantity[]): boolean {
  if (parts.length !== 2 || !/\bdat va vuot\s*$/.test(before(total, 20))) return false;
  const words = parts.map((x) => after(x, 24).replace(/^\s*chi tieu\s*/, '').split(/\s+/)[0] ?? '');
  return words.includes('vuot') && words.includes('dat');
}

// ---- count (met + unmet = all) ------------------------------------------------------------------

function verdictOf(b: BodyQuantity): 'met' | 'unmet' | undefined {
  const a = after(b, 30);
  const cue = before(b, 24);
  if (/\b(chua dat|khong dat|gan dat|kho dat|con lai)\s*$/.test(cue) || /^\s*chi tieu\s*(con\s*)?(chua dat|khong dat|gan dat|con lai)/.test(a)) return 'unmet';
  if (/\b(dat va vuot|dat|vuot|hoan thanh)\s*$/.test(cue) || /^\s*chi tieu\s*(da\s*)?(dat|vuot|hoan thanh)/.test(a)) return 'met';
  return undefined;
}

function readLine(figures: BodyQuantity[], out: Claim[]): void {
  const fractions = figures.filter((b) => b.local.kind === 'fraction' && b.local.denominator && /^\s*chi tieu/.test(after(b, 12)));
  if (fractions.length === 0) return;
  // The first unmet count of each total, and the `… chỉ tiêu còn lại` counts in order: one pass
  // each, so a line of thousands of counts stays linear.
  const unmetByTotal = new Map<number, BodyQuantity>();
  for (const x of fractions) {
    const m = x.local.denominator!.value;
    if (!unmetByTotal.has(m) && verdictOf(x) === 'unmet') unmetByTotal.set(m, x);
  }
  const rests = figures.filter((x) => x.local.kind === 'count' && /^\s*chi tieu con lai\b/.test(after(x, 20)));
  let r = 0;
  for (const met of fractions) {
    if (verdictOf(met) !== 'met') continue;
    const unmet = unmetByTotal.get(met.local.denominator!.value);
    if (unmet) {
      out.push({ relation: 'count', met: operand(met), unmet: operand(unmet), total: operand(met, 'denominator') });
      continue;
    }
    // `…; 07 chỉ tiêu còn lại`: the rest of the same total.
    while (r < rests.length && rests[r]!.local.span.start <= met.local.span.end) r++;
    const rest = rests[r];
    if (rest) out.push({ relation: 'count', met: operand(met), unmet: operand(rest), total: operand(met, 'denominator') });
  }
}
