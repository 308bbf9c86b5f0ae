// The dashboard in a real browser: headless Chromium (Debian package `chromium`) driven by
// playwright-core loads the HTML `vanban dashboard` writes for the seeds, finds every Đồng Tháp
// indicator with its target and results, checks that the strict Content-Security-Policy let the
// stylesheet in and blocked nothing, that Vietnamese is drawn with Noto Sans (Debian's
// fonts-noto-core), and saves the screenshot the README shows.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { defaultConfig, parseDocument } from '../../server/src/core/index.js';
import { buildRegister } from '../../server/src/core/workspace/index.js';
import { scratch, vanban } from '../cli/cli-helpers.js';
import { repoRoot, SEEDS, SEEDS_ABSENT, seed, seedsDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SEED_FILES = [SEEDS.dongThapResolution, SEEDS.kienGiangResolution, SEEDS.haiDuongResolution, SEEDS.dongThapReport];

/** Debian's fonts-noto-core: Noto Sans, which the dashboard's font stack names, covers Vietnamese. */
export const NOTO_SANS = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

const skip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} not found: install the Debian package (apt-get install -y chromium) to run the browser test`
  : !existsSync(NOTO_SANS)
    ? `${NOTO_SANS} not found: install the Debian package fonts-noto-core (scripts/install-e2e.sh) to run the browser test`
    : SEED_FILES.some((f) => seed(f) === undefined)
    ? SEEDS_ABSENT
    : false;

/** The one browser API used inside `evaluate` (the tests compile without the DOM library). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { borderLeftColor: string };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

describe('dashboard in headless Chromium', () => {
  it('shows every indicator of the seeds with its numbers, styled, with nothing blocked', { skip, timeout: 180_000 }, async () => {
    const work = scratch();
    for (const f of SEED_FILES) copyFileSync(join(seedsDir, f), join(work, f));
    const out = join(work, 'bang-theo-doi.html');
    const r = vanban(['dashboard', '.', '-o', out], { cwd: work });
    assert.equal(r.status, 0, r.stderr);

    // What the page must show: the register of the same documents.
    const documents = SEED_FILES.map((f) => ({ id: f, document: parseDocument(seed(f)!, defaultConfig()) }));
    const entries = buildRegister(documents).entries.filter((e) => e.documentId === SEEDS.dongThapResolution && e.year === 2025);
    assert.equal(entries.length, 17);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });

      assert.equal(await page.title(), 'Bảng theo dõi chỉ tiêu chuyển đổi số');
      const cards = await page.locator('article.target').evaluateAll((nodes) =>
        nodes.map((n) => ({
          title: n.querySelector('h4')?.textContent ?? '',
          year: n.getAttribute('data-year'),
          status: n.getAttribute('data-status'),
          text: (n as unknown as { innerText: string }).innerText,
          bars: n.querySelectorAll('svg rect').length,
          href: n.querySelector('h4 a')?.getAttribute('href') ?? '',
        })),
      );
      for (const e of entries) {
        const card = cards.find((c) => c.title === capitalise(e.indicator) && c.year === '2025');
        assert.ok(card, `no card for "${e.indicator}"`);
        assert.ok(card.text.includes(e.value!.text), `target ${e.value!.text} missing for "${e.indicator}"`);
        for (const result of e.results) assert.ok(card.text.includes(result.text), `result ${result.text} (${result.year}) missing for "${e.indicator}"`);
        assert.equal(card.status, e.status);
        assert.equal(card.bars, e.results.length);
        // A link relative to the page: it works wherever the page is published with the documents.
        assert.equal(card.href, SEEDS.dongThapResolution);
      }
      // Vietnamese drawn in a font that has it: every glyph of the title, of a pillar heading and of
      // an indicator comes from Noto Sans, none from a fallback font (which would split the
      // diacritics off their letters, as in the old screenshots).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      for (const selector of ['h1', 'section.pillar h3', 'article.target h4 a']) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const text = await page.locator(selector).first().innerText();
        assert.match(text, /[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i, `${selector} has Vietnamese letters: ${text}`);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.ok(fonts.length > 0 && fonts.every((f) => f.glyphCount > 0));
        assert.deepEqual(
          [...new Set(fonts.map((f) => f.familyName))],
          ['Noto Sans'],
          `${selector} "${text}" is drawn with ${fonts.map((f) => `${f.familyName} (${f.glyphCount} glyphs)`).join(', ')}`,
        );
      }
      // Labels in Vietnamese, the three pillars of the seeds.
      const headings = await page.locator('section.pillar h3').allInnerTexts();
      for (const pillar of ['Chính quyền số', 'Kinh tế số', 'Xã hội số']) assert.ok(headings.some((h) => h.startsWith(pillar)), headings.join(' | '));
      // The stylesheet was allowed by its hash: a met card has its green border.
      const border = await page.locator('article.status-met').first().evaluate((n) => (globalThis as unknown as BrowserWindow).getComputedStyle(n).borderLeftColor);
      assert.equal(border, 'rgb(27, 127, 59)');
      // Nothing was blocked or fetched: the page is the only request.
      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [pathToFileURL(out).href]);

      mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
      // The README's picture is refreshed on request only, so that a test run leaves the tree clean.
      const shots = join(repoRoot, process.env.VANBAN_UPDATE_SCREENSHOTS ? 'docs/images' : 'out/screenshots');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'dashboard.png') });
    } finally {
      await browser.close();
    }
  });
});
