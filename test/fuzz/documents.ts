// Random documents in the seeds' style, built from fragments that exercise every path of the
// parser and the model: numbered lines and headings, tab-separated and pipe tables (well-formed,
// ragged, with empty cells), numbers in every format, HTML and emphasis (closed and not), NFD
// text, CRLF, astral characters, long lines, deep nesting, footnotes. Shared by the property tests
// and the long fuzz run (scripts/fuzz-long.mjs).

import fc from 'fast-check';

const words = fc.constantFrom(
  'Chuyển đổi số', 'chính quyền số', 'kinh tế số', 'xã hội số', 'tỷ lệ', 'hồ sơ', 'dịch vụ công', 'trực tuyến',
  'toàn trình', 'doanh nghiệp', 'GRDP', 'đạt', 'phấn đấu', 'đến năm 2025', 'năm 2030', 'tối thiểu', 'trên', 'khoảng',
  'Tăng', 'giảm', 'so với cùng kỳ', 'chỉ tiêu', 'Nghị quyết số 22-NQ/TU', 'ngày 18/7/2023', 'Phụ lục 02', 'Tổng cộng',
  'người dân', 'cán bộ', 'hộ gia đình', 'khoẻ', 'khỏe', 'Đạt', 'Chưa đạt', 'Vượt', 'trong đó', 'gồm',
  // The claim reader's cue words (claims/reader.ts) and the structure of other provinces' plans.
  'tăng từ', 'giảm từ', 'lên', 'xuống còn', 'gấp', 'lần', 'điểm phần trăm', 'bằng', 'chiếm', 'vượt', 'trong đó có', 'gồm:',
  'bao gồm', 'chỉ tiêu còn lại', 'không đạt', 'đạt và vượt', 'kế hoạch năm (', ')', '(', 'Phần I', 'Phần II', 'Hạ tầng số',
  'chính quyền điện tử', 'kỹ năng số', 'nhóm 20 tỉnh dẫn đầu', 'Ước năm 2024', 'được hiểu là', 'Là',
);

const numbers = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  fc.integer({ min: 0, max: 10_000 }).map((n) => `${n},${n % 10}%`),
  fc.integer({ min: 1000, max: 99_999_999 }).map((n) => n.toLocaleString('de-DE')),
  fc.integer({ min: 0, max: 999 }).map((n) => `${n}.${n % 100} tỷ đồng`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n} nghìn`),
  fc.constantFrom('100%', '≥ 80%', '> 50 %', '7,0%/năm', '1/3', '2/3 số xã', '30 - 40%', '18/7/2023', '2021 - 2025', '2,5 lần', 'năm mươi', 'một trăm', '1.234.567', '0,5‰', '-', '−3,2%', '1e9', '٣'),
);

const sentence = fc.array(fc.oneof({ weight: 3, arbitrary: words }, { weight: 2, arbitrary: numbers }), { minLength: 1, maxLength: 12 }).map((p) => p.join(' '));

const numbering = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map((n) => `${n}. `),
  fc.integer({ min: 1, max: 9 }).chain((a) => fc.integer({ min: 1, max: 9 }).map((b) => `${a}.${b}. `)),
  fc.constantFrom('I. ', 'II. ', 'III. ', 'IV. ', 'a) ', 'b) ', '- ', '+ ', '* ', '• ', 'Điều 1. ', 'Phần thứ nhất ', 'Mục 2. ', '(1) '),
);

const inlineMarkup = fc.oneof(
  sentence.map((s) => `**${s}**`),
  sentence.map((s) => `*${s}*`),
  sentence.map((s) => `_${s}_`),
  sentence.map((s) => `<b>${s}</b>`),
  sentence.map((s) => `<sup>(${s.length % 9})</sup>`),
  fc.constantFrom('**unterminated', '<b>open', '</i>', '<!-- vanban-disable-next-line target-year -->', '<!-- open comment', '[^1]', '[^2]:', '[link](http://x', '[a](b)', '&nbsp;', '&#7889;', '&bogus;', '\\|', '`code | span`', '<br>', '<sup></sup>',
    // Unclosed and unmatched constructs (issue 16: each was super-linear when repeated).
    '<!-- vanban-', '<!-- vanban-disable', '<!--', '[', '](', '[a](', '[a](u "', '<sup>   ', '-->'),
);

const nfd = (s: string): string => s.normalize('NFD');

const line = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(numbering, sentence).map(([n, s]) => n + s) },
  { weight: 3, arbitrary: sentence },
  { weight: 2, arbitrary: fc.tuple(sentence, inlineMarkup, sentence).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([n, s]) => `${'#'.repeat(n)} ${s}`) },
  { weight: 1, arbitrary: sentence.map(nfd) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '---', '***', '===', '```', '~~~', '> ', '>', '    indented code', '\t', '<div>', '</div>', '<table><tr><td>1</td></tr></table>') },
  { weight: 1, arbitrary: fc.constantFrom('𝐓𝐞𝐱𝐭 💻 số', '😀😀 75%', '\u200b\ufeff', '\u0301 lone mark', '\ud800 lone surrogate', 'Ａ１２３％') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), numbering, sentence).map(([d, n, s]) => '  '.repeat(d) + n + s) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), sentence).map(([d, s]) => '> '.repeat(d) + s) },
);

function cells(n: number): fc.Arbitrary<string[]> {
  return fc.array(fc.oneof(words, numbers, fc.constant(''), fc.constant('Đạt'), inlineMarkup), { minLength: n, maxLength: n });
}

const tsvTable = fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([cols, rows]) =>
  fc.array(cells(cols), { minLength: rows + 1, maxLength: rows + 1 }).map((r) => r.map((c) => c.join('\t')).join('\n')),
);

const pipeTable = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '  ', '   ', '    ', '> ', '- ', '  - '))
  .chain(([cols, rows, outerPipes, ragged, indent]) =>
    fc.tuple(cells(cols), fc.array(cells(ragged ? cols + 1 : cols), { minLength: rows, maxLength: rows }), fc.constantFrom('---', ':--', '--:', ':-:', '-', ' --- ')).map(
      ([head, body, delim]) => {
        const row = (c: string[]) => (outerPipes ? `| ${c.join(' | ')} |` : c.join(' | '));
        const delimiter = outerPipes ? `|${Array(cols).fill(delim).join('|')}|` : Array(cols).fill(delim).join('|');
        return [row(head), delimiter, ...body.map((b) => row(ragged ? b.slice(0, 1 + (b.length % (cols + 1))) : b))].map((l) => indent + l).join('\n');
      },
    ),
  );

const block = fc.oneof(
  { weight: 6, arbitrary: fc.array(line, { minLength: 1, maxLength: 6 }).map((l) => l.join('\n')) },
  { weight: 2, arbitrary: tsvTable },
  { weight: 2, arbitrary: pipeTable },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 200, max: 4000 }), sentence).map(([n, s]) => (s + ' ').repeat(Math.ceil(n / (s.length + 1)))) },
  { weight: 1, arbitrary: fc.constantFrom('QUỐC HỘI\nNGHỊ QUYẾT\nVề chuyển đổi số', 'BÁO CÁO\nKết quả thực hiện Nghị quyết số 22-NQ/TU', 'PHỤ LỤC 01\nĐơn vị tính: %', '```\n| a | b |\n|---|---|\n```', '<!--\n\n| a | b |\n|---|---|\n| 1 | 2 -->\n') },
);

/** A document: blocks separated by one or two line breaks, LF or CRLF (or a mix), BOM or not. */
export const documentArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n', 'mixed'), fc.boolean(), fc.boolean())
  .map(([blocks, eol, bom, separatedByBlank]) => {
    let text = blocks.join(separatedByBlank ? '\n\n' : '\n');
    if (eol === '\r\n') text = text.replace(/\n/g, '\r\n');
    else if (eol === 'mixed') text = text.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'));
    return (bom ? '\ufeff' : '') + text;
  });
