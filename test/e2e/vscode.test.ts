// End-to-end in a real editor: code-server 4.100.3 (the VS Code 1.100.3 workbench with its real
// Node extension host) serves the built extension, Debian's Chromium renders it, playwright-core
// drives it. We assert on the DOM (the Problems panel, the squiggle, the hover, the status bar,
// the quick pick) and on the saved file, not on pixels. Recipe: shared/recipes/editor-e2e/.
// Needs `scripts/install-e2e.sh` (code-server in .e2e/code-server, /usr/bin/chromium) and a build
// (`npm run build`); without code-server or Chromium it skips and says why.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { docxOfLines } from '../docx-build.js';
import { repoRoot } from '../helpers.js';

const CODE_SERVER = process.env.CODE_SERVER ?? join(repoRoot, '.e2e/code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The README's picture is refreshed on request only, so that a test run leaves the tree clean.
const SCREENSHOT = join(repoRoot, process.env.VANBAN_UPDATE_SCREENSHOTS ? 'docs/images' : 'out/screenshots', 'vscode-diagnostics.png');
const FIXTURES = join(repoRoot, 'test/fixtures/e2e');
/** Fonts with full Vietnamese coverage for the workbench (sans-serif) and the editor (monospace). */
const NOTO_FONTS = ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf'];
const RESOLUTION = 'nghi-quyet-chuyen-doi-so.md';
const UNOPENED = 'ke-hoach-chua-mo.md';
/** A Word document in the workspace, made at test time: one target without a year. */
const WORD = 'ke-hoach-word.docx';
const WORD_LINES = ['KẾ HOẠCH', 'Chuyển đổi số của huyện Thử Nghiệm', 'I. MỤC TIÊU CỤ THỂ', 'a) Phát triển chính quyền số', '- 95% hồ sơ công việc được ký số trên môi trường mạng.'];
/** Generous: the first start of the workbench and the extension host on a busy 2-core machine. */
const WAIT = { timeout: 90_000 };

/** Why this suite cannot run here, or undefined. */
function missingPrerequisite(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server not found at ${CODE_SERVER}: run scripts/install-e2e.sh (or set CODE_SERVER)`;
  if (!existsSync(CHROMIUM)) return `chromium not found at ${CHROMIUM}: run scripts/install-e2e.sh (or set CHROMIUM)`;
  for (const font of NOTO_FONTS) {
    if (!existsSync(font)) return `${font} not found: run scripts/install-e2e.sh (Debian's fonts-noto-core and fonts-noto-mono)`;
  }
  try {
    import.meta.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed: run npm install';
  }
  return undefined;
}

/** The files the .vsix carries (see .vscodeignore), copied as an installed extension folder. */
function installExtension(extensionsDir: string): void {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const bundle of ['dist/extension.cjs', 'dist/server.cjs']) {
    assert.ok(existsSync(join(repoRoot, bundle)), `${bundle} is built (npm run build)`);
  }
  for (const file of ['package.json', 'package.nls.json', 'package.nls.vi.json', 'LICENSE', 'dist/extension.cjs', 'dist/server.cjs']) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(target, file));
  }
  for (const folder of ['snippets', 'syntaxes', 'schemas', 'docs/rules']) {
    if (existsSync(join(repoRoot, folder))) cpSync(join(repoRoot, folder), join(target, folder), { recursive: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const reason = missingPrerequisite();
if (reason) console.log(`# vscode e2e skipped: ${reason}`);

describe('VS Code (code-server 4.100.3) with the built extension', { skip: reason ?? false }, () => {
  let root: string;
  let workspace: string;
  let codeServer: ChildProcess | undefined;
  let log = '';
  let browser: Browser | undefined;
  let page: Page;

  const statusItem = () => page.locator('.statusbar-item', { hasText: 'Vanban' }).first();
  const problemRows = () => page.locator('.markers-panel .monaco-list-row');
  /** Runs a command from the palette (F1) by part of its title, as a user does. */
  const runCommand = async (title: string) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor(WAIT);
    await page.keyboard.press('Enter');
  };
  /** The squiggle is painted under the text layer, which takes the pointer: aim at its middle. */
  const squiggleCenter = async () => {
    const box = await page.locator('.editor-instance .squiggly-warning').first().boundingBox();
    assert.ok(box, 'the squiggle is on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vanban-e2e-'));
    workspace = join(root, 'workspace');
    mkdirSync(join(root, 'user/User'), { recursive: true });
    mkdirSync(join(root, 'extensions'), { recursive: true });
    mkdirSync(workspace);
    writeFileSync(
      join(root, 'user/User/settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'workbench.tips.enabled': false,
        'editor.hover.delay': 100,
        // The users' language; the editor's display language stays English (no language pack).
        'vanban.locale': 'vi',
      }),
    );
    installExtension(join(root, 'extensions'));
    copyFileSync(join(FIXTURES, RESOLUTION), join(workspace, RESOLUTION));
    copyFileSync(join(FIXTURES, UNOPENED), join(workspace, UNOPENED));
    writeFileSync(join(workspace, WORD), docxOfLines(WORD_LINES.join('\n')));
    writeFileSync(join(root, 'config.yaml'), '');

    const port = await freePort();
    codeServer = spawn(
      CODE_SERVER,
      [
        '--config', join(root, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--user-data-dir', join(root, 'user'), '--extensions-dir', join(root, 'extensions'), workspace,
      ],
      // Its own process group, so that `after` ends the extension host and the language server too.
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: root } },
    );
    const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4000));
    codeServer.stdout?.on('data', keep);
    codeServer.stderr?.on('data', keep);
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (codeServer.exitCode !== null || i > 300) throw new Error(`code-server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.explorer-folders-view', WAIT);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: RESOLUTION }).first().click();
    await page.waitForSelector('.editor-instance .view-lines', WAIT);
  });

  after(async () => {
    await browser?.close();
    if (codeServer?.pid) {
      try {
        process.kill(-codeServer.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the status bar shows the server ready and the findings of the active document', async () => {
    await page.locator('.statusbar-item', { hasText: 'Vanban: sẵn sàng · 1' }).first().waitFor(WAIT);
  });

  test('the Problems panel lists the finding with its rule id, message and position', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = problemRows().filter({ hasText: 'target-year' }).first();
    await row.waitFor(WAIT);
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Chỉ tiêu "Trên 90% người dân, doanh nghiệp hài lòng .*" chưa có năm đạt được/);
    assert.match(text, /vanban ?\(?target-year\)? ?\[Ln 43, Col 3\]/);
    await row.click(); // reveals the line in the editor
  });

  test('the target is underlined by one warning squiggle', async () => {
    const squiggle = page.locator('.editor-instance .squiggly-warning');
    await squiggle.first().waitFor(WAIT);
    assert.equal(await squiggle.count(), 1);
  });

  test('hovering the target shows what the core understood of it', async () => {
    const { x, y } = await squiggleCenter();
    const hover = page.locator('.monaco-hover', { hasText: 'Trụ cột' }).first();
    // A mouse hover can open before the server's answer arrives or not open at all when the
    // pointer lands during a repaint; try the mouse, then the keyboard (Ctrl+K Ctrl+I shows the
    // hover at the cursor), a few times, rather than wait on one gesture.
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(x, y - 200);
      await page.mouse.move(x, y, { steps: 5 });
      if (await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) break;
      await page.mouse.click(x, y);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      if (await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) break;
      assert.ok(attempt < 2, 'the hover with the target opens by mouse or keyboard');
      await page.keyboard.press('Escape');
    }
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /chưa có năm đạt được/, 'the diagnostic');
    assert.match(text, /Chỉ tiêu — Trên 90% người dân/, "the server's hover: the target");
    assert.match(text, /Trụ cột: Chính quyền số/, "the server's hover: the inherited pillar");
    // Vietnamese drawn with fonts that have it — in the editor's lines and in the hover — never a
    // fallback that splits the diacritics off (the old screenshot's `sô´`, `vê\``).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root: dom } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds: lines } = await cdp.send('DOM.querySelectorAll', { nodeId: dom.nodeId, selector: '.editor-instance .view-line span span' });
    const { nodeIds: hovers } = await cdp.send('DOM.querySelectorAll', { nodeId: dom.nodeId, selector: '.monaco-hover p' });
    const families = new Map<string, number>();
    let checked = 0;
    for (const nodeId of [...lines, ...hovers]) {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      if (!/[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i.test(outerHTML)) continue;
      checked++;
      for (const f of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) families.set(f.familyName, (families.get(f.familyName) ?? 0) + f.glyphCount);
    }
    assert.ok(checked >= 3, 'Vietnamese text is on screen in the editor and the hover');
    assert.deepEqual([...families.keys()].filter((f) => !/^Noto Sans( Mono)?$/.test(f)), [], `fonts used: ${JSON.stringify([...families])}`);
    assert.ok(families.has('Noto Sans Mono'), 'the editor draws Vietnamese with Noto Sans Mono');
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  test('"Hiện chỉ tiêu" lists the targets with their value, year and pillar', async () => {
    await runCommand('Hiện chỉ tiêu');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const missingYear = rows.filter({ hasText: 'Trên 90% người dân' }).first();
    await missingYear.waitFor(WAIT);
    assert.equal(await rows.count(), 4);
    assert.match((await missingYear.innerText()).replace(/\s+/g, ' '), /90%.* · thiếu năm · Chính quyền số/);
    assert.match(
      (await rows.filter({ hasText: 'Trên 55% doanh nghiệp' }).first().innerText()).replace(/\s+/g, ' '),
      /trên 55% · 2025 · Kinh tế số/,
    );
    await page.keyboard.press('Escape');
  });

  test('the quick fix from Ctrl+. completes the year, and the finding goes away', async () => {
    await page.keyboard.press('Escape');
    const { x, y } = await squiggleCenter();
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Thêm năm đạt được' }).first().waitFor(WAIT);
    // Choose it as a keyboard user does: arrow down to it, then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; !(await focused.innerText()).includes('Thêm năm đạt được'); i++) {
      assert.ok(i < 10, 'the action "Thêm năm đạt được" can be reached with the arrow keys');
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Vanban: sẵn sàng · 0' }).first().waitFor(WAIT);
    await problemRows().filter({ hasText: 'target-year' }).first().waitFor({ state: 'detached', ...WAIT });
    await page.keyboard.press('Control+S');
    const saved = join(workspace, RESOLUTION);
    for (let i = 0; !readFileSync(saved, 'utf8').includes('thủ tục hành chính đến năm 2025.'); i++) {
      assert.ok(i < 300, `the fix was saved to ${saved}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  test('"Kiểm tra toàn bộ thư mục" reports the documents that are not open', async () => {
    await runCommand('Kiểm tra toàn bộ thư mục');
    const row = problemRows().filter({ hasText: 'target-pillar' }).first();
    await row.waitFor(WAIT);
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /chưa gắn với trụ cột nào.*\[Ln 13, Col 3\]/);
    await problemRows().filter({ hasText: UNOPENED }).first().waitFor(WAIT);
  });

  test('"Mở bảng theo dõi chỉ tiêu" shows the targets in a webview; an item reveals its line', async () => {
    await runCommand('Mở bảng theo dõi chỉ tiêu');
    // The page is two iframes deep: the webview host, then the document it shows.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const card = view.locator('article.target', { hasText: 'Doanh nghiệp vừa và nhỏ tiến hành hoạt động kinh doanh' }).first();
    await card.waitFor(WAIT);
    assert.match((await card.innerText()).replace(/\s+/g, ' '), /Mục tiêu 2025: Trên 55%/);
    // The unopened plan is on the page too: it comes from the server's workspace index.
    await view.locator('article.target', { hasText: 'Văn bản được trao đổi qua môi trường mạng' }).first().waitFor(WAIT);
    await card.locator('h4 a').click();
    // The resolution opens beside the dashboard with the cursor on the target.
    await page.locator('.statusbar-item', { hasText: 'Ln 33, Col 3' }).first().waitFor(WAIT);
    await page.locator('.tab.active', { hasText: RESOLUTION }).first().waitFor(WAIT);
  });

  test('a Word document opens (double-click, custom editor) as its converted text, with its findings in the Problems panel', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: WORD }).first().dblclick();
    // The custom editor hands over to the read-only vanban-docx: document the server checks.
    await page.locator('.editor-instance .view-lines', { hasText: '95% hồ sơ công việc được ký số' }).first().waitFor(WAIT);
    await page.locator('.tab.active', { hasText: WORD }).first().waitFor(WAIT);
    await page.keyboard.press('Control+Shift+M');
    const row = problemRows().filter({ hasText: 'target-year' }).filter({ hasText: '95% hồ sơ công việc' }).first();
    await row.waitFor(WAIT);
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /chưa có năm đạt được/);
  });
});
