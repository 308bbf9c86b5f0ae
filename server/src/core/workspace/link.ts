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
import type { DocumentReference, PolicyDocument } from '../document/model.js';
import { syllables, toneKey } from '../text.js';
import type { LocalizedText } from '../types.js';
import { bestScore, indicatorRows, PAIR_THRESHOLD, wordsOf } from './indicators.js';
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
  return documents.filter((d) => d.document.kind === 'report').map((d) => linkReport(d, documents, explicit, options));
}

/** The resolution `report` reports on, among `documents` (which may include the report itself). */
export function linkReport(
  report: WorkspaceDocument,
  documents: readonly WorkspaceDocument[],
  explicit: readonly ExplicitLink[] = [],
  options: LinkOptions = {},
): LinkOutcome {
  const others = documents.filter((d) => d.id !== report.id);
  const byId = new Map(others.map((d) => [d.id, d]));

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
  if (configured.length === 1 && byId.has(configured[0]!)) {
    const resolution = byId.get(configured[0]!)!;
    return linked(report.id, resolution, 'config', { reason: 'config' }, {
      vi: `liên kết theo cấu hình (links)`,
      en: `linked by the configuration (links)`,
    });
  }

  const candidates = others.filter((d) => LINKABLE_KINDS.has(d.document.kind));

  // 2. The cited number and date, the title's citation first (the opening paragraphs may cite the
  // national resolution the provincial one implements).
  const references = citedReferences(report.document);
  for (const reference of references) {
    const wanted = normaliseNumber(reference.number);
    const sameNumber = candidates.filter((c) => c.document.number && normaliseNumber(c.document.number.text) === wanted);
    const matching = sameNumber.filter((c) => datesAgree(reference.date, c.document.date?.text));
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
  const open = candidates.filter((c) => {
    if (!cited) return true;
    const number = c.document.number?.text;
    if (number && normaliseNumber(number) !== normaliseNumber(cited.number)) return false;
    return datesAgree(cited.date, c.document.date?.text);
  });
  const pillars = options.pillars ?? defaultConfig().pillars;
  const reportIndicators = indicatorsOfReport(report.document, pillars);
  const reportSubject = subjectWords(report.document);
  type Scored = { doc: WorkspaceDocument; pairs: IndicatorPair[]; title?: number };
  const qualified: Scored[] = [];
  for (const c of open) {
    const title = titleSimilarity(reportSubject, subjectWords(c.document));
    if (title === 0) continue; // another subject: another province or programme
    const targetIndicators = [...new Set(c.document.targets.map((t) => t.indicator))];
    const pairs: IndicatorPair[] = [];
    for (const indicator of reportIndicators) {
      const best = bestScore(indicator, targetIndicators);
      if (best.score >= PAIR_THRESHOLD && best.other) pairs.push({ report: indicator, resolution: best.other, score: round(best.score) });
    }
    if (pairs.length >= OVERLAP_MIN_MATCHED && pairs.length >= OVERLAP_MIN_SHARE * reportIndicators.length) {
      qualified.push({ doc: c, pairs, ...(title !== undefined ? { title } : {}) });
    }
  }
  let chosen = qualified;
  if (qualified.length > 1) {
    const supported = qualified.filter((q) => (q.title ?? 0) >= TITLE_SUPPORT);
    if (supported.length >= 1) chosen = supported;
  }
  if (chosen.length === 1) {
    const { doc, pairs, title } = chosen[0]!;
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

/** Dates agree unless both are known and differ. */
function datesAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const pa = dateParts(a);
  const pb = dateParts(b);
  return pa === undefined || pb === undefined || pa === pb;
}

/** The wordings a report measures: its plan/result table rows, else its own targets. */
function indicatorsOfReport(document: PolicyDocument, pillars: PillarDefinition[]): string[] {
  const rows = indicatorRows(document, pillars).map((r) => r.indicator);
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
