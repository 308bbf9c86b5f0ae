// Developer tool: prints what the core understood of a document — outline, targets, footnotes,
// appendices and findings. Usage: node scripts/dump-model.mjs FILE [--targets|--outline|--findings]
import { readFileSync } from 'node:fs';
import { analyze, pick } from '../out/server/src/core/index.js';

const [file, only] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/dump-model.mjs FILE [--targets|--outline|--findings]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
const { document: doc, findings, failures } = analyze(text);
const line = (o) => doc.lines.position(o).line + 1;
const show = (what) => !only || only === `--${what}`;

console.log(`kind=${doc.kind} number=${doc.number?.text ?? '-'} date=${doc.date?.text ?? '-'} title=${doc.title?.text ?? '-'}`);
if (doc.references.length) console.log('references:', doc.references.map((r) => `${r.kind} ${r.number} ${r.date ?? ''}`).join('; '));
if (show('outline')) {
  for (const s of doc.sections) {
    const tag = [s.roles.join('+'), s.year ? `year=${s.year.year}` : '', s.pillar ? `pillar=${s.pillar.name}` : '', s.tail ? 'tail' : '']
      .filter(Boolean)
      .join(' ');
    console.log(`${String(line(s.headSpan.start)).padStart(4)} ${'  '.repeat(s.level)}${s.numbering.scheme}:${s.numbering.label} ${s.title.slice(0, 70)} ${tag ? `[${tag}]` : ''}`);
  }
}
if (show('targets')) {
  console.log(`targets: ${doc.targets.length}`);
  for (const t of doc.targets) {
    const v = t.value ? `${t.value.comparator} ${t.value.number.value}${t.value.kind === 'percent' ? '%' : ''}` : 'NO VALUE';
    const y = t.year ? `${t.year.value}${t.year.source === 'section' ? '^' : ''}` : 'NO YEAR';
    const p = t.pillar ? `${t.pillar.value.name}${t.pillar.source === 'section' ? '^' : ''}` : 'NO PILLAR';
    console.log(`${String(line(t.span.start)).padStart(4)} [${t.origin}] ${v} | ${y} | ${p} | ${t.indicator.slice(0, 80)}`);
  }
}
if (show('footnotes')) {
  console.log(`footnotes: refs=${doc.footnoteRefs.map((r) => r.label).join(',')} defs=${doc.footnoteDefs.map((d) => d.label).join(',')}`);
  console.log(`appendices: ${doc.appendices.map((a) => a.label).join(',')} refs=${doc.appendixRefs.map((r) => r.label).join(',')}`);
}
if (show('findings')) {
  for (const f of findings) console.log(`${line(f.span.start)}:${doc.lines.position(f.span.start).character + 1} ${f.severity} ${f.ruleId} ${pick(f.message, 'vi')}`);
  for (const f of failures) console.log(`RULE FAILED ${f.ruleId}: ${f.error}`);
}
