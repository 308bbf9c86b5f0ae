// Editor features over the real protocol: code actions applied to the text, hover, symbols,
// folding, completion, code lens and the custom requests.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture, fixturesDir } from '../helpers.js';
import { fixtureUri, LspClient, positionOf, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;
const FIVE_G = 'Phổ cập dịch vụ mạng di động 5G';
const PAPERLESS = '100% văn bản được trao đổi qua môi trường mạng';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'markdown', 0, text), edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `action "${action.title}" edits ${uri}`);
  return edits;
}

describe('code actions', { skip }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'vi' });
  });
  after(async () => {
    await client?.stop();
  });

  async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const answer = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (answer ?? []) as CodeAction[];
  }

  /** Applies an action's edit as the editor would (an incremental change) and re-pulls. */
  async function applyAction(uri: string, action: CodeAction): Promise<Diagnostic[]> {
    await client.change(uri, editsOf(action, uri).map((e) => ({ range: e.range, text: e.newText })));
    return (await client.pullFull(uri)).items;
  }

  test('a target without a year: the action inserts "đến năm 2025" and the finding goes', async () => {
    const uri = 'untitled:thieu-nam-year.md';
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text);
    const diagnostics = (await client.pullFull(uri)).items.filter((d) => d.code === 'target-year');
    assert.equal(diagnostics.length, 1);
    const actions = await actionsFor(uri, diagnostics);
    const add = actions.find((a) => a.title === 'Thêm năm đạt được: "đến năm 2025"');
    assert.ok(add, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.kind, 'quickfix');
    assert.equal(apply(text, editsOf(add, uri)), text.replace(`${PAPERLESS}.`, `${PAPERLESS} đến năm 2025.`));
    const after = await applyAction(uri, add);
    assert.deepEqual(after.map((d) => d.code), ['target-pillar']);
    await client.close(uri);
  });

  test('a target without a pillar: one action per pillar, each inserting its label', async () => {
    const uri = 'untitled:thieu-nam-pillar.md';
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text);
    const diagnostics = (await client.pullFull(uri)).items.filter((d) => d.code === 'target-pillar');
    const actions = (await actionsFor(uri, diagnostics)).filter((a) => a.title.startsWith('Gắn trụ cột'));
    assert.deepEqual(actions.map((a) => a.title), ['Gắn trụ cột: Chính quyền số', 'Gắn trụ cột: Kinh tế số', 'Gắn trụ cột: Xã hội số']);
    assert.equal(apply(text, editsOf(actions[0]!, uri)), text.replace(`- ${PAPERLESS}`, `- Chính quyền số: ${PAPERLESS}`));
    const after = await applyAction(uri, actions[0]!);
    assert.deepEqual(after.map((d) => d.code), ['target-year']);
    await client.close(uri);
  });

  test('"disable this rule for this line" inserts the comment above and silences the finding', async () => {
    const uri = 'untitled:nghi-quyet-disable.md';
    const text = fixture('lsp/nghi-quyet.md');
    await client.open(uri, text);
    const diagnostics = (await client.pullFull(uri)).items;
    assert.deepEqual(diagnostics.map((d) => d.code), ['target-value']);
    const actions = await actionsFor(uri, diagnostics);
    const disable = actions.find((a) => a.title === 'Tắt quy tắc target-value cho dòng này');
    assert.ok(disable, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(
      apply(text, editsOf(disable, uri)),
      text.replace(`- ${FIVE_G}`, `<!-- vanban-disable-next-line target-value -->\n- ${FIVE_G}`),
    );
    assert.deepEqual(await applyAction(uri, disable), []);
    await client.close(uri);
  });

  test('a second rule on an already disabled line joins the existing comment', async () => {
    const uri = 'untitled:thieu-nam-disable.md';
    const text = fixture('lsp/thieu-nam.md').replace(`- ${PAPERLESS}`, `<!-- vanban-disable-next-line target-year -->\n- ${PAPERLESS}`);
    await client.open(uri, text);
    const diagnostics = (await client.pullFull(uri)).items;
    assert.deepEqual(diagnostics.map((d) => d.code), ['target-pillar']);
    const disable = (await actionsFor(uri, diagnostics)).find((a) => a.title === 'Tắt quy tắc target-pillar cho dòng này')!;
    assert.equal(
      apply(text, editsOf(disable, uri)),
      text.replace('vanban-disable-next-line target-year', 'vanban-disable-next-line target-year, target-pillar'),
    );
    assert.deepEqual(await applyAction(uri, disable), []);
    await client.close(uri);
  });

  test('the fix a diagnostic carries is offered for its version only', async () => {
    const uri = 'untitled:nghi-quyet-fix.md';
    const text = fixture('lsp/nghi-quyet.md');
    await client.open(uri, text);
    await client.pullFull(uri);
    // A diagnostic as the editor holds it, with the fix the server put in `data`.
    const range = rangeOf(text, '15%');
    const held = (version: number): Diagnostic => ({
      range,
      code: 'table-mismatch',
      source: 'vanban',
      message: 'Thân văn bản ghi 15% nhưng phụ lục ghi 16%.',
      data: { version, fix: { range, newText: '16%', title: 'Sửa thành 16%' } },
    });
    const actions = await actionsFor(uri, [held(1)], ['quickfix']);
    const fix = actions.find((a) => a.title === 'Sửa thành 16%');
    assert.ok(fix);
    assert.equal(fix.isPreferred, true);
    assert.equal(apply(text, editsOf(fix, uri)), text.replace('trên 15% GRDP', 'trên 16% GRDP'));
    const stale = await actionsFor(uri, [held(0)], ['quickfix']);
    assert.equal(stale.find((a) => a.title === 'Sửa thành 16%'), undefined);
    await client.close(uri);
  });

  test('fix-all is offered as source.fixAll.vanban only when the analysis carries fixes', async () => {
    const uri = 'untitled:nghi-quyet-fixall.md';
    await client.open(uri, fixture('lsp/nghi-quyet.md'));
    const diagnostics = (await client.pullFull(uri)).items;
    const fixable = diagnostics.filter((d) => (d.data as { fix?: unknown }).fix !== undefined);
    const actions = await actionsFor(uri, [], ['source.fixAll']);
    assert.equal(actions.length, fixable.length > 0 ? 1 : 0);
    await client.close(uri);
  });
});

describe('hover, symbols, folding, completion, code lens', { skip }, () => {
  let client: LspClient;
  const uri = fixtureUri('nghi-quyet.md');
  const text = fixture('lsp/nghi-quyet.md');
  before(async () => {
    client = await LspClient.start({ locale: 'vi' });
    await client.open(uri, text);
  });
  after(async () => {
    await client?.stop();
  });

  async function hoverText(at: { line: number; character: number }): Promise<string | undefined> {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at });
    return hover ? (hover.contents as MarkupContent).value : undefined;
  }

  test('hover on a target shows what was understood and where year and pillar came from', async () => {
    const value = await hoverText(positionOf(text, FIVE_G, 3));
    assert.ok(value);
    assert.match(value, /\*\*Chỉ tiêu\*\* — Phổ cập dịch vụ mạng di động 5G/);
    assert.match(value, /- Giá trị: \*\(chưa có\)\*/);
    const yearLine = positionOf(text, '**2. Mục tiêu cụ thể').line + 1;
    const pillarLine = positionOf(text, '**b) Phát triển kinh tế số').line + 1;
    assert.match(value, new RegExp(`- Năm: 2025 — kế thừa từ mục «2\\. Mục tiêu cụ thể đến năm 2025» \\(dòng ${yearLine}\\)`));
    assert.match(value, new RegExp(`- Trụ cột: Kinh tế số — kế thừa từ mục «b\\) Phát triển kinh tế số» \\(dòng ${pillarLine}\\)`));
  });

  test('hover on a number shows its value, precision interval and comparator', async () => {
    const value = await hoverText(positionOf(text, '15% GRDP', 1));
    assert.ok(value);
    assert.match(value, /- Giá trị: `15%` \(15 %\)/);
    assert.match(value, /- Trụ cột: Kinh tế số — nêu trong chính chỉ tiêu/);
    assert.match(value, /\*\*Số liệu\*\* `15%`/);
    assert.match(value, /- Khoảng chính xác: \[14,5; 15,5\] %/);
    assert.match(value, /- So sánh: trên \(>\)/);
  });

  test('hover outside targets and numbers answers nothing', async () => {
    assert.equal(await hoverText(positionOf(text, 'QUAN ĐIỂM')), undefined);
  });

  test('document symbols follow the numbering, with the targets as children', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
    const top = symbols.map(tree);
    assert.deepEqual(top[0], 'I. QUAN ĐIỂM');
    assert.deepEqual(top[1], {
      'II. MỤC TIÊU': [
        '1. Mục tiêu tổng quát',
        {
          '2. Mục tiêu cụ thể đến năm 2025': [
            {
              'a) Phát triển chính quyền số': [
                '90% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng',
                'Tối thiểu 80% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phươn…',
              ],
            },
            { 'b) Phát triển kinh tế số': ['Kinh tế số chiếm trên 15% GRDP của tỉnh', FIVE_G] },
            { 'c) Phát triển xã hội số': ['Trên 70% dân số trưởng thành có điện thoại thông minh'] },
          ],
        },
      ],
    });
    const goals = symbols[1]!.children![1]!;
    assert.deepEqual(goals.selectionRange, rangeOf(text, '**2. Mục tiêu cụ thể đến năm 2025**'));
    const fiveG = goals.children![1]!.children![1]!;
    assert.deepEqual(fiveG.range, rangeOf(text, FIVE_G));
    assert.equal(fiveG.detail, '2025 · Kinh tế số');
  });

  test('each section folds from its heading to its last line', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const line = (needle: string) => positionOf(text, needle).line;
    const folds = (ranges ?? []).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(
      folds.filter(([s]) => s! >= line('**II. MỤC TIÊU**') && s! < line('**III.')),
      [
        [line('**II. MỤC TIÊU**'), line('- Trên 70% dân số')],
        [line('**1. Mục tiêu tổng quát'), line('Phát triển đồng bộ')],
        [line('**2. Mục tiêu cụ thể'), line('- Trên 70% dân số')],
        [line('**a) Phát triển chính quyền số'), line('- Tối thiểu 80%')],
        [line('**b) Phát triển kinh tế số'), line(`- ${FIVE_G}`)],
        [line('**c) Phát triển xã hội số'), line('- Trên 70% dân số')],
      ],
    );
  });

  test('completion offers pillars and standard section titles, also typed without accents', async () => {
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'Phát triển kinh tế số', 0),
    })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    for (const expected of ['Chính quyền số', 'Kinh tế số', 'Xã hội số', 'Quan điểm chỉ đạo', 'Tổ chức thực hiện', 'Định hướng đến năm 2030']) {
      assert.ok(labels.includes(expected), `missing ${expected}`);
    }
    const economy = items.find((i) => i.label === 'Kinh tế số')!;
    assert.ok(economy.filterText?.includes('kinh te so'));
  });

  test('the code lens over the goals section summarises its targets', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(
      (lenses ?? []).map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [[positionOf(text, '**2. Mục tiêu cụ thể').line, '5 chỉ tiêu · 2025 · 3 trụ cột · 1 thiếu giá trị', 'vanban.showTargets']],
    );
  });

  test('vanban/targets lists the targets with value, year and pillar', async () => {
    const result = await client.connection.sendRequest('vanban/targets', { uri });
    const { kind, targets } = result as { kind: string; targets: Record<string, unknown>[] };
    assert.equal(kind, 'resolution');
    assert.equal(targets.length, 5);
    const economy = targets[2] as {
      text: string;
      value: { text: string; value: number; kind: string };
      comparator: string;
      year: { value: number; source: string; section: { title: string } };
      pillar: { name: string; source: string };
    };
    assert.equal(economy.text, 'Kinh tế số chiếm trên 15% GRDP của tỉnh');
    assert.deepEqual([economy.value.text, economy.value.value, economy.value.kind], ['15%', 15, 'percent']);
    assert.equal(economy.comparator, 'gt');
    assert.deepEqual([economy.year.value, economy.year.source, economy.year.section.title], [2025, 'section', 'Mục tiêu cụ thể đến năm 2025']);
    assert.deepEqual([economy.pillar.name, economy.pillar.source], ['Kinh tế số', 'clause']);
    assert.equal((targets[3] as { value?: unknown }).value, undefined);
  });
});

describe('report documents and the workspace', { skip }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
  });
  after(async () => {
    await client?.stop();
  });

  test('after "Phụ lục" completion offers the appendices the report has', async () => {
    const uri = fixtureUri('bao-cao.md');
    const text = fixture('lsp/bao-cao.md');
    await client.open(uri, text);
    const at = positionOf(text, 'Phụ lục 02;', 'Phụ lục '.length);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['Phụ lục 01', 'Phụ lục 02']);
    const edit = items[1]!.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: positionOf(text, 'Phụ lục 02;'), end: at });
    await client.close(uri);
  });

  test('hover is in English for an English client', async () => {
    const uri = fixtureUri('nghi-quyet.md');
    const text = fixture('lsp/nghi-quyet.md');
    await client.open(uri, text);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, FIVE_G, 3) });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Target\*\* — Phổ cập/);
    assert.match(value, /- Value: \*\(missing\)\*/);
    assert.match(value, /- Pillar: Kinh tế số — inherited from section «b\) Phát triển kinh tế số»/);
    await client.close(uri);
  });

  test('vanban/checkWorkspace checks every policy document of the folder, open ones with their unsaved text', async () => {
    const uri = fixtureUri('thieu-nam.md');
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text.replace(`- ${PAPERLESS}`, `- Chính quyền số: ${PAPERLESS} đến năm 2025`));
    const result = (await client.connection.sendRequest('vanban/checkWorkspace', {
      folders: [pathToFileURL(join(fixturesDir, 'lsp')).href],
    })) as { files: { uri: string; kind: string; diagnostics: Diagnostic[] }[]; skipped: number };
    const byName = Object.fromEntries(result.files.map((f) => [f.uri.split('/').pop(), f.diagnostics.map((d) => d.code)]));
    assert.deepEqual(byName, {
      'bao-cao.md': ['footnote-reference'],
      'dinh-huong.md': ['target-regression'],
      'nghi-quyet.md': ['target-value'],
      'thieu-nam.md': [],
    });
    assert.equal(result.skipped, 1, 'ghi-chu.md is not a policy document');
    await client.close(uri);
  });
});
