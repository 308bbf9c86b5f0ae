// The target register: every target of every resolution with its year, pillar and line, and the
// latest result of a linked report with whether it is met.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRegister, registerToCsv, type RegisterEntry } from '../../server/src/core/workspace/index.js';
import { SEEDS, SEEDS_ABSENT } from '../helpers.js';
import { allFixtures, lineContaining, lineOf, LONG_DIEN_RESOLUTION, seedDoc } from './support.js';

describe('register of the seeds', () => {
  const ids = [SEEDS.dongThapResolution, SEEDS.kienGiangResolution, SEEDS.haiDuongResolution, SEEDS.dongThapReport];
  const docs = ids.map((id) => seedDoc(id));
  const skip = docs.some((d) => !d) ? SEEDS_ABSENT : false;
  const register = skip ? undefined : buildRegister(docs.map((d) => d!));

  it('every target of 000, 001 and 003 is present with its line, year and pillar', { skip }, () => {
    for (const resolution of docs.slice(0, 3).map((d) => d!)) {
      const entries = register!.entries.filter((e) => e.documentId === resolution.id);
      const targets = resolution.document.targets;
      assert.equal(entries.length, targets.length, resolution.id);
      entries.forEach((e, i) => {
        const t = targets[i]!;
        assert.equal(e.line, lineOf(resolution, t.span.start));
        assert.equal(e.year, t.year?.value);
        assert.equal(e.pillar?.id, t.pillar?.value.id);
        assert.equal(e.indicator, t.indicator);
      });
    }
    const count = (id: string) => register!.entries.filter((e) => e.documentId === id).length;
    assert.deepEqual([count(SEEDS.dongThapResolution), count(SEEDS.kienGiangResolution), count(SEEDS.haiDuongResolution)], [28, 12, 36]); // 001 and 003 gain the third target of "…, … và …" clauses
    assert.equal(register!.entries.filter((e) => e.documentId === SEEDS.dongThapReport).length, 0, 'reports are not in the register');
  });

  it('years and pillars where the seeds state them in odd places', { skip }, () => {
    const at = (id: string, line: number) => register!.entries.filter((e) => e.documentId === id && e.line === line);
    // 001: pillar and target on one heading line (`2.2.1.2. Kinh tế số: … đạt trên 50%.`)
    assert.deepEqual(at(SEEDS.kienGiangResolution, 39).map((e) => [e.pillar?.name, e.year, e.comparator, e.value?.number]), [['Kinh tế số', 2025, 'gt', 50]]);
    // 003: three targets on one line, the middle one with its own year (`đến hết năm 2021`)
    assert.deepEqual(at(SEEDS.haiDuongResolution, 63).map((e) => e.year), [2025, 2021, 2025]);
    // 003: a pillar named by the clause itself
    assert.deepEqual(at(SEEDS.haiDuongResolution, 79).map((e) => [e.pillar?.name, e.value?.number]), [['Kinh tế số', 20]]);
    // 000: the 2030 orientation
    assert.deepEqual(at(SEEDS.dongThapResolution, 93).map((e) => [e.pillar?.name, e.year, e.value?.text]), [['Kinh tế số', 2030, 'tối thiểu 8%']]);
  });

  it('results of the linked report, latest year first in the verdict', { skip }, () => {
    const at = (line: number) => register!.entries.find((e) => e.documentId === SEEDS.dongThapResolution && e.line === line)!;
    const smes = at(47); // Trên 55% doanh nghiệp vừa và nhỏ …
    assert.deepEqual(smes.results.map((r) => [r.year, r.text]), [[2021, '53%'], [2022, '57,0%'], [2023, '58%']]);
    assert.equal(smes.latest?.documentId, SEEDS.dongThapReport);
    assert.equal(smes.status, 'met');
    assert.equal(at(43).status, 'unmet'); // 100% trained, 60,2% in 2023
    assert.equal(at(55).status, 'met'); // tối thiểu 7,0% productivity growth, 7,5% in 2023
    assert.equal(at(63).status, 'met'); // Trên 60%, result "Trên 75%"
    assert.equal(at(98).status, 'unknown'); // Trên 80% by 2030, result "Trên 75%": undecidable
    assert.equal(at(79).status, 'no-data');
    // Kiên Giang and Hải Dương have no report among the seeds.
    assert.ok(register!.entries.filter((e) => e.documentId !== SEEDS.dongThapResolution).every((e) => e.status === 'no-data' && e.results.length === 0));
    // Agrees with the report's own assessment column (So với KH 5 năm) on all 17 indicators of 2025.
    const statuses = register!.entries.filter((e) => e.documentId === SEEDS.dongThapResolution && e.year === 2025).map((e) => e.status);
    assert.deepEqual(statuses.filter((s) => s === 'met').length, 11);
    assert.deepEqual(statuses.filter((s) => s === 'unmet').length, 6);
  });
});

describe('register of the fixtures', () => {
  const register = buildRegister(allFixtures());
  const longDien = register.entries.filter((e) => e.documentId === LONG_DIEN_RESOLUTION);

  it('statuses: met, met, unmet, met, met, undecidable for the 2025 targets', () => {
    assert.deepEqual(
      longDien.filter((e) => e.year === 2025).map((e) => [e.value?.text, e.latest?.text, e.status]),
      [
        ['90%', '91,5%', 'met'],
        ['100%', '100%', 'met'],
        ['Trên 50%', '44%', 'unmet'],
        ['tối thiểu 6,5%', '7,2%', 'met'],
        ['Trên 80%', '82%', 'met'],
        ['70%', 'Trên 65%', 'unknown'],
      ],
    );
    const latest = longDien[0]!.latest!;
    assert.equal(latest.line, lineContaining(allFixtures()[1]!.document.text, '| 91,5% |'));
  });

  it('CSV: UTF-8 BOM, CRLF records, RFC 4180 quoting', () => {
    const csv = registerToCsv(register.entries, { locale: 'vi', pathOf: (id) => `van-ban/${id}` });
    assert.ok(csv.startsWith('\uFEFFTệp,Dòng,Văn bản,Trụ cột,Năm,So sánh,Giá trị,Chỉ tiêu,Kết quả mới nhất,Năm kết quả,Đánh giá,Nguồn kết quả\r\n'));
    assert.ok(csv.endsWith('\r\n'));
    const records = csv.slice(1).split('\r\n');
    assert.equal(records.length, register.entries.length + 2);
    assert.ok(records.includes('van-ban/nghi-quyet-long-dien.md,36,Nghị quyết số 15-NQ/TU,Kinh tế số,2025,>,Trên 50%,doanh nghiệp nhỏ và vừa sử dụng nền tảng số,44%,2023,Chưa đạt,van-ban/bao-cao-long-dien.md:37'), csv);
    assert.ok(records.includes('van-ban/nghi-quyet-ha-lam.md,27,Nghị quyết về chuyển đổi số tỉnh Hà Lam,Chính quyền số,2025,=,80%,"cán bộ, công chức được tập huấn kỹ năng số cơ bản",65%,2023,Chưa đạt,van-ban/bao-cao-ha-lam.md:29'), csv);
    const en = registerToCsv(register.entries, { locale: 'en', pathOf: (id) => id });
    assert.ok(en.startsWith('\uFEFFFile,Line,Document,Pillar,Year,Comparator,Value,Indicator,Latest result,Result year,Status,Result source\r\n'));
  });
});

export type { RegisterEntry };
