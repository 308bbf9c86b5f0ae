// The dashboard (bảng theo dõi chỉ tiêu): one self-contained HTML page — per document and pillar,
// each target against its yearly results as an inline SVG chart, met/unmet at a glance, every item
// linking back to its file and line. Nothing is fetched at view time: no script at all, one inline
// stylesheet allowed by its hash in a strict Content-Security-Policy. A pure function of the
// register, so the CLI writes it to a file and the extension can show it in a webview.

import { maxOf } from '../text.js';
import type { PillarDefinition } from '../config.js';
import type { LocalizedText } from '../types.js';
import { attainment, type Statement } from './compare.js';
import { base64, sha256 } from './sha256.js';
import { STATUS_NAMES, type Position, type Register, type RegisterEntry, type RegisterResult, type TargetStatus } from './register.js';

export interface SourceLink {
  href: string;
  label: string;
}

export interface DashboardOptions {
  locale?: 'vi' | 'en';
  title?: string;
  /** Pillars in display order (the configuration's); others follow in order of appearance. */
  pillars?: PillarDefinition[];
  /** Links to a position in a source document: `vscode://file/…:37:3`, `file:///…`. */
  linksOf(position: Position): SourceLink[];
  /** How a document id is shown (a relative path). */
  pathOf(documentId: string): string;
  /** A line under the title (`Tạo lúc …`): left to the caller so that the function stays pure. */
  subtitle?: string;
}

const TEXT = {
  title: { vi: 'Bảng theo dõi chỉ tiêu chuyển đổi số', en: 'Digital transformation target dashboard' },
  targets: { vi: 'chỉ tiêu', en: 'targets' },
  noPillar: { vi: 'Chưa xác định trụ cột', en: 'No pillar' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  noValue: { vi: 'Chỉ tiêu chưa được lượng hoá', en: 'The target states no measurable value' },
  noResults: { vi: 'Chưa có báo cáo nào nêu kết quả của chỉ tiêu này', en: 'No linked report states a result for this target' },
  latest: { vi: 'Kết quả mới nhất', en: 'Latest result' },
  reports: { vi: 'Báo cáo được liên kết', en: 'Linked reports' },
  noReports: { vi: 'Chưa có báo cáo nào được liên kết với văn bản này.', en: 'No report is linked to this document.' },
  unlinked: { vi: 'Báo cáo chưa liên kết được', en: 'Reports not linked' },
  empty: { vi: 'Không tìm thấy nghị quyết, kế hoạch nào có chỉ tiêu.', en: 'No resolution or plan with targets was found.' },
  year: { vi: 'Năm', en: 'Year' },
  chart: { vi: 'Kết quả theo năm so với mục tiêu', en: 'Yearly results against the target' },
} satisfies Record<string, LocalizedText>;

const STATUS_ICONS: Record<TargetStatus, string> = { met: '✓', unmet: '✗', unknown: '?', 'no-data': '–' };

const CSS = `
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f5f7fa;--met:#1b7f3b;--met-bg:#e3f6e8;--unmet:#b42318;--unmet-bg:#fde8e6;--unknown:#8a5a00;--unknown-bg:#fff4d6;--none:#52606d;--none-bg:#eef2f6;--bar:#3e7cb1}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 "Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.page{padding:20px 28px;background:#fff;border-bottom:1px solid var(--line)}
h1{margin:0 0 4px;font-size:22px}
.subtitle{margin:0;color:var(--muted)}
.totals{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0 0;padding:0;list-style:none}
main{padding:8px 28px 28px}
section.document{margin-top:20px}
h2{font-size:18px;margin:0 0 4px}
h3{font-size:15px;margin:18px 0 8px;display:flex;gap:10px;align-items:baseline}
h3 .count{font-weight:normal;color:var(--muted);font-size:13px}
.meta{margin:0;color:var(--muted);font-size:13px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px;align-items:start}
article.target{background:#fff;border:1px solid var(--line);border-left:5px solid var(--none);border-radius:6px;padding:10px 12px}
article.status-met{border-left-color:var(--met)}
article.status-unmet{border-left-color:var(--unmet)}
article.status-unknown{border-left-color:var(--unknown)}
.target h4{margin:0 0 6px;font-size:14px;font-weight:600}
.target h4 a{color:inherit;text-decoration:none}
.target h4 a:hover{text-decoration:underline}
.line{display:flex;justify-content:space-between;gap:8px;align-items:center;margin:2px 0}
.goal{font-size:13px}
.goal b{font-size:15px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.met{color:var(--met);background:var(--met-bg)}
.badge.unmet{color:var(--unmet);background:var(--unmet-bg)}
.badge.unknown{color:var(--unknown);background:var(--unknown-bg)}
.badge.no-data{color:var(--none);background:var(--none-bg)}
svg.chart{display:block;width:100%;height:auto;margin:6px 0 2px}
.sources{font-size:12px;color:var(--muted);margin:4px 0 0}
.sources a{color:var(--bar)}
.note{color:var(--muted);font-size:13px;margin:6px 0 0}
ul.plain{margin:4px 0;padding-left:18px}
`;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderDashboard(register: Register, options: DashboardOptions): string {
  const locale = options.locale ?? 'vi';
  const t = (x: LocalizedText) => (locale === 'en' ? x.en : x.vi);
  const title = options.title ?? t(TEXT.title);
  const css = CSS.trim();
  const csp = `default-src 'none'; style-src 'sha256-${base64(sha256(css))}'; img-src data:; base-uri 'none'; form-action 'none'`;

  const totals = countStatuses(register.entries);
  const link = (pos: Position, inner: string, cls = '') => {
    const first = options.linksOf(pos)[0];
    return first ? `<a${cls ? ` class="${cls}"` : ''} href="${esc(first.href)}">${inner}</a>` : inner;
  };
  const sources = (pos: Position) =>
    options
      .linksOf(pos)
      .map((l) => `<a href="${esc(l.href)}">${esc(l.label)}</a>`)
      .join(' · ');

  const documents = [...new Set(register.entries.map((e) => e.documentId))];
  const body: string[] = [];
  for (const id of documents) {
    const entries = register.entries.filter((e) => e.documentId === id);
    const first = entries[0]!;
    const reports = register.links.filter((l) => l.status === 'linked' && l.resolution === id);
    body.push(`<section class="document" data-document="${esc(options.pathOf(id))}">`);
    body.push(`<h2>${link({ documentId: id, line: 1, column: 1 }, esc(t(first.documentName)))}</h2>`);
    body.push(`<p class="meta">${esc(options.pathOf(id))} · ${entries.length} ${t(TEXT.targets)}</p>`);
    body.push(
      reports.length === 0
        ? `<p class="meta">${esc(t(TEXT.noReports))}</p>`
        : `<p class="meta">${esc(t(TEXT.reports))}: ${reports
            .map((r) => `${link({ documentId: r.report, line: 1, column: 1 }, esc(options.pathOf(r.report)))} (${esc(t(r.message))})`)
            .join('; ')}</p>`,
    );
    for (const [pillar, group] of byPillar(entries, options.pillars ?? [])) {
      const counts = countStatuses(group);
      body.push(`<section class="pillar"><h3>${esc(pillar ?? t(TEXT.noPillar))} <span class="count">${counts.met}/${group.length} ${esc(t(STATUS_NAMES.met)).toLowerCase()}</span></h3><div class="grid">`);
      for (const e of group) body.push(card(e));
      body.push('</div></section>');
    }
    body.push('</section>');
  }
  const unlinked = register.links.filter((l) => l.status !== 'linked');
  if (unlinked.length > 0) {
    body.push(`<section class="document"><h2>${esc(t(TEXT.unlinked))}</h2><ul class="plain">`);
    for (const l of unlinked) body.push(`<li>${link({ documentId: l.report, line: 1, column: 1 }, esc(options.pathOf(l.report)))}: ${esc(t(l.message))}</li>`);
    body.push('</ul></section>');
  }
  if (documents.length === 0) body.push(`<p class="note">${esc(t(TEXT.empty))}</p>`);

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<header class="page">
<h1>${esc(title)}</h1>
${options.subtitle ? `<p class="subtitle">${esc(options.subtitle)}</p>` : ''}
<ul class="totals">${(['met', 'unmet', 'unknown', 'no-data'] as const)
    .map((s) => `<li class="badge ${s}">${STATUS_ICONS[s]} ${esc(t(STATUS_NAMES[s]))}: ${totals[s]}</li>`)
    .join('')}</ul>
</header>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;

  function card(e: RegisterEntry): string {
    const status = e.status;
    const goal = e.value
      ? `${esc(t(TEXT.target))}${e.year !== undefined ? ` ${e.year}` : ''}: <b>${esc(e.value.text)}</b>`
      : `<span class="note">${esc(t(TEXT.noValue))}</span>`;
    const parts = [
      `<article class="target status-${status}" data-status="${status}"${e.year !== undefined ? ` data-year="${e.year}"` : ''}>`,
      `<h4>${link(e, esc(capitalise(e.indicator)))}</h4>`,
      `<div class="line"><span class="goal">${goal}</span><span class="badge ${status}">${STATUS_ICONS[status]} ${esc(t(STATUS_NAMES[status]))}</span></div>`,
    ];
    if (e.results.length > 0 && e.value) parts.push(chart(e));
    else if (e.value) parts.push(`<p class="note">${esc(t(TEXT.noResults))}</p>`);
    const resultSource = e.latest ? ` · ${esc(t(TEXT.latest))} (${e.latest.year}): ${sources(e.latest)}` : '';
    parts.push(`<p class="sources">${sources(e)}${resultSource}</p>`, '</article>');
    return parts.join('');
  }

  function chart(e: RegisterEntry): string {
    const W = 320;
    const H = 150;
    const top = 34;
    const bottom = 22;
    const left = 8;
    const plotH = H - top - bottom;
    const values = [e.value!.number, ...e.results.map((r) => r.value ?? 0)];
    const max = maxOf(values, (v) => v);
    const yMax = e.value!.kind === 'percent' && max >= 50 ? Math.max(100, max) : niceCeil(max * 1.25);
    const y = (v: number) => top + plotH - (Math.max(0, Math.min(v, yMax)) / yMax) * plotH;
    const slot = (W - left * 2) / Math.max(e.results.length, 3);
    const barW = Math.min(46, slot * 0.55);
    const target = targetStatement(e);
    const bars = e.results.map((r, i) => {
      const x = left + slot * i + (slot - barW) / 2;
      const v = r.value ?? 0;
      const state = target && r.comparator && r.value !== undefined ? attainment(resultStatement(r, e), target, e.text) : 'unknown';
      const fill = state === 'met' ? '#2f9e55' : state === 'unmet' ? '#d64545' : '#c9a227';
      return (
        `<g><title>${esc(`${t(TEXT.year)} ${r.year}: ${r.text} — ${t(STATUS_NAMES[state])}`)}</title>` +
        `<rect x="${fx(x)}" y="${fx(y(v))}" width="${fx(barW)}" height="${fx(top + plotH - y(v))}" fill="${fill}" rx="2"/>` +
        `<text x="${fx(x + barW / 2)}" y="${fx(y(v) - 4)}" text-anchor="middle" font-size="11" fill="#1f2933">${esc(r.text)}</text>` +
        `<text x="${fx(x + barW / 2)}" y="${H - 6}" text-anchor="middle" font-size="11" fill="#52606d">${r.year}</text></g>`
      );
    });
    const ty = y(e.value!.number);
    const label = `${t(TEXT.target)}${e.year !== undefined ? ` ${e.year}` : ''}: ${e.value!.text}`;
    const summary = `${t(TEXT.chart)}. ${label}. ${e.results.map((r) => `${r.year}: ${r.text}`).join('; ')}.`;
    return (
      `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(summary)}" xmlns="http://www.w3.org/2000/svg">` +
      `<line x1="${left}" y1="${top + plotH}" x2="${W - left}" y2="${top + plotH}" stroke="#9aa5b1" stroke-width="1"/>` +
      bars.join('') +
      `<line x1="${left}" y1="${fx(ty)}" x2="${W - left}" y2="${fx(ty)}" stroke="#1f2933" stroke-width="1.5" stroke-dasharray="5 3"/>` +
      // The legend sits above the plot so that it never covers a bar's label.
      `<line x1="${left}" y1="10" x2="${left + 22}" y2="10" stroke="#1f2933" stroke-width="1.5" stroke-dasharray="5 3"/>` +
      `<text x="${left + 28}" y="14" font-size="11" font-weight="600" fill="#1f2933">${esc(label)}</text>` +
      `</svg>`
    );
  }
}

function fx(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function targetStatement(e: RegisterEntry): Statement | undefined {
  if (!e.value || !e.comparator || e.comparator === 'approx') return undefined;
  const bound = e.comparator === 'maintain' ? 'eq' : e.comparator;
  return { bound, value: e.value.number, interval: { lo: e.value.number, hi: e.value.number }, kind: e.value.kind };
}

function resultStatement(r: RegisterResult, e: RegisterEntry): Statement {
  const bound = r.comparator === 'maintain' || r.comparator === 'approx' || !r.comparator ? 'eq' : r.comparator;
  return { bound, value: r.value!, interval: { lo: r.value!, hi: r.value! }, kind: e.value!.kind };
}

function countStatuses(entries: readonly RegisterEntry[]): Record<TargetStatus, number> {
  const counts: Record<TargetStatus, number> = { met: 0, unmet: 0, unknown: 0, 'no-data': 0 };
  for (const e of entries) counts[e.status]++;
  return counts;
}

/** Entries grouped by pillar: configured pillars first, in their order; no pillar last. */
function byPillar(entries: readonly RegisterEntry[], pillars: PillarDefinition[]): [string | undefined, RegisterEntry[]][] {
  const order = new Map(pillars.map((p, i) => [p.id, i]));
  const groups = new Map<string | undefined, { name: string | undefined; rank: number; entries: RegisterEntry[] }>();
  for (const e of entries) {
    const key = e.pillar?.id;
    let g = groups.get(key);
    if (!g) {
      g = { name: e.pillar?.name, rank: key === undefined ? Infinity : (order.get(key) ?? pillars.length + groups.size), entries: [] };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank).map((g) => [g.name, g.entries]);
}
