import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inFrontMatter, standsInForQuickSuggestions, suggestsAfterTyping, type Lines } from '../../src/suggestWhileTyping';

const doc = (text: string): Lines => {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (n) => ({ text: lines[n] }) };
};

// What VS Code's Markdown extension contributes (extensions/markdown-language-features).
const markdownDefault = { comments: 'off', strings: 'off', other: 'off' };

test('with Markdown default quick suggestions (off), drafts get suggestions while typing', () => {
  assert.equal(standsInForQuickSuggestions({}), true);
  assert.equal(standsInForQuickSuggestions({ defaultValue: { other: 'on' }, defaultLanguageValue: markdownDefault }), true);
  // Turned on for all languages: does not reach Markdown (its language default wins).
  assert.equal(standsInForQuickSuggestions({ globalValue: true }), true);
  assert.equal(standsInForQuickSuggestions({ globalValue: { other: 'on', comments: 'off' } }), true);
});

test("the user's own choice is left to VS Code", () => {
  // [markdown] set by the user, on or off, in any scope.
  assert.equal(standsInForQuickSuggestions({ globalLanguageValue: { other: 'on' } }), false);
  assert.equal(standsInForQuickSuggestions({ workspaceLanguageValue: { other: 'off' } }), false);
  assert.equal(standsInForQuickSuggestions({ workspaceFolderLanguageValue: false }), false);
  // Off everywhere stays off; the nearest scope decides.
  assert.equal(standsInForQuickSuggestions({ globalValue: false }), false);
  assert.equal(standsInForQuickSuggestions({ globalValue: { other: 'off' } }), false);
  assert.equal(standsInForQuickSuggestions({ globalValue: false, workspaceValue: { other: 'on' } }), true);
});

const draft = ['---', 'service: V', 'severity: C', '---', '', '## 概要', 'text'].join('\n');

test('letters typed in the front matter open the suggestions, in the body they do not', () => {
  assert.equal(suggestsAfterTyping(doc(draft), 1, 'V'), true); // a value
  assert.equal(suggestsAfterTyping(doc(draft), 2, 's'), true); // a key
  assert.equal(suggestsAfterTyping(doc(draft), 6, 't'), false); // body text
  assert.equal(suggestsAfterTyping(doc(draft), 0, 'x'), false); // the opening line itself
  // A front matter not closed yet runs to the end (as the server reads it).
  assert.equal(suggestsAfterTyping(doc('---\nservice: V\n\n# x'), 3, 'x'), true);
  // A byte order mark before the opening line.
  assert.equal(inFrontMatter(doc('\uFEFF---\nse'), 1), true);
  assert.equal(inFrontMatter(doc('# title\n---\nse'), 2), false);
});

test('in a new file the first letters open the suggestions (the request templates)', () => {
  assert.equal(suggestsAfterTyping(doc('a'), 0, 'a'), true);
  assert.equal(suggestsAfterTyping(doc('\n\nazsr\n'), 2, 'r'), true);
  assert.equal(suggestsAfterTyping(doc('# title\n\nt'), 2, 't'), false);
});

test('only a letter, digit or _ typed: not trigger characters, pastes, IME text or line breaks', () => {
  for (const typed of [':', ' ', '#', '(', 'ab', 'あ', '仮想', '\n', '']) {
    assert.equal(suggestsAfterTyping(doc(draft), 1, typed), false, JSON.stringify(typed));
  }
  for (const typed of ['a', 'Z', '7', '_']) {
    assert.equal(suggestsAfterTyping(doc(draft), 1, typed), true, typed);
  }
});
