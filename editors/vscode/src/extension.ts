// azsr for VS Code: a thin client of the azsr-lsp language server.
//
// Files named *.azsr.md keep the language id `markdown` (Markdown highlighting, preview,
// outline and every other Markdown extension keep working); the client's document
// selector picks them by file pattern.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { findServer, isFound, type FoundServer } from './server';
import { CONFIG_KEYS, toServerConfig, type AzsrSettings } from './settings';
import { standsInForQuickSuggestions, suggestsAfterTyping } from './suggestWhileTyping';

const SELECTOR = [{ language: 'markdown', pattern: '**/*.azsr.md' }];
const isDraft = (d: vscode.TextDocument) => d.languageId === 'markdown' && /\.azsr\.md$/i.test(d.uri.path);

let client: LanguageClient | undefined;
let server: FoundServer | undefined;
let output: vscode.LogOutputChannel;
let extensionDir = '';

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** The azsr.toml keys the user set in VS Code, as the server takes them. */
function serverConfig(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('azsr');
  const s: AzsrSettings = {};
  for (const key of CONFIG_KEYS) {
    (s as Record<string, unknown>)[key] = cfg.get(key);
  }
  return toServerConfig(s, workspaceFolder());
}

async function notifyNotFound(configured: string | undefined): Promise<void> {
  const msg = configured
    ? `azsr: azsr.server.path is set to ${configured}, which is not an executable file. Fix the setting or clear it to use the bundled server.`
    : 'azsr: the language server (azsr-lsp) was not found: this extension has no bundled server and azsr-lsp is not on PATH. ' +
      'Install it (cargo install --path crates/azsr-lsp in the azsr repository) or set azsr.server.path.';
  const choice = await vscode.window.showErrorMessage(msg, 'Open Settings', 'Show Output');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'azsr.server.path');
  } else if (choice === 'Show Output') {
    output.show(true);
  }
}

/** The exports the server runs (workspace/executeCommand; its code lenses name them too):
 *  the server returns the text, the extension puts it on the clipboard. */
const EXPORTS: Record<string, { en: string; ja: string }> = {
  'azsr.exportAzCli': {
    en: 'azsr: the az command is on the clipboard. Run it in a POSIX shell to file the request.',
    ja: 'azsr: az コマンドをクリップボードにコピーしました。POSIX シェルで実行するとお問い合わせを送信します。',
  },
  'azsr.exportRestJson': {
    en: 'azsr: the request body (method, URL and JSON body of the create call) is on the clipboard.',
    ja: 'azsr: リクエスト本文（作成呼び出しのメソッド、URL、JSON 本文）をクリップボードにコピーしました。',
  },
};

/**
 * Runs an export on the server (a lens click passes the document's URI; from the command
 * palette, the active draft's), puts the text on the clipboard and says so. A refusal
 * (errors, secrets, no problem classification ID) is shown as the server wrote it.
 */
async function runExport(command: string, args: unknown[], next: (command: string, args: unknown[]) => unknown): Promise<unknown> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = typeof args[0] === 'string' ? args[0] : active && isDraft(active) ? active.uri.toString() : undefined;
  if (uri === undefined) {
    void vscode.window.showWarningMessage('azsr: open a *.azsr.md draft to export it.');
    return undefined;
  }
  try {
    const text = await next(command, [uri]);
    if (typeof text !== 'string') return text;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(EXPORTS[command][explainLang(undefined)]);
    return text;
  } catch (e) {
    void vscode.window.showErrorMessage(`azsr: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

let started = false;

async function startClient(): Promise<void> {
  started = true;
  const setting = vscode.workspace.getConfiguration('azsr').get<string>('server.path');
  const found = findServer(setting, extensionDir, workspaceFolder());
  if (!isFound(found)) {
    server = undefined;
    output.appendLine(`azsr-lsp not found (setting: ${setting || 'unset'}, bundled: ${path.join(extensionDir, 'server')}, PATH)`);
    void notifyNotFound(found.configured);
    return;
  }
  server = found;
  output.appendLine(`Starting ${found.command} (${found.source})`);

  const executable = { command: found.command, args: ['--stdio'] };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    diagnosticCollectionName: 'azsr',
    initializationOptions: () => serverConfig(),
    middleware: {
      executeCommand: (command, args, next) => (command in EXPORTS ? runExport(command, args, next) : next(command, args)),
      workspace: {
        // The server may pull its settings: answer with the same payload as
        // initializationOptions (not VS Code's raw `azsr` section, which holds
        // client-only keys and nulls for unset values).
        configuration: async (params, token, next) => {
          const rest = await next(params, token);
          if (!Array.isArray(rest)) return rest;
          return params.items.map((item, i) => (item.section === 'azsr' ? serverConfig() : rest[i]));
        },
      },
    },
  };
  client = new LanguageClient('azsr', 'azsr', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    output.appendLine(`azsr-lsp failed to start: ${String(e)}`);
    const choice = await vscode.window.showErrorMessage(`azsr: the language server failed to start: ${String(e)}`, 'Show Output');
    if (choice) output.show(true);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(2000);
    } catch (e) {
      output.appendLine(`stopping the server: ${String(e)}`);
    }
  }
}

async function restart(): Promise<void> {
  await stopClient();
  await startClient();
}

/** The azsr diagnostic under the cursor (else the first on the line): its rule and message. */
function ruleUnderCursor(editor: vscode.TextEditor): { rule: string; message: string } | undefined {
  const pos = editor.selection.active;
  const diags = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'azsr');
  const hit = diags.find((d) => d.range.contains(pos)) ?? diags.find((d) => d.range.start.line === pos.line);
  if (hit?.code === undefined) return undefined;
  const rule = typeof hit.code === 'object' ? String(hit.code.value) : String(hit.code);
  return { rule, message: hit.message };
}

/**
 * The language to explain a rule in: the language the server wrote the diagnostic's
 * message in (it chose it as `messages` says, `support_language` included), else the
 * `azsr.messages` setting, else VS Code's display language. A Japanese message ends in 。
 * (the house style) or has kana outside its code spans; an English one quotes the user's
 * Japanese text in code spans or in double quotes only.
 */
function explainLang(message: string | undefined): 'ja' | 'en' {
  if (message !== undefined) {
    const prose = message.replace(/`[^`]*`/g, '').replace(/"[^"]*"/g, '');
    return message.trim().endsWith('。') || /[\u3040-\u30ff]/.test(prose) ? 'ja' : 'en';
  }
  const setting = vscode.workspace.getConfiguration('azsr').get<string>('messages');
  if (setting === 'ja' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

async function explainRule(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const hit = editor ? ruleUnderCursor(editor) : undefined;
  let rule = hit?.rule;
  if (!rule) {
    rule = await vscode.window.showInputBox({
      prompt: 'azsr: no azsr diagnostic under the cursor. Which rule?',
      placeHolder: 'sensitive-data',
    });
  }
  if (!rule) return;
  const found = server ?? findServer(vscode.workspace.getConfiguration('azsr').get<string>('server.path'), extensionDir, workspaceFolder());
  if (!isFound(found)) {
    await notifyNotFound(found.configured);
    return;
  }
  const command = found.command;
  const text = await new Promise<string | undefined>((resolve) => {
    execFile(command, ['--explain', rule, '--lang', explainLang(hit?.message)], { encoding: 'utf8', timeout: 10000 }, (err, stdout, stderr) => {
      if (err) {
        void vscode.window.showErrorMessage(`azsr: --explain ${rule} failed: ${(stderr || String(err)).trim()}`);
        resolve(undefined);
      } else {
        resolve(stdout);
      }
    });
  });
  if (text === undefined) return;
  // A read-only virtual document (no "save changes?" on close), Markdown by its name.
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${rule}.md` });
  explanations.set(uri.toString(), text);
  explainChanged.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

const EXPLAIN_SCHEME = 'azsr-explain';
const explanations = new Map<string, string>();
const explainChanged = new vscode.EventEmitter<vscode.Uri>();
const explainProvider: vscode.TextDocumentContentProvider = {
  onDidChange: explainChanged.event,
  provideTextDocumentContent: (uri) => explanations.get(uri.toString()) ?? '',
};

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

/** Inserts the whole request template, in an empty file only: a request has one front
 *  matter, at its top (a file without one gets it from frontmatter-missing's quick fix). */
async function insertTemplate(): Promise<void> {
  const active = vscode.window.activeTextEditor;
  if (active && active.document.getText().trim() !== '') {
    const ja = vscode.env.language.toLowerCase().startsWith('ja');
    void vscode.window.showInformationMessage(
      ja
        ? 'azsr: リクエストのテンプレートは空のファイルに挿入します。フロント マターがないファイルでは、クイック フィックス「フロント マターのテンプレートを挿入」を使ってください。'
        : 'azsr: the request template goes into an empty file. In a file without a front matter, use the quick fix "Insert a front matter template".',
    );
    return;
  }
  const file = path.join(extensionDir, 'snippets', 'azsr.code-snippets');
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Snippet>;
  const ja = vscode.env.language.toLowerCase().startsWith('ja');
  const picks = [
    { label: '日本語', description: 'Japanese request template', key: 'azsr-request-ja' },
    { label: 'English', description: 'English request template', key: 'azsr-request-en' },
  ];
  if (!ja) picks.reverse();
  const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'azsr: template language' });
  if (!pick) return;
  const snippet = Object.values(snippets).find((s) => s.prefix === pick.key);
  if (!snippet) return;
  let editor = vscode.window.activeTextEditor;
  if (!editor) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(doc);
  }
  const whole = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
  await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), whole);
}

/** After a keystroke in a draft, opens the suggestions where quick suggestions would
 *  (Markdown has them off: see suggestWhileTyping.ts). The command does nothing while
 *  the list is already open; `auto` makes an empty answer show nothing. */
function suggestWhileTyping(e: vscode.TextDocumentChangeEvent): void {
  // One change typed by the user (not undo or redo, not several cursors) in the editor at hand.
  if (e.contentChanges.length !== 1 || e.reason !== undefined || !isDraft(e.document)) return;
  if (vscode.window.activeTextEditor?.document !== e.document) return;
  const change = e.contentChanges[0];
  if (!suggestsAfterTyping(e.document, change.range.start.line, change.text)) return;
  const quick = vscode.workspace.getConfiguration('editor', e.document).inspect('quickSuggestions');
  if (quick && !standsInForQuickSuggestions(quick)) return;
  void vscode.commands.executeCommand('editor.action.triggerSuggest', { auto: true });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionDir = context.extensionPath;
  output = vscode.window.createOutputChannel('azsr', { log: true });
  context.subscriptions.push(
    output,
    explainChanged,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explainProvider),
    vscode.commands.registerCommand('azsr.restartServer', restart),
    vscode.commands.registerCommand('azsr.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('azsr.explainRule', explainRule),
    vscode.commands.registerCommand('azsr.insertTemplate', insertTemplate),
    vscode.workspace.onDidChangeTextDocument(suggestWhileTyping),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('azsr.server.path')) {
        await restart();
      } else if (CONFIG_KEYS.some((k) => e.affectsConfiguration(`azsr.${k}`)) && client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { azsr: serverConfig() },
        });
      }
    }),
  );
  // Activation happens on any Markdown file: start the server only once a draft is open.
  if (vscode.workspace.textDocuments.some(isDraft)) {
    await startClient();
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument(async (d) => {
      if (isDraft(d) && !client && !started) {
        waiting.dispose();
        await startClient();
      }
    });
    context.subscriptions.push(waiting);
  }
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
