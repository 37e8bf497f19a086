// The playground in headless Chromium (web/test.sh runs it after build.sh):
// - `globalThis.azsr.check` on every example, in English and Japanese, equals
//   `azsr-lsp --check --format json` on the same file (all but `path`);
// - a finding after Japanese text and an emoji is squiggled at exactly the characters
//   `--check` reports;
// - hover shows the rule's documentation, a quick-fix button changes the text as the
//   fix's edits say, the permalink brings the same draft back;
// - no request leaves the page after it has loaded.
// Prints load time and check time for a 200-line request.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const dist = join(here, 'dist');
const bin = process.env.AZSR_LSP || join(root, 'target', 'debug', 'azsr-lsp');
const locales = { en: 'C', ja: 'ja_JP.UTF-8' };

function cli(file, lang) {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: locales[lang] };
  let out;
  try {
    out = execFileSync(bin, ['--check', '--format', 'json', relative(root, file)], { cwd: root, env, encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: errors found
  }
  const report = JSON.parse(out);
  assert.equal(report.files.length, 1, `${file}: ${JSON.stringify(report.failures)}`);
  return report.files[0];
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain' };
const server = createServer((req, res) => {
  const path = join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
  if (!path.startsWith(dist) || !existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(path)] || 'application/octet-stream' });
  res.end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
let failed = false;
try {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  let loaded = false;
  const late = [];
  page.on('request', (r) => loaded && late.push(r.url()));

  const t0 = Date.now();
  await page.goto(url);
  await page.evaluate(() => globalThis.azsr.ready);
  const loadMs = Date.now() - t0;
  loaded = true;

  // 1. The page's check equals --check on every example, in both languages.
  const examples = await page.evaluate(() => globalThis.azsr.examples);
  assert.ok(examples.length >= 5, 'the examples are bundled');
  let compared = 0;
  for (const { name, text } of examples) {
    assert.equal(text, readFileSync(join(root, 'examples', name), 'utf8'), `${name} bundled as is`);
    for (const lang of ['en', 'ja']) {
      const expected = cli(join(root, 'examples', name), lang);
      const got = await page.evaluate(([t, o]) => globalThis.azsr.check(t, o), [text, { locale: locales[lang] }]);
      assert.equal(got.path, 'draft.azsr.md');
      assert.deepEqual(got.diagnostics, expected.diagnostics, `${name} (${lang})`);
      compared += got.diagnostics.length;
    }
  }
  assert.ok(compared > 0, 'the examples have findings');
  console.log(`check: ${examples.length} examples × en/ja equal --check (${compared} findings)`);

  // 2. A squiggle after Japanese text and an emoji is exactly where --check says.
  const vague = examples.find((e) => e.name.endsWith('vague.ja.azsr.md')).text;
  const draft = vague.replace('\n\n', '\n\n😀 日本語のメモ。𠮷野家\n\n');
  const tmp = mkdtempSync(join(tmpdir(), 'azsr-web-'));
  writeFileSync(join(tmp, 'draft.azsr.md'), draft);
  const cliFindings = cli(join(tmp, 'draft.azsr.md'), 'ja').diagnostics;
  const lines = draft.split('\n');
  // cli.md's line and column (characters) → JavaScript's string offset (UTF-16 units).
  const offsetOf = ({ line, column }) => {
    let off = 0;
    for (let i = 0; i < line - 1; i++) off += lines[i].length + 1;
    return off + [...lines[line - 1]].slice(0, column - 1).join('').length;
  };
  const emojiAt = draft.indexOf('😀');
  const target = cliFindings.find((d) => {
    const [from, to] = [offsetOf(d.range.start), offsetOf(d.range.end)];
    return from > emojiAt && to > from && /[^\x00-\x7f]/.test(draft.slice(from, to));
  });
  assert.ok(target, 'a finding over Japanese text after the emoji');
  const want = { from: offsetOf(target.range.start), to: offsetOf(target.range.end) };
  const marks = await page.evaluate(async (text) => {
    const view = await globalThis.azsr.view();
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    for (let i = 0; i < 100 && !document.querySelector('.cm-lintRange'); i++) await new Promise((r) => setTimeout(r, 50));
    // Adjacent spans of one mark (split by syntax highlighting) joined.
    const spans = [...document.querySelectorAll('.cm-lintRange')].map((el) => {
      const from = view.posAtDOM(el, 0);
      return { from, to: from + el.textContent.length };
    });
    return spans.sort((a, b) => a.from - b.from).reduce((out, s) => {
      const last = out[out.length - 1];
      if (last && last.to === s.from) last.to = s.to; else out.push({ ...s });
      return out;
    }, []);
  }, draft);
  assert.ok(
    marks.some((m) => m.from === want.from && m.to === want.to),
    `squiggle of ${target.code} at ${want.from}..${want.to} «${draft.slice(want.from, want.to)}»; marks: ${JSON.stringify(marks)}`,
  );
  console.log(`squiggle: ${target.code} on «${draft.slice(want.from, want.to)}» at ${target.range.start.line}:${target.range.start.column}, as --check says`);

  // 3. Hover shows the rule's documentation.
  const hovered = await page.evaluate(([text, at]) => globalThis.azsr.hover(text, at, { messages: 'ja' }), [draft, want.from]);
  assert.ok(hovered.markdown.startsWith(`**${target.code}**`), hovered.markdown);
  await page.hover('.cm-lintRange');
  await page.waitForSelector('.azsr-hover strong');

  // 4. A quick-fix button changes the text as the fix's edits say.
  const before = await page.evaluate(async () => (await globalThis.azsr.view()).state.doc.toString());
  const fixed = await page.evaluate((text) => {
    const f = globalThis.azsr.findings(text, { messages: 'auto', locale: 'en-US' }).findings.find((x) => x.fixes.length);
    let out = text;
    for (const e of [...f.fixes[0].edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
    return { code: f.code, out };
  }, before);
  await page.click(`#findings li[data-code="${fixed.code}"] button.fix`);
  const after = await page.evaluate(async () => (await globalThis.azsr.view()).state.doc.toString());
  assert.notEqual(after, before);
  assert.equal(after, fixed.out, `the ${fixed.code} fix button`);
  console.log(`quick fix: the ${fixed.code} button applied its edits`);

  // 5. Completion offers services.
  const c = await page.evaluate(() => {
    const t = '---\nissue_type: technical\nservice: Virtual Mach\n---\n';
    return globalThis.azsr.completions(t, t.indexOf('Mach') + 4);
  });
  assert.ok(c.items.some((i) => i.kind === 'service'), 'services completed');

  // 6. The permalink holds the draft in the fragment and brings it back.
  await page.click('#permalink');
  await page.waitForFunction(() => location.hash.includes('draft='));
  const link = await page.evaluate(() => location.href);
  assert.ok(link.startsWith(`${url}#lang=auto&draft=`), link);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.evaluate(() => globalThis.azsr.ready);
  const reopened = await fresh.evaluate(async () => (await globalThis.azsr.view()).state.doc.toString());
  assert.equal(reopened, after, 'the permalink reopens the same draft');
  await fresh.close();

  // 7. The ja/en switch relabels the page and re-checks in that language.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#summary').textContent.includes('finding'));
  await page.selectOption('#lang', 'ja');
  await page.waitForFunction(() => document.querySelector('#summary').textContent.includes('件'));

  // 8. Timing: a 200-line request.
  const long = (() => {
    const body = examples.find((e) => e.name === 'vm-rdp.ja.azsr.md').text.split('\n');
    const out = [...body];
    for (let i = 0; out.length < 200; i++) out.push(`追記 ${i}: 再起動後も RDP 接続がタイムアウトします。`);
    return out.join('\n');
  })();
  const times = await page.evaluate((t) => {
    const ms = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      globalThis.azsr.check(`${t}\n${'x'.repeat(i)}`);
      ms.push(Math.round(performance.now() - s));
    }
    return ms;
  }, long);
  console.log(`timing: load + instantiate ${loadMs} ms; check of a 200-line request ${times.join(', ')} ms (first, then later)`);

  assert.deepEqual(late, [], 'no request after load');
  assert.deepEqual(errors, [], 'no error in the page');
  console.log('network: no request after load');
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
  server.close();
}
if (failed) process.exit(1);
console.log('web/test.mjs: ok');
