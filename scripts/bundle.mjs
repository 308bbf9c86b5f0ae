// Bundles the three entry points with esbuild: the VS Code extension (CommonJS, `vscode` external),
// the language server and the CLI (CommonJS bundles so that cold start loads one file).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.cjs' },
];

const watch = process.argv.includes('--watch');
for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: !watch,
    keepNames: true,
    external: entry.external ?? [],
    logLevel: 'warning',
    // ESM packages use import.meta.url; give the CJS bundle one.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
}
