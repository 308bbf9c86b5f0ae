// Target splitting and inheritance of year and pillar, on small written fixtures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type Target } from '../../server/src/core/index.js';
import { doc, RESOLUTION_HEAD, spanOf } from './support.js';

function brief(text: string, t: Target): string {
  const v = t.value ? `${t.value.comparator} ${t.value.number.value}${t.value.kind === 'percent' ? '%' : ` ${t.value.kind}`}` : 'none';
  const y = t.year ? `${t.year.value}${t.year.source === 'section' ? '^' : ''}` : '-';
  const p = t.pillar ? `${t.pillar.value.name}${t.pillar.source === 'section' ? '^' : ''}` : '-';
  return `${text.slice(t.span.start, t.span.end)} | ${v} | ${y} | ${p}`;
}

function targets(text: string): string[] {
  return analyze(text).document.targets.map((t) => brief(text, t));
}

test('bullets under a specific-goals heading inherit year and pillar; general goals hold none', () => {
  const text = doc(...RESOLUTION_HEAD, '2. Mục tiêu', '2.1. Mục tiêu tổng quát', '- Phấn đấu 100% xã có điểm phục vụ.', '2.2. Mục tiêu cụ thể đến năm 2025', '2.2.1. Chính quyền số', '- 100% văn bản được trao đổi qua môi trường mạng.', '2.2.2. Kinh tế số', '- Trên 55% doanh nghiệp vừa và nhỏ bán hàng trực tuyến.');
  assert.deepEqual(targets(text), [
    '100% văn bản được trao đổi qua môi trường mạng | eq 100% | 2025^ | Chính quyền số^',
    'Trên 55% doanh nghiệp vừa và nhỏ bán hàng trực tuyến | gt 55% | 2025^ | Kinh tế số^',
  ]);
});

test('a bullet with several targets is split on ";" and at sentence ends; the clause year wins', () => {
  const text = doc(...RESOLUTION_HEAD, 'III. MỤC TIÊU', '2. Mục tiêu cơ bản đến năm 2025', 'a) Phát triển chính quyền số',
    '- 80% dịch vụ công trực tuyến mức độ 4; phấn đấu đến hết năm 2021, 100% thủ tục hành chính được cung cấp trực tuyến. Mức độ hài lòng đạt tối thiểu 95% vào năm 2025;');
  assert.deepEqual(targets(text), [
    '80% dịch vụ công trực tuyến mức độ 4 | eq 80% | 2025^ | Chính quyền số^',
    'phấn đấu đến hết năm 2021, 100% thủ tục hành chính được cung cấp trực tuyến | eq 100% | 2021 | Chính quyền số^',
    'Mức độ hài lòng đạt tối thiểu 95% vào năm 2025 | gte 95% | 2025 | Chính quyền số^',
  ]);
});

test('a bullet with no quantity at all is one qualitative target, not split', () => {
  const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'c) Phát triển xã hội số', '- Số hoá dữ liệu dân cư; từng bước mở dữ liệu cho doanh nghiệp.', '- Phổ cập dịch vụ mạng di động 4G/5G.');
  assert.deepEqual(targets(text), [
    'Số hoá dữ liệu dân cư; từng bước mở dữ liệu cho doanh nghiệp | none | 2025^ | Xã hội số^',
    'Phổ cập dịch vụ mạng di động 4G/5G | none | 2025^ | Xã hội số^',
  ]);
});

test('the pillar named in the clause subject wins; a label before a colon covers every clause', () => {
  const text = doc(...RESOLUTION_HEAD, '1. Mục tiêu giai đoạn 2024 - 2025 (đến năm 2025)',
    '- Kinh tế số chiếm 20% GRDP;', '- **Về xã hội số: 100%** thuê bao dùng điện thoại thông minh; **70%** dân số có kỹ năng số cơ bản.',
    '- 90% hồ sơ được xử lý trực tuyến, phục vụ phát triển kinh tế số.');
  assert.deepEqual(targets(text), [
    'Kinh tế số chiếm 20% GRDP | eq 20% | 2025^ | Kinh tế số',
    '100%** thuê bao dùng điện thoại thông minh | eq 100% | 2025^ | Xã hội số',
    '70%** dân số có kỹ năng số cơ bản | eq 70% | 2025^ | Xã hội số',
    '90% hồ sơ được xử lý trực tuyến, phục vụ phát triển kinh tế số | eq 90% | 2025^ | -',
  ]);
});

test('heading tails and comparators: trên, từ … trở lên, tối thiểu, dưới, duy trì, counts', () => {
  const text = doc(...RESOLUTION_HEAD, '2.2.1. Mục tiêu đến năm 2030', '2.2.1.2. Kinh tế số: Tỷ lệ doanh nghiệp dùng nền tảng số đạt trên 70%.',
    '2.2.1.3. Phát triển xã hội số', '- 60% dân số trở lên mua sắm trực tuyến.', '- Tỷ lệ hộ nghèo dưới 2%.', '- Duy trì 100% xã có điểm Internet công cộng.', '- Có ít nhất 1 đô thị thông minh.');
  assert.deepEqual(targets(text), [
    'Tỷ lệ doanh nghiệp dùng nền tảng số đạt trên 70% | gt 70% | 2030^ | Kinh tế số^',
    '60% dân số trở lên mua sắm trực tuyến | gte 60% | 2030^ | Xã hội số^',
    'Tỷ lệ hộ nghèo dưới 2% | lt 2% | 2030^ | Xã hội số^',
    'Duy trì 100% xã có điểm Internet công cộng | maintain 100% | 2030^ | Xã hội số^',
    'Có ít nhất 1 đô thị thông minh | gte 1 count | 2030^ | Xã hội số^',
  ]);
});

test('inherited year and pillar point at the heading that states them', () => {
  const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'a) Phát triển chính quyền số', '- 100% văn bản điện tử.');
  const t = analyze(text).document.targets[0]!;
  assert.deepEqual(t.year?.span, spanOf(text, 'đến năm 2025'));
  assert.equal(t.year?.section?.title, 'Mục tiêu cụ thể đến năm 2025');
  assert.deepEqual(t.pillar?.span, spanOf(text, 'chính quyền số'));
  assert.equal(t.pillar?.section?.numbering.label, 'a');
});

test('pillar matching ignores case, tone placement and Unicode form; configured aliases count', () => {
  const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', '2.2.1. CHÍNH QUYỀN SỐ', '- 100% văn bản điện tử.', '2.2.2. Hạ tầng số', '- 95% thôn có cáp quang.', '2.2.3. Hạ tầng viễn thông', '- 90% trạm BTS có 5G.');
  const nfd = text.normalize('NFD');
  // Hạ tầng số is a group of the default vocabulary (not a pillar, but not "no pillar"); its cue
  // phrase `hạ tầng viễn thông` puts a heading under it too.
  assert.deepEqual(analyze(nfd).document.targets.map((t) => t.pillar?.value.id ?? '-'), ['chinh-quyen-so', 'ha-tang-so', 'ha-tang-so']);
  const config = {
    rules: {}, ruleOptions: {}, indicatorSynonyms: [], tolerance: 0,
    pillars: [{ id: 'an-toan', name: 'An toàn thông tin', aliases: ['hạ tầng viễn thông'] }],
  };
  // A configuration that replaces the vocabulary: only its names and aliases count.
  assert.deepEqual(analyze(text, { config }).document.targets.map((t) => t.pillar?.value.id ?? '-'), ['-', '-', 'an-toan']);
});

test('targets in results sections, task sections and tables are not targets', () => {
  const text = doc('BÁO CÁO', '', 'II- KẾT QUẢ THỰC HIỆN', '- 100% văn bản được trao đổi trên môi trường mạng.', 'III- NHIỆM VỤ VÀ GIẢI PHÁP', '- Phấn đấu 90% hồ sơ trực tuyến.');
  assert.deepEqual(targets(text), []);
});

test('CRLF and NFD give the same targets at the corresponding ranges', () => {
  const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'b) Phát triển kinh tế số', '- Trên 55% doanh nghiệp bán hàng trực tuyến; 30% hợp tác xã dùng hoá đơn điện tử.');
  const crlf = text.replace(/\n/g, '\r\n');
  const a = analyze(text).document;
  const b = analyze(crlf).document;
  assert.deepEqual(
    b.targets.map((t) => [b.lines.position(t.span.start), crlf.slice(t.span.start, t.span.end)]),
    a.targets.map((t) => [a.lines.position(t.span.start), text.slice(t.span.start, t.span.end)]),
  );
  const nfd = text.normalize('NFD');
  const c = analyze(nfd).document;
  assert.deepEqual(c.targets.map((t) => nfd.slice(t.span.start, t.span.end).normalize('NFC')), a.targets.map((t) => text.slice(t.span.start, t.span.end)));
});
