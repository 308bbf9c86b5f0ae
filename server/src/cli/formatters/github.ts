// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

import type { Severity } from '../../core/types.js';
import type { CheckReport } from '../report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ];
      const word = d.word ? ` (Word: ${d.word.location}: “${d.word.snippet}”)` : '';
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message + word)}`);
    }
  }
  for (const f of report.failures) {
    const where = f.line !== undefined ? `,line=${f.line},col=${f.column ?? 1}` : '';
    out.push(`::error file=${escapeProperty(f.path)}${where},title=vanban::${escapeData(f.message)}`);
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
