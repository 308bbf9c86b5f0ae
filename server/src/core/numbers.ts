// Vietnamese numbers with their stated precision (domain guide §4).
//
// `.` groups thousands and `,` is the decimal mark: 862.509 = 862509, 1.308,9 = 1308.9, 9,54% = 9.54 %.
// A number's stated precision is half a unit of its last digit (7,5 ⇒ [7.45, 7.55]); every
// arithmetic check works on these intervals so that honest rounding is never flagged.
//
// The scanner works on plain text (markup already removed by the document model) and reports
// offsets relative to the string it is given.
//
// Design of the scanner: the text is cut once into tokens (digit runs, letter runs, single
// punctuation characters; whitespace only shows as gaps between tokens), then every digit run is
// classified by the tokens around it. Everything is a bounded look at neighbouring tokens, so the
// cost is linear in the text length whatever the input (no backtracking regular expression runs
// over more than one token). Words are compared through `wordKey`, which ignores case, Unicode
// form (NFC/NFD) and old/new tone placement (`khoá`/`khóa`) but keeps the tone itself, so that
// `hạng` (rank) and `hàng` (goods) stay apart.
//
// Decisions on ambiguous wording (documented once here, tested in test/unit/numbers.test.ts):
// - `duy trì` wins over any bound it governs: `duy trì trên 75%` has comparator 'maintain', and
//   the bound kept under it is in `maintained` ('gt'); plain `Duy trì 100%` has maintained 'eq'.
// - `từ X` is '≥' only when `trở lên` follows in the same clause (`Từ 60% trở lên`); otherwise
//   `từ` starts a change or a range (`tăng từ 50% lên 60%`) and says nothing about a bound.
//   `trở lên` alone after the number (`60% dân số trở lên`) is '≥' as well; it is not taken when
//   another `từ` stands between (`100% cơ sở từ bậc trung học trở lên`: that `trở lên` is the
//   school level's).
// - `vượt 3,39%` (exceeded by) and `tăng 9,56%` are plain values ('eq'): they state a difference,
//   not a bound.
// - `unit` is the noun phrase after the number as written (lower case, NFC), the multiplier word
//   included (`1.308,9 tỷ đồng` → unit `tỷ đồng`, multiplier `tỷ`, value 1 308 900 000 000 in
//   đồng); `baseUnit` is the same without the multiplier (`đồng`). Percentages have no unit.
// - Kinds without a NonQuantityKind of their own: a section number at the start of the string
//   (`2.2.1.`), footnote marks whose `<sup>` was removed (`(2)`, `thực1`, a small number opening
//   the string before a capitalised word: `1 Năm 2019: …`), numbered parts (`Phụ lục 02`,
//   `Điều 5`, `lần thứ 4`, `giai đoạn 2`) and numbered names (`Phường 1`, `Mỹ Đông 2`: a small
//   integer after a capitalised word with no noun after it) are 'ordinal'; `Quý IV năm 2023` and
//   `tháng 12/2021` are 'date'; a number glued to letters (`IPv6`, `V20`, `4G`) is 'technology'
//   unless the letters are a known measure (`10ha`, `100Mbps`).
// - `trên` right before a number is read as '>' even where it means "on" (`trên 03 tuyến phố`):
//   the wording cannot tell them apart, and in targets it is always the comparator.
// - `d/m` without a year is a fraction (`12/12 huyện`) unless the wording makes it a date
//   (`ngày 10/10`, `10/10 hằng năm`, `tính đến 31/3.`).
// - A bare 4-digit 1900–2100 is a year after a time word (`năm`, `giai đoạn`, `đến`, …), in a
//   range (`2021-2025`) or when no noun follows it (a table cell `2021`); followed by a noun it is
//   a count (`2021 hồ sơ`).
// - Excluded spans include the words that identify them (`năm 2023`, `giai đoạn 2021 - 2025`,
//   `xếp thứ 54/56`, `mức độ 4`, `ngày 31 tháng 12 năm 2021`, `lần thứ tư`, `khoá XI`), except
//   document numbers, which are the number alone (`04-NQ/TU`, not `số 04-NQ/TU`).
// - Numbers with more than 15 significant digits, and digit runs that are not Vietnamese numbers
//   (`1.38`, `4.40`), are neither quantities nor excluded: they are silently skipped.

import { maxOf, minOf } from './text.js';
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
  /** `unit` without the multiplier word (`tỷ đồng` → `đồng`, `triệu thuê bao` → `thuê bao`). */
  baseUnit?: string;
  /** The noun after a fraction's denominator when it differs from the numerator's
   *  (`129,1 thuê bao/100 dân` → unit `thuê bao`, denominatorUnit `dân`). */
  denominatorUnit?: string;
  comparator: Comparator;
  /** The comparator words as written (`Trên`, `tối thiểu`, `Từ … trở lên`: the span of `Từ`). */
  comparatorSpan?: Span;
  /** With comparator 'maintain': the bound that is maintained (`duy trì trên 75%` → 'gt',
   *  `Duy trì 100%` → 'eq'). */
  maintained?: Comparator;
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
  /** The number it names, when there is one: a year (the last of a range), a rank's position,
   *  a level. */
  value?: number;
}

export interface ScanResult {
  quantities: Quantity[];
  excluded: NonQuantity[];
}

// ---------------------------------------------------------------------------------------------
// Parsing

const VN_NUMBER = /^(?:(\d{1,3}(?:\.\d{3})+)|(\d+))(?:,(\d+))?$/;
/** Beyond this many digits a double no longer holds the number and its bounds exactly. */
const MAX_DIGITS = 15;

/** A Vietnamese number (`862.509`, `1.308,9`, `9,54`, `06`), or undefined for anything else
 *  (`2.2.1`, `10.10`, `1.38`, letters, empty). */
export function parseVnNumber(text: string): VnNumber | undefined {
  return parseWith(text.trim(), 1);
}

function parseWith(t: string, multiplier: number): VnNumber | undefined {
  const m = VN_NUMBER.exec(t);
  if (!m) return undefined;
  const grouped = m[1];
  // Nobody groups thousands behind a leading zero; "01.234" is a code or a typo, not a number.
  if (grouped !== undefined && grouped.charCodeAt(0) === 48) return undefined;
  const intDigits = grouped !== undefined ? grouped.replace(/\./g, '') : m[2]!;
  const frac = m[3] ?? '';
  if (intDigits.replace(/^0+/, '').length + frac.length > MAX_DIGITS) return undefined;
  const decimals = frac.length;
  const scale = 10 ** decimals;
  const scaled = Number(intDigits + frac);
  // Bounds from scaled integers: (2k ± 1) / (2·10^d) is one correctly rounded division, so
  // 9,54 gives exactly the doubles nearest 9.535 and 9.545 rather than 9.54 − 0.005 drift.
  return {
    value: (scaled * multiplier) / scale,
    lo: ((2 * scaled - 1) * multiplier) / (2 * scale),
    hi: ((2 * scaled + 1) * multiplier) / (2 * scale),
    decimals,
    text: t,
  };
}

// ---------------------------------------------------------------------------------------------
// Word keys and phrase tables

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Words recur constantly in prose; memoising keys makes the scanner's word handling cheap. */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 20000;

/** Case-, form- and tone-placement-insensitive key of one word; the tone itself is kept. */
export function wordKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  const cached = KEY_CACHE.get(word);
  if (cached !== undefined) return cached;
  const key = computeKey(word);
  if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
  KEY_CACHE.set(word, key);
  return key;
}

function computeKey(word: string): string {
  let tones = '';
  const base = word
    .normalize('NFD')
    .toLowerCase()
    .replace(TONE_MARKS, (m) => {
      tones += m;
      return '';
    });
  return base.normalize('NFC') + tones;
}

interface Phrase<V> {
  keys: string[];
  value: V;
}

/** Multi-word phrases looked up by their last word (backward matching) or first (forward). */
class PhraseTable<V> {
  private readonly byLast = new Map<string, Phrase<V>[]>();
  private readonly byFirst = new Map<string, Phrase<V>[]>();
  constructor(entries: [string, V][]) {
    for (const [text, value] of entries) {
      const p: Phrase<V> = { keys: text.split(' ').map(wordKey), value };
      push(this.byLast, p.keys[p.keys.length - 1]!, p);
      push(this.byFirst, p.keys[0]!, p);
    }
    for (const m of [this.byLast, this.byFirst]) for (const list of m.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }
  last(key: string): Phrase<V>[] | undefined {
    return this.byLast.get(key);
  }
  first(key: string): Phrase<V>[] | undefined {
    return this.byFirst.get(key);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const words = (list: string): [string, true][] => list.split('|').map((w) => [w, true]);
const keySet = (list: string): Set<string> => new Set(list.split('|').map(wordKey));

type Found = Comparator | 'from';

const COMPARATORS = new PhraseTable<Found>([
  ...(['trên', 'hơn', 'nhiều hơn', 'cao hơn', 'lớn hơn'].map((w) => [w, 'gt']) as [string, Found][]),
  ...(['tối thiểu', 'ít nhất', 'không dưới', 'không thấp hơn', 'không ít hơn'].map((w) => [w, 'gte']) as [string, Found][]),
  ...(['dưới', 'chưa đến', 'chưa tới', 'chưa đầy', 'thấp hơn', 'ít hơn'].map((w) => [w, 'lt']) as [string, Found][]),
  ...(['tối đa', 'không quá', 'không vượt quá', 'không hơn', 'không cao hơn', 'không lớn hơn', 'nhiều nhất'].map((w) => [
    w,
    'lte',
  ]) as [string, Found][]),
  ...(['khoảng', 'khoảng chừng', 'gần', 'gần như', 'ước', 'ước đạt', 'ước tính', 'ước khoảng', 'xấp xỉ', 'trên dưới', 'chừng'].map((w) => [
    w,
    'approx',
  ]) as [string, Found][]),
  ...(['duy trì', 'giữ vững', 'giữ'].map((w) => [w, 'maintain']) as [string, Found][]),
  ['từ', 'from'],
]);

/** Verbs and fillers that may stand between a comparator and its number, or before both. */
const FILLERS = new PhraseTable<true>(
  words('đạt|đạt được|tăng|tăng lên|giảm|giảm xuống|chiếm|chiếm tỷ lệ|tỷ lệ|phủ|là|có|được|ở|mức|ở mức|bằng|lên|xuống|còn|phấn đấu|luôn|ổn định'),
);

const TRAILING = new PhraseTable<Comparator>([
  ['trở lên', 'gte'],
  ['trở xuống', 'lte'],
]);

const MULTIPLIERS = new Map<string, number>([
  [wordKey('nghìn'), 1e3],
  [wordKey('ngàn'), 1e3],
  [wordKey('triệu'), 1e6],
  [wordKey('tỷ'), 1e9],
  [wordKey('tỉ'), 1e9],
]);
/** `tỷ lệ`, `tỷ trọng`: ratio words, not the multiplier. */
const NOT_AFTER_MULTIPLIER = keySet('lệ|trọng|giá|suất');

/** Nouns of more than one word that follow counts; single words are taken as they come. */
const UNITS = new PhraseTable<true>(
  words(
    'doanh nghiệp|hộ gia đình|hộ dân|hộ sản xuất|gia đình|thuê bao|người dân|người lao động|lao động|cán bộ|công chức|viên chức|' +
      'đảng viên|đoàn viên|hội viên|đại biểu|điểm cầu|điểm đầu cuối|hồ sơ|sản phẩm|cơ sở|cơ sở giáo dục|cơ sở y tế|tài khoản|máy tính|' +
      'điện thoại|dịch vụ|dịch vụ công|thủ tục|thủ tục hành chính|chỉ tiêu|đô thị|hợp tác xã|bệnh nhân|bệnh viện|trạm y tế|học sinh|' +
      'sinh viên|giáo viên|thành phố|thị trấn|thị xã|hội quán|đề án|kế hoạch|văn bản|chương trình|phần mềm|nền tảng|ứng dụng|cơ quan|' +
      'đơn vị|đơn vị hành chính|tổ chức|nhiệm vụ|giải pháp|trung tâm|mã số|vùng trồng|nông dân|thiết bị|nhóm nhiệm vụ|trang thông tin|' +
      'cổng thông tin|lượt truy cập|khóa đào tạo|lớp đào tạo|trường học|điểm thu phát sóng|người dùng|lĩnh vực|trụ cột|hoạt động|' +
      'tuyến phố|doanh thu|chỉ số|mô hình|giấy phép|nhân lực|kinh phí|dự án|công trình|hệ thống|cơ sở dữ liệu|sự kiện|hội nghị|' +
      'hội thảo|cuộc thi|tin bài|bài viết|trạm phát sóng|trạm thu phát sóng|lượt người|nhân viên|bác sĩ|hồ sơ bệnh án|giao dịch|' +
      'tài liệu|bộ dữ liệu|đơn vị sự nghiệp|hộ kinh doanh|tỷ đồng|triệu đồng|nghìn đồng',
  ),
);

/** Words that never name what a number counts. */
const STOP_WORDS = keySet(
  'so|với|của|và|hoặc|hay|là|được|bị|đã|đang|sẽ|trong|trên|dưới|đến|tới|từ|tại|theo|cho|có|không|chưa|đạt|tăng|giảm|vượt|' +
    'chiếm|trở|nhưng|để|khi|thì|mà|các|những|này|đó|kia|như|gồm|về|ra|vào|lên|xuống|hơn|nữa|cũng|còn|phải|nên|bằng|qua|sau|' +
    'trước|thuộc|ở|nay|rồi|đều|cùng|tức|hết|nhất|thứ|đối|nhằm|bao|riêng|tổng|cộng',
);

type YearKw = 'span' | 'context';
const YEAR_KEYWORDS = new PhraseTable<YearKw>([
  ...(['năm', 'giai đoạn', 'nhiệm kỳ', 'thời kỳ', 'gd', 'gđ', 'niên khóa', 'niên độ', 'năm học', 'năm tài chính'].map((w) => [
    w,
    'span',
  ]) as [string, YearKw][]),
  ...(['đến', 'tới', 'từ', 'trước', 'sau', 'cuối', 'đầu', 'hết', 'vào', 'trong', 'tầm nhìn', 'định hướng', 'kể từ', 'tính đến', 'quý'].map(
    (w) => [w, 'context'],
  ) as [string, YearKw][]),
]);

type Marker = 'rank' | 'level' | 'version' | 'ordinal' | 'section' | 'document' | 'technology';
/** Words right before a number that make it something other than a quantity. */
const MARKERS = new PhraseTable<Marker>([
  ...(['thứ', 'xếp thứ', 'đứng thứ', 'vị trí thứ', 'hạng', 'xếp hạng', 'top', 'nhóm', 'vị trí', 'thứ hạng'].map((w) => [
    w,
    'rank',
  ]) as [string, Marker][]),
  ...(['mức độ', 'mức', 'cấp độ', 'cấp', 'bậc', 'level', 'tầng'].map((w) => [w, 'level']) as [string, Marker][]),
  ...(['phiên bản', 'version'].map((w) => [w, 'version']) as [string, Marker][]),
  ...(['lần', 'lần thứ', 'đợt', 'giai đoạn', 'khóa', 'đại hội', 'kỳ họp', 'kỳ họp thứ', 'phiên họp thứ', 'họp thứ', 'số thứ tự'].map(
    (w) => [w, 'ordinal'],
  ) as [string, Marker][]),
  ...(['phụ lục', 'điều', 'khoản', 'mục', 'chương', 'phần', 'biểu', 'bảng', 'mẫu', 'bước'].map((w) => [
    w,
    'section',
  ]) as [string, Marker][]),
  ...(['nghị quyết số', 'quyết định số', 'nghị định số', 'thông tư số', 'chỉ thị số', 'kết luận số', 'kế hoạch số', 'báo cáo số',
    'công văn số', 'hướng dẫn số', 'thông báo số', 'tờ trình số', 'luật số', 'văn bản số', 'quy định số', 'chương trình số',
    'nghị quyết', 'quyết định', 'nghị định', 'thông tư', 'chỉ thị', 'kết luận', 'đề án', 'công văn'].map((w) => [
    w,
    'document',
  ]) as [string, Marker][]),
  ...(['iso', 'tcvn', 'iec', 'công nghiệp', 'công nghệ', 'cách mạng công nghiệp', 'cmcn', 'industry', 'web'].map((w) => [
    w,
    'technology',
  ]) as [string, Marker][]),
]);

/** Before `cấp N`, these make `cấp` the verb "grant/provide" (`cung cấp 1.588`, `được cấp 10 mã số`). */
const CAP_VERB_BEFORE = keySet('cung|được|đã|sẽ|nâng|phân|đang|vừa|mới|chưa|cần|để|bị|tái|cấp|và|hỗ|trợ|thì|chuyển');
/** Before `thứ N` these make it a session or a term (`kỳ họp thứ 5`), not a position in a ranking. */
const ORDINAL_BEFORE_THU = keySet('lần|họp|khóa|kỳ|phiên|đợt');
/** `thứ tư`, `lần thứ năm`: ordinals spelled out. */
const NUMERAL_WORDS = keySet('nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười');
/** Before a bare `d/m` with no noun after it, these make it a date (`tính đến 31/3`). */
const DATE_CONTEXT = keySet('từ|đến|tới|trước|sau|hết|vào|đầu|cuối|tính|nay');
/** Measures written glued to the number (`10ha`, `100Mbps`); other glued letters make a name (`4G`). */
const ATTACHED_UNITS = keySet('ha|km|km2|m|m2|m3|kg|mb|gb|tb|kb|mbps|gbps|kbps|kw|kwh|mw|gw|mhz|ghz');

const K = {
  ngay: wordKey('ngày'),
  thang: wordKey('tháng'),
  nam: wordKey('năm'),
  quy: wordKey('quý'),
  khoa: wordKey('khóa'),
  dai: wordKey('đại'),
  hoi: wordKey('hội'),
  lan: wordKey('lần'),
  thu: wordKey('thứ'),
  bac: wordKey('bậc'),
  tu: wordKey('từ'),
  phan: wordKey('phần'),
  tram: wordKey('trăm'),
  hang: wordKey('hằng'),
  hang2: wordKey('hàng'),
  cap: wordKey('cấp'),
  so: wordKey('số'),
};

const DATE_SEPARATORS = ['/', '-'];
/** First letters of the words `wordLed` acts on (quý, khoá, đại, lần, thứ, Roman numerals): other
 *  words are passed over without computing their key. */
const WORD_LED_INITIALS = 'qQkKđĐlLtTIVX';
const ROMAN = /^(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)$/;

// ---------------------------------------------------------------------------------------------
// Scanning

/** Quantities of a plain-text string and the numbers that are deliberately not quantities. */
export function scanQuantities(text: string): ScanResult {
  return new Scanner(text).run();
}

const NUM = 1;
const WORD = 2;
const PUNCT = 3;

/** Character classes, filled lazily: 0 unknown, 1 letter or combining mark, 2 space, 3 other.
 *  A hand-written loop over this table tokenizes several times faster than a Unicode-property
 *  regular expression, which matters on every keystroke. */
const CHAR_CLASS = new Uint8Array(0x10000);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const SPACE = /\s/u;

function charClass(c: number): number {
  let k = CHAR_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = CHAR_CLASS[c] = LETTER_OR_MARK.test(ch) ? 1 : SPACE.test(ch) ? 2 : 3;
  }
  return k;
}

/** Class of the code point at p; an astral code point (two code units) is a letter or other. */
function classAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : c === 32 || (c >= 9 && c <= 13) ? 2 : 3;
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < text.length) return LETTER_OR_MARK.test(String.fromCodePoint(text.codePointAt(p)!)) ? 1 : 3;
  return charClass(c);
}

function widthAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  return c >= 0xd800 && c <= 0xdbff && p + 1 < text.length ? 2 : 1;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const URL = /(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

/**
 * Token arrays reused from one scan to the next (a scan runs to completion before the next one
 * starts): the scanner runs on every line and table cell, and fresh arrays per call were a good
 * part of the analysis' garbage. Only the used prefix is read. Very long texts get their own.
 */
const POOLED_MAX = 1 << 16;
let pooled = makeBuffers(1024);

function makeBuffers(size: number): { type: Uint8Array; start: Int32Array; end: Int32Array; used: Uint8Array } {
  return { type: new Uint8Array(size), start: new Int32Array(size), end: new Int32Array(size), used: new Uint8Array(size) };
}

function tokenBuffers(length: number): ReturnType<typeof makeBuffers> {
  if (length > POOLED_MAX) return makeBuffers(length);
  if (pooled.type.length < length) pooled = makeBuffers(Math.min(POOLED_MAX, Math.max(length, pooled.type.length * 2)));
  return pooled;
}

class Scanner {
  // Sized for the worst case (one token per code unit) so that tokenizing never reallocates.
  private readonly type: Uint8Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly used: Uint8Array;
  private readonly keys: (string | undefined)[];
  private n = 0;
  private readonly quantities: Quantity[] = [];
  private readonly excluded: NonQuantity[] = [];

  constructor(private readonly text: string) {
    const buffers = tokenBuffers(text.length);
    this.type = buffers.type;
    this.start = buffers.start;
    this.end = buffers.end;
    this.tokenize();
    this.used = buffers.used;
    this.used.fill(0, 0, this.n);
    this.keys = new Array<string | undefined>(this.n);
    this.skipUrls();
  }

  /** Digit runs with inner `.`/`,` between digits, letter runs (marks included), and single
   *  other characters; whitespace is dropped (the gaps between tokens keep it visible). */
  private tokenize(): void {
    const text = this.text;
    const len = text.length;
    let p = 0;
    while (p < len) {
      const c = text.charCodeAt(p);
      const s = p;
      if (isDigitCode(c)) {
        p++;
        for (;;) {
          while (p < len && isDigitCode(text.charCodeAt(p))) p++;
          const sep = text.charCodeAt(p);
          if ((sep === 46 || sep === 44) && p + 1 < len && isDigitCode(text.charCodeAt(p + 1))) p++;
          else break;
        }
        this.push(NUM, s, p);
        continue;
      }
      const k = classAt(text, p);
      p += widthAt(text, p);
      if (k === 1) {
        while (p < len && classAt(text, p) === 1) p += widthAt(text, p);
        this.push(WORD, s, p);
      } else if (k === 3) this.push(PUNCT, s, p);
    }
  }

  private push(type: number, start: number, end: number): void {
    const k = this.n++;
    this.type[k] = type;
    this.start[k] = start;
    this.end[k] = end;
  }

  run(): ScanResult {
    this.leadingNumber();
    for (let i = 0; i < this.n; i++) {
      if (this.used[i]) continue;
      if (this.type[i] === WORD) this.wordLed(i);
      else if (this.type[i] === NUM) this.numberLed(i);
    }
    this.quantities.sort((a, b) => a.span.start - b.span.start);
    this.excluded.sort((a, b) => a.span.start - b.span.start);
    return { quantities: this.quantities, excluded: this.excluded };
  }

  // -- token helpers --------------------------------------------------------------------------

  private raw(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }
  private key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) k = this.keys[i] = this.type[i] === WORD ? wordKey(this.raw(i)) : this.raw(i);
    return k;
  }
  private isWord(i: number): boolean {
    return i >= 0 && i < this.n && this.type[i] === WORD;
  }
  private isNum(i: number): boolean {
    return i >= 0 && i < this.n && this.type[i] === NUM;
  }
  private isP(i: number, chars: string): boolean {
    return i >= 0 && i < this.n && this.type[i] === PUNCT && chars.includes(this.text[this.start[i]!]!);
  }
  /** Token i touches token i − 1. */
  private adj(i: number): boolean {
    return i > 0 && i < this.n && this.start[i] === this.end[i - 1];
  }
  /** Between token i − 1 and token i there are only spaces (no line break, no tab: a tab
   *  separates table cells). */
  private plainGap(i: number): boolean {
    if (i <= 0 || i >= this.n) return false;
    for (let p = this.end[i - 1]!; p < this.start[i]!; p++) {
      const c = this.text.charCodeAt(p);
      if (c === 10 || c === 13 || c === 9 || c === 11 || c === 12 || c === 0x2028 || c === 0x2029) return false;
    }
    return true;
  }
  /** At most `max` spaces between token i − 1 and token i. */
  private smallGap(i: number, max = 1): boolean {
    return i > 0 && i < this.n && this.start[i]! - this.end[i - 1]! <= max && this.plainGap(i);
  }
  /** The word right before token i in the same clause, or −1. */
  private wordBefore(i: number): number {
    return this.isWord(i - 1) && this.plainGap(i) ? i - 1 : -1;
  }
  /** The word right after token i in the same clause, or −1. */
  private wordAfter(i: number): number {
    return this.isWord(i + 1) && this.plainGap(i + 1) ? i + 1 : -1;
  }
  /** A phrase of `table` ending with word i (words joined by plain gaps): index of its first word. */
  private matchBack<V>(table: PhraseTable<V>, i: number): { first: number; value: V } | undefined {
    if (!this.isWord(i)) return undefined;
    const list = table.last(this.key(i));
    if (!list) return undefined;
    outer: for (const p of list) {
      const first = i - p.keys.length + 1;
      if (first < 0) continue;
      for (let k = 0; k < p.keys.length; k++) {
        const t = first + k;
        if (!this.isWord(t) || this.key(t) !== p.keys[k] || (k > 0 && !this.plainGap(t))) continue outer;
      }
      return { first, value: p.value };
    }
    return undefined;
  }
  /** A phrase of `table` starting with word i: index of its last word. */
  private matchFwd<V>(table: PhraseTable<V>, i: number): { last: number; value: V } | undefined {
    if (!this.isWord(i)) return undefined;
    const list = table.first(this.key(i));
    if (!list) return undefined;
    outer: for (const p of list) {
      const last = i + p.keys.length - 1;
      if (last >= this.n) continue;
      for (let k = 0; k < p.keys.length; k++) {
        const t = i + k;
        if (!this.isWord(t) || this.key(t) !== p.keys[k] || (k > 0 && !this.plainGap(t))) continue outer;
      }
      return { last, value: p.value };
    }
    return undefined;
  }
  private isUpperWord(i: number): boolean {
    if (!this.isWord(i)) return false;
    const w = this.raw(i).normalize('NFC');
    if (w.length < 2) return false;
    const a = w[0]!;
    const b = w[1]!;
    return a !== a.toLowerCase() && b !== b.toLowerCase();
  }
  private isUpperInitial(i: number): boolean {
    if (!this.isWord(i)) return false;
    const a = this.raw(i).normalize('NFC')[0]!;
    return a !== a.toLowerCase();
  }
  private isRomanWord(i: number): boolean {
    return this.isWord(i) && ROMAN.test(this.raw(i));
  }
  private isPercentAfter(i: number): boolean {
    return (this.isP(i + 1, '%％') && this.smallGap(i + 1, 2)) || this.isPhanTram(i + 1);
  }
  private isPhanTram(i: number): boolean {
    return this.isWord(i) && this.plainGap(i) && this.key(i) === K.phan && this.isWord(i + 1) && this.plainGap(i + 1) && this.key(i + 1) === K.tram;
  }
  private isMultiplierAt(i: number): boolean {
    if (!this.isWord(i) || !MULTIPLIERS.has(this.key(i))) return false;
    const next = this.wordAfter(i);
    return next < 0 || !NOT_AFTER_MULTIPLIER.has(this.key(next));
  }
  private mark(from: number, to: number): void {
    for (let k = from; k <= to; k++) this.used[k] = 1;
  }
  private exclude(kind: NonQuantityKind, from: number, to: number, value?: number, spanStart?: number): true {
    const span = { start: spanStart ?? this.start[from]!, end: this.end[to]! };
    const entry: NonQuantity = { kind, span, text: this.text.slice(span.start, span.end) };
    if (value !== undefined) entry.value = value;
    this.excluded.push(entry);
    this.mark(from, to);
    return true;
  }

  private skipUrls(): void {
    if (!this.text.includes('://') && !/www\./i.test(this.text)) return;
    URL.lastIndex = 0;
    let t = 0;
    for (let m = URL.exec(this.text); m; m = URL.exec(this.text)) {
      const s = m.index;
      const e = s + m[0].length;
      while (t < this.n && this.end[t]! <= s) t++;
      while (t < this.n && this.start[t]! < e) this.used[t++] = 1;
    }
  }

  // -- the start of the string ----------------------------------------------------------------

  /** `2.2.1.` or `12.1` opening the string is its section number; `(2)` opening it is a footnote. */
  private leadingNumber(): void {
    if (this.n === 0 || this.used[0]) return;
    if (this.type[0] === NUM) {
      const lex = this.raw(0);
      if (!/^\d{1,2}(?:\.\d{1,2})*$/.test(lex)) return;
      // `1 Năm 2019: …`: a footnote definition whose `<sup>1</sup>` lost its markup.
      if (!lex.includes('.') && this.isUpperInitial(1) && this.plainGap(1)) {
        this.exclude('ordinal', 0, 0, Number(lex));
        return;
      }
      if (this.isP(1, '.)') && this.adj(1) && !this.adj(2)) this.exclude('ordinal', 0, 1);
      // `12.1\tHuyện uỷ`, `2.1 Mục tiêu`: no trailing dot, but a title follows.
      else if (lex.includes('.') && this.isUpperInitial(1) && !this.adj(1)) this.exclude('ordinal', 0, 0);
      return;
    }
    if (this.isP(0, '(') && this.isNum(1) && this.adj(1) && /^\d{1,3}$/.test(this.raw(1)) && this.isP(2, ')') && this.adj(2)) {
      this.exclude('ordinal', 0, 2);
    }
  }

  // -- words that lead a non-quantity ---------------------------------------------------------

  private wordLed(i: number): void {
    // Only words starting like quý, khoá, đại, lần, thứ or a Roman numeral lead anything here.
    if (!WORD_LED_INITIALS.includes(this.text[this.start[i]!]!)) return;
    const k = this.key(i);
    const next = this.wordAfter(i);
    // Quý IV (năm 2023)
    if (k === K.quy) {
      let last = -1;
      if (next >= 0 && this.isRomanWord(next) && /^(?:I|II|III|IV)$/.test(this.raw(next))) last = next;
      else if (this.isNum(i + 1) && this.plainGap(i + 1) && /^[1-4]$/.test(this.raw(i + 1))) last = i + 1;
      if (last >= 0) {
        this.exclude('date', i, this.yearTail(last));
        return;
      }
    }
    // khoá XI, Đại hội XIII
    if (k === K.khoa && next >= 0 && this.isRomanWord(next)) {
      this.exclude('ordinal', i, next);
      return;
    }
    if (k === K.dai && next >= 0 && this.key(next) === K.hoi) {
      const n2 = this.wordAfter(next);
      if (n2 >= 0 && this.isRomanWord(n2)) {
        this.exclude('ordinal', i, n2);
        return;
      }
    }
    // lần thứ tư, lần thứ XVII, lần thứ 4
    if (k === K.lan && next >= 0 && this.key(next) === K.thu) {
      const n2 = next + 1;
      if (this.plainGap(n2) && ((this.isWord(n2) && (NUMERAL_WORDS.has(this.key(n2)) || this.isRomanWord(n2))) || (this.isNum(n2) && /^\d{1,3}$/.test(this.raw(n2))))) {
        this.exclude('ordinal', i, n2, this.isNum(n2) ? Number(this.raw(n2)) : undefined);
        return;
      }
    }
    // thứ hai, thứ tư (without lần)
    if (k === K.thu && next >= 0 && NUMERAL_WORDS.has(this.key(next))) {
      this.exclude('ordinal', i, next);
      return;
    }
    // A Roman numeral standing alone (section label `II.`, table group `I`, `Đảng bộ … XVII`).
    if (this.isRomanWord(i) && !(this.adj(i) && !this.isP(i - 1, '(-')) && !(this.adj(i + 1) && !this.isP(i + 1, '.,;:)-'))) {
      this.exclude('ordinal', i, i);
    }
  }

  // -- numbers ----------------------------------------------------------------------------------

  private numberLed(i: number): void {
    if (this.footnoteMark(i)) return;
    if (this.gluedToLetters(i)) return;
    if (this.documentNumber(i)) return;
    if (this.date(i)) return;
    if (this.year(i)) return;
    if (this.marked(i)) return;
    if (this.numberedName(i)) return;
    this.quantity(i);
  }

  /** `Phường 1`, `Mỹ Đông 2`, `Chương trình 135`: a small integer right after a capitalised word,
   *  with nothing counted after it, numbers a name. */
  private numberedName(i: number): boolean {
    if (!/^[1-9]\d{0,2}$/.test(this.raw(i))) return false;
    const w = this.wordBefore(i);
    if (w < 0 || !this.isUpperInitial(w)) return false;
    if (STOP_WORDS.has(this.key(w)) || this.matchBack(FILLERS, w) || this.matchBack(COMPARATORS, w)) return false;
    if (this.isPercentAfter(i) || this.isP(i + 1, '/-–') || this.isMultiplierAt(this.wordAfter(i)) || this.unitAt(this.wordAfter(i))) return false;
    return this.exclude('ordinal', w, i, Number(this.raw(i)));
  }

  /** `9,54%(2)`, `năm 2023 (6)`: a bare integer in parentheses is a footnote mark whose `<sup>`
   *  was removed; a count in parentheses has a noun with it (`(19 doanh nghiệp)`). */
  private footnoteMark(i: number): boolean {
    if (this.isP(i - 1, '(') && this.adj(i) && this.isP(i + 1, ')') && this.adj(i + 1) && /^\d{1,3}$/.test(this.raw(i))) {
      return this.exclude('ordinal', i - 1, i + 1);
    }
    return false;
  }

  /** Digits glued to letters: `IPv6`, `V20`, `4G/5G`, `3D`, `COVID-19`, `thực1` (a footnote mark
   *  whose `<sup>` was removed), `10ha` (a measure: left to `quantity`). */
  private gluedToLetters(i: number): boolean {
    const lex = this.raw(i);
    if (this.isWord(i - 1) && this.adj(i)) {
      const w = this.raw(i - 1);
      if (w.length >= 2 && w === w.toLowerCase() && /^\d{1,2}$/.test(lex) && !((this.isWord(i + 1) || this.isNum(i + 1)) && this.adj(i + 1))) {
        return this.exclude('ordinal', i, i);
      }
      let first = i - 1;
      // SARS-CoV-2, QH15: the whole glued run.
      while (first > 0 && this.adj(first) && (this.isWord(first - 1) || this.isNum(first - 1) || (this.isP(first - 1, '-') && this.adj(first - 1) && (this.isWord(first - 2) || this.isNum(first - 2))))) first--;
      return this.exclude('technology', first, this.gluedEnd(i));
    }
    if (this.isP(i - 1, '-') && this.adj(i) && this.adj(i - 1) && this.isWord(i - 2)) {
      return this.exclude('technology', i - 2, this.gluedEnd(i));
    }
    if (this.isWord(i + 1) && this.adj(i + 1)) {
      if (ATTACHED_UNITS.has(this.key(i + 1)) && !this.adj(i + 2)) return false;
      return this.exclude('technology', i, this.gluedEnd(i));
    }
    return false;
  }

  /** Last token of an alphanumeric run glued to token i (`4G/5G`, `H5N1`). */
  private gluedEnd(i: number): number {
    let j = i;
    for (;;) {
      if ((this.isWord(j + 1) || this.isNum(j + 1)) && this.adj(j + 1)) j++;
      else if (this.isP(j + 1, '/-') && this.adj(j + 1) && this.isNum(j + 2) && this.adj(j + 2) && this.isWord(j + 3) && this.adj(j + 3)) j += 3;
      else return j;
    }
  }

  /** `04-NQ/TU`, `04- NQ/TU`, `07 -BC/BCSD`, `59/KH-UBND`, `99/QĐUBND-TL`, `47/2020/NĐ-CP`, and a
   *  bare number after `Kế hoạch số`. */
  private documentNumber(i: number): boolean {
    if (!/^\d+$/.test(this.raw(i))) return false;
    const j = i + 1;
    if (this.isP(j, '/') && this.adj(j)) {
      if (this.isUpperWord(j + 1) && this.adj(j + 1)) return this.exclude('document-number', i, this.docEnd(j + 1));
      if (this.isNum(j + 1) && this.adj(j + 1) && /^\d{4}$/.test(this.raw(j + 1)) && this.isP(j + 2, '/') && this.adj(j + 2) && this.isUpperWord(j + 3) && this.adj(j + 3)) {
        return this.exclude('document-number', i, this.docEnd(j + 3));
      }
    }
    if (this.isP(j, '-–') && this.smallGap(j) && this.isUpperWord(j + 1) && this.smallGap(j + 1) && this.isP(j + 2, '/') && this.adj(j + 2)) {
      return this.exclude('document-number', i, this.docEnd(j + 1));
    }
    const w = this.wordBefore(i);
    const m = w >= 0 ? this.matchBack(MARKERS, w) : undefined;
    if (m && m.value === 'document' && !this.isPercentAfter(i) && !this.isMultiplierAt(this.wordAfter(i)) && !(this.isP(i + 1, '/') && this.isNum(i + 2))) {
      // `Đề án 06`, `Kế hoạch số 59`: without `số`, only when no noun follows (`Đề án 06 của …`).
      const withSo = this.key(w) === K.so;
      const next = this.wordAfter(i);
      if (withSo || next < 0 || STOP_WORDS.has(this.key(next))) return this.exclude('document-number', i, i);
    }
    return false;
  }

  private docEnd(k: number): number {
    for (;;) {
      if ((this.isWord(k + 1) || this.isNum(k + 1)) && this.adj(k + 1)) k++;
      else if (this.isP(k + 1, '-/') && this.adj(k + 1) && (this.isWord(k + 2) || this.isNum(k + 2)) && this.adj(k + 2)) k += 2;
      else return k;
    }
  }

  private date(i: number): boolean {
    const lex = this.raw(i);
    // 31.12.2021 and 10.10 are one digit run; they are not Vietnamese numbers.
    if (lex.includes('.') && !lex.includes(',') && !parseWith(lex, 1)) {
      const p = lex.split('.');
      if (p.length === 3 && isDay(p[0]!) && isMonth(p[1]!) && /^(?:\d{2}|\d{4})$/.test(p[2]!)) return this.exclude('date', i, i);
      if (p.length === 2 && isDay(p[0]!) && isMonth(p[1]!)) {
        const w = this.wordBefore(i);
        return this.exclude('date', w >= 0 && this.key(w) === K.ngay ? w : i, i);
      }
    }
    const w = this.wordBefore(i);
    if (w >= 0) {
      const k = this.key(w);
      if (k === K.ngay && isDay(lex)) return this.exclude('date', w, this.dateTail(i));
      if (k === K.thang && isMonth(lex)) return this.exclude('date', w, this.yearTail(i));
      if (k === K.quy && /^[1-4]$/.test(lex)) return this.exclude('date', w, this.yearTail(i));
    }
    // 31/12/2021, 31-12-2021
    for (const sep of DATE_SEPARATORS) {
      if (this.isP(i + 1, sep) && this.adj(i + 1) && this.isNum(i + 2) && this.adj(i + 2) && this.isP(i + 3, sep) && this.adj(i + 3) && this.isNum(i + 4) && this.adj(i + 4)) {
        if (isDay(lex) && isMonth(this.raw(i + 2)) && /^(?:\d{2}|\d{4})$/.test(this.raw(i + 4))) return this.exclude('date', i, i + 4);
      }
    }
    if (this.isP(i + 1, '/') && this.adj(i + 1) && this.isNum(i + 2) && this.adj(i + 2) && !(this.isP(i + 3, '/') && this.adj(i + 3))) {
      const m = this.raw(i + 2);
      // 12/2021: month and year.
      if (isMonth(lex) && isYear(m)) return this.exclude('date', i, i + 2);
      if (isDay(lex) && isMonth(m)) {
        // 10/10 hằng năm; tính đến 31/3.
        const after = this.wordAfter(i + 2);
        const yearly = after >= 0 && (this.key(after) === K.hang || this.key(after) === K.hang2) && this.key(after + 1) === K.nam;
        const nextIsNoun = after >= 0 && this.unitAt(after) !== undefined;
        if (yearly || (w >= 0 && DATE_CONTEXT.has(this.key(w)) && !nextIsNoun)) return this.exclude('date', i, i + 2);
      }
    }
    // 05 tháng 5 năm 2022 (the `ngày` before it may be missing).
    const t = this.wordAfter(i);
    if (t >= 0 && this.key(t) === K.thang && isDay(lex) && this.isNum(t + 1) && this.plainGap(t + 1) && isMonth(this.raw(t + 1))) {
      const n2 = this.wordAfter(t + 1);
      if (n2 >= 0 && this.key(n2) === K.nam) return this.exclude('date', i, this.dateTail(i));
    }
    return false;
  }

  /** After the day of `ngày N`: `/M(/Y)`, `tháng M`, `năm Y`. */
  private dateTail(i: number): number {
    let last = i;
    if (this.isP(last + 1, '/.-') && this.adj(last + 1) && this.isNum(last + 2) && this.adj(last + 2)) {
      last += 2;
      if (this.isP(last + 1, '/.-') && this.adj(last + 1) && this.isNum(last + 2) && this.adj(last + 2)) last += 2;
      return last;
    }
    const t = this.wordAfter(last);
    if (t >= 0 && this.key(t) === K.thang && this.isNum(t + 1) && this.plainGap(t + 1)) last = t + 1;
    return this.yearTail(last);
  }

  /** After a month or quarter: `/2021` or `năm 2021`. */
  private yearTail(i: number): number {
    if (this.isP(i + 1, '/') && this.adj(i + 1) && this.isNum(i + 2) && this.adj(i + 2) && isYear(this.raw(i + 2))) return i + 2;
    const y = this.wordAfter(i);
    if (y >= 0 && this.key(y) === K.nam && this.isNum(y + 1) && this.plainGap(y + 1) && isYear(this.raw(y + 1))) return y + 1;
    return i;
  }

  private year(i: number): boolean {
    const lex = this.raw(i);
    if (!isYear(lex)) return false;
    let first = i;
    let last = i;
    let value = Number(lex);
    const w = this.wordBefore(i);
    const kw = w >= 0 ? this.matchBack(YEAR_KEYWORDS, w) : undefined;
    if (kw?.value === 'span') first = kw.first;
    // 2021 - 2025, 2021-2025, 2021–2025
    if (this.isP(i + 1, '-–—') && this.smallGap(i + 1, 2) && this.isNum(i + 2) && this.smallGap(i + 2, 2) && isYear(this.raw(i + 2))) {
      last = i + 2;
      value = Number(this.raw(i + 2));
    }
    const isolated =
      !this.isPercentAfter(i) &&
      !(this.isP(i + 1, '/') && this.smallGap(i + 1)) &&
      !this.isMultiplierAt(this.wordAfter(i)) &&
      this.unitAt(this.wordAfter(i)) === undefined;
    if (!kw && last === i && !isolated) return false;
    return this.exclude('year', first, last, value, this.start[first]);
  }

  /** Numbers named by the word before them: ranks, levels, versions, ordinals, sections, ISO … */
  private marked(i: number): boolean {
    const lex = this.raw(i);
    const w = this.wordBefore(i);
    const m = w >= 0 ? this.matchBack(MARKERS, w) : undefined;
    const bounded = !this.isPercentAfter(i) && !this.isMultiplierAt(this.wordAfter(i));
    if (m && bounded) {
      const small = /^\d{1,2}$/.test(lex) && Number(lex) <= 10;
      switch (m.value) {
        case 'rank': {
          const thu = this.key(m.first) === K.thu && m.first === w;
          if (thu && this.isWord(w - 1) && this.plainGap(w) && ORDINAL_BEFORE_THU.has(this.key(w - 1))) return this.exclude('ordinal', w - 1, i, Number(lex));
          if (!/^\d+$/.test(lex)) break;
          let last = i;
          if (this.isP(i + 1, '/') && this.smallGap(i + 1) && this.isNum(i + 2) && this.smallGap(i + 2)) last = i + 2;
          return this.exclude('rank', m.first, last, Number(lex));
        }
        case 'level':
          if (!small) break;
          if (this.key(w) === K.cap && m.first === w && this.isWord(w - 1) && this.plainGap(w) && CAP_VERB_BEFORE.has(this.key(w - 1))) break;
          return this.exclude('level', m.first, i, Number(lex));
        case 'version':
          if (!/^\d{1,3}(?:\.\d{1,3})*$/.test(lex)) break;
          return this.exclude('level', m.first, i, Number.parseFloat(lex));
        case 'ordinal':
          if (!/^\d{1,2}$/.test(lex)) break;
          return this.exclude('ordinal', m.first, i, Number(lex));
        case 'section':
          if (!/^\d{1,3}(?:\.\d{1,3})*$/.test(lex)) break;
          return this.exclude('ordinal', m.first, i, /^\d+$/.test(lex) ? Number(lex) : undefined);
        case 'technology':
          if (/^\d+\.0$/.test(lex) || ['iso', 'tcvn', 'iec'].includes(this.key(w))) return this.exclude('technology', m.first, i);
          break;
        case 'document':
          break;
      }
    }
    // Industry 4.0, web 2.0 without the words before it.
    if (/^\d\.0$/.test(lex)) return this.exclude('technology', i, i);
    // `tăng 7 bậc`: a move in a ranking.
    const after = this.wordAfter(i);
    if (after >= 0 && this.key(after) === K.bac && /^\d{1,3}$/.test(lex)) return this.exclude('rank', i, after, Number(lex));
    return false;
  }

  // -- quantities -------------------------------------------------------------------------------

  private quantity(i: number): void {
    const lex = this.raw(i);
    if (!parseWith(lex, 1)) return;
    /** Last token of the quantity's span. */
    let last = i;
    /** Last token of the words that belong to it (its unit), where the `trở lên` search starts. */
    let tail = i;
    let kind: Quantity['kind'] = 'count';
    let multiplier: string | undefined;
    let factor = 1;
    let unit: string | undefined;
    let denominator: VnNumber | undefined;
    let denominatorUnit: string | undefined;

    if (this.isPercentAfter(i)) {
      kind = 'percent';
      last = tail = this.isPhanTram(i + 1) ? i + 2 : i + 1;
    } else if (this.isWord(i + 1) && this.adj(i + 1)) {
      // 10ha, 100Mbps (gluedToLetters let only these through).
      unit = this.key(i + 1);
      tail = i + 1;
    } else if (this.isP(i + 1, '-–') && this.smallGap(i + 1) && this.isNum(i + 2) && this.smallGap(i + 2) && this.isPercentAfter(i + 2) && parseWith(this.raw(i + 2), 1)) {
      // 70 - 80%: the lower end of a range of percentages.
      kind = 'percent';
    } else if (this.isP(i + 1, '/') && this.smallGap(i + 1) && this.isNum(i + 2) && this.smallGap(i + 2)) {
      // 862.509/834.204, 12/12 huyện. N/M/… is a date or a code: neither.
      if (this.isP(i + 3, '/') && this.adj(i + 3)) return;
      denominator = parseWith(this.raw(i + 2), 1);
      if (!denominator) return;
      kind = 'fraction';
      last = tail = i + 2;
      const u = this.unitAt(this.wordAfter(last));
      if (u) ({ unit, last: tail } = u);
    } else {
      // Multiplier words: 1,9 triệu; 1,5 nghìn tỷ.
      const mult: string[] = [];
      while (this.isMultiplierAt(last + 1) && this.plainGap(last + 1)) {
        last++;
        mult.push(normalizeWords(this.raw(last)));
        factor *= MULTIPLIERS.get(this.key(last))!;
      }
      if (mult.length) multiplier = mult.join(' ');
      tail = last;
      const frac = this.wordsFraction(last);
      if (frac) {
        kind = 'fraction';
        denominator = frac.denominator;
        unit = frac.unit;
        if (frac.denominatorUnit !== undefined && frac.denominatorUnit !== frac.unit) denominatorUnit = frac.denominatorUnit;
        last = frac.denominatorToken;
        tail = frac.last;
      } else {
        const u = this.unitAt(this.wordAfter(last));
        if (u) ({ unit, last: tail } = u);
      }
    }

    const q: Quantity = {
      kind,
      span: { start: this.start[i]!, end: this.end[last]! },
      number: parseWith(lex, factor)!,
      numberSpan: { start: this.start[i]!, end: this.end[i]! },
      comparator: 'eq',
    };
    if (denominator) {
      q.denominator = denominator;
      q.denominatorSpan = { start: this.start[last]!, end: this.end[last]! };
    }
    if (multiplier) q.multiplier = multiplier;
    if (unit !== undefined) {
      q.unit = multiplier ? `${multiplier} ${unit}` : unit;
      q.baseUnit = unit;
    }
    if (denominatorUnit !== undefined) q.denominatorUnit = denominatorUnit;
    this.comparator(q, i, Math.max(last, tail));
    this.quantities.push(q);
    this.mark(i, last);
  }

  /** `1.398.424 điện thoại Smartphone/1.929.691 dân`, `129,1 thuê bao/100 dân`: up to four words
   *  between the numerator and a `/` glued to the last of them. */
  private wordsFraction(last: number): WordsFraction | undefined {
    if (!this.unitAt(this.wordAfter(last))) return undefined;
    let k = last;
    for (let count = 0; count < 4; count++) {
      const w = this.wordAfter(k);
      if (w < 0) return undefined;
      k = w;
      if (this.isP(k + 1, '/') && this.adj(k + 1) && this.isNum(k + 2) && this.smallGap(k + 2)) {
        if (this.isP(k + 3, '/') && this.adj(k + 3)) return undefined;
        const d = parseWith(this.raw(k + 2), 1);
        if (!d) return undefined;
        const u = this.unitAt(this.wordAfter(k + 2));
        const out: WordsFraction = {
          denominator: d,
          denominatorToken: k + 2,
          unit: normalizeWords(this.text.slice(this.start[last + 1]!, this.end[k]!)),
          last: u ? u.last : k + 2,
        };
        if (u) out.denominatorUnit = u.unit;
        return out;
      }
    }
    return undefined;
  }

  /** The noun starting at word i, if it names what a number counts. */
  private unitAt(i: number): { unit: string; last: number } | undefined {
    if (i < 0 || !this.isWord(i)) return undefined;
    let last: number;
    const m = this.matchFwd(UNITS, i);
    if (m) last = m.last;
    else {
      const k = this.key(i);
      if (STOP_WORDS.has(k) || MULTIPLIERS.has(k) || this.isRomanWord(i)) return undefined;
      last = i;
    }
    // đồng/máy, lớp/cuộc: a rate or an alternative written with a slash.
    while (this.isP(last + 1, '/') && this.adj(last + 1) && this.isWord(last + 2) && this.adj(last + 2)) last += 2;
    return { unit: normalizeWords(this.text.slice(this.start[i]!, this.end[last]!)), last };
  }

  /** The comparator of the quantity whose number is token i and whose words end at token `end`. */
  private comparator(q: Quantity, i: number, end: number): void {
    const found: { value: Found; first: number; last: number }[] = [];
    let w = this.wordBefore(i);
    let fillers = 0;
    while (w >= 0 && fillers <= 4) {
      const m = this.matchBack(COMPARATORS, w);
      if (m) {
        found.push({ value: m.value, first: m.first, last: w });
        if (m.value === 'maintain') break;
        w = this.isWord(m.first - 1) && this.plainGap(m.first) ? m.first - 1 : -1;
        continue;
      }
      const f = this.matchBack(FILLERS, w);
      if (!f) break;
      fillers++;
      w = this.isWord(f.first - 1) && this.plainGap(f.first) ? f.first - 1 : -1;
    }
    const maintain = found.find((f) => f.value === 'maintain');
    const from = found.find((f) => f.value === 'from');
    const bound = found.find((f) => f.value !== 'maintain' && f.value !== 'from');
    const trailing = this.trailing(end);

    let inner: Comparator | undefined = bound?.value as Comparator | undefined;
    if (!inner && trailing) inner = trailing.value;
    const before = found.filter((f) => f.value !== 'from' || trailing);
    if (maintain) {
      q.comparator = 'maintain';
      q.maintained = inner ?? 'eq';
    } else if (inner) q.comparator = inner;
    if (before.length && (maintain || inner)) {
      const first = minOf(before, (f) => f.first);
      const last = maxOf(before, (f) => f.last);
      q.comparatorSpan = { start: this.start[first]!, end: this.end[last]! };
    } else if (trailing) q.comparatorSpan = { start: this.start[trailing.first]!, end: this.end[trailing.last]! };
  }

  /** `trở lên` / `trở xuống` later in the clause, not claimed by a `từ` of its own. */
  private trailing(end: number): { value: Comparator; first: number; last: number } | undefined {
    let k = end;
    for (let count = 0; count < 10; count++) {
      const w = this.wordAfter(k);
      if (w < 0) return undefined;
      if (this.key(w) === K.tu) return undefined;
      const m = this.matchFwd(TRAILING, w);
      if (m) return { value: m.value, first: w, last: m.last };
      k = w;
    }
    return undefined;
  }
}

interface WordsFraction {
  denominator: VnNumber;
  denominatorToken: number;
  /** The words between the numerator and the slash. */
  unit: string;
  denominatorUnit?: string;
  /** Last token of the denominator's noun (or the denominator). */
  last: number;
}

function isDay(s: string): boolean {
  return /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 31;
}
function isMonth(s: string): boolean {
  return /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 12;
}
function isYear(s: string): boolean {
  return /^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2100;
}
function normalizeWords(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}
