// Reading documents as provinces write them (issue 12): one fixture per behaviour, written in the
// style of real annual plans, resolutions pasted from websites and decisions with target tables,
// each pinning exact ranges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, type Analysis, type Target } from '../../server/src/core/index.js';
import { doc, spanOf } from './support.js';

function brief(text: string, t: Target): string {
  const v = t.value ? `${t.value.comparator} ${t.value.number.value}${t.value.kind === 'percent' ? '%' : ` ${t.value.unit ?? t.value.kind}`}` : 'none';
  const y = t.year ? `${t.year.value}${t.year.source === 'clause' ? '' : `^${t.year.source === 'section' ? '' : t.year.source}`}` : '-';
  const p = t.pillar ? `${t.pillar.value.name}${t.pillar.source === 'clause' ? '' : '^'}` : '-';
  return `${text.slice(t.span.start, t.span.end)} | ${v} | ${y} | ${p}`;
}

const targets = (text: string): string[] => analyze(text).document.targets.map((t) => brief(text, t));
const rulesAt = (a: Analysis, ...rules: string[]): string[] =>
  a.findings.filter((f) => rules.length === 0 || rules.includes(f.ruleId)).map((f) => `${f.ruleId} "${a.document.text.slice(f.span.start, f.span.end)}"`);

const ANNUAL_PLAN = doc(
  'ỦY BAN NHÂN DÂN',
  'TỈNH THỬ NGHIỆM',
  '',
  'Số: 77/KH-UBND',
  '',
  'KẾ HOẠCH',
  '',
  'CHUYỂN ĐỔI SỐ TỈNH THỬ NGHIỆM NĂM 2026',
  '',
  'Phần I',
  '',
  'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025',
  '',
  'I. KẾT QUẢ THỰC HIỆN MỤC TIÊU NĂM 2025',
  '',
  '1. Về chính quyền số: 97,2% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng; tỷ lệ hồ sơ trực tuyến toàn trình đạt 46,5%.',
  '',
  '2. Về kinh tế số: tỷ trọng kinh tế số ước đạt 8,8% GRDP.',
  '',
  'II. TỒN TẠI, HẠN CHẾ',
  '',
  '- Nhân lực chuyển đổi số cấp xã còn thiếu.',
  '',
  'Phần II',
  '',
  'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026',
  '',
  'I. MỤC TIÊU',
  '',
  '1. Mục tiêu chung',
  '',
  'Lấy người dân làm trung tâm, khai thác dữ liệu để nâng cao chất lượng phục vụ.',
  '',
  '2. Mục tiêu cụ thể',
  '',
  'a) Về chuyển đổi số trong hoạt động của các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  '',
  '- 92% hồ sơ công việc cấp tỉnh, 85% hồ sơ công việc cấp huyện và 70% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.',
  '',
  'b) Phát triển doanh nghiệp công nghệ số, thương mại điện tử',
  '',
  '- Có thêm ít nhất 30 doanh nghiệp công nghệ số, nâng tổng số lên trên 180 doanh nghiệp.',
  '',
  'c) Phổ cập kỹ năng số cho người dân',
  '',
  '- Trên 70% dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử.',
  '',
  'd) Hạ tầng số',
  '',
  '- Duy trì 100% thôn có sóng di động băng rộng.',
  '',
  'II. NHIỆM VỤ VÀ GIẢI PHÁP',
  '',
  '1. Hoàn thiện thể chế số.',
  '',
  'III. TỔ CHỨC THỰC HIỆN',
  '',
  '1. Sở Khoa học và Công nghệ chủ trì, theo dõi việc thực hiện.',
);

describe('1. parts and section roles', () => {
  test('Phần I results are not targets though the title says mục tiêu; Phần II holds the targets', () => {
    const a = analyze(ANNUAL_PLAN);
    const doc = a.document;
    assert.deepEqual(
      doc.outline.filter((s) => s.numbering.scheme === 'part').map((s) => `${s.numbering.label}:${s.roles.join('+')}:${s.title}`),
      ['I:results:ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025', 'II::KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'],
    );
    const results = doc.sections.find((s) => s.title === 'KẾT QUẢ THỰC HIỆN MỤC TIÊU NĂM 2025')!;
    assert.deepEqual(results.roles, ['results']);
    assert.ok(doc.targets.every((t) => t.span.start > doc.text.indexOf('Phần II')));
  });

  test('numbering restarts inside each Phần: I. under Phần II is no duplicate', () => {
    assert.deepEqual(rulesAt(analyze(ANNUAL_PLAN), 'section-numbering'), []);
  });

  test('an I. after III. inside one part is still reported', () => {
    const text = ANNUAL_PLAN.replace('II. TỒN TẠI, HẠN CHẾ', 'III. TỒN TẠI, HẠN CHẾ');
    assert.deepEqual(rulesAt(analyze(text), 'section-numbering'), ['section-numbering "III"']);
  });
});

describe('2. the year from the whole path', () => {
  test('no year in the clause nor the goals heading: the Phần title gives it', () => {
    const a = analyze(ANNUAL_PLAN);
    const t = a.document.targets[0]!;
    assert.equal(t.year?.value, 2026);
    assert.deepEqual(t.year?.span, spanOf(ANNUAL_PLAN, 'NĂM 2026', 1));
    assert.equal(t.year?.section?.numbering.scheme, 'part');
  });

  test('no Phần either: the document title gives it', () => {
    const text = doc('KẾ HOẠCH', 'Chuyển đổi số tỉnh Thử Nghiệm năm 2026', '', 'I. MỤC TIÊU CỤ THỂ', '', '- 90% hồ sơ được ký số.', '', 'II. NHIỆM VỤ VÀ GIẢI PHÁP', '', 'III. TỔ CHỨC THỰC HIỆN');
    const t = analyze(text).document.targets[0]!;
    assert.equal(t.year?.value, 2026);
    assert.equal(t.year?.source, 'document');
    assert.deepEqual(rulesAt(analyze(text), 'target-year'), []);
  });

  test('a title naming two years gives none, and target-year says so at the target', () => {
    const text = doc('NGHỊ QUYẾT', 'về chuyển đổi số đến năm 2025, định hướng đến năm 2030', '', 'I. MỤC TIÊU', '', '2.4. Chỉ tiêu an toàn thông tin', '', '- 100% hệ thống thông tin được phê duyệt cấp độ.');
    assert.deepEqual(rulesAt(analyze(text), 'target-year'), ['target-year "100% hệ thống thông tin được phê duyệt cấp độ"']);
  });

  test('a range gives its end: giai đoạn 2026 - 2030 → 2030', () => {
    const text = doc('NGHỊ QUYẾT', '', '2.3. Định hướng giai đoạn 2026 - 2030', 'a) Về kinh tế số', '- Kinh tế số chiếm tối thiểu 25% GRDP.');
    assert.deepEqual(targets(text), ['Kinh tế số chiếm tối thiểu 25% GRDP | gte 25% | 2030^ | Kinh tế số']);
  });
});

describe('3. pillars in the province’s own words, and groups', () => {
  test('cue phrases in headings map to the three pillars; Hạ tầng số is a group, not "no pillar"', () => {
    assert.deepEqual(targets(ANNUAL_PLAN), [
      '92% hồ sơ công việc cấp tỉnh | eq 92% | 2026^ | Chính quyền số^',
      '85% hồ sơ công việc cấp huyện | eq 85% | 2026^ | Chính quyền số^',
      '70% hồ sơ công việc cấp xã được xử lý trên môi trường mạng | eq 70% | 2026^ | Chính quyền số^',
      'Có thêm ít nhất 30 doanh nghiệp công nghệ số | gte 30 doanh nghiệp | 2026^ | Kinh tế số^',
      'nâng tổng số lên trên 180 doanh nghiệp | gt 180 doanh nghiệp | 2026^ | Kinh tế số^',
      'Trên 70% dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử | gt 70% | 2026^ | Xã hội số^',
      'Duy trì 100% thôn có sóng di động băng rộng | maintain 100% | 2026^ | Hạ tầng số^',
    ]);
    assert.deepEqual(rulesAt(analyze(ANNUAL_PLAN), 'target-pillar'), []);
  });

  test('the pillar points at the heading words that supplied it', () => {
    const t = analyze(ANNUAL_PLAN).document.targets[0]!;
    assert.deepEqual(t.pillar?.span, spanOf(ANNUAL_PLAN, 'chuyển đổi số trong hoạt động của các cơ quan Đảng'));
  });

  test('cues are extendable in the configuration', () => {
    const text = doc('KẾ HOẠCH', 'năm 2026', '', 'I. MỤC TIÊU CỤ THỂ', 'a) Phát triển nông nghiệp thông minh', '- 40% hợp tác xã dùng nền tảng số.');
    assert.deepEqual(analyze(text).document.targets.map((t) => t.pillar?.value.name ?? '-'), ['-']);
    const config = {
      rules: {}, ruleOptions: {}, indicatorSynonyms: [], tolerance: 0,
      pillars: [{ id: 'kinh-te-so', name: 'Kinh tế số', aliases: [], cues: ['nông nghiệp thông minh'] }],
    };
    assert.deepEqual(analyze(text, { config }).document.targets.map((t) => t.pillar?.value.name ?? '-'), ['Kinh tế số']);
  });
});

describe('4. definitions are not targets', () => {
  test('explanatory bullets under a pillar heading, before its goals sub-heading, carry no target', () => {
    const text = doc('KẾ HOẠCH', '', 'II. MỤC TIÊU', '', '1. Về kinh tế số', '',
      '- Kinh tế số được hiểu là các hoạt động kinh tế sử dụng dữ liệu số làm yếu tố chính.', '',
      '- Kinh tế số của tỉnh gồm: kinh tế số lõi, kinh tế số nền tảng và kinh tế số ngành.', '',
      'a) Mục tiêu cơ bản đến năm 2025', '', '- Kinh tế số chiếm 12% GRDP.', '',
      'b) Định hướng đến năm 2030', '', '- Kinh tế số chiếm 22% GRDP.');
    assert.deepEqual(targets(text), ['Kinh tế số chiếm 12% GRDP | eq 12% | 2025^ | Kinh tế số', 'Kinh tế số chiếm 22% GRDP | eq 22% | 2030^ | Kinh tế số']);
    assert.deepEqual(rulesAt(analyze(text), 'target-value', 'target-year'), []);
  });

  test('a definition bullet (`- Là …`, `… gồm: …`) is no qualitative target either', () => {
    const text = doc('KẾ HOẠCH', '', '2. Mục tiêu cụ thể đến năm 2025', 'c) Xã hội số', '- Là xã hội mà người dân dùng thành thạo dịch vụ số.', '- Công dân số gồm: danh tính số, tài khoản số.', '- Nhân lực số: Bao gồm cán bộ chuyên trách và người dân.', '- Hình thành thói quen dùng dịch vụ số.');
    assert.deepEqual(targets(text), ['Hình thành thói quen dùng dịch vụ số | none | 2025^ | Xã hội số^']);
  });
});

describe('5. several targets in one clause', () => {
  test('90% cấp tỉnh, 80% cấp huyện và 70% cấp xã: three targets, each with its own range, sharing the subject', () => {
    const text = doc('NGHỊ QUYẾT', '', '2.2. Mục tiêu cụ thể đến năm 2025', 'a) Chính quyền số',
      '- Tỷ lệ văn bản đi được ký số đạt 98% ở cấp tỉnh, 95% ở cấp huyện và 90% ở cấp xã.');
    const a = analyze(text);
    assert.deepEqual(a.document.targets.map((t) => text.slice(t.span.start, t.span.end)), [
      'Tỷ lệ văn bản đi được ký số đạt 98% ở cấp tỉnh',
      '95% ở cấp huyện',
      '90% ở cấp xã',
    ]);
    assert.deepEqual(a.document.targets.map((t) => t.indicator), [
      'văn bản đi được ký số ở cấp tỉnh',
      'văn bản đi được ký số ở cấp huyện',
      'văn bản đi được ký số ở cấp xã',
    ]);
  });

  test('an attribute count (`từ 15 tuổi`) and a rank: the percentage and the rank are the targets', () => {
    const text = doc('KẾ HOẠCH', 'năm 2026', '', 'I. MỤC TIÊU CỤ THỂ', 'a) Chính quyền số',
      '- Chỉ số chuyển đổi số cấp tỉnh (DTI) nằm trong nhóm 25 tỉnh dẫn đầu.');
    assert.deepEqual(targets(text), ['Chỉ số chuyển đổi số cấp tỉnh (DTI) nằm trong nhóm 25 tỉnh dẫn đầu | lte 25 hạng | 2026^document | Chính quyền số^']);
  });
});

describe('6. targets in tables', () => {
  const TABLE = doc('QUYẾT ĐỊNH', 'Phê duyệt Đề án chuyển đổi số tỉnh Thử Nghiệm', '', 'Điều 1. Phê duyệt Đề án với các nội dung:', '', '1. Mục tiêu cụ thể', '',
    '| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Ghi chú |',
    '|---|---|---|---|---|---|',
    '| **I** | **CHÍNH QUYỀN SỐ** | | | | |',
    '| 1 | Hồ sơ trực tuyến toàn trình | % | Tối thiểu 50 | Tối thiểu 80 | |',
    '| 2 | Xếp hạng chỉ số DTI | Hạng | Nhóm 30 tỉnh dẫn đầu | Nhóm 20 tỉnh dẫn đầu | |',
    '| **II** | **KINH TẾ SỐ** | | | | |',
    '| 3 | Doanh nghiệp công nghệ số | Doanh nghiệp | 300 | 250 | |',
    '| 4 | Hợp tác xã dùng nền tảng số | % | | 60 | |',
    '| 5 | Sàn thương mại điện tử của tỉnh | Sàn | 1 | Duy trì 1 | |',
    '', '2. Nhiệm vụ và giải pháp', '', '3. Tổ chức thực hiện');
  test('each row × year column is a target, with the unit column, the column year and the group row’s pillar', () => {
    assert.deepEqual(targets(TABLE), [
      'Tối thiểu 50 | gte 50% | 2025^column | Chính quyền số^',
      'Tối thiểu 80 | gte 80% | 2030^column | Chính quyền số^',
      'Nhóm 30 tỉnh dẫn đầu | lte 30 hạng | 2025^column | Chính quyền số^',
      'Nhóm 20 tỉnh dẫn đầu | lte 20 hạng | 2030^column | Chính quyền số^',
      '300 | eq 300 doanh nghiệp | 2025^column | Kinh tế số^',
      '250 | eq 250 doanh nghiệp | 2030^column | Kinh tế số^',
      '| 4 | Hợp tác xã dùng nền tảng số | % | | 60 | | | none | 2025^column | Kinh tế số^',
      '60 | eq 60% | 2030^column | Kinh tế số^',
      '1 | eq 1 sàn | 2025^column | Kinh tế số^',
      'Duy trì 1 | maintain 1 sàn | 2030^column | Kinh tế số^',
    ]);
  });
  test('an empty value cell is reported at its row; a weaker later column is a regression', () => {
    const a = analyze(TABLE);
    assert.deepEqual(rulesAt(a, 'target-value'), ['target-value "| 4 | Hợp tác xã dùng nền tảng số | % | | 60 | |"']);
    assert.deepEqual(rulesAt(a, 'target-regression'), ['target-regression "250"']);
  });
});

describe('7. hard-wrapped text', () => {
  const WRAPPED = doc('NGHỊ QUYẾT', 'về chuyển đổi số đến năm 2025, định hướng đến năm 2030', '-----',
    '2. Mục tiêu', '2.2. Mục tiêu cụ thể đến', 'năm 2025', 'a) Về chuyển đổi số trong hoạt động của các cơ quan Đảng,', 'Nhà nước, Mặt trận Tổ quốc',
    '- 90% hồ sơ công việc tại cấp tỉnh, 80% hồ sơ công việc', 'tại cấp huyện được xử lý trên môi trường mạng.',
    '2.3. Định hướng giai đoạn 2026 -', '2030', 'b) Phát triển doanh nghiệp công nghệ số,', 'thương mại điện tử', '- Kinh tế số chiếm tối thiểu 20% GRDP.');
  test('a heading broken over lines is one logical heading, with its exact range', () => {
    const d = analyze(WRAPPED).document;
    const goals = d.sections.find((s) => s.numbering.label === '2.2')!;
    assert.equal(goals.title, 'Mục tiêu cụ thể đến năm 2025');
    assert.deepEqual(goals.headSpan, spanOf(WRAPPED, '2.2. Mục tiêu cụ thể đến\nnăm 2025'));
    assert.deepEqual(goals.year?.span, spanOf(WRAPPED, 'đến\nnăm 2025'));
    const orientation = d.sections.find((s) => s.numbering.label === '2.3')!;
    assert.equal(orientation.year?.year, 2030);
  });
  test('targets under wrapped headings get the year and pillar the whole heading states', () => {
    assert.deepEqual(targets(WRAPPED), [
      '90% hồ sơ công việc tại cấp tỉnh | eq 90% | 2025^ | Chính quyền số^',
      '80% hồ sơ công việc\ntại cấp huyện được xử lý trên môi trường mạng | eq 80% | 2025^ | Chính quyền số^',
      'Kinh tế số chiếm tối thiểu 20% GRDP | gte 20% | 2030^ | Kinh tế số',
    ]);
  });
  test('a heading followed by a capitalised sentence is not joined', () => {
    const text = doc('NGHỊ QUYẾT', '', 'I. TÌNH HÌNH VÀ NGUYÊN NHÂN', 'Những năm qua, chuyển đổi số có chuyển biến.');
    assert.equal(analyze(text).document.sections[0]!.title, 'TÌNH HÌNH VÀ NGUYÊN NHÂN');
  });
});

describe('8. required sections by kind', () => {
  test('a plan needs no Quan điểm; a resolution does', () => {
    assert.deepEqual(rulesAt(analyze(ANNUAL_PLAN), 'missing-section'), []);
    const resolution = ANNUAL_PLAN.replace('KẾ HOẠCH\n', 'NGHỊ QUYẾT\n');
    assert.deepEqual(rulesAt(analyze(resolution), 'missing-section'), ['missing-section "NGHỊ QUYẾT"']);
    assert.match(analyze(resolution).findings.find((f) => f.ruleId === 'missing-section')!.message.vi, /thiếu mục "Quan điểm"/);
  });
  test('the list per kind is configurable', () => {
    const config = { rules: {}, ruleOptions: { 'missing-section': { plan: ['viewpoint'] } }, pillars: [], indicatorSynonyms: [], tolerance: 0 };
    assert.deepEqual(rulesAt(analyze(ANNUAL_PLAN, { config }), 'missing-section'), ['missing-section "KẾ HOẠCH"']);
  });
  test('a bare decision (no plan of its own) needs no sections', () => {
    const text = doc('QUYẾT ĐỊNH', 'Về việc thành lập Ban Chỉ đạo chuyển đổi số', '', 'Điều 1. Thành lập Ban Chỉ đạo.', 'Điều 2. Quyết định có hiệu lực từ ngày ký.');
    assert.deepEqual(rulesAt(analyze(text), 'missing-section'), []);
  });
});

describe('9. files that are not policy documents', () => {
  test('a README or notes get no findings', () => {
    const text = doc('# Ghi chú', '', 'Danh sách việc cần làm:', '', '- 100% tài liệu phải được rà soát', '', '## 1. Cài đặt', '', '## 3. Chạy');
    assert.deepEqual(analyze(text).findings, []);
  });
  test('unless the configuration includes them', () => {
    const text = doc('# Ghi chú', '', '## 1. Cài đặt', '', '## 3. Chạy');
    const config = { rules: {}, ruleOptions: {}, pillars: [], indicatorSynonyms: [], tolerance: 0, checkUnrecognised: true };
    assert.deepEqual(rulesAt(analyze(text, { config }), 'section-numbering'), ['section-numbering "3."']);
  });
});

describe('10. references keep the document’s own spelling', () => {
  test('Phụ lục I is named Phụ lục I in messages', () => {
    const text = doc('BÁO CÁO', '', 'I. KẾT QUẢ', '', 'Chi tiết tại Phụ lục II.', '', '**Phụ lục I**', '', 'KẾT QUẢ CÁC CHỈ TIÊU');
    const messages = analyze(text).findings.filter((f) => f.ruleId === 'footnote-reference').map((f) => f.message.vi);
    assert.ok(messages.length > 0);
    for (const m of messages) assert.doesNotMatch(m, /Phụ lục i\b|Phụ lục ii\b/);
    assert.ok(messages.some((m) => m.includes('Phụ lục II')), messages.join('\n'));
  });
});

describe('7b. a heading in capitals broken over two lines', () => {
  test('`I. KẾT QUẢ` / `ĐẠT ĐƯỢC` is one results heading', () => {
    const text = doc('KẾ HOẠCH', 'Chuyển đổi số năm 2023', '', 'PHẦN I. KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022', 'I. KẾT QUẢ', 'ĐẠT ĐƯỢC', '1. Về nhận', 'thức số');
    const d = analyze(text).document;
    assert.deepEqual(d.sections.map((s) => `${s.numbering.scheme}:${s.title}`), ['part:KẾT QUẢ THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2022', 'roman:KẾT QUẢ ĐẠT ĐƯỢC', 'decimal:Về nhận thức số']);
  });
});

describe('1b. a line ending on a colon that names goals heads the bullets below it', () => {
  test('`Mục tiêu cơ bản phát triển kinh tế số đến năm 2025:` gives year and pillar', () => {
    const text = doc('KẾ HOẠCH', 'Phát triển kinh tế số và xã hội số', '', 'Mục tiêu cơ bản phát triển kinh tế số đến năm 2025:', '',
      '- Tỷ trọng kinh tế số đạt 20% GRDP.', '', 'Mục tiêu cơ bản phát triển xã hội số đến năm 2025:', '',
      '- Hạ tầng mạng băng rộng cáp quang phủ 100% trường học, bệnh viện và trên 80% hộ gia đình có nhu cầu.');
    assert.deepEqual(targets(text), [
      'Tỷ trọng kinh tế số đạt 20% GRDP | eq 20% | 2025^ | Kinh tế số',
      'Hạ tầng mạng băng rộng cáp quang phủ 100% trường học, bệnh viện | eq 100% | 2025^ | Xã hội số^',
      'trên 80% hộ gia đình có nhu cầu | gt 80% | 2025^ | Xã hội số^',
    ]);
  });
});

describe('1c. every retrospective opening is results, not goals', () => {
  for (const title of ['ĐÁNH GIÁ CÔNG TÁC CHUYỂN ĐỔI SỐ VÀ VIỆC THỰC HIỆN MỤC TIÊU NĂM 2024', 'SƠ KẾT THỰC HIỆN CÁC MỤC TIÊU GIAI ĐOẠN 2021 - 2023', 'THỰC TRẠNG THỰC HIỆN CHỈ TIÊU NĂM 2024']) {
    test(title, () => {
      const text = doc('KẾ HOẠCH', 'Chuyển đổi số năm 2025', '', `I. ${title}`, '', '- 92% hồ sơ công việc được xử lý trên môi trường mạng.', '', 'II. MỤC TIÊU CỤ THỂ', '', '- 95% hồ sơ công việc được xử lý trên môi trường mạng.');
      assert.deepEqual(targets(text), ['95% hồ sơ công việc được xử lý trên môi trường mạng | eq 95% | 2025^document | -']);
    });
  }
});
