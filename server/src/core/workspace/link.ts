// Linking a report to the resolution it reports on (domain guide §1): by the number and date it
// cites, else by title and indicator overlap when that is unambiguous among the documents, with
// the configuration's explicit links taking precedence over both.
//
// Why explicit links come first: they are the only way a user can correct an automatic link (a
// report citing a superseded resolution's number, two similar resolutions in one folder). A
// configured link is never second-guessed; it is the reviewer's decision.
//
// Precision over recall: more than one candidate at any step gives no link (and the reason), never
// a guess. A resolution whose own number or date is known and differs from the cited one is never
// linked by overlap, and neither is one whose title names another subject (another province).

import { defaultConfig, type PillarDefinition } from '../config.js';
import { similarity } from '../indicators.js';
import type { DocumentReference, PolicyDocument } from '../document/model.js';
import { syllables, toneKey } from '../text.js';
import type { LocalizedText } from '../types.js';
import { indicatorTableRows, PAIR_THRESHOLD, wordsOf } from './indicators.js';
import type { DocumentLink, ExplicitLink, IndicatorPair, LinkOutcome, WorkspaceDocument } from './types.js';

/** Kinds a report can report on ("treat plans and decisions like a resolution"). */
const LINKABLE_KINDS = new Set<PolicyDocument['kind']>(['resolution', 'plan', 'decision']);

/** Overlap: at least this many of the report's indicators, and this share of them, must match. */
const OVERLAP_MIN_MATCHED = 3;
const OVERLAP_MIN_SHARE = 0.5;
/** Titles whose subjects score at least this support a link; 0 (both non-empty) contradicts it. */
const TITLE_SUPPORT = 0.5;

export interface LinkOptions {
  pillars?: PillarDefinition[];
}

/** Links every report among `documents`. */
export function linkDocuments(documents: readonly WorkspaceDocument[], explicit: readonly ExplicitLink[] = [], options: LinkOptions = {}): LinkOutcome[] {
  const candidates = candidateIndex(documents);
  return documents.filter((d) => reportsOnAnother(d.document)).map((d) => linkAmong(d, documents, candidates, explicit, options));
}

/** A report, or a plan whose results part evaluates an earlier plan it cites by number and date. */
export function reportsOnAnother(document: PolicyDocument): boolean {
  return document.kind === 'report' || (document.kind === 'plan' && (document.evaluates?.length ?? 0) > 0);
}

/** The resolution `report` reports on, among `documents` (which may include the report itself). */
export function linkReport(
  report: WorkspaceDocument,
  documents: readonly WorkspaceDocument[],
  explicit: readonly ExplicitLink[] = [],
  options: LinkOptions = {},
): LinkOutcome {
  return linkAmong(report, documents, candidateIndex(documents), explicit, options);
}

/**
 * What linking reads of a document, derived once per parsed document (models are never changed
 * once parsed): linking a workspace compares every report with every candidate, and the corpus a
 * province keeps holds many near-identical documents, so nothing per pair is recomputed.
 */
interface LinkFacts {
  /** normaliseNumber of the document's own number. */
  number?: string;
  date?: string;
  subject: Set<string>;
  /** The distinct indicators of the targets, in order of first appearance. */
  targetIndicators: string[];
  /** Content key of the targets' word sets, in that order (see pairCounts). */
  targetKey: string;
  targetWords: Set<string>[];
}

interface ReportFacts {
  references: DocumentReference[];
  indicators: string[];
  words: Set<string>[];
  key: string;
  subject: Set<string>;
}

const linkFacts = new WeakMap<PolicyDocument, LinkFacts>();
const reportFactsMemo = new WeakMap<PolicyDocument, ReportFacts>();

function factsOf(document: PolicyDocument): LinkFacts {
  let facts = linkFacts.get(document);
  if (!facts) {
    const targetIndicators = [...new Set(document.targets.map((t) => t.indicator))];
    const targetWords = targetIndicators.map(wordsOf);
    facts = {
      ...(document.number ? { number: normaliseNumber(document.number.text) } : {}),
      ...(document.date ? { date: document.date.text } : {}),
      subject: subjectWords(document),
      targetIndicators,
      targetWords,
      targetKey: targetWords.map(wordsKey).join('\n'),
    };
    linkFacts.set(document, facts);
  }
  return facts;
}

function reportFactsOf(document: PolicyDocument): ReportFacts {
  let facts = reportFactsMemo.get(document);
  if (!facts) {
    const indicators = indicatorsOfReport(document);
    const words = indicators.map(wordsOf);
    facts = { references: citedReferences(document), indicators, words, key: words.map(wordsKey).join('\n'), subject: factsOf(document).subject };
    reportFactsMemo.set(document, facts);
  }
  return facts;
}

/** A word set's content: equal keys, equal sets. */
function wordsKey(words: Set<string>): string {
  return [...words].sort().join(' ');
}

/** The documents a report can report on, in order, and those among them by normalised number. */
interface CandidateIndex {
  /** The ids of the documents indexed, in order (to notice a list changed in place). */
  ids: string[];
  linkable: { doc: WorkspaceDocument; facts: LinkFacts }[];
  byNumber: Map<string, { doc: WorkspaceDocument; facts: LinkFacts }[]>;
}

/**
 * The index of a list of documents, kept for the list (the cross-document rule links each report
 * of a workspace against the same list). A list changed in place since is indexed afresh.
 */
const indexMemo = new WeakMap<readonly WorkspaceDocument[], { entries: WorkspaceDocument[]; models: PolicyDocument[]; index: CandidateIndex }>();

function candidateIndex(documents: readonly WorkspaceDocument[]): CandidateIndex {
  const memo = indexMemo.get(documents);
  if (memo && memo.entries.length === documents.length && documents.every((d, i) => d === memo.entries[i] && d.document === memo.models[i] && d.id === memo.index.ids[i])) {
    return memo.index;
  }
  const index = buildCandidateIndex(documents);
  indexMemo.set(documents, { entries: [...documents], models: documents.map((d) => d.document), index });
  return index;
}

function buildCandidateIndex(documents: readonly WorkspaceDocument[]): CandidateIndex {
  const linkable: CandidateIndex['linkable'] = [];
  const byNumber: CandidateIndex['byNumber'] = new Map();
  for (const doc of documents) {
    if (!LINKABLE_KINDS.has(doc.document.kind)) continue;
    const entry = { doc, facts: factsOf(doc.document) };
    linkable.push(entry);
    if (entry.facts.number !== undefined) {
      const same = byNumber.get(entry.facts.number);
      if (same) same.push(entry);
      else byNumber.set(entry.facts.number, [entry]);
    }
  }
  return { ids: documents.map((d) => d.id), linkable, byNumber };
}

/**
 * For each report indicator, the first target indicator with the highest score and that score —
 * the best score among the targets — depends only on the two lists of word sets. Copies of a document share
 * their wordings, so the result is kept per pair of lists: report key → target key → result.
 */
interface PairScores {
  /** Per report indicator: index of the best target indicator (-1: none above 0). */
  best: Int32Array;
  scores: Float64Array;
  /** Report indicators whose best score reaches PAIR_THRESHOLD. */
  matched: number;
}

const pairMemo = new Map<string, Map<string, PairScores>>();
let pairMemoSize = 0;
/** Bounds the memo in a long-lived process (the language server); a corpus needs a few dozen. */
const PAIR_MEMO_LIMIT = 20_000;

function pairScores(report: ReportFacts, target: LinkFacts): PairScores {
  let byTarget = pairMemo.get(report.key);
  let scores = byTarget?.get(target.targetKey);
  if (scores) return scores;
  const n = report.words.length;
  scores = { best: new Int32Array(n).fill(-1), scores: new Float64Array(n), matched: 0 };
  for (let i = 0; i < n; i++) {
    const words = report.words[i]!;
    let best = 0;
    for (let j = 0; j < target.targetWords.length; j++) {
      const score = similarity(words, target.targetWords[j]!);
      if (score > best) {
        best = score;
        scores.best[i] = j;
      }
    }
    scores.scores[i] = best;
    if (best >= PAIR_THRESHOLD && scores.best[i]! >= 0) scores.matched++;
  }
  if (pairMemoSize >= PAIR_MEMO_LIMIT) {
    pairMemo.clear();
    pairMemoSize = 0;
  }
  if (!byTarget) {
    byTarget = new Map();
    pairMemo.set(report.key, byTarget);
  }
  byTarget.set(target.targetKey, scores);
  pairMemoSize++;
  return scores;
}

function pairsOf(report: ReportFacts, target: LinkFacts, scores: PairScores): IndicatorPair[] {
  const pairs: IndicatorPair[] = [];
  for (let i = 0; i < report.indicators.length; i++) {
    const j = scores.best[i]!;
    if (scores.scores[i]! >= PAIR_THRESHOLD && j >= 0) pairs.push({ report: report.indicators[i]!, resolution: target.targetIndicators[j]!, score: round(scores.scores[i]!) });
  }
  return pairs;
}

function linkAmong(
  report: WorkspaceDocument,
  documents: readonly WorkspaceDocument[],
  index: CandidateIndex,
  explicit: readonly ExplicitLink[],
  // The pillars decide only which pillar a table row is filed under, not which rows are compared.
  _options: LinkOptions,
): LinkOutcome {
  // 1. The configuration.
  const configured = [...new Set(explicit.filter((l) => l.report === report.id).map((l) => l.resolution))];
  if (configured.length > 1) {
    return {
      status: 'ambiguous',
      report: report.id,
      reason: 'config',
      candidates: configured,
      message: {
        vi: `Cấu hình liên kết báo cáo này với ${configured.length} văn bản khác nhau; không liên kết.`,
        en: `The configuration links this report to ${configured.length} different documents; not linked.`,
      },
    };
  }
  if (configured.length === 1 && configured[0] !== report.id) {
    // The last document of that id, as a Map built from the list would give.
    let resolution: WorkspaceDocument | undefined;
    for (const d of documents) if (d.id === configured[0]) resolution = d;
    if (resolution) {
      return linked(report.id, resolution, 'config', { reason: 'config' }, {
        vi: `liên kết theo cấu hình (links)`,
        en: `linked by the configuration (links)`,
      });
    }
  }

  // A plan evaluating an earlier plan is linked by that plan's number and date only: plans of one
  // province share most indicators, so overlap would link it to any of them.
  if (report.document.kind !== 'report') return linkByCitation(report, report.document.evaluates ?? [], index);

  const facts = reportFactsOf(report.document);

  // 2. The cited number and date, the title's citation first (the opening paragraphs may cite the
  // national resolution the provincial one implements).
  const references = facts.references;
  for (const reference of references) {
    const sameNumber = (index.byNumber.get(normaliseNumber(reference.number)) ?? []).filter((c) => c.doc.id !== report.id);
    const matching = sameNumber.filter((c) => datesAgree(reference.date, c.facts.date)).map((c) => c.doc);
    if (matching.length === 1) {
      const resolution = matching[0]!;
      const date = reference.date ?? resolution.document.date?.text;
      return linked(
        report.id,
        resolution,
        'number',
        { reason: 'number', reference, number: reference.number, ...(date ? { date } : {}) },
        {
          vi: `báo cáo dẫn số ${reference.number}${reference.date ? ` ngày ${reference.date}` : ''}`,
          en: `the report cites number ${reference.number}${reference.date ? ` of ${reference.date}` : ''}`,
        },
      );
    }
    if (matching.length > 1) {
      return {
        status: 'ambiguous',
        report: report.id,
        reason: 'number',
        candidates: matching.map((m) => m.id),
        message: {
          vi: `${matching.length} văn bản cùng mang số ${reference.number}${reference.date ? ` ngày ${reference.date}` : ''}; không xác định được báo cáo này báo cáo về văn bản nào.`,
          en: `${matching.length} documents carry number ${reference.number}${reference.date ? ` of ${reference.date}` : ''}; cannot tell which one this report is about.`,
        },
      };
    }
  }

  // 3. Title and indicator overlap, among the candidates the citation does not rule out.
  const cited = references[0];
  const citedNumber = cited ? normaliseNumber(cited.number) : undefined;
  const reportIndicators = facts.indicators;
  const reportSubject = facts.subject;
  type Scored = { doc: WorkspaceDocument; facts: LinkFacts; scores: PairScores; title?: number };
  const qualified: Scored[] = [];
  for (const c of index.linkable) {
    if (c.doc.id === report.id) continue;
    if (cited) {
      if (c.doc.document.number?.text && c.facts.number !== citedNumber) continue;
      if (!datesAgree(cited.date, c.facts.date)) continue;
    }
    const title = titleSimilarity(reportSubject, c.facts.subject);
    if (title === 0) continue; // another subject: another province or programme
    // Signed in another place: another province's document, however alike their indicators.
    if (report.document.place && c.doc.document.place && toneKey(report.document.place) !== toneKey(c.doc.document.place)) continue;
    const scores = pairScores(facts, c.facts);
    if (scores.matched >= OVERLAP_MIN_MATCHED && scores.matched >= OVERLAP_MIN_SHARE * reportIndicators.length) {
      qualified.push({ doc: c.doc, facts: c.facts, scores, ...(title !== undefined ? { title } : {}) });
    }
  }
  let chosen = qualified;
  if (qualified.length > 1) {
    const supported = qualified.filter((q) => (q.title ?? 0) >= TITLE_SUPPORT);
    if (supported.length >= 1) chosen = supported;
  }
  if (chosen.length === 1) {
    const { doc, title } = chosen[0]!;
    const pairs = pairsOf(facts, chosen[0]!.facts, chosen[0]!.scores);
    return linked(
      report.id,
      doc,
      'overlap',
      { reason: 'overlap', matched: pairs.length, of: reportIndicators.length, ...(title !== undefined ? { titleSimilarity: round(title) } : {}), pairs },
      {
        vi: `${pairs.length}/${reportIndicators.length} chỉ tiêu của báo cáo trùng với chỉ tiêu của văn bản${title !== undefined ? `, tiêu đề tương đồng ${Math.round(title * 100)}%` : ''}`,
        en: `${pairs.length}/${reportIndicators.length} of the report's indicators match the document's targets${title !== undefined ? `, titles ${Math.round(title * 100)}% alike` : ''}`,
      },
    );
  }
  if (chosen.length > 1) {
    return {
      status: 'ambiguous',
      report: report.id,
      reason: 'overlap',
      candidates: chosen.map((q) => q.doc.id),
      message: {
        vi: `Chỉ tiêu của báo cáo trùng với ${chosen.length} văn bản; không xác định được báo cáo này báo cáo về văn bản nào. Hãy ghi số nghị quyết trong báo cáo hoặc khai báo "links" trong .vanbanrc.json.`,
        en: `The report's indicators match ${chosen.length} documents; cannot tell which one it reports on. Cite the resolution's number in the report or declare "links" in .vanbanrc.json.`,
      },
    };
  }
  return {
    status: 'unlinked',
    report: report.id,
    message: cited
      ? { vi: `không có văn bản số ${cited.number} trong các tệp được kiểm tra`, en: `no document numbered ${cited.number} among the files checked` }
      : { vi: 'không tìm thấy văn bản mà báo cáo này báo cáo về', en: 'no document this report reports on was found' },
  };
}

function linkByCitation(report: WorkspaceDocument, references: DocumentReference[], index: CandidateIndex): LinkOutcome {
  for (const reference of references) {
    const matching = (index.byNumber.get(normaliseNumber(reference.number)) ?? [])
      .filter((c) => c.doc.id !== report.id && c.doc.document.kind === 'plan' && datesAgree(reference.date, c.facts.date))
      .map((c) => c.doc);
    if (matching.length === 1) {
      const earlier = matching[0]!;
      return linked(report.id, earlier, 'number', { reason: 'number', reference, number: reference.number, ...(reference.date ? { date: reference.date } : {}) }, {
        vi: `kế hoạch đánh giá kết quả thực hiện Kế hoạch số ${reference.number}${reference.date ? ` ngày ${reference.date}` : ''}`,
        en: `the plan evaluates plan ${reference.number}${reference.date ? ` of ${reference.date}` : ''}`,
      });
    }
  }
  const cited = references[0];
  return {
    status: 'unlinked',
    report: report.id,
    message: cited
      ? { vi: `không có kế hoạch số ${cited.number} trong các tệp được kiểm tra`, en: `no plan numbered ${cited.number} among the files checked` }
      : { vi: 'kế hoạch không dẫn số kế hoạch được đánh giá', en: 'the plan cites no plan it evaluates' },
  };
}

function linked(report: string, resolution: WorkspaceDocument, reason: DocumentLink['reason'], evidence: DocumentLink['evidence'], message: LocalizedText): DocumentLink {
  return { status: 'linked', report, resolution: resolution.id, reason, evidence, message };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** References to documents that can be reported on, those cited in the title first. */
function citedReferences(document: PolicyDocument): DocumentReference[] {
  const title = document.title?.span;
  const inTitle = (r: DocumentReference) => title !== undefined && r.span.start >= title.start && r.span.end <= title.end;
  return [...document.references.filter(inTitle), ...document.references.filter((r) => !inTitle(r))];
}

/** `04-NQ/TU`, `4 - NQ/TU`, `04-nq/tu` are one number. */
export function normaliseNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase().replace(/^0+(?=\d)/, '');
}

function dateParts(date: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date.trim());
  return m ? `${Number(m[1])}/${Number(m[2])}/${m[3]}` : undefined;
}

const dateMemo = new Map<string, string | undefined>();

function datePartsOf(date: string): string | undefined {
  if (dateMemo.has(date)) return dateMemo.get(date);
  if (dateMemo.size > 10_000) dateMemo.clear();
  const parts = dateParts(date);
  dateMemo.set(date, parts);
  return parts;
}

/** Dates agree unless both are known and differ. */
function datesAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const pa = datePartsOf(a);
  const pb = datePartsOf(b);
  return pa === undefined || pb === undefined || pa === pb;
}

/**
 * The wordings a report measures: its plan/result table rows, else its own targets. (Which rows
 * those are does not depend on the pillars; only the pillar a row is filed under does.)
 */
function indicatorsOfReport(document: PolicyDocument): string[] {
  const rows = indicatorTableRows(document).map((r) => r.row.indicator!);
  const wordings = rows.length > 0 ? rows : document.targets.map((t) => t.indicator);
  return [...new Set(wordings)].filter((w) => wordsOf(w).size > 0);
}

/** Words every digital-transformation title shares; what is left names the subject (a province). */
const GENERIC_TITLE_WORDS = new Set(
  syllables(
    toneKey(
      'chuyển đổi số tỉnh thành phố huyện thị xã trên địa bàn giai đoạn định hướng đến năm cuối kết quả thực hiện nghị quyết ' +
        'kế hoạch quyết định báo cáo của ban chấp hành đảng bộ khoá bch thường vụ về và từ sau phát triển',
    ),
  ),
);

/** Distinctive words of the title's subject: what follows `về`, generic words removed. */
function subjectWords(document: PolicyDocument): Set<string> {
  const title = document.title?.text;
  if (!title) return new Set();
  const key = toneKey(title);
  const at = key.search(/(^|\s)vê\s/);
  const subject = at >= 0 ? key.slice(at) : key;
  return new Set(syllables(subject).filter((w) => !GENERIC_TITLE_WORDS.has(w) && !/^[ivxlc]+$/.test(w) && !/^\d/.test(w)));
}

function titleSimilarity(a: Set<string>, b: Set<string>): number | undefined {
  if (a.size === 0 || b.size === 0) return undefined;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
