// Acceptance on documents in the style of other provinces (../shared/corpus, each NAME.md with its
// NAME.expect.json): the real CLI checks the folder as a whole (a report is linked to its
// resolution) and lists each document's targets; every labelled target must come out with every
// field, every expected finding must be reported by one of its rules on its line, and no listed
// rule may report on a silent line. Skipped, saying so, when the corpus is not beside the project.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { cliPath, repoRoot } from '../helpers.js';

const corpusDir = resolve(repoRoot, process.env.VANBAN_CORPUS ?? '../shared/corpus');
const present = existsSync(corpusDir) && readdirSync(corpusDir).some((f) => f.endsWith('.expect.json'));
const ABSENT = `corpus not found at ${corpusDir} (set VANBAN_CORPUS or check out ../shared)`;

interface Expect {
  kind: string;
  targets: { line: string; value: number | null; comparator: string | null; unit: string | null; year: number | null; pillar: string | null }[];
  findings: { line: string; rules: string[]; why: string }[];
  silent: { line: string; rules: string[]; why: string }[];
}
interface Diagnostic {
  ruleId: string;
  line: number;
  endLine?: number;
  message: string;
}
interface JsonTarget {
  line: number;
  endLine: number;
  comparator: string | null;
  year: number | null;
  pillar: string | null;
  value: { kind: string; number: number; unit: string | null } | null;
}

const CMP: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', maintain: 'maintain', approx: '≈' };

function cli(args: string[]): unknown {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: corpusDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `vanban ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const docs = present ? readdirSync(corpusDir).filter((f) => f.endsWith('.md') && existsSync(join(corpusDir, f.replace(/\.md$/, '.expect.json')))).sort() : [];

describe('corpus: documents of other provinces', { skip: present ? false : ABSENT }, () => {
  const checked = present ? (cli(['check', '--format', 'json', ...docs]) as { files: { path: string; diagnostics: Diagnostic[] }[] }) : { files: [] };
  const diagnosticsOf = (doc: string): Diagnostic[] => checked.files.find((f) => basename(f.path) === doc)?.diagnostics ?? [];

  for (const doc of docs) {
    const text = readFileSync(join(corpusDir, doc), 'utf8');
    const lines = text.split('\n');
    const expect = JSON.parse(readFileSync(join(corpusDir, doc.replace(/\.md$/, '.expect.json')), 'utf8')) as Expect;
    const lineOf = (sub: string): number => lines.findIndex((l) => l.includes(sub)) + 1;
    const covers = (d: { line: number; endLine?: number }, ln: number): boolean => ln >= d.line && ln <= (d.endLine ?? d.line);

    describe(doc, () => {
      test('exactly the labelled targets, with comparator, unit, year and pillar', () => {
        const got = ((cli(['targets', doc, '--format', 'json']) as { files: { targets: JsonTarget[] }[] }).files[0]?.targets ?? []).slice();
        const unmatched: string[] = [];
        for (const t of expect.targets) {
          const ln = lineOf(t.line);
          const i = got.findIndex(
            (e) =>
              covers(e, ln) &&
              (t.value === null ? e.value === null : e.value !== null && Math.abs(e.value.number - t.value) < 1e-9) &&
              (CMP[e.comparator ?? ''] ?? null) === t.comparator &&
              e.year === t.year &&
              (e.pillar ?? null)?.normalize('NFC').toLowerCase() === t.pillar?.normalize('NFC').toLowerCase() &&
              (t.unit === null
                ? e.value === null
                : t.unit === '%'
                  ? e.value?.kind === 'percent'
                  : e.value?.kind === 'count' && !!e.value.unit && e.value.unit.normalize('NFC').toLowerCase().startsWith(t.unit.toLowerCase())),
          );
          if (i < 0) unmatched.push(`L${ln} ${t.value} ${t.comparator} ${t.unit} ${t.year} ${t.pillar}`);
          else got.splice(i, 1);
        }
        assert.deepEqual({ missed: unmatched, extra: got.map((e) => `L${e.line} ${e.value?.number ?? '(no value)'}`) }, { missed: [], extra: [] });
      });

      test('every expected finding is reported on its line', () => {
        const diagnostics = diagnosticsOf(doc);
        const missing = expect.findings.filter((f) => !diagnostics.some((d) => f.rules.includes(d.ruleId) && covers(d, lineOf(f.line))));
        assert.deepEqual(missing.map((f) => `L${lineOf(f.line)} [${f.rules}] ${f.why}`), []);
      });

      test('no listed rule reports on a silent line', () => {
        const diagnostics = diagnosticsOf(doc);
        const violated = expect.silent.flatMap((s) =>
          diagnostics.filter((d) => s.rules.includes(d.ruleId) && covers(d, lineOf(s.line))).map((d) => `L${lineOf(s.line)} ${d.ruleId}: ${d.message}`),
        );
        assert.deepEqual(violated, []);
      });
    });
  }
});
