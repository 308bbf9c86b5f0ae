// Every snippet in snippets/vanban.code-snippets, expanded with its defaults, must give a document
// that the checker accepts: the core finds each target's value, year and pillar, and reports no
// error or warning. Section snippets are checked in place, inside the resolution skeleton; the
// appendix table inside the report skeleton.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { analyze } from '../../server/src/core/engine.js';
import { repoRoot } from '../helpers.js';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// A TextMate/VS Code snippet expander: tab stops `$1`, `${1}`, placeholders `${1:default}` (nested),
// choices `${1|a,b|}` (first choice), `$0`, mirrors (a later `$1` repeats the default of `${1:…}`),
// escapes `\$`, `\}`, `\\` (and `\,`, `\|` in choices). Variables and transforms are rejected, so a
// snippet that starts using them makes this test fail until the expander learns them.

type Node = string | { index: number; children: Node[] | undefined; choice?: string };

export function expandSnippet(body: string): string {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos} of snippet body: ${JSON.stringify(body.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  function parseNodes(stopAt: string | undefined): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push(text);
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos]!;
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1]!)) {
        text += body[pos + 1];
        pos += 2;
      } else if (stopAt !== undefined && c === stopAt) {
        flush();
        return nodes;
      } else if (c === '$') {
        flush();
        nodes.push(parseDollar());
      } else {
        text += c;
        pos++;
      }
    }
    if (stopAt !== undefined) fail(`unterminated placeholder (expected "${stopAt}")`);
    flush();
    return nodes;
  }

  function parseDollar(): Node {
    pos++; // '$'
    const simple = /^\d+/.exec(body.slice(pos));
    if (simple) {
      pos += simple[0].length;
      return { index: Number(simple[0]), children: undefined };
    }
    if (/^[A-Za-z_]/.test(body.slice(pos))) return fail('snippet variables are not supported');
    if (body[pos] !== '{') {
      return '$'; // a lone dollar is literal text
    }
    pos++; // '{'
    const digits = /^\d+/.exec(body.slice(pos));
    if (!digits) return fail('snippet variables are not supported');
    pos += digits[0].length;
    const index = Number(digits[0]);
    const next = body[pos];
    if (next === '}') {
      pos++;
      return { index, children: undefined };
    }
    if (next === ':') {
      pos++;
      const children = parseNodes('}');
      pos++; // '}'
      return { index, children };
    }
    if (next === '|') {
      pos++;
      const options: string[] = [];
      let option = '';
      while (pos < body.length && !(body[pos] === '|' && body[pos + 1] === '}')) {
        if (body[pos] === '\\' && pos + 1 < body.length && ',|\\'.includes(body[pos + 1]!)) {
          option += body[pos + 1];
          pos += 2;
        } else if (body[pos] === ',') {
          options.push(option);
          option = '';
          pos++;
        } else {
          option += body[pos++];
        }
      }
      if (pos >= body.length) fail('unterminated choice');
      options.push(option);
      pos += 2; // '|}'
      return { index, children: undefined, choice: options[0]! };
    }
    return fail('transforms are not supported');
  }

  const nodes = parseNodes(undefined);
  // The first placeholder of an index that has a default supplies the text of all its mirrors.
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if (typeof n === 'string') continue;
      if (!defaults.has(n.index)) {
        if (n.choice !== undefined) defaults.set(n.index, n.choice);
        else if (n.children !== undefined) defaults.set(n.index, n.children);
      }
      if (n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (list: Node[], seen: Set<number>): string =>
    list
      .map((n) => {
        if (typeof n === 'string') return n;
        if (n.choice !== undefined) return n.choice;
        const value = n.children ?? defaults.get(n.index);
        if (value === undefined) return '';
        if (typeof value === 'string') return value;
        if (seen.has(n.index)) throw new Error(`placeholder $${n.index} contains itself`);
        return render(value, new Set([...seen, n.index]));
      })
      .join('');
  return render(nodes, new Set());
}

test('the expander follows VS Code snippet syntax', () => {
  assert.equal(expandSnippet('a ${1:x} b $1 c $0'), 'a x b x c ');
  assert.equal(expandSnippet('$2 then ${2:two}'), 'two then two');
  assert.equal(expandSnippet('${1|Trên,Tối thiểu|} ${2:80}%'), 'Trên 80%');
  assert.equal(expandSnippet('${1:outer ${2:inner} end} $2'), 'outer inner end inner');
  assert.equal(expandSnippet('\\$1 \\} \\\\ ${1:a\\}b}'), '$1 } \\ a}b');
  assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
  assert.equal(expandSnippet('cost: 5$ ${1}'), 'cost: 5$ ');
  assert.throws(() => expandSnippet('${TM_FILENAME}'), /variables/);
  assert.throws(() => expandSnippet('${1/a/b/}'), /transforms/);
  assert.throws(() => expandSnippet('${1:open'), /unterminated/);
});

// ---------------------------------------------------------------------------------------------

const snippetsPath = join(repoRoot, 'snippets/vanban.code-snippets');
const snippets = parseJsonc(readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;

function expand(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, `snippet "${name}" exists`);
  const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
  return expandSnippet(body);
}

function prefixes(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

const RESOLUTION = 'Nghị quyết (skeleton)';
const REPORT = 'Báo cáo (skeleton)';

/** Splits a skeleton at its top-level sections (`## …`) and at the `Nơi nhận` block. */
function blocks(text: string): string[] {
  const lines = text.split('\n');
  const out: string[][] = [[]];
  for (const line of lines) {
    if (/^## |^\*\*Nơi nhận/.test(line)) out.push([]);
    if (/^\*\*T\/M /.test(line)) out.push([]);
    out.at(-1)!.push(line);
  }
  return out.map((b) => b.join('\n'));
}

/** The resolution skeleton with the block that starts like `section` replaced by it. */
function inResolution(section: string): string {
  const parts = blocks(expand(RESOLUTION));
  const firstLine = section.split('\n')[0]!;
  const i = parts.findIndex((b) => b.split('\n')[0] === firstLine);
  assert.notEqual(i, -1, `the resolution skeleton has a block starting with "${firstLine}"`);
  parts[i] = section.endsWith('\n') ? section : `${section}\n`;
  return parts.join('\n');
}

/** The report skeleton with its appendix replaced by `appendix`. */
function inReport(appendix: string): string {
  const report = expand(REPORT);
  const at = report.indexOf('**Phụ lục');
  assert.notEqual(at, -1, 'the report skeleton has an appendix');
  return report.slice(0, at) + appendix;
}

/** The resolution skeleton with `line` added as the first target of its first pillar subsection. */
function asTarget(line: string): string {
  const skeleton = expand(RESOLUTION);
  const heading = /^#### .*Chính quyền số\n\n/m.exec(skeleton);
  assert.ok(heading, 'the resolution skeleton has a "Chính quyền số" subsection');
  const at = heading.index + heading[0].length;
  return `${skeleton.slice(0, at)}${line}\n\n${skeleton.slice(at)}`;
}

type Placement = { kind: 'resolution' | 'report'; host: (expansion: string) => string };
const PLACEMENTS: Record<string, Placement> = {
  [RESOLUTION]: { kind: 'resolution', host: (e) => e },
  [REPORT]: { kind: 'report', host: (e) => e },
  'Quan điểm': { kind: 'resolution', host: inResolution },
  'Mục tiêu': { kind: 'resolution', host: inResolution },
  'Nhiệm vụ và giải pháp': { kind: 'resolution', host: inResolution },
  'Tổ chức thực hiện': { kind: 'resolution', host: inResolution },
  'Nơi nhận': { kind: 'resolution', host: inResolution },
  'Chỉ tiêu': { kind: 'resolution', host: asTarget },
  'Phụ lục kết quả chỉ tiêu': { kind: 'report', host: inReport },
};

test('every snippet has a placement in this test', () => {
  assert.deepEqual(Object.keys(snippets).sort(), Object.keys(PLACEMENTS).sort());
});

test('prefixes: what a drafter types, with and without accents', () => {
  const all = new Map<string, string>();
  for (const [name, snippet] of Object.entries(snippets)) {
    const list = prefixes(snippet);
    assert.ok(list.some((p) => /^[a-z]+$/.test(p)), `"${name}" has an unaccented prefix`);
    assert.ok(list.some((p) => /[^\x00-\x7f]/.test(p) || p.length <= 3), `"${name}" has an accented (or abbreviated) prefix`);
    assert.ok(snippet.description, `"${name}" has a description`);
    for (const p of list) {
      assert.ok(!all.has(p), `prefix "${p}" is used by both "${all.get(p)}" and "${name}"`);
      all.set(p, name);
    }
  }
  for (const p of ['quandiem', 'quan điểm', 'muctieu', 'mục tiêu', 'nq', 'nghiquyet', 'nghị quyết', 'baocao', 'báo cáo', 'phuluc', 'phụ lục', 'chitieu', 'chỉ tiêu', 'noinhan', 'nơi nhận', 'nhiemvu', 'tochuc']) {
    assert.ok(all.has(p), `some snippet has prefix "${p}"`);
  }
});

test('the appendix table snippet is a GFM pipe table with the usual columns', () => {
  const table = expand('Phụ lục kết quả chỉ tiêu');
  const header = table.split('\n').find((l) => l.startsWith('| STT'));
  assert.ok(header);
  const columns = header.split('|').slice(1, -1).map((c) => c.trim());
  assert.deepEqual(columns, ['STT', 'Tên chỉ tiêu', 'KH 5 năm 2021 - 2025', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'So với KH 5 năm']);
  const rows = table.split('\n').filter((l) => l.startsWith('|'));
  for (const row of rows) assert.equal(row.split('|').length, header.split('|').length, `row has ${columns.length} cells: ${row}`);
});

for (const name of Object.keys(PLACEMENTS)) {
  test(`snippet "${name}" expands to a document the checker accepts`, () => {
    const placement = PLACEMENTS[name]!;
    const expansion = expand(name);
    assert.doesNotMatch(expansion, /\$\d|\$\{/, 'no placeholder left unexpanded');
    const text = placement.host(expansion);
    assert.ok(text.includes(expansion.trimEnd()), 'the host document contains the expansion');
    const { document, findings, failures } = analyze(text);
    assert.deepEqual(failures, [], 'no rule threw');
    assert.equal(document.kind, placement.kind);
    if (placement.kind === 'resolution') {
      assert.ok(document.targets.length >= 6, `the targets of the skeleton are found (${document.targets.length})`);
      for (const target of document.targets) {
        const where = `target "${target.text}"`;
        assert.ok(target.value, `${where} has a value`);
        assert.ok(target.year, `${where} has a year`);
        assert.ok(target.pillar, `${where} has a pillar`);
      }
    }
    const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      serious.map((f) => `${f.ruleId} at ${f.span.start}: ${f.message.en} «${text.slice(f.span.start, f.span.end)}»`),
      [],
    );
  });
}
