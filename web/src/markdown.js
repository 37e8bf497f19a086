// The little Markdown the core's hovers and completion docs use (headings, paragraphs,
// lists, pipe tables, fenced code, **bold**, *em*, `code`, [links](url)), rendered as
// DOM nodes with textContent: no text is ever parsed as HTML.

function inline(parent, text) {
  const re = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\*[^*\s][^*]*\*)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    const t = m[0];
    let node;
    if (t.startsWith('**')) {
      node = document.createElement('strong');
      node.textContent = t.slice(2, -2);
    } else if (t.startsWith('`')) {
      node = document.createElement('code');
      node.textContent = t.slice(1, -1);
    } else if (t.startsWith('[')) {
      const [, label, href] = t.match(/^\[([^\]]+)\]\(([^)\s]+)\)$/);
      node = document.createElement('a');
      node.textContent = label;
      // Only documentation links; they open in a new tab (a navigation the user chose).
      if (/^https:\/\//.test(href)) {
        node.href = href;
        node.target = '_blank';
        node.rel = 'noopener noreferrer';
      }
    } else {
      node = document.createElement('em');
      node.textContent = t.slice(1, -1);
    }
    parent.append(node);
    last = m.index + t.length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

const cells = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

export function renderMarkdown(markdown) {
  const root = document.createElement('div');
  root.className = 'md';
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  let para = [];
  const flush = () => {
    if (para.length) {
      const p = document.createElement('p');
      inline(p, para.join(' '));
      root.append(p);
      para = [];
    }
  };
  while (i < lines.length) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const pre = document.createElement('pre');
      const body = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) body.push(lines[i]);
      pre.textContent = body.join('\n');
      root.append(pre);
      i++;
    } else if (/^#{1,6} /.test(line)) {
      flush();
      const h = document.createElement('h4');
      inline(h, line.replace(/^#+ /, ''));
      root.append(h);
      i++;
    } else if (/^\s*\|/.test(line)) {
      flush();
      const table = document.createElement('table');
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
        if (/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) continue;
        const tr = document.createElement('tr');
        for (const c of cells(lines[i])) {
          const td = document.createElement(table.rows.length ? 'td' : 'th');
          inline(td, c);
          tr.append(td);
        }
        table.append(tr);
      }
      root.append(table);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      flush();
      const list = document.createElement(/^\s*\d/.test(line) ? 'ol' : 'ul');
      for (; i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i]); i++) {
        const li = document.createElement('li');
        inline(li, lines[i].replace(/^\s*([-*]|\d+\.) /, ''));
        list.append(li);
      }
      root.append(list);
    } else if (line.trim() === '') {
      flush();
      i++;
    } else {
      para.push(line.trim());
      i++;
    }
  }
  flush();
  return root;
}
