// One-megabyte pathological lines: each is analysed to the end in a worker thread. The watchdog
// fails the test only on a hang (far beyond any plausible analysis time), never on speed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

const MB = 1_000_000;
const HANG_MS = 180_000;

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
};

function analyseInWorker(text: string): Promise<{ findings: number; failures: unknown[] }> {
  const engine = new URL('../../server/src/core/engine.js', import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(engine)}).then(({ analyze }) => {
      const a = analyze(workerData);
      parentPort.postMessage({ findings: a.findings.length, failures: a.failures });
    });`;
  const worker = new Worker(source, { eval: true, workerData: text });
  return new Promise((resolve, reject) => {
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no answer after ${HANG_MS / 1000} s: the analysis hangs`));
    }, HANG_MS);
    worker.once('message', (m: { findings: number; failures: unknown[] }) => {
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

for (const [name, line] of Object.entries(LINES)) {
  test(`a 1 MB line of ${name} is analysed to the end`, async () => {
    const text = `NGHỊ QUYẾT\n\n1. Mục tiêu\n\n${line}\n`;
    const result = await analyseInWorker(text);
    assert.deepEqual(result.failures, []);
  });
}
