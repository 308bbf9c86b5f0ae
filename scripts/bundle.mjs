// Bundles the three entry points with esbuild: the VS Code extension (CommonJS, `vscode` external),
// the language server and the CLI (CommonJS bundles so that cold start loads one file).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

// The CLI loads zod (half of its bundle) only when it first builds a schema (a configuration file
// read, JSON printed): `zod` resolves to a stand-in that requires dist/cli-zod.cjs on first use,
// so a plain `vanban check FILE` does not parse and run it at start-up.
const lazyZod = {
  name: 'lazy-zod',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (args) => (args.pluginData === 'real' ? undefined : { path: 'zod', namespace: 'lazy-zod' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-zod' }, () => ({
      loader: 'js',
      contents:
        'let real;\n' +
        "const load = () => (real ??= require('./cli-zod.cjs').z);\n" +
        'export const z = new Proxy({}, { get: (_, key) => Reflect.get(load(), key), has: (_, key) => Reflect.has(load(), key) });\n',
    }));
  },
};

// Word documents are rarer than Markdown: the converter (fflate, fast-xml-parser) is its own file,
// dist/cli-docx.cjs, required on the first .docx, so that `vanban check FILE.md` does not load it.
const lazyDocx = {
  name: 'lazy-docx',
  setup(build) {
    build.onResolve({ filter: /\/docx\/convert\.js$/ }, (args) =>
      /[\\/]io[\\/]document\.ts$/.test(args.importer) ? { path: 'docx-convert', namespace: 'lazy-docx' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-docx' }, () => ({
      loader: 'js',
      contents: "export const convertDocx = (...args) => require('./cli-docx.cjs').convertDocx(...args);\n",
    }));
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.cjs', plugins: [lazyZod, lazyDocx], external: ['./cli-zod.cjs', './cli-docx.cjs'] },
  { in: 'server/src/docx/convert.ts', out: 'dist/cli-docx.cjs' },
  { in: 'scripts/cli-zod.mjs', out: 'dist/cli-zod.cjs' },
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
    // Maps beside the bundles for debugging, with no sourceMappingURL comment: the npm tarball and the
    // .vsix ship the bundles without their maps, and a comment would point at nothing.
    sourcemap: 'external',
    minify: !watch,
    keepNames: true,
    external: entry.external ?? [],
    plugins: entry.plugins ?? [],
    logLevel: 'warning',
    // ESM packages use import.meta.url; give the CJS bundle one.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
}
