// The outline is read from numbering in every style the seeds use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index.js';
import { doc, spanOf } from './support.js';

function outline(text: string): string[] {
  const { document } = analyze(text);
  return document.sections.map((s) => `${'  '.repeat(s.level)}${s.numbering.scheme}:${s.numbering.label} ${s.title}`);
}

test('plain numbered lines, Roman with hyphen, decimals by depth', () => {
  const text = doc('NGHỊ QUYẾT', '', 'I- TÌNH HÌNH', '', 'Nội dung.', '', 'II- QUAN ĐIỂM, MỤC TIÊU', '', '1. Quan điểm', '', '2. Mục tiêu', '', '2.1. Mục tiêu tổng quát', '', '2.2.1. Chính quyền số');
  assert.deepEqual(outline(text), [
    '  roman:I TÌNH HÌNH',
    '  roman:II QUAN ĐIỂM, MỤC TIÊU',
    '    decimal:1 Quan điểm',
    '    decimal:2 Mục tiêu',
    '      decimal:2.1 Mục tiêu tổng quát',
    '        decimal:2.2.1 Chính quyền số',
  ]);
});

test('numbered lines inside one paragraph with no blank lines between them (seed 001 style)', () => {
  const text = doc('NGHỊ QUYẾT', '-----', 'II- QUAN ĐIỂM VÀ MỤC TIÊU', '1. Quan điểm chỉ đạo', '- Một ý.', '2. Mục tiêu thực hiện', '2.1. Mục tiêu tổng quát', 'Đổi mới căn bản.', '2.2. Mục tiêu cơ bản');
  assert.deepEqual(outline(text), [
    '  roman:II QUAN ĐIỂM VÀ MỤC TIÊU',
    '    decimal:1 Quan điểm chỉ đạo',
    '    decimal:2 Mục tiêu thực hiện',
    '      decimal:2.1 Mục tiêu tổng quát',
    '      decimal:2.2 Mục tiêu cơ bản',
  ]);
});

test('whatever the # level and emphasis (seed 003/004 style), lettered sections under decimals', () => {
  const text = doc(
    '## BÁO CÁO', '', '### **Kết quả thực hiện**', '', '**I. TÌNH HÌNH**', '', '## II. QUAN ĐIỂM', '', '### **III. MỤC TIÊU**',
    '', '#### **2. Mục tiêu cơ bản đến năm 2025**', '', '##### **a) Phát triển chính quyền số**', '', '**b) Phát triển kinh tế số**',
    '', '### ***c) Phát triển xã hội số***', '', '## **IV. NHIỆM VỤ VÀ GIẢI PHÁP**', '', '**2.1.** Tiếp tục đổi mới.',
  );
  assert.deepEqual(outline(text), [
    '  roman:I TÌNH HÌNH',
    '  roman:II QUAN ĐIỂM',
    '  roman:III MỤC TIÊU',
    '    decimal:2 Mục tiêu cơ bản đến năm 2025',
    '      letter:a Phát triển chính quyền số',
    '      letter:b Phát triển kinh tế số',
    '      letter:c Phát triển xã hội số',
    '  roman:IV NHIỆM VỤ VÀ GIẢI PHÁP',
    '      decimal:2.1 Tiếp tục đổi mới',
  ]);
});

test('a heading carrying content after its colon: title, tail, pillar and exact ranges', () => {
  const text = doc('NGHỊ QUYẾT', '', '2.2.1. Mục tiêu đến năm 2025', '2.2.1.2. Kinh tế số: Tỷ lệ doanh nghiệp sử dụng nền tảng số đạt trên 50%.');
  const { document } = analyze(text);
  const s = document.sections[1]!;
  assert.equal(s.title, 'Kinh tế số');
  assert.deepEqual(s.titleSpan, spanOf(text, 'Kinh tế số'));
  assert.deepEqual(s.tail, spanOf(text, 'Tỷ lệ doanh nghiệp sử dụng nền tảng số đạt trên 50%.'));
  assert.deepEqual(s.numbering.span, spanOf(text, '2.2.1.2.'));
  assert.equal(s.pillar?.id, 'kinh-te-so');
  assert.equal(document.sections[0]!.year?.year, 2025);
});

test('section roles by normalised keywords, not exact titles', () => {
  const text = doc(
    'NGHỊ QUYẾT', '', 'I- TÌNH HÌNH VÀ NGUYÊN NHÂN', 'II- QUAN ĐIỂM, MỤC TIÊU', '1. Quan điểm chỉ đạo', '2. Mục tiêu thực hiện',
    '2.1. Mục tiêu tổng quát', '2.2. Mục tiêu cụ thể đến năm 2025', '2.3. Định hướng đến năm 2030', 'III- NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU',
    'IV- TỔ CHỨC THỰC HIỆN', 'Nơi nhận:',
  );
  const { document } = analyze(text);
  assert.deepEqual(document.sections.map((s) => s.roles.join('+')), [
    'situation', 'viewpoint+goals', 'viewpoint', 'goals', 'goals-general', 'goals-specific', 'orientation', 'tasks', 'implementation', 'recipients',
  ]);
});

test('appendices restart the outline; their title may sit on the next line', () => {
  const text = doc('## BÁO CÁO', '', '## I- KẾT QUẢ', '', '**Phụ lục 02**', '**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU**', '', '**I. KẾT QUẢ THỰC HIỆN**');
  const { document } = analyze(text);
  assert.deepEqual(document.outline.map((s) => `${s.numbering.scheme}:${s.numbering.label}`), ['roman:I', 'appendix:02']);
  const appendix = document.outline[1]!;
  assert.equal(appendix.title, 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU');
  assert.deepEqual(appendix.children.map((s) => s.numbering.label), ['I']);
  assert.deepEqual(document.appendices.map((a) => a.number), [2]);
});

test('tab-separated table rows and code blocks are never sections', () => {
  const text = doc('BÁO CÁO', '', 'I. KẾT QUẢ', '', 'STT\tTên chỉ tiêu\tNăm 2023', '1.\tThủ tục\t100%', '<b>II</b>\t\t<b>KINH TẾ SỐ</b>', '', '```', '2. Không phải mục', '```');
  assert.deepEqual(outline(text), ['  roman:I KẾT QUẢ']);
});

test('a section spans to the next section at its level or above', () => {
  const text = doc('NGHỊ QUYẾT', '', 'I- MỘT', '1. Con', 'Nội dung con.', '', 'II- HAI', 'Nội dung.');
  const { document } = analyze(text);
  const [one, child, two] = document.sections;
  assert.deepEqual(one!.span, { start: spanOf(text, 'I- MỘT').start, end: spanOf(text, 'Nội dung con.').end });
  assert.deepEqual(child!.span, { start: spanOf(text, '1. Con').start, end: spanOf(text, 'Nội dung con.').end });
  assert.equal(two!.span.end, spanOf(text, 'Nội dung.').end);
});

test('kind, number, date and title from the header; references to the resolution reported on', () => {
  const text = doc('TỈNH ỦY KIÊN GIANG', '', 'Kiên Giang, ngày 08 tháng 6 năm 2022', '', 'Số 22-NQ/TU', '', 'NGHỊ QUYẾT', '', 'về chuyển đổi số', 'đến năm 2025', '-----', 'I- TÌNH HÌNH');
  const { document } = analyze(text);
  assert.equal(document.kind, 'resolution');
  assert.deepEqual(document.kindSpan, spanOf(text, 'NGHỊ QUYẾT'));
  assert.equal(document.number?.text, '22-NQ/TU');
  assert.equal(document.date?.text, '08/06/2022');
  assert.equal(document.title?.text, 'về chuyển đổi số đến năm 2025');
  const report = analyze(doc('## BÁO CÁO', '', '### **Kết quả thực hiện Nghị quyết số 04- NQ/TU ngày 31/12/2021 của Tỉnh ủy**', '', 'I- KẾT QUẢ')).document;
  assert.equal(report.kind, 'report');
  assert.deepEqual(report.references.map((r) => `${r.kind} ${r.number} ${r.date}`), ['resolution 04-NQ/TU 31/12/2021']);
  for (const [title, kind] of [['KẾ HOẠCH', 'plan'], ['**QUYẾT ĐỊNH**', 'decision'], ['Thực hiện Nghị quyết số 04-NQ/TU, tỉnh đã…', 'unknown']] as const) {
    assert.equal(analyze(doc(title, '', 'I- NỘI DUNG')).document.kind, kind, title);
  }
});

test('footnote marks, definitions and appendix references', () => {
  const text = doc('BÁO CÁO', '', 'Kết quả tốt<sup>(1)</sup> và khá<sup>2</sup>[^3].', '', '<sup>(1)</sup>. Ghi chú một.', '', '[^3]: Ghi chú ba.', '', '(Chi tiết Phụ lục 02 kèm theo)');
  const { document } = analyze(text);
  assert.deepEqual(document.footnoteRefs.map((r) => [r.label, text.slice(r.span.start, r.span.end)]), [
    ['1', '<sup>(1)</sup>'], ['2', '<sup>2</sup>'], ['3', '[^3]'],
  ]);
  assert.deepEqual(document.footnoteDefs.map((d) => [d.label, text.slice(d.contentSpan.start, d.contentSpan.end)]), [
    ['1', 'Ghi chú một.'], ['3', 'Ghi chú ba.'],
  ]);
  assert.deepEqual(document.appendixRefs.map((r) => [r.number, text.slice(r.span.start, r.span.end)]), [[2, 'Phụ lục 02']]);
});
