import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findServer, isFound } from '../../src/server';
import { toServerConfig } from '../../src/settings';

test('unset settings send nothing, so azsr.toml is not overridden', () => {
  assert.deepEqual(toServerConfig({ support_plan: null, messages: null, rules: null }), {});
});

test('set settings map to the azsr.toml keys', () => {
  const out = toServerConfig(
    {
      support_plan: 'standard',
      time_zone: '+09:00',
      messages: 'ja',
      summary_max_chars: 80,
      rules: { 'advanced-diagnostics': 'off' },
      'terms.ambiguous': ['DR環境'],
      'catalog.services': 'catalog/services.json',
      'catalog.problem_classifications': '/abs/pc',
    },
    '/ws',
  );
  assert.deepEqual(out, {
    support_plan: 'standard',
    time_zone: '+09:00',
    messages: 'ja',
    summary_max_chars: 80,
    rules: { 'advanced-diagnostics': 'off' },
    terms: { ambiguous: ['DR環境'] },
    catalog: { services: path.join('/ws', 'catalog/services.json'), problem_classifications: '/abs/pc' },
  });
});

function fakeExe(dir: string): string {
  const p = path.join(dir, process.platform === 'win32' ? 'azsr-lsp.exe' : 'azsr-lsp');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(p, '#!/bin/sh\n');
  fs.chmodSync(p, 0o755);
  return p;
}

test('lookup order: setting, then bundled, then PATH', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'azsr-lookup-'));
  const ext = path.join(root, 'ext');
  const bin = path.join(root, 'bin');
  const onPath = fakeExe(bin);
  fs.mkdirSync(ext);
  assert.deepEqual(findServer('', ext, undefined, bin), { command: onPath, source: 'path' });
  const bundled = fakeExe(path.join(ext, 'server'));
  assert.deepEqual(findServer(undefined, ext, undefined, bin), { command: bundled, source: 'bundled' });
  const custom = fakeExe(path.join(root, 'custom'));
  assert.deepEqual(findServer(custom, ext, undefined, bin), { command: custom, source: 'setting' });
  // A relative setting is taken from the workspace folder.
  assert.deepEqual(findServer('custom/azsr-lsp', ext, root, bin), { command: custom, source: 'setting' });
  // A wrong setting does not fall back silently.
  const wrong = findServer(path.join(root, 'nope'), ext, undefined, bin);
  assert.equal(isFound(wrong), false);
  assert.deepEqual(wrong, { configured: path.join(root, 'nope') });
  // Nothing anywhere.
  assert.deepEqual(findServer('', path.join(root, 'empty'), undefined, path.join(root, 'none')), {});
  fs.rmSync(root, { recursive: true, force: true });
});

test('the snippets are valid JSON with a ja and an en request template', () => {
  const file = path.join(__dirname, '..', '..', '..', 'snippets', 'azsr.code-snippets');
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const prefixes = Object.values(s).map((x) => x.prefix);
  assert.ok(prefixes.includes('azsr-request-ja'));
  assert.ok(prefixes.includes('azsr-request-en'));
});
