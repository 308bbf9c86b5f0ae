// Claims written in prose (issue 13): for each wording the claim reader reads, a sentence where the
// claim is right (silent, honest rounding included) and variants with one figure wrong (the named
// rule fires at the figure's range), each in LF, CRLF, with a BOM and in NFD. Uncheckable claims
// stay silent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/index.js';

const ARITHMETIC = ['ratio-claim', 'growth-claim', 'average-claim', 'sum-mismatch', 'count-claim', 'table-mismatch', 'status-mismatch'];

function report(sentence: string): string {
  return ['BÁO CÁO', 'Kết quả chuyển đổi số năm 2024', '', 'I. KẾT QUẢ THỰC HIỆN', '', `- ${sentence}`, ''].join('\n');
}

const VARIANTS: [string, (t: string) => string][] = [
  ['LF', (t) => t],
  ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
  ['BOM', (t) => '\uFEFF' + t],
  ['NFD', (t) => t.normalize('NFD')],
];

/** Findings of the arithmetic rules as `rule "covered text"`, the text back in NFC. */
function fired(a: Analysis): string[] {
  return a.findings
    .filter((f) => ARITHMETIC.includes(f.ruleId))
    .map((f) => `${f.ruleId} "${a.document.text.slice(f.span.start, f.span.end).normalize('NFC')}"`);
}

interface Case {
  wording: string;
  right: string;
  wrong: { text: string; rule: string; at: string; message?: RegExp }[];
}

const CASES: Case[] = [
  {
    wording: 'ratio, fraction first: X/Y … vượt Z%',
    right: 'Đã phát triển 862.509/834.204 thuê bao băng rộng theo kế hoạch, vượt 3,39% kế hoạch.',
    wrong: [{ text: 'Đã phát triển 862.509/834.204 thuê bao băng rộng theo kế hoạch, vượt 3,93% kế hoạch.', rule: 'ratio-claim', at: '3,93', message: /là 103,393%, tức vượt 3,393%/ }],
  },
  {
    wording: 'ratio, percentage first: đạt Z% (X/Y …)',
    right: 'Tỷ lệ hồ sơ giải quyết trực tuyến đạt 64% (3.200/5.000 hồ sơ).',
    wrong: [{ text: 'Tỷ lệ hồ sơ giải quyết trực tuyến đạt 66% (3.200/5.000 hồ sơ).', rule: 'ratio-claim', at: '66', message: /3\.200\/5\.000 là 64%, không phải 66%/ }],
  },
  {
    wording: 'ratio with a long subject and a parenthesis between: 13/17 … (NDXP) … đạt Z% mục tiêu',
    right: '13/17 dịch vụ dữ liệu trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) đã được khai thác chính thức, đạt 76,5% mục tiêu.',
    wrong: [
      {
        text: '13/17 dịch vụ dữ liệu trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) đã được khai thác chính thức, đạt 80% mục tiêu.',
        rule: 'ratio-claim',
        at: '80',
        message: /^13\/17 là 76,47%, không phải 80%\.$/,
      },
    ],
  },
  {
    wording: 'ratio whose subject says `trong độ tuổi` (not `trong đó`)',
    right: 'Đã có 27.460/39.800 người trong độ tuổi lao động hoàn thành khóa học kỹ năng số, đạt 69% kế hoạch năm.',
    wrong: [{ text: 'Đã có 27.460/39.800 người trong độ tuổi lao động hoàn thành khóa học kỹ năng số, đạt 72,4% kế hoạch năm.', rule: 'ratio-claim', at: '72,4', message: /^27\.460\/39\.800 là 68,99%, không phải 72,4%\.$/ }],
  },
  {
    wording: 'ratio, part before and whole in parentheses: X …, bằng Z% kế hoạch năm (Y …)',
    right: 'Đã cấp 51.600 chứng thư số cá nhân, bằng 103,2% kế hoạch năm (50.000 chứng thư).',
    wrong: [{ text: 'Đã cấp 51.600 chứng thư số cá nhân, bằng 105,2% kế hoạch năm (50.000 chứng thư).', rule: 'ratio-claim', at: '105,2' }],
  },
  {
    wording: 'share: X/Y … (chiếm Z%)',
    right: '147/173 xã, phường, thị trấn (chiếm 85%) có điểm hỗ trợ dịch vụ công trực tuyến.',
    wrong: [{ text: '147/173 xã, phường, thị trấn (chiếm 87%) có điểm hỗ trợ dịch vụ công trực tuyến.', rule: 'ratio-claim', at: '87' }],
  },
  {
    wording: 'change: tăng từ A năm … lên B năm …, tăng Z%',
    right: 'Doanh thu thương mại điện tử tăng từ 1.200 tỷ đồng năm 2023 lên 1.500 tỷ đồng năm 2024, tăng 25%.',
    wrong: [
      { text: 'Doanh thu thương mại điện tử tăng từ 1.200 tỷ đồng năm 2023 lên 1.500 tỷ đồng năm 2024, tăng 20%.', rule: 'growth-claim', at: '20' },
      { text: 'Doanh thu thương mại điện tử tăng từ 1.200 tỷ đồng năm 2023 lên 1.600 tỷ đồng năm 2024, tăng 25%.', rule: 'growth-claim', at: '25' },
    ],
  },
  {
    wording: 'change of a rate: giảm từ A% xuống B% (giảm Z%), years after the figures',
    right: 'Tỷ lệ hồ sơ giải quyết quá hạn giảm từ 15% năm 2023 xuống 9% năm 2024 (giảm 40%).',
    // 15% and 9% are measured (±0,5): the fall is 34,5%–45,2%, so 45% is honest and 50% is not.
    wrong: [{ text: 'Tỷ lệ hồ sơ giải quyết quá hạn giảm từ 15% năm 2023 xuống 9% năm 2024 (giảm 50%).', rule: 'growth-claim', at: '50', message: /giảm 34,5%–45,2%/ }],
  },
  {
    wording: 'percentage points: tăng từ A% lên B%, tăng Z điểm phần trăm',
    right: 'Tỷ lệ hồ sơ trực tuyến toàn trình tăng từ 33,6% lên 48,2%, tăng 14,6 điểm phần trăm.',
    wrong: [{ text: 'Tỷ lệ hồ sơ trực tuyến toàn trình tăng từ 33,6% lên 48,2%, tăng 16,4 điểm phần trăm.', rule: 'growth-claim', at: '16,4', message: /điểm phần trăm/ }],
  },
  {
    wording: 'difference of counts: tăng từ A lên B …, tăng Z … (same unit)',
    right: 'Số dịch vụ công được tích hợp tăng từ 120 dịch vụ năm 2023 lên 152 dịch vụ năm 2024, tăng 32 dịch vụ.',
    wrong: [{ text: 'Số dịch vụ công được tích hợp tăng từ 120 dịch vụ năm 2023 lên 152 dịch vụ năm 2024, tăng 23 dịch vụ.', rule: 'growth-claim', at: '23', message: /là tăng 32 dịch vụ, không phải 23 dịch vụ/ }],
  },
  {
    wording: 'share in parentheses right after the parts: X/Y … (Z%)',
    right: 'Có 8/10 huyện (80%) đã vận hành Trung tâm điều hành thông minh.',
    wrong: [{ text: 'Có 8/10 huyện (85%) đã vận hành Trung tâm điều hành thông minh.', rule: 'ratio-claim', at: '85' }],
  },
  {
    wording: 'multiple with the base in parentheses: X, gấp K lần năm … (Y)',
    right: 'Số tài khoản mở mới đạt 412.600 tài khoản, gấp 1,5 lần năm 2023 (275.000 tài khoản).',
    wrong: [{ text: 'Số tài khoản mở mới đạt 412.600 tài khoản, gấp 1,8 lần năm 2023 (275.000 tài khoản).', rule: 'growth-claim', at: '1,8' }],
  },
  {
    wording: 'multiple of a change: tăng từ A lên B (gấp K lần)',
    right: 'Số người có tài khoản thanh toán tăng từ 152.400 người năm 2022 lên 241.800 người năm 2024 (gấp 1,59 lần).',
    wrong: [{ text: 'Số người có tài khoản thanh toán tăng từ 152.400 người năm 2022 lên 241.800 người năm 2024 (gấp 1,95 lần).', rule: 'growth-claim', at: '1,95' }],
  },
  {
    wording: 'verdict breakdown: đạt và vượt N/M chỉ tiêu, trong đó K … vượt và L … đạt',
    right: 'Đã đạt và vượt 43/51 chỉ tiêu, trong đó có 17 chỉ tiêu vượt và 26 chỉ tiêu đạt.',
    wrong: [{ text: 'Đã đạt và vượt 43/51 chỉ tiêu, trong đó có 17 chỉ tiêu vượt và 27 chỉ tiêu đạt.', rule: 'sum-mismatch', at: '43', message: /cộng lại là 44 chỉ tiêu/ }],
  },
  {
    wording: 'subset breakdown in parentheses: T chỉ tiêu (trong đó A … và B …)',
    right: 'Kế hoạch có 39 chỉ tiêu (trong đó 26 chỉ tiêu quốc gia và 13 chỉ tiêu riêng của tỉnh).',
    wrong: [{ text: 'Kế hoạch có 39 chỉ tiêu (trong đó 26 chỉ tiêu quốc gia và 15 chỉ tiêu riêng của tỉnh).', rule: 'sum-mismatch', at: '39' }],
  },
  {
    wording: 'exhaustive list: T chỉ tiêu, gồm A …, B …, C … và D …',
    right: 'Kế hoạch có 39 chỉ tiêu, gồm 08 chỉ tiêu hạ tầng số, 13 chỉ tiêu chính quyền số, 06 chỉ tiêu kinh tế số và 12 chỉ tiêu xã hội số.',
    wrong: [
      { text: 'Kế hoạch có 39 chỉ tiêu, gồm 08 chỉ tiêu hạ tầng số, 14 chỉ tiêu chính quyền số, 06 chỉ tiêu kinh tế số và 12 chỉ tiêu xã hội số.', rule: 'sum-mismatch', at: '39', message: /cộng lại là 40 chỉ tiêu/ },
    ],
  },
  {
    wording: 'money breakdown: Tổng kinh phí … là T tỷ đồng, gồm: A, B và C',
    right: 'Tổng kinh phí năm 2024 là 96,4 tỷ đồng, gồm: ngân sách tỉnh 61,8 tỷ đồng, ngân sách trung ương 30,2 tỷ đồng và vốn xã hội hóa 4,4 tỷ đồng.',
    wrong: [
      { text: 'Tổng kinh phí năm 2024 là 98,4 tỷ đồng, gồm: ngân sách tỉnh 61,8 tỷ đồng, ngân sách trung ương 30,2 tỷ đồng và vốn xã hội hóa 4,4 tỷ đồng.', rule: 'sum-mismatch', at: '98,4', message: /^Các thành phần 61,8 \+ 30,2 \+ 4,4 cộng lại là 96,4 tỷ đồng, không phải 98,4 tỷ đồng như đã ghi\.$/ },
    ],
  },
  {
    wording: 'met and unmet out of one total: N/M chỉ tiêu đạt, K/M chưa đạt',
    right: 'Đã đạt và vượt 11/14 chỉ tiêu, còn 03/14 chỉ tiêu chưa đạt.',
    wrong: [{ text: 'Đã đạt và vượt 11/14 chỉ tiêu, còn 04/14 chỉ tiêu chưa đạt.', rule: 'count-claim', at: '04' }],
  },
  {
    wording: 'the rest of a total: N/M chỉ tiêu …; K chỉ tiêu còn lại',
    right: 'Đã đạt và vượt 41/48 chỉ tiêu; 07 chỉ tiêu còn lại dự kiến hoàn thành trong Quý I năm 2025.',
    wrong: [{ text: 'Đã đạt và vượt 41/48 chỉ tiêu; 09 chỉ tiêu còn lại dự kiến hoàn thành trong Quý I năm 2025.', rule: 'count-claim', at: '09' }],
  },
];

describe('claims in prose: right is silent, one wrong figure fires at its range', () => {
  for (const c of CASES) {
    for (const [name, variant] of VARIANTS) {
      test(`${c.wording} (${name})`, () => {
        assert.deepEqual(fired(analyze(variant(report(c.right)))), [], 'the right claim is silent');
        for (const w of c.wrong) {
          const a = analyze(variant(report(w.text)));
          assert.deepEqual(fired(a), [`${w.rule} "${w.at}"`], w.text);
          if (w.message) assert.match(a.findings.find((f) => f.ruleId === w.rule)!.message.vi.normalize('NFC'), w.message);
        }
      });
    }
  }
});

describe('honest rounding and exact counts', () => {
  test('2/3 đạt 67% and 2/3 đạt 66,7% are right; 2/3 đạt 66% is not (counts are exact)', () => {
    assert.deepEqual(fired(analyze(report('Đã hoàn thành 2/3 nhiệm vụ, đạt 67% kế hoạch.'))), []);
    assert.deepEqual(fired(analyze(report('Đã hoàn thành 2/3 nhiệm vụ, đạt 66,7% kế hoạch.'))), []);
    assert.deepEqual(fired(analyze(report('Đã hoàn thành 2/3 nhiệm vụ, đạt 66% kế hoạch.'))), ['ratio-claim "66"']);
  });
  test('a measured change is judged on its stated precision and said as a range', () => {
    const a = analyze(report('Số giao dịch qua mã QR tăng từ 1,8 triệu giao dịch năm 2023 lên 2,7 triệu giao dịch năm 2024, tăng 40%.'));
    assert.deepEqual(fired(a), ['growth-claim "40"']);
    assert.match(a.findings[0]!.message.vi, /43,2%–57,1% \(theo độ chính xác của số liệu\)/);
    assert.deepEqual(fired(analyze(report('Số giao dịch qua mã QR tăng từ 1,8 triệu giao dịch năm 2023 lên 2,7 triệu giao dịch năm 2024, tăng 50%.'))), []);
  });
  test('the exact fix replaces the stated figure at its own digits', () => {
    const a = analyze(report('Đã hoàn thành 12/15 nhiệm vụ trọng tâm, đạt 85% kế hoạch.'));
    assert.equal(a.findings[0]?.fix?.text, '80');
  });
});

describe('negation and verdict words', () => {
  test('chưa đạt and không đạt are never đạt; đạt và vượt counts both', () => {
    assert.deepEqual(fired(analyze(report('Đã đạt và vượt 11/14 chỉ tiêu; 03/14 chỉ tiêu không đạt.'))), []);
    assert.deepEqual(fired(analyze(report('Có 10/16 chỉ tiêu chưa đạt và 06/16 chỉ tiêu đạt.'))), []);
    assert.deepEqual(fired(analyze(report('Có 10/16 chỉ tiêu chưa đạt và 07/16 chỉ tiêu đạt.'))), ['count-claim "10"']);
  });
});

describe('claims that cannot be checked stay silent', () => {
  for (const sentence of [
    'Giá trị giao dịch thương mại điện tử ước đạt 415 tỷ đồng, tăng 18% so với cùng kỳ.',
    'Tỷ lệ hồ sơ trực tuyến toàn trình tăng gấp 2,3 lần so với đầu nhiệm kỳ.',
    'Tỷ trọng kinh tế số ước đạt 8,2% GRDP, tăng 3,1% so với đầu nhiệm kỳ.',
    '100% cơ sở dữ liệu dùng chung được chia sẻ qua LGSP (đạt 100% mục tiêu).',
    'Có 64 doanh nghiệp công nghệ số đang hoạt động, trong đó 11 doanh nghiệp thành lập mới.',
    'Toàn tỉnh có 1.652 trạm phát sóng, trong đó 1.318 trạm 4G.',
    'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 38,6%, tăng 9,2 điểm phần trăm so với cuối năm 2024.',
    'Có 500 doanh nghiệp, trong đó 120 doanh nghiệp nhỏ và 80 doanh nghiệp vừa.',
    'Có 15/20 huyện có tỷ lệ hồ sơ trực tuyến đạt 60%.',
    'Đã có 12/15 sở, ngành triển khai, trong đó tỷ lệ văn bản ký số đạt 95%.',
  ]) {
    test(sentence, () => assert.deepEqual(fired(analyze(report(sentence))), []));
  }
});

describe('done and remaining out of one total', () => {
  test('đã hoàn thành 30/34 chỉ tiêu; còn lại 04/34 chỉ tiêu đang triển khai', () => {
    assert.deepEqual(fired(analyze(report('Đã hoàn thành 30/34 chỉ tiêu; còn lại 04/34 chỉ tiêu đang được triển khai.'))), []);
    assert.deepEqual(fired(analyze(report('Đã hoàn thành 30/34 chỉ tiêu; còn lại 05/34 chỉ tiêu đang được triển khai.'))), ['count-claim "05"']);
  });
});

describe('a claim hard-wrapped over several lines (pasted from a website or a PDF)', () => {
  const wrapped = (stated: string): string =>
    ['BÁO CÁO', 'Kết quả chuyển đổi số năm 2024', '', 'I. KẾT QUẢ THỰC HIỆN', '',
      'Số người dân có tài khoản thanh toán điện tử tăng từ 152.400 người năm',
      `2022 lên 241.800 người năm 2024 (gấp ${stated} lần); hạ tầng cáp quang đã đến 193/193 xã, phường,`,
      'thị trấn.', ''].join('\n');
  for (const [name, variant] of VARIANTS) {
    test(`is read whole, and the wrong figure is reported on its own line (${name})`, () => {
      assert.deepEqual(fired(analyze(variant(wrapped('1,59')))), []);
      const text = variant(wrapped('1,95'));
      const a = analyze(text);
      assert.deepEqual(fired(a), ['growth-claim "1,95"']);
      assert.equal(a.document.lines.position(a.findings[0]!.span.start).line, 6);
    });
  }
});
