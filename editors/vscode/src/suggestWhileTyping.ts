// Suggestions while typing in drafts. VS Code's Markdown extension turns quick
// suggestions off (`"[markdown]": { "editor.quickSuggestions": ... "off" }`), so in a
// *.azsr.md file the keys, catalog values and templates would wait for Ctrl+Space.
// Settings defaults can be scoped to a language but not to a file pattern, and a language
// of our own would lose Markdown's features (docs/editors.md, "Files"), so instead of
// switching quick suggestions on for every Markdown file the extension opens the
// suggestions itself, as quick suggestions would, where azsr has something to offer: in
// the front matter and in a new file (the request templates). Elsewhere the server has
// nothing, and VS Code would fill the list with words of the document.
// Kept free of the vscode module for unit tests.

/** `editor.quickSuggestions` as `WorkspaceConfiguration.inspect` returns it (for Markdown). */
export interface QuickSuggestionsInspect {
  /** VS Code's and Markdown's defaults: what the extension stands in for. */
  defaultValue?: unknown;
  defaultLanguageValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

function off(value: unknown): boolean {
  if (value === false) return true;
  if (value && typeof value === 'object') {
    const other = (value as { other?: unknown }).other;
    return other === false || other === 'off';
  }
  return false;
}

/**
 * Whether the extension should stand in for quick suggestions: only while Markdown's
 * default is what applies. A user's own `[markdown]` value is applied by VS Code itself
 * (on or off); quick suggestions turned off everywhere stay off. A user's value for all
 * languages does not reach Markdown (its language default wins), so "on" there does not
 * stop us.
 */
export function standsInForQuickSuggestions(s: QuickSuggestionsInspect): boolean {
  const forMarkdown = [s.workspaceFolderLanguageValue, s.workspaceLanguageValue, s.globalLanguageValue];
  if (forMarkdown.some((v) => v !== undefined)) return false;
  const forAll = [s.workspaceFolderValue, s.workspaceValue, s.globalValue].find((v) => v !== undefined);
  return !off(forAll);
}

/** A document's lines, as `vscode.TextDocument` gives them. */
export interface Lines {
  lineCount: number;
  lineAt(n: number): { text: string };
}

/** Whether line `line` is inside the front matter that opens the document (still open there). */
export function inFrontMatter(doc: Lines, line: number): boolean {
  if (line < 1 || doc.lineAt(0).text.replace(/^\uFEFF/, '').trimEnd() !== '---') return false;
  for (let n = 1; n < line; n++) {
    if (doc.lineAt(n).text.trimEnd() === '---') return false;
  }
  return true;
}

/** Whether every line but `line` is blank: a new file, where the templates are offered. */
function onlyLine(doc: Lines, line: number): boolean {
  for (let n = 0; n < doc.lineCount; n++) {
    if (n !== line && doc.lineAt(n).text.trim() !== '') return false;
  }
  return true;
}

/**
 * Whether typing `typed` on line `line` should open the suggestions: a letter, digit or
 * `_` typed (one keystroke, not an IME composition, a paste or a trigger character the
 * server already answers), in the front matter or on the only line of a new file.
 */
export function suggestsAfterTyping(doc: Lines, line: number, typed: string): boolean {
  if (!/^[A-Za-z0-9_]$/.test(typed)) return false;
  return inFrontMatter(doc, line) || onlyLine(doc, line);
}
