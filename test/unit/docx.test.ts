// The .docx reader on OOXML written here part by part: Word's automatic numbering from
// numbering.xml (formats, templates, start values, restarts, instances sharing an abstract
// definition), merged table cells, bold rows, footnotes, and the refusals (old .doc, encrypted,
// corrupt, zip bomb, no text).

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { convertDocx } from '../../server/src/docx/convert.js';
import { docx, lvl, OUTLINE_NUMBERING, p, tc, W } from '../docx-build.js';

function markdown(bytes: Uint8Array): string {
  const result = convertDocx(bytes);
  assert.ok(result.ok, `conversion failed: ${JSON.stringify(!result.ok && result.problem)}`);
  return result.markdown;
}

test('docx: automatic numbering is written as Word displays it (I. 1. 1.1. a) -)', () => {
  const body = [
    p('KẾT QUẢ', { num: [1, 0] }),
    p('Chỉ tiêu', { num: [1, 1] }),
    p('Chính quyền số', { num: [1, 2] }),
    p('Dịch vụ công', { num: [1, 3] }),
    p('Hồ sơ', { num: [1, 3] }),
    p('gạch đầu dòng', { num: [1, 4] }),
    p('Kinh tế số', { num: [1, 2] }),
    p('Nhiệm vụ', { num: [1, 1] }),
    p('Chi tiết', { num: [1, 2] }),
    p('PHƯƠNG HƯỚNG', { num: [1, 0] }),
    p('Mục tiêu', { num: [1, 1] }),
  ].join('');
  const md = markdown(docx(body, { 'word/numbering.xml': OUTLINE_NUMBERING }));
  const lines = md.split('\n').filter((l) => l !== '');
  assert.deepEqual(lines, [
    'I. KẾT QUẢ',
    '1. Chỉ tiêu',
    '1.1. Chính quyền số',
    'a) Dịch vụ công',
    'b) Hồ sơ',
    '- gạch đầu dòng',
    '1.2. Kinh tế số',
    '2. Nhiệm vụ',
    '2.1. Chi tiết',
    'II. PHƯƠNG HƯỚNG',
    '1. Mục tiêu',
  ]);
});

test('docx: instances of one definition continue its numbering unless they override the start', () => {
  const body = [p('năm', { num: [2, 0] }), p('sáu', { num: [2, 0] }), p('lại từ đầu', { num: [3, 0] }), p('tiếp', { num: [3, 0] })].join('');
  const lines = markdown(docx(body, { 'word/numbering.xml': OUTLINE_NUMBERING })).split('\n').filter((l) => l !== '');
  assert.deepEqual(lines, ['5. năm', '6. sáu', '1. lại từ đầu', '2. tiếp']);
});

test('docx: the dash style of Vietnamese outlines (I-) and a number followed by nothing (w:suff)', () => {
  const numbering = `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1-')}<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%2.%1 "/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const body = [p('KẾT QUẢ', { num: [1, 0] }), p('Chỉ tiêu', { num: [1, 1] }), p('PHƯƠNG HƯỚNG', { num: [1, 0] })].join('');
  const lines = markdown(docx(body, { 'word/numbering.xml': numbering })).split('\n').filter((l) => l !== '');
  assert.deepEqual(lines, ['I- KẾT QUẢ', '1.I Chỉ tiêu', 'II- PHƯƠNG HƯỚNG']);
});

test('docx: numbering given by a heading style, headings as Markdown headings', () => {
  const styles = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style></w:styles>`;
  const body = [p('BÁO CÁO', { style: 'T' }), p('CÔNG TÁC', { style: 'H1' }), p('Quán triệt', { style: 'H2' }), p('KẾT QUẢ', { style: 'H1' })].join('');
  const lines = markdown(docx(body, { 'word/numbering.xml': OUTLINE_NUMBERING, 'word/styles.xml': styles })).split('\n').filter((l) => l !== '');
  assert.deepEqual(lines, ['# BÁO CÁO', '# I. CÔNG TÁC', '## 1. Quán triệt', '# II. KẾT QUẢ']);
});

test('docx: merged cells become the spanning header the table model reads; bold rows stay bold', () => {
  const row = (cells: string) => `<w:tr>${cells}</w:tr>`;
  const table =
    '<w:tbl>' +
    row(tc('STT', '<w:vMerge w:val="restart"/>') + tc('Tên chỉ tiêu', '<w:vMerge w:val="restart"/>') + tc('Kết quả thực hiện', '<w:gridSpan w:val="2"/>')) +
    row(tc('', '<w:vMerge/>') + tc('', '<w:vMerge/>') + tc('Năm 2022') + tc('Năm 2023')) +
    row(tc('Chính quyền số', '<w:gridSpan w:val="4"/>', true)) +
    row(tc('1') + tc('Dịch vụ công | toàn trình') + tc('90%') + tc('100%')) +
    row(tc('') + tc('Tổng cộng', '', true) + tc('155', '', true) + tc('172', '', true)) +
    '</w:tbl>';
  const md = markdown(docx(p('Kết quả như sau:') + table));
  assert.equal(
    md,
    [
      'Kết quả như sau:',
      '',
      '| STT | Tên chỉ tiêu | Kết quả thực hiện | |',
      '|---|---|---|---|',
      '| | | Năm 2022 | Năm 2023 |',
      '| **Chính quyền số** | | | |',
      '| 1 | Dịch vụ công \\| toàn trình | 90% | 100% |',
      '| | **Tổng cộng** | **155** | **172** |',
      '',
    ].join('\n'),
  );
});

test('docx: footnotes are numbered in reading order and written after the paragraph with their mark', () => {
  const footnotes = `<?xml version="1.0"?><w:footnotes ${W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Kế hoạch số 88/KH-UBND.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Quyết định số 12/QĐ-UBND.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
  const body = p('Ban hành Kế hoạch', { footnote: 7 }) + p('Đoạn sau.') + p('Ban hành Quyết định', { footnote: 3 });
  const result = convertDocx(docx(body, { 'word/footnotes.xml': footnotes }));
  assert.ok(result.ok);
  assert.equal(
    result.markdown,
    [
      'Ban hành Kế hoạch<sup>1</sup>.',
      '',
      '<sup>1</sup> Kế hoạch số 88/KH-UBND.',
      '',
      'Đoạn sau.',
      '',
      'Ban hành Quyết định<sup>2</sup>.',
      '',
      '<sup>2</sup> Quyết định số 12/QĐ-UBND.',
      '',
    ].join('\n'),
  );
  assert.deepEqual(result.origins, [
    { kind: 'paragraph', paragraph: 1 },
    undefined,
    { kind: 'footnote', footnote: 1 },
    undefined,
    { kind: 'paragraph', paragraph: 2 },
    undefined,
    { kind: 'paragraph', paragraph: 3 },
    undefined,
    { kind: 'footnote', footnote: 2 },
  ]);
});

test('docx: old .doc, encrypted, corrupt, truncated, bomb and empty documents are refused with a reason', () => {
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const problem = (bytes: Uint8Array, options = {}) => {
    const r = convertDocx(bytes, options);
    return r.ok ? 'ok' : r.problem.kind;
  };
  assert.equal(problem(ole), 'legacy-doc');
  const encrypted = new Uint8Array(ole);
  const name = 'EncryptedPackage';
  for (let i = 0; i < name.length; i++) encrypted[600 + 2 * i] = name.charCodeAt(i);
  assert.equal(problem(encrypted), 'encrypted');
  const good = docx(p('Nội dung'));
  assert.equal(problem(good), 'ok');
  assert.equal(problem(good.subarray(0, good.length - 30)), 'corrupt');
  // The compressed data of word/document.xml overwritten (its local header names it first).
  const garbage = new Uint8Array(good);
  const at = Buffer.from(garbage).indexOf('word/document.xml') + 'word/document.xml'.length;
  garbage.fill(0xff, at, at + 12);
  assert.equal(problem(garbage), 'corrupt');
  assert.equal(problem(zipSync({ 'hello.txt': strToU8('hi') })), 'not-docx');
  assert.equal(problem(docx('<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>')), 'empty');
  // Entity expansion ("billion laughs") is refused: OOXML has no DTD.
  const laughs = zipSync({
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "hahahahahahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document ${W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  assert.equal(problem(laughs), 'corrupt');
  // 8 MB of one letter compresses to a few kilobytes: refused by its declared size, not inflated.
  const bomb = docx(p('A'.repeat(8 * 1024 * 1024)));
  assert.ok(bomb.length < 100_000);
  assert.equal(problem(bomb, { maxUncompressed: 1024 * 1024 }), 'too-large');
});
