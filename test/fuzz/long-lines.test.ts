// One-megabyte pathological lines: each is analysed to the end in a worker thread, inline
// configuration comments applied as the CLI and the language server apply them. The watchdog fails
// the test on a hang or on super-linear time (issue 16: an unclosed `<!-- vanban-` per 12 bytes took
// two minutes, unmatched `[` three), never on ordinary speed: a linear analysis of any of these
// takes a few seconds. VANBAN_HANG_MS overrides it on a slow machine.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

const MB = 1_000_000;
const HANG_MS = Number(process.env.VANBAN_HANG_MS ?? 60_000);

const LINES: Record<string, string> = {
  'pipes and dashes': '|-'.repeat(MB / 2),
  'a pipe table row a megabyte wide': '| a | ' + '1,5% | '.repeat(MB / 7),
  'unclosed emphasis': '*'.repeat(MB / 2) + 'a' + '_'.repeat(MB / 2),
  'unclosed tags': '<b'.repeat(MB / 2),
  'unclosed links': '[a]('.repeat(MB / 4),
  'numbers and separators': '1.000.000,5% '.repeat(MB / 13),
  'digits only': '9'.repeat(MB),
  'tabs and words': 'Chỉ tiêu\t'.repeat(MB / 9),
  'NFD marks': 'a\u0301\u0323'.repeat(MB / 3),
  'astral characters': '😀'.repeat(MB / 2),
  'footnote marks': '<sup>(1)</sup>'.repeat(MB / 14),
  'entities': '&#7889;&amp;'.repeat(MB / 12),
  'backslashes': '\\'.repeat(MB),
  'numbering prefixes': '1.1.1.1.'.repeat(MB / 8),
  // The claim reader's wordings, repeated in one clause (no `;`) and in many clauses.
  'ratio claims in one clause': '13/17 dịch vụ (NDXP) đạt 76,5% mục tiêu, '.repeat(MB / 42),
  'ratio claims, percentage first': 'đạt 64% (3.200/5.000 hồ sơ) và '.repeat(MB / 33),
  'change claims': 'tăng từ 1.200 tỷ đồng năm 2023 lên 1.500 tỷ đồng năm 2024, tăng 25%; '.repeat(MB / 70),
  'multiples with their base': '412.600 tài khoản, gấp 1,5 lần năm 2023 (275.000 tài khoản), '.repeat(MB / 62),
  'breakdowns': '39 chỉ tiêu, gồm 08 chỉ tiêu, 13 chỉ tiêu, 06 chỉ tiêu và 12 chỉ tiêu, trong đó có 5 chỉ tiêu '.repeat(MB / 95),
  'met and unmet counts': 'đạt và vượt 11/14 chỉ tiêu, còn 03/14 chỉ tiêu chưa đạt, 07 chỉ tiêu còn lại '.repeat(MB / 80),
  'averages and series': 'bình quân 8,2%/năm (năm 2022: 7,5%; năm 2023: 8,4%) '.repeat(MB / 52),
  // A paragraph hard-wrapped into 60,000 lines that the prose reader joins (one run, built once).
  'a megabyte of hard-wrapped prose': 'tăng từ 12 lên 15 hồ sơ, tăng\n'.repeat(MB / 30),
  // Issue 16, point 3.
  'unclosed inline configuration comments': '<!-- vanban-'.repeat(MB / 12),
  'unclosed inline configuration directives': '<!-- vanban-disable target-year '.repeat(MB / 32),
  'unclosed HTML comments': '<!--'.repeat(MB / 4),
  'unmatched brackets': '['.repeat(MB),
  'unmatched link closings': ']('.repeat(MB / 2),
  'a link destination a megabyte long': '[a](' + 'x'.repeat(MB),
  'unclosed link titles': '[a](u "'.repeat(MB / 7),
  'a sup with a megabyte of spaces': '<sup>' + ' '.repeat(MB),
  // Points 1 and 3: refused with a reason, or analysed; never a stack overflow or a hang.
  'block quotes 6,000 deep': '>'.repeat(6000),
  'block quotes a megabyte deep': '>'.repeat(MB),
  'quoted lists 5,000 deep': '> - '.repeat(5000) + 'a',
  'lists half a megabyte deep': '- '.repeat(MB / 2) + 'a',
  'a thematic break a megabyte long': '- '.repeat(MB / 2),
};

/** Whole documents of many lines. */
const DOCUMENTS: Record<string, string> = {
  // Point 2: spreading all rows into Math.max overflowed the stack (at 125,000 on the edge).
  'a pipe table of 200,000 rows': '| Hàng | Giá trị |\n|---|---|\n' + Array.from({ length: 200_000 }, (_, i) => `| ${i} | 1 |`).join('\n'),
  'a TSV table of 200,000 rows': 'Hàng\tGiá trị\tGhi chú\n' + Array.from({ length: 200_000 }, (_, i) => `Hàng ${i}\t${i}\t1234567`).join('\n'),
  'inline configuration comments on 60,000 lines, none closed': '<!-- vanban-disable\n'.repeat(60_000),
  'directives and findings by the thousand': '<!-- vanban-disable target-year -->\n- Đến năm 2025, đạt 50%.\n<!-- vanban-enable -->\n'.repeat(8_000),
};

interface Outcome {
  findings: number;
  failures: unknown[];
  /** The core refused the document (DocumentLimitError): its reason. */
  refused?: string;
}

function analyseInWorker(text: string): Promise<Outcome> {
  const engine = new URL('../../server/src/core/engine.js', import.meta.url).href;
  const suppress = new URL('../../server/src/core/suppress.js', import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    Promise.all([import(${JSON.stringify(engine)}), import(${JSON.stringify(suppress)})]).then(([{ analyze }, { applyInlineSuppressions }]) => {
      try {
        const a = analyze(workerData);
        const s = applyInlineSuppressions(workerData, a.findings, () => true);
        parentPort.postMessage({ findings: s.findings.length + s.problems.length, failures: a.failures });
      } catch (error) {
        if (error && error.name === 'DocumentLimitError') parentPort.postMessage({ findings: 0, failures: [], refused: error.message });
        else throw error;
      }
    });`;
  const worker = new Worker(source, { eval: true, workerData: text });
  return new Promise((resolve, reject) => {
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no answer after ${HANG_MS / 1000} s: the analysis hangs or is super-linear`));
    }, HANG_MS);
    worker.once('message', (m: Outcome) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(watchdog);
      reject(e);
    });
  });
}

/** Shapes the core refuses (limits.ts) rather than analyses. */
const REFUSED = new Set(['block quotes 6,000 deep', 'block quotes a megabyte deep', 'quoted lists 5,000 deep', 'lists half a megabyte deep']);

for (const [name, line] of Object.entries(LINES)) {
  test(`a 1 MB line of ${name} is analysed to the end`, async () => {
    const text = `NGHỊ QUYẾT\n\n1. Mục tiêu\n\n${line}\n`;
    const result = await analyseInWorker(text);
    assert.deepEqual(result.failures, []);
    if (REFUSED.has(name)) assert.match(result.refused ?? '', /nests too deep/);
    else assert.equal(result.refused, undefined);
  });
}

for (const [name, body] of Object.entries(DOCUMENTS)) {
  test(`${name} is analysed to the end`, async () => {
    const result = await analyseInWorker(`NGHỊ QUYẾT\n\n1. Mục tiêu\n\n${body}\n`);
    assert.deepEqual(result.failures, []);
    assert.equal(result.refused, undefined);
  });
}
