// The in-extension-host suite (test/e2e/suite/index.cts) on a VS Code desktop build, through
// @vscode/test-electron. Its download cannot work offline, so it runs only where a binary is
// given: VSCODE_EXECUTABLE=/path/to/code. Elsewhere it skips and says so; the real-editor test
// that runs everywhere is vscode.test.ts (code-server).
import { test } from 'node:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const executable = process.env.VSCODE_EXECUTABLE;
const skip =
  executable === undefined || executable === ''
    ? 'no VS Code desktop binary on this machine; set VSCODE_EXECUTABLE'
    : existsSync(executable)
      ? false
      : `VSCODE_EXECUTABLE=${executable} does not exist`;
if (skip) console.log(`# electron e2e skipped: ${skip}`);

test('the in-extension-host suite passes in VS Code desktop', { skip }, async () => {
  const { runTests } = await import('@vscode/test-electron');
  const userData = mkdtempSync(join(tmpdir(), 'vanban-electron-'));
  try {
    await runTests({
      vscodeExecutablePath: executable!,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'test/e2e/suite/index.cjs'),
      launchArgs: [join(repoRoot, 'test/fixtures/e2e'), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
      extensionTestsEnv: { VANBAN_E2E: '1' },
    });
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});
