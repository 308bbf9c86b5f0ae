// Each rule on written fixtures: what it reports, at exactly which range, and its silence on
// correct input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, pick, rules, ruleDocPath } from '../../server/src/core/index.js';
import { covered, doc, RESOLUTION_HEAD, run, spanOf } from './support.js';

const GOOD_RESOLUTION = doc(
  ...RESOLUTION_HEAD,
  'I- TÌNH HÌNH', 'Tỉnh đã đầu tư hạ tầng<sup>1</sup>.', '', '<sup>1</sup> Theo báo cáo năm 2021.', '',
  'II- QUAN ĐIỂM, MỤC TIÊU', '1. Quan điểm', '- Lấy người dân làm trung tâm.', '2. Mục tiêu', '2.1. Mục tiêu tổng quát', '- Thuộc nhóm 20 tỉnh dẫn đầu.',
  '2.2. Mục tiêu cụ thể đến năm 2025', 'a) Phát triển chính quyền số', '- 100% văn bản được trao đổi qua môi trường mạng.',
  'b) Phát triển kinh tế số', '- Trên 55% doanh nghiệp bán hàng trực tuyến.', 'c) Phát triển xã hội số', '- Trên 80% hộ gia đình có Internet cáp quang.',
  '2.3. Định hướng đến năm 2030', 'a) Phát triển xã hội số', '- 100% hộ gia đình có Internet cáp quang.',
  'III- NHIỆM VỤ VÀ GIẢI PHÁP', '1. Hạ tầng', 'Xây dựng trung tâm dữ liệu (chi tiết Phụ lục 01).', 'IV- TỔ CHỨC THỰC HIỆN', '1. Các sở triển khai.',
  '', '**Phụ lục 01**', '**DANH MỤC DỰ ÁN**',
);

test('every rule has an id, bilingual description and a documentation page', async () => {
  const { existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { repoRoot } = await import('../helpers.js');
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const r of rules) {
    assert.match(r.id, /^[a-z]+(-[a-z]+)+$/);
    assert.ok(r.description.vi.length > 0 && r.description.en.length > 0, r.id);
    assert.ok(existsSync(join(repoRoot, ruleDocPath(r.id))), `docs page for ${r.id}`);
  }
});

test('a correct resolution gets no findings at all', () => {
  assert.deepEqual(covered(run(GOOD_RESOLUTION)), []);
});

describe('target-year', () => {
  test('a target with no year, stated or inherited, at the target range', () => {
    const text = doc(...RESOLUTION_HEAD, '2. Mục tiêu', 'a) Phát triển xã hội số', '- 70% người dân dùng ví điện tử.');
    assert.deepEqual(covered(run(text, 'target-year')), ['target-year "70% người dân dùng ví điện tử"']);
    const f = run(text, 'target-year').findings[0]!;
    assert.match(pick(f.message, 'vi'), /chưa có năm/);
    assert.match(pick(f.message, 'en'), /has no year/);
  });
  test('silent when the clause or a heading states the year', () => {
    const text = doc(...RESOLUTION_HEAD, '2. Mục tiêu', 'a) Phát triển xã hội số', '- Đến năm 2025, 70% người dân dùng ví điện tử.');
    assert.deepEqual(covered(run(text, 'target-year')), []);
  });
});

describe('target-value', () => {
  test('a qualitative target; 4G/5G and "mức độ 4" are not values', () => {
    const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'c) Phát triển xã hội số', '- Phổ cập mạng di động 4G/5G;', '- Dịch vụ công trực tuyến mức độ 4.', '- 95% thôn có sóng 4G.');
    assert.deepEqual(covered(run(text, 'target-value')), [
      'target-value "Phổ cập mạng di động 4G/5G"',
      'target-value "Dịch vụ công trực tuyến mức độ 4"',
    ]);
  });
});

describe('target-percentage', () => {
  test('a count is information by default; configurable', () => {
    const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'b) Phát triển kinh tế số', '- Có trên 700 doanh nghiệp công nghệ số;', '- Kinh tế số chiếm 20% GRDP.');
    const a = run(text, 'target-percentage');
    assert.deepEqual(covered(a), ['target-percentage "Có trên 700 doanh nghiệp công nghệ số"']);
    assert.equal(a.findings[0]!.severity, 'information');
    const config = { rules: { 'target-percentage': 'warning' as const }, ruleOptions: {}, pillars: [], indicatorSynonyms: [], tolerance: 0 };
    assert.equal(analyze(text, { config, only: ['target-percentage'] }).findings[0]!.severity, 'warning');
    const off = { ...config, rules: { 'target-percentage': 'off' as const } };
    assert.equal(analyze(text, { config: off }).findings.filter((f) => f.ruleId === 'target-percentage').length, 0);
  });
});

describe('target-pillar', () => {
  test('no pillar in the clause subject nor in any heading', () => {
    const text = doc(...RESOLUTION_HEAD, '2. Mục tiêu đến năm 2025', '2.4. Chỉ tiêu khác', '- 70% người dân dùng ví điện tử;', '- Xã hội số: 50% hộ dân dùng thanh toán số.');
    assert.deepEqual(covered(run(text, 'target-pillar')), ['target-pillar "70% người dân dùng ví điện tử"']);
  });
});

describe('target-regression', () => {
  test('a 2030 target below its 2025 counterpart, related to the earlier one', () => {
    const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'c) Xã hội số', '- Trên 85% hộ gia đình có kết nối Internet băng rộng cố định.', '- 80% dân số có danh tính số.',
      '2.3. Định hướng đến năm 2030', 'c) Xã hội số', '- Trên 80% hộ gia đình có kết nối Internet băng rộng cố định.', '- 100% dân số có danh tính số.');
    const a = run(text, 'target-regression');
    assert.deepEqual(covered(a), ['target-regression "Trên 80% hộ gia đình có kết nối Internet băng rộng cố định"']);
    assert.deepEqual(a.findings[0]!.related?.[0]?.span, spanOf(text, 'Trên 85% hộ gia đình có kết nối Internet băng rộng cố định'));
  });
  test('lower-is-better targets regress upwards; equal and unrelated targets are silent', () => {
    const text = doc(...RESOLUTION_HEAD, '2.2. Mục tiêu cụ thể đến năm 2025', 'c) Xã hội số', '- Tỷ lệ hộ chưa có Internet dưới 10%.', '- 60% dân số mua sắm trực tuyến.',
      '2.3. Định hướng đến năm 2030', 'c) Xã hội số', '- Tỷ lệ hộ chưa có Internet dưới 15%.', '- 60,0% dân số mua sắm trực tuyến.', '- 10% trường học dùng học bạ số.');
    assert.deepEqual(covered(run(text, 'target-regression')), ['target-regression "Tỷ lệ hộ chưa có Internet dưới 15%"']);
  });
});

describe('section-numbering', () => {
  test('gap, duplicate, order, wrong prefix, first not 1 — at the numbering', () => {
    const text = doc(...RESOLUTION_HEAD, 'I- MỘT', '1. A', '3. C', '3. C lặp', '2. B', 'II- HAI', '2. Đầu', '2.1. Con', '2.3.1. Lạc', 'a) x', 'c) y', 'III- BA', 'V- NĂM');
    assert.deepEqual(covered(run(text, 'section-numbering')), [
      'section-numbering "3."',
      'section-numbering "3."',
      'section-numbering "2."',
      'section-numbering "2."',
      'section-numbering "2.3.1."',
      'section-numbering "c)"',
      'section-numbering "V"',
    ]);
    const msgs = run(text, 'section-numbering').findings.map((f) => pick(f.message, 'en'));
    assert.match(msgs[0]!, /section 2 is missing/);
    assert.match(msgs[1]!, /duplicates/);
    assert.match(msgs[2]!, /out of order/);
    assert.match(msgs[3]!, /first at its level/);
    assert.match(msgs[4]!, /inside section 2\.1 but its number does not start with 2\.1/);
    assert.match(msgs[5]!, /section b is missing/);
    assert.match(msgs[6]!, /section IV is missing/);
  });
  test('wrong prefix under a decimal parent; Vietnamese letter order accepted', () => {
    const text = doc(...RESOLUTION_HEAD, 'I- MỘT', '1. A', '1.1. Đúng', '2. B', '1.2. Sai', 'II- HAI', '1. X', 'a) a', 'b) b', 'c) c', 'd) d', 'đ) đ', 'e) e');
    assert.deepEqual(covered(run(text, 'section-numbering')), ['section-numbering "1.2."']);
  });
});

describe('missing-section', () => {
  test('each missing standard section once, at the title line', () => {
    const text = doc('**NGHỊ QUYẾT**', '', 'I- QUAN ĐIỂM', '- Một.', 'II- MỤC TIÊU', '- 100% xã có Internet đến năm 2025.');
    const a = run(text, 'missing-section');
    assert.deepEqual(covered(a), ['missing-section "NGHỊ QUYẾT"', 'missing-section "NGHỊ QUYẾT"']);
    assert.deepEqual(a.findings.map((f) => pick(f.message, 'vi').match(/"([^"]+)"/)![1]), ['Nhiệm vụ và giải pháp', 'Tổ chức thực hiện']);
  });
  test('reports are not resolutions', () => {
    assert.deepEqual(covered(run(doc('BÁO CÁO', '', 'I- KẾT QUẢ'), 'missing-section')), []);
  });
});

describe('footnote-reference', () => {
  test('undefined mark, unreferenced definition, missing appendix', () => {
    const text = doc('BÁO CÁO', '', 'I- KẾT QUẢ', 'Đạt kết quả<sup>(1)</sup> tốt<sup>(2)</sup> (chi tiết Phụ lục 03).', '', '<sup>(1)</sup>. Một.', '<sup>(4)</sup>. Bốn.', '', '**Phụ lục 01**', '**DANH MỤC**');
    assert.deepEqual(covered(run(text, 'footnote-reference')), [
      'footnote-reference "<sup>(2)</sup>"',
      'footnote-reference "Phụ lục 03"',
      'footnote-reference "<sup>(4)</sup>"',
    ]);
  });
});

test('a rule that throws does not stop the others', () => {
  const a = analyze(GOOD_RESOLUTION + '- x\n');
  assert.deepEqual(a.failures, []);
});
