// Drives code-server (VS Code 1.100 in the browser) with playwright-core and Debian's
// Chromium: opens a faulty *.azsr.md, checks azsr's diagnostics in the Problems panel,
// completion after `service: Virt` (asked for, then while typing; with the draft's VM
// resource a Virtual Machine service is the first row), hover on `severity` and on a
// finding, the rule's explanation in the finding's language, and hover on the finding
// once the messages are Japanese (message once, then the Japanese documentation), and the
// export lenses (blocked on the faulty draft; on a clean one, "Copy az command" puts the
// az command on the clipboard). Screenshots go to
// $AZSR_E2E_ARTIFACTS. Run by run.sh, which starts code-server; prints
// "N passed, N failed" and exits 0 only when everything passed.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(path.join(process.env.AZSR_E2E_DIR, 'package.json'));
const { chromium } = require('playwright-core');

const url = process.env.AZSR_E2E_URL;
const artifacts = process.env.AZSR_E2E_ARTIFACTS;
const file = process.env.AZSR_E2E_FILE; // the file name to open, inside the workspace
const TIMEOUT = Number(process.env.AZSR_E2E_TIMEOUT_MS || 60000);
fs.mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
function report(ok, what, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${what}${!ok && detail ? `\n       ${detail}` : ''}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
// Clipboard access: the export lens's text is read back from the browser's clipboard.
const context = await browser.newContext({
  viewport: { width: 1400, height: 900 },
  permissions: ['clipboard-read', 'clipboard-write'],
});
const page = await context.newPage();
const shot = async (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    report(false, name, String(e).split('\n')[0]);
    await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
  }
}

try {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
  // The workbench is up when the activity bar is.
  await page.waitForSelector('.part.activitybar', { timeout: TIMEOUT });
  await shot('01-workbench');

  await step('open the faulty draft', async () => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type(file);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`, { timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab[aria-label*="${file}"]`, { timeout: TIMEOUT });
    // Still Markdown: the language indicator in the status bar says so.
    await page.waitForFunction(
      () => /Markdown/.test(document.querySelector('.part.statusbar')?.textContent || ''), null, { timeout: TIMEOUT });
    report(true, 'the draft opens as Markdown (status bar)');
  });

  await step('diagnostics in the Problems panel', async () => {
    // Squiggles first (the server has answered), then the Problems panel.
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: TIMEOUT });
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(
      () => (document.querySelector('.markers-panel')?.textContent || '').includes('sensitive-data'),
      null, { timeout: TIMEOUT });
    const text = await panel.innerText();
    await shot('02-problems');
    report(text.includes('sensitive-data'), 'Problems lists sensitive-data', text.slice(0, 300));
    report(text.includes('service-unknown'), 'Problems lists service-unknown', text.slice(0, 300));
    report(/azsr/.test(text), 'the findings come from azsr', text.slice(0, 300));
  });

  // Puts the cursor on a line (1-based) at a column (1-based), through "Go to Line".
  async function goTo(line, column) {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: TIMEOUT });
  }
  // The label of the suggest widget's first row, once the list has settled (the server
  // answers again while typing: its list is incomplete).
  async function firstSuggestion() {
    const row = page.locator('.suggest-widget .monaco-list-row[data-index="0"]');
    let label = '';
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(500);
      const now = ((await row.getAttribute('aria-label').catch(() => '')) || '').trim();
      if (now && now === label) break;
      label = now;
    }
    return label;
  }
  const lines = fs.readFileSync(process.env.AZSR_E2E_PATH, 'utf8').split('\n');
  const lineOf = (re) => lines.findIndex((l) => re.test(l)) + 1;

  // Markdown has quick suggestions off; the extension opens the list itself in a draft's
  // front matter (src/suggestWhileTyping.ts). Retype the value: no Ctrl+Space.
  await step('completion while typing, without Ctrl+Space', async () => {
    const n = lineOf(/^service: Virt$/);
    await goTo(n, 'service: Virt'.length + 1);
    await page.waitForTimeout(500); // a key press right after Go to Line can be lost
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.view-line')].some((l) => /^service:\s$/.test(l.textContent || '')),
      null, { timeout: TIMEOUT });
    await page.keyboard.type('Virt', { delay: 150 });
    const shown = page.locator('.suggest-widget:visible', { hasText: /Virtual Machine/ });
    await shown.waitFor({ state: 'visible', timeout: TIMEOUT });
    report(true, 'typing `service: Virt` shows Virtual Machine services without Ctrl+Space');
    // After the editor's own fuzzy filter, the draft's resource (a VM) still decides: a
    // Virtual Machine service is the first row (filterText/sortText keep the server's order).
    const first = await firstSuggestion();
    await shot('03-completion-while-typing');
    report(/^Virtual Machine running Windows/.test(first), 'the first suggestion for `Virt` with a VM resource is Virtual Machine running Windows', first);
    await page.keyboard.press('Escape');
    // In the body, typing opens nothing (Markdown prose keeps its quiet editor).
    const body = lineOf(/^## /) + 1;
    await goTo(body, 1);
    await page.waitForTimeout(500);
    await page.keyboard.type('Az', { delay: 150 });
    await page.waitForTimeout(2000);
    const open = await page.locator('.suggest-widget:visible').count();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    report(open === 0, 'typing in the body opens no suggestions', `${open} suggest widget(s) visible`);
  });

  await step('completion after service: Virt', async () => {
    const n = lineOf(/^service: Virt$/);
    await goTo(n, 'service: Virt'.length + 1);
    const widget = page.locator('.suggest-widget');
    // Trigger Suggest; retried, since a key press right after Go to Line can be lost.
    for (let i = 0; i < 5; i++) {
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+Space');
      try {
        await widget.waitFor({ state: 'visible', timeout: 3000 });
        break;
      } catch {}
    }
    await widget.waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.waitForFunction(
      () => /Virtual Machine/.test(document.querySelector('.suggest-widget')?.textContent || ''),
      null, { timeout: TIMEOUT });
    const first = await firstSuggestion();
    await shot('04-completion');
    const text = await widget.innerText();
    report(/Virtual Machine/.test(text), 'completion offers a Virtual Machine service', text.slice(0, 300));
    report(/^Virtual Machine running Windows/.test(first), 'Ctrl+Space after `Virt` puts Virtual Machine running Windows first', first);
    await page.keyboard.press('Escape');
  });

  await step('hover on severity', async () => {
    const n = lineOf(/^severity:/);
    await goTo(n, 3);
    // editor.action.showHover
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').first();
    await hover.waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover')].some((h) => h.querySelector('table')),
      null, { timeout: TIMEOUT });
    await page.waitForTimeout(1000); // the hover fades in
    await shot('05-hover');
    const text = await hover.innerText();
    report(true, 'hover on severity shows a table');
    console.log(`       hover: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
    await page.keyboard.press('Escape');
  });

  // `azsr.messages` is `en` (run.sh): the findings, their hover and the rule's explanation
  // are in English although the draft's support_language is Japanese.
  await step('hover on a finding', async () => {
    const n = lineOf(/eyJhbGciOi/);
    const col = [...lines[n - 1].slice(0, lines[n - 1].indexOf('eyJ'))].length + 3;
    await goTo(n, col);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover')].some((h) => /What\s+it\s+checks/.test(h.textContent || '')),
      null, { timeout: TIMEOUT });
    await page.waitForTimeout(1000); // the hover fades in
    await shot('05b-hover-finding');
    const text = await page.locator('.monaco-hover:visible').first().innerText();
    report(/sensitive-data/.test(text) && !/確認すること/.test(text),
      'hover on a finding shows its rule documentation in the language of the finding', text.slice(0, 300));
    await page.keyboard.press('Escape');
  });

  await step('explain the rule under the cursor', async () => {
    const n = lineOf(/eyJhbGciOi/);
    const col = [...lines[n - 1].slice(0, lines[n - 1].indexOf('eyJ'))].length + 3;
    await goTo(n, col);
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type('azsr: Explain Rule Under Cursor');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-editor .view-lines')].some((v) => /What\s+it\s+checks/.test(v.textContent || '')),
      null, { timeout: TIMEOUT });
    await page.waitForTimeout(500);
    await shot('06-explain');
    report(true, 'azsr: Explain Rule Under Cursor opens the rule documentation in the language of the finding');
  });

  // With `azsr.messages` switched to `ja`, hover on the same finding shows its Japanese
  // message once (VS Code's own marker row; the server's hover does not repeat it), then
  // the rule's Japanese documentation, once.
  await step('hover on a Japanese finding', async () => {
    // A workspace setting (the workspace's files are watched), over the user's `en`.
    const vscodeDir = path.join(path.dirname(process.env.AZSR_E2E_PATH), '.vscode');
    fs.mkdirSync(vscodeDir, { recursive: true });
    fs.writeFileSync(path.join(vscodeDir, 'settings.json'), JSON.stringify({ 'azsr.messages': 'ja' }, null, 2));
    // The server republishes in Japanese: the Problems panel's row says so.
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'sensitive-data' }).first();
    await page.waitForFunction(
      () => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .some((r) => /sensitive-data/.test(r.textContent || '') && /[\u3040-\u30ff]/.test(r.textContent || '')),
      null, { timeout: TIMEOUT });
    const label = (await row.textContent()) || '';
    // The message's first Japanese sentence, as VS Code lists it.
    const sentence = (label.match(/[^\s:]*[\u3040-\u30ff][^。]*。/) || [''])[0];
    await page.keyboard.press('Control+Shift+M'); // the panel closes: the editor has the room
    const n = lineOf(/eyJhbGciOi/);
    const col = [...lines[n - 1].slice(0, lines[n - 1].indexOf('eyJ'))].length + 3;
    const japaneseHover = () => page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover')].some((h) => /確認すること/.test(h.textContent || '')),
      null, { timeout: 15000 });
    for (let attempt = 0; ; attempt++) {
      await goTo(n, col);
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
      await page.keyboard.type('Show or Focus Hover');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      try {
        await japaneseHover();
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await page.keyboard.press('Escape');
      }
    }
    await page.waitForTimeout(1000); // the hover fades in
    await shot('05c-hover-finding-ja');
    const text = await page.locator('.monaco-hover:visible').first().innerText();
    const count = (needle) => (needle ? text.split(needle).length - 1 : 0);
    report(sentence !== '' && count(sentence) === 1 && count('確認すること') === 1 && !/What\s+it\s+checks/.test(text),
      'hover on a Japanese finding shows its message once, then the Japanese documentation',
      `${sentence} | ${text.slice(0, 300)}`);
    await page.keyboard.press('Escape');
  });

  // The messages are Japanese now (previous step): so are the lenses and the notification.
  await step('export lenses', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    const blocked = page.locator('.codelens-decoration', { hasText: 'エクスポートできません' }).first();
    await blocked.waitFor({ state: 'visible', timeout: TIMEOUT });
    const blockedText = await blocked.innerText();
    await shot('07-lens-blocked');
    report(/エラーが \d+ 件/.test(blockedText) && (await page.locator('.codelens-decoration a', { hasText: 'コピー' }).count()) === 0,
      'a draft with errors has one lens, saying how many errors block the export', blockedText);

    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: TIMEOUT });
    await page.keyboard.type(process.env.AZSR_E2E_CLEAN);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${process.env.AZSR_E2E_CLEAN}"]`, { timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[aria-label*="${process.env.AZSR_E2E_CLEAN}"]`, { timeout: TIMEOUT });
    const copy = page.locator('.codelens-decoration a', { hasText: 'az コマンドをコピー' }).first();
    await copy.waitFor({ state: 'visible', timeout: TIMEOUT });
    report((await page.locator('.codelens-decoration a', { hasText: 'リクエスト本文をエクスポート' }).count()) === 1,
      'a clean draft has the two export lenses, in the messages language');
    await page.evaluate(() => navigator.clipboard.writeText('before')).catch(() => {});
    await copy.click();
    const toast = page.locator('.notifications-toasts', { hasText: 'az コマンドをクリップボードにコピーしました' });
    await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
    await shot('08-lens-copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const summary = fs.readFileSync(process.env.AZSR_E2E_CLEAN_PATH, 'utf8').match(/^summary: (.*)$/m)[1];
    report(clip.includes('az support') && clip.includes(`--title='${summary}'`),
      '"Copy az command" puts the az command with the request\'s title on the clipboard, and says so', clip.slice(0, 300));
  });
} catch (e) {
  report(false, 'workbench', String(e).split('\n')[0]);
  await shot('failed-workbench').catch(() => {});
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
