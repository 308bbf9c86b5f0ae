// `--format junit`: one test suite per document, one failing test case per finding (a clean
// document is one passing case), for CI systems that display JUnit reports (GitLab, Jenkins, Azure).

import type { Locale } from '../../core/types.js';
import { severityName } from '../messages.js';
import type { CheckReport } from '../report.js';

function xml(text: string): string {
  return text
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(report: CheckReport, locale: Locale): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const cases = file.diagnostics.map((d) => {
      const where = `${file.path}:${d.line}:${d.column}`;
      const word = d.word ? `\nWord: ${d.word.location}: “${d.word.snippet}”` : '';
      const body = `${where} ${severityName(d.severity, locale)} ${d.message} (${d.ruleId})${word}`;
      return (
        `    <testcase classname="${xml(file.path)}" name="${xml(`${d.ruleId} ${d.line}:${d.column}`)}" time="0">\n` +
        `      <failure message="${xml(d.message)}" type="${xml(d.severity)}">${xml(body)}</failure>\n` +
        `    </testcase>`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file.path)}" name="vanban" time="0"/>`);
    tests += cases.length;
    failures += file.diagnostics.length;
    suites.push(
      `  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${file.diagnostics.length}" errors="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (report.failures.length > 0) {
    const cases = report.failures.map(
      (f) =>
        `    <testcase classname="${xml(f.path)}" name="vanban" time="0">\n      <error message="${xml(f.message)}">${xml(`${f.path}: ${f.message}`)}</error>\n    </testcase>`,
    );
    tests += cases.length;
    errors += cases.length;
    suites.push(`  <testsuite name="vanban" tests="${cases.length}" failures="0" errors="${cases.length}" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="vanban" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    (suites.length > 0 ? suites.join('\n') + '\n' : '') +
    `</testsuites>\n`
  );
}
