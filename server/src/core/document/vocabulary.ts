// The domain's words: section roles, document kinds, pillars and year phrases, matched on tone
// keys (tone-, case- and Unicode-form-insensitive) so that "khoẻ"/"khỏe", NFC/NFD and capitals agree.

import type { PillarDefinition } from '../config.js';
import { toneKey, toneKeyWithMap } from '../text.js';
import type { Span } from '../types.js';
import type { DocumentKind, SectionRole } from './model.js';

const k = toneKey;

export const KIND_WORDS: [string, DocumentKind][] = [
  [k('nghị quyết'), 'resolution'],
  [k('báo cáo'), 'report'],
  [k('kế hoạch'), 'plan'],
  [k('chương trình hành động'), 'plan'],
  [k('quyết định'), 'decision'],
];

/** Whole-word containment on keys. */
export function hasWords(key: string, words: string): boolean {
  return wordIndex(key, words) >= 0;
}

export function wordIndex(key: string, words: string, from = 0): number {
  let at = key.indexOf(words, from);
  while (at >= 0) {
    const before = key[at - 1];
    const after = key[at + words.length];
    if (!isLetter(before) && !isLetter(after)) return at;
    at = key.indexOf(words, at + 1);
  }
  return -1;
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

const W = {
  situation: k('tình hình'),
  viewpoint: k('quan điểm'),
  goals: k('mục tiêu'),
  general: [k('tổng quát'), k('chung')],
  specific: [k('cụ thể'), k('cơ bản'), k('chủ yếu')],
  orientation: k('định hướng'),
  tasks: k('nhiệm vụ'),
  solutions: k('giải pháp'),
  implementation: k('tổ chức thực hiện'),
  results: k('kết quả'),
  assessment: k('đánh giá chung'),
  direction: k('phương hướng'),
  dissemination: k('quán triệt'),
  funding: [k('kinh phí'), k('nguồn lực thực hiện'), k('nguồn lực chuyển đổi số')],
  recipients: k('nơi nhận'),
  appendix: k('phụ lục'),
};

const RETROSPECTIVE = [k('kết quả'), k('tình hình'), k('đánh giá'), k('sơ kết'), k('tổng kết'), k('thực trạng')];
/** Titles that list targets without the word `mục tiêu`: `Chỉ tiêu bảo đảm an toàn …`, `Các chỉ tiêu chủ yếu`. */
const TARGET_LIST = [k('chỉ tiêu'), k('các chỉ tiêu'), k('hệ thống chỉ tiêu')];
/** `Các chỉ tiêu đạt và vượt`, `Các chỉ tiêu chưa đạt`: a list of results, not of targets. */
const VERDICT_WORDS = [k('đạt'), k('vượt'), k('thực hiện'), k('kết quả')];

/**
 * Standard roles named by a section title. Long titles (numbered paragraphs of prose) carry no
 * role: a role is a heading's, not a sentence's.
 */
export function rolesOfTitle(title: string, hasYear: boolean): SectionRole[] {
  const key = k(title);
  if (key.split(/\s+/).length > 16) return [];
  const roles: SectionRole[] = [];
  if (hasWords(key, W.recipients) && key.length < 20) return ['recipients'];
  if (key.startsWith(W.appendix)) return ['appendix'];
  if (hasWords(key, W.situation) && key.indexOf(W.situation) < 12) roles.push('situation');
  if (hasWords(key, W.viewpoint)) roles.push('viewpoint');
  // `Kết quả thực hiện mục tiêu năm 2024`, `Tình hình thực hiện các chỉ tiêu`, `Đánh giá kết quả
  // …`: a title that opens on results or situation is about last year's figures, whatever goal
  // words it goes on to name.
  const retrospective = RETROSPECTIVE.some((w) => key.startsWith(w));
  if (retrospective) {
    if (!roles.includes('situation') && !key.startsWith(W.assessment)) roles.push(key.startsWith(W.situation) ? 'situation' : 'results');
  } else if (hasWords(key, W.goals) || (TARGET_LIST.some((w) => key.startsWith(w)) && !VERDICT_WORDS.some((w) => hasWords(key, w)))) {
    if (W.general.some((w) => hasWords(key, w))) roles.push('goals-general');
    else if (W.specific.some((w) => hasWords(key, w)) || hasYear || !hasWords(key, W.goals)) roles.push('goals-specific');
    else roles.push('goals');
  } else if (key.startsWith(W.orientation)) roles.push('orientation');
  if (hasWords(key, W.results)) {
    if (!roles.includes('results')) roles.push('results');
  }
  else if (hasWords(key, W.tasks) && hasWords(key, W.solutions)) roles.push('tasks');
  if (hasWords(key, W.implementation) && key.indexOf(W.implementation) < 4) roles.push('implementation');
  if (hasWords(key, W.assessment)) roles.push('assessment');
  if (key.startsWith(W.direction)) roles.push('direction');
  if (hasWords(key, W.dissemination) && key.indexOf(W.dissemination) < 12) roles.push('dissemination');
  if (W.funding.some((w) => key.startsWith(w) || hasWords(key, w))) roles.push('funding');
  return roles;
}

export interface PillarMatcher {
  definition: PillarDefinition;
  /** Name and aliases: read in headings and in a target's subject. */
  keys: string[];
  /** Name, aliases and cue phrases: read in headings only. */
  headingKeys: string[];
}

export function pillarMatchers(pillars: PillarDefinition[]): PillarMatcher[] {
  const keyOf = (names: string[]): string[] => names.map((n) => k(n).trim()).filter((n) => n.length > 0);
  return pillars.map((definition) => {
    const keys = keyOf([definition.name, ...definition.aliases]);
    return { definition, keys, headingKeys: [...keys, ...keyOf(definition.cues ?? [])] };
  });
}

export interface FoundPillar {
  definition: PillarDefinition;
  /** Offsets into the searched string. */
  start: number;
  end: number;
}

/** Pillars named in `text`, in order of appearance; `heading` also reads the cue phrases. */
export function findPillars(text: string, matchers: PillarMatcher[], heading = false): FoundPillar[] {
  const { key, map } = toneKeyWithMap(text);
  const found: FoundPillar[] = [];
  for (const m of matchers) {
    for (const pk of heading ? m.headingKeys : m.keys) {
      let at = wordIndex(key, pk);
      while (at >= 0) {
        found.push({ definition: m.definition, start: map[at]!, end: map[at + pk.length]! });
        at = wordIndex(key, pk, at + 1);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface FoundYear {
  year: number;
  /** Offsets into the searched string of the whole phrase. */
  start: number;
  end: number;
}

// `đến năm 2025`, `đến hết năm 2021`, `vào năm 2025`, `năm 2025`, `giai đoạn 2024 - 2025`,
// `2021-2025`. A period's end is its year: a target "giai đoạn 2024 - 2025" is due in 2025.
const YEAR_PHRASE =
  /(?:(?:đến|tới|vào|trong|trước|cuối|hết)\s+)*(?:(?:hết|cuối)\s+)?(?:năm|giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+((?:19|20)\d\d)(?:\s*[-–—]\s*((?:19|20)\d\d))?(?!\d)/giu;

/** Year phrases in a text (NFC expected; callers pass plain text normalised per line). */
export function findYears(text: string): FoundYear[] {
  const nfc = text.normalize('NFC');
  // Work on an NFC copy; when normalisation changed the length, map offsets by re-searching on the
  // original clusters through toneKeyWithMap, whose map handles any form.
  if (nfc.length === text.length) return scanYears(nfc);
  const { key, map } = toneKeyWithMap(text);
  return scanYearsOnKey(key).map((y) => ({ year: y.year, start: map[y.start]!, end: map[y.end]! }));
}

function scanYears(text: string): FoundYear[] {
  const out: FoundYear[] = [];
  YEAR_PHRASE.lastIndex = 0;
  for (let m = YEAR_PHRASE.exec(text); m; m = YEAR_PHRASE.exec(text)) {
    const year = Number(m[2] ?? m[1]);
    out.push({ year, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const YEAR_PHRASE_KEY = new RegExp(
  YEAR_PHRASE.source
    .replace(/đến/g, k('đến'))
    .replace(/tới/g, k('tới'))
    .replace(/vào/g, k('vào'))
    .replace(/trước/g, k('trước'))
    .replace(/cuối/g, k('cuối'))
    .replace(/hết/g, k('hết'))
    .replace(/năm/g, k('năm'))
    .replace(/đoạn/g, k('đoạn'))
    .replace(/kỳ/g, k('kỳ'))
    .replace(/thời/g, k('thời'))
    .replace(/nhiệm/g, k('nhiệm')),
  'giu',
);

function scanYearsOnKey(key: string): FoundYear[] {
  const out: FoundYear[] = [];
  YEAR_PHRASE_KEY.lastIndex = 0;
  for (let m = YEAR_PHRASE_KEY.exec(key); m; m = YEAR_PHRASE_KEY.exec(key)) {
    out.push({ year: Number(m[2] ?? m[1]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The one year a title states, or undefined when it states none or several different ones. */
export function titleYear(title: string): FoundYear | undefined {
  const years = findYears(title);
  if (years.length === 0) return undefined;
  const distinct = new Set(years.map((y) => y.year));
  return distinct.size === 1 ? years[years.length - 1] : undefined;
}

export function shift(span: { start: number; end: number }, map: number[]): Span {
  return { start: map[span.start]!, end: map[Math.max(span.start, span.end - 1)]! + 1 };
}
