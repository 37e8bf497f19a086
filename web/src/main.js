// The azsr playground: CodeMirror 6 over the analysis core compiled to WebAssembly.
// Everything runs here; the module is inlined in this bundle, so after the page has
// loaded nothing is fetched and nothing is sent (web/test.sh checks it).

import { EditorState, StateEffect } from '@codemirror/state';
import {
  EditorView, keymap, hoverTooltip, lineNumbers, highlightActiveLine, drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import init, * as core from '../build/pkg/azsr_wasm.js';
import wasmBytes from '../build/pkg/azsr_wasm_bg.wasm';
import examples from '../build/examples.json';
import { renderMarkdown } from './markdown.js';

const UI = {
  en: {
    title: 'playground', example: 'Example', messages: 'Messages', fixAll: 'Fix all',
    permalink: 'Copy permalink', findings: 'Findings', copied: 'Permalink copied (the draft is in the # part only).',
    none: 'No findings.', fix: 'Fix', ready: 'Ready', count: (n, ms) => `${n} finding${n === 1 ? '' : 's'} (${ms} ms)`,
    privacy: 'Everything runs in this page: your draft is never sent anywhere. A finding\'s message never quotes a secret (the checker masks it). The permalink keeps the draft only in the URL fragment (after #), which browsers do not send to servers; but anyone you give the link to can read the draft.',
    badLink: 'This permalink could not be read.',
  },
  ja: {
    title: 'プレイグラウンド', example: 'サンプル', messages: 'メッセージ', fixAll: 'すべて修正',
    permalink: 'パーマリンクをコピー', findings: '指摘', copied: 'パーマリンクをコピーしました（下書きは # 以降にだけ入っています）。',
    none: '指摘はありません。', fix: '修正', ready: '準備完了', count: (n, ms) => `${n} 件の指摘（${ms} ms）`,
    privacy: 'すべてこのページの中で動きます。下書きがどこかへ送られることはありません。指摘のメッセージがシークレットを引用することはありません（チェッカーが伏せ字にします）。パーマリンクは下書きを URL のフラグメント（# 以降）にだけ入れます。フラグメントはブラウザーがサーバーへ送りません。ただし、リンクを渡した相手は下書きを読めます。',
    badLink: 'このパーマリンクは読み取れませんでした。',
  },
};

const $ = (id) => document.getElementById(id);
const state = { lang: 'auto', shown: 'en', last: null };

function options(extra = {}) {
  const o = { messages: state.lang, ...extra };
  if (state.lang === 'auto' && navigator.language) o.locale = navigator.language;
  return JSON.stringify(o);
}

function call(fn, ...args) {
  const out = JSON.parse(fn(...args));
  if (out && out.error) throw new Error(out.error);
  return out;
}

function uiText(key, ...args) {
  const v = UI[state.shown][key];
  return typeof v === 'function' ? v(...args) : v;
}

function relabel() {
  document.documentElement.lang = state.shown;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = uiText(el.dataset.t);
}

const severity = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function applyEdits(view, edits) {
  view.dispatch({ changes: edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })) });
  view.focus();
}

function renderFindings(view, result, ms) {
  const list = $('findings');
  list.replaceChildren();
  $('summary').textContent = result.findings.length ? uiText('count', result.findings.length, ms) : uiText('none');
  for (const f of result.findings) {
    const li = document.createElement('li');
    li.className = `finding ${f.severity}`;
    li.dataset.code = f.code;
    const head = document.createElement('button');
    head.type = 'button';
    head.className = 'where';
    head.textContent = `${f.line}:${f.column} ${f.code}`;
    head.title = f.severity;
    head.onclick = () => {
      view.dispatch({ selection: { anchor: f.from, head: f.to }, scrollIntoView: true });
      view.focus();
    };
    const msg = document.createElement('p');
    msg.className = 'message';
    msg.textContent = f.message;
    li.append(head, msg);
    for (const fix of f.fixes) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'fix';
      b.textContent = fix.title;
      b.onclick = () => applyEdits(view, fix.edits);
      li.append(b);
    }
    list.append(li);
  }
  $('fix-all').disabled = !result.findings.some((f) => f.fixes.some((x) => x.resolves));
}

const relint = StateEffect.define();

const lint = linter((view) => {
  const text = view.state.doc.toString();
  const t0 = performance.now();
  const result = call(core.findings, text, options());
  const ms = Math.round(performance.now() - t0);
  state.last = { text, result };
  if (state.lang === 'auto' && state.shown !== result.lang) {
    state.shown = result.lang;
    relabel();
  }
  renderFindings(view, result, ms);
  return result.findings.map((f) => ({
    from: f.from,
    to: f.to,
    severity: severity[f.severity],
    source: f.code,
    message: f.message,
    actions: f.fixes.map((fix) => ({
      name: fix.title,
      apply: (v) => applyEdits(v, fix.edits),
    })),
  }));
}, {
  delay: 150,
  // A new language is a new analysis of the same text.
  needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(relint))),
});

const hover = hoverTooltip((view, pos) => {
  const h = call(core.hover, view.state.doc.toString(), options(), pos);
  if (!h) return null;
  return {
    pos: h.from,
    end: h.to,
    above: true,
    create: () => {
      const dom = renderMarkdown(h.markdown);
      dom.classList.add('azsr-hover');
      return { dom };
    },
  };
}, { hoverTime: 250 });

const kinds = {
  key: 'property', value: 'enum', boolean: 'keyword', service: 'class',
  'problem-type': 'type', heading: 'text', template: 'text',
};

function complete(context) {
  const c = call(core.completions, context.state.doc.toString(), options(), context.pos);
  if (!c.items.length || (!context.explicit && c.from === c.to && c.from === context.pos
      && !/[:#\s-]$/.test(context.state.sliceDoc(Math.max(0, context.pos - 1), context.pos)))) {
    return null;
  }
  return {
    from: c.from,
    to: Math.max(c.to, context.pos),
    filter: !c.ranked,
    options: c.items.map((i, rank) => ({
      label: i.label,
      detail: i.detail ?? undefined,
      type: kinds[i.kind],
      apply: i.insert,
      boost: c.ranked ? -rank : 0,
      info: i.documentation ? () => renderMarkdown(i.documentation) : undefined,
    })),
  };
}

// --- permalink: the draft deflated into the URL fragment -------------------------------

const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64url = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

async function permalinkOf(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  let s = '';
  for (let i = 0; i < packed.length; i += 0x8000) s += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  const draft = btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `#lang=${state.lang}&draft=${draft}`;
}

async function draftOf(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const draft = params.get('draft');
  if (!draft) return null;
  const bytes = await pipe(unb64url(draft), new DecompressionStream('deflate-raw'));
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), lang: params.get('lang') };
}

// --- the page ---------------------------------------------------------------------------

function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

async function main() {
  await init({ module_or_path: wasmBytes });
  const view = new EditorView({
    parent: $('editor'),
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(),
        EditorView.lineWrapping,
        markdown(), syntaxHighlighting(defaultHighlightStyle),
        lintGutter(), lint, hover,
        autocompletion({ override: [complete] }),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
      ],
    }),
  });

  const select = $('example');
  for (const [i, e] of examples.entries()) {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = e.name;
    select.append(o);
  }
  select.onchange = () => setText(view, examples[Number(select.value)].text);

  $('lang').onchange = (ev) => {
    state.lang = ev.target.value;
    if (state.lang !== 'auto') state.shown = state.lang;
    relabel();
    view.dispatch({ effects: relint.of(null) });
  };
  $('fix-all').onclick = () => {
    applyEdits(view, call(core.fix_all, view.state.doc.toString(), options()));
  };
  $('permalink').onclick = async () => {
    const hash = await permalinkOf(view.state.doc.toString());
    window.history.replaceState(null, '', hash);
    try {
      await navigator.clipboard.writeText(location.href);
    } catch {
      // No clipboard permission: the address bar holds the link.
    }
    $('status').textContent = uiText('copied');
  };

  const fromHash = async () => {
    try {
      const d = await draftOf(location.hash);
      if (!d) return false;
      if (d.lang && UI[d.lang] || d.lang === 'auto') {
        state.lang = d.lang;
        $('lang').value = d.lang;
        if (d.lang !== 'auto') state.shown = d.lang;
      }
      setText(view, d.text);
      return true;
    } catch {
      $('status').textContent = uiText('badLink');
      return false;
    }
  };
  window.addEventListener('hashchange', fromHash);
  if (!(await fromHash())) setText(view, examples[0]?.text ?? '');
  state.shown = (navigator.language || '').startsWith('ja') && state.lang === 'auto' ? 'ja' : state.shown;
  relabel();
  $('version').textContent = `azsr ${core.version()}`;
  $('status').textContent = uiText('ready');
  forceLinting(view);
  return view;
}

const parse = (s) => JSON.parse(s);
const ready = main();

// For tests and the console: the same answers the page shows.
globalThis.azsr = {
  ready: ready.then(() => true),
  /** cli.md's JSON for one file, as `azsr-lsp --check --format json` prints it. */
  check: (text, opts = {}) => parse(core.check(text, JSON.stringify(opts))),
  findings: (text, opts = {}) => parse(core.findings(text, JSON.stringify(opts))),
  hover: (text, at, opts = {}) => parse(core.hover(text, JSON.stringify(opts), at)),
  completions: (text, at, opts = {}) => parse(core.completions(text, JSON.stringify(opts), at)),
  fixAll: (text, opts = {}) => parse(core.fix_all(text, JSON.stringify(opts))),
  view: () => ready,
  examples,
  permalinkOf,
  draftOf,
  b64url,
};
