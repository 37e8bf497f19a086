-- End-to-end test of the azsr Neovim plugin against the real azsr-lsp.
-- Run by run.sh as:  nvim --headless -u NONE -i NONE -l e2e.lua
-- Needs: $AZSR_LSP_PATH (the server binary), $AZSR_NVIM_PLUGIN (editors/nvim),
-- $AZSR_REPO (repository root, for examples/). Exits 0 when every check passed.
local plugin = assert(vim.env.AZSR_NVIM_PLUGIN, 'AZSR_NVIM_PLUGIN is not set')
local repo = assert(vim.env.AZSR_REPO, 'AZSR_REPO is not set')
local here = plugin .. '/test'
local TIMEOUT = tonumber(vim.env.AZSR_TEST_TIMEOUT_MS or '20000')

vim.opt.runtimepath:prepend(plugin)
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')

local function log_path()
  return (vim.lsp.log and vim.lsp.log.get_filename) and vim.lsp.log.get_filename() or vim.lsp.get_log_path()
end
local function say(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local passed, failed = 0, 0
local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    say('ok     ' .. what)
  else
    failed = failed + 1
    say('FAILED ' .. what .. (detail and ('\n       ' .. detail) or ''))
  end
  return ok
end
local function finish()
  say(('%d passed, %d failed'):format(passed, failed))
  vim.lsp.stop_client(vim.lsp.get_clients(), true)
  os.exit(failed == 0 and 0 or 1)
end
local function fatal(msg)
  check(false, msg)
  finish()
end

-- AZSR_TEST_ENCODING=utf-16 makes the client offer only UTF-16 positions (the default
-- here is what Neovim offers first, UTF-8), so both conversions get tested.
local encoding = (vim.env.AZSR_TEST_ENCODING or "") ~= "" and vim.env.AZSR_TEST_ENCODING or nil
require('azsr').setup({
  settings = { messages = 'en' },
  capabilities = encoding and { general = { positionEncodings = { encoding } } } or nil,
})
say('position encoding offered: ' .. (encoding or 'Neovim default'))

-- Opens a file and waits until the azsr client attached and published diagnostics.
local function open(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local attached = vim.wait(TIMEOUT, function()
    return #vim.lsp.get_clients({ name = 'azsr', bufnr = buf }) > 0
  end, 50)
  if not attached then
    fatal('azsr client attached to ' .. path .. ' (see ' .. log_path() .. ')')
  end
  vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  return buf
end

local function codes(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out[tostring(d.code)] = out[tostring(d.code)] or {}
    table.insert(out[tostring(d.code)], d)
  end
  return out
end

local function find_line(buf, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(pattern) then
      return i - 1, l
    end
  end
  fatal('the fixture has a line matching ' .. pattern)
end

local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  local client = vim.lsp.get_clients({ name = 'azsr', bufnr = buf })[1]
  for id, r in pairs(res or {}) do
    if id == client.id then
      return r.result, r.err
    end
  end
  return nil, 'no answer'
end

-- 1. Filetype: Markdown underneath, azsr on top.
local buf = open(here .. '/fixtures/request.ja.azsr.md')
check(vim.bo[buf].filetype == 'markdown.azsr', 'filetype is markdown.azsr', vim.bo[buf].filetype)
check(vim.treesitter.language.get_lang(vim.bo[buf].filetype) == 'markdown',
  'Tree-sitter uses the markdown parser for markdown.azsr')
check(vim.b[buf].current_syntax == 'markdown' or vim.bo[buf].syntax == 'markdown.azsr',
  'Markdown syntax is loaded', tostring(vim.b[buf].current_syntax))

local client = vim.lsp.get_clients({ name = 'azsr', bufnr = buf })[1]
check(client.offset_encoding ~= nil and (encoding == nil or client.offset_encoding == encoding),
  'position encoding negotiated: ' .. tostring(client.offset_encoding))

-- 2. Diagnostics: rule codes, source, and exact byte columns on a line with Japanese and an emoji.
local by_code = codes(buf)
-- `service: Virt` is no catalog service (a warning: service-unknown).
check(by_code['service-unknown'] ~= nil, 'service-unknown reported for `service: Virt`',
  vim.inspect(vim.tbl_keys(by_code)))
-- The JWT in the body is a secret (sensitive-data, an error), on a line that starts with
-- Japanese text and an emoji: Neovim's columns are bytes, the server's are UTF-16 or UTF-8,
-- so a wrong conversion moves the range.
local tok_lnum, tok_line = find_line(buf, 'eyJhbGciOi')
local tok_start = tok_line:find('eyJhbGciOi', 1, true) - 1
local tok_end = tok_line:find(' です', tok_start, true) - 1
local secret
for _, d in ipairs(by_code['sensitive-data'] or {}) do
  if d.lnum == tok_lnum then
    secret = d
  end
end
if check(secret ~= nil, 'sensitive-data reported on the token line', vim.inspect(by_code['sensitive-data'])) then
  check(secret.source == 'azsr', 'source is azsr')
  check(secret.severity == vim.diagnostic.severity.ERROR, 'sensitive-data is an error')
  check(secret.col == tok_start and secret.end_col == tok_end and secret.end_lnum == tok_lnum,
    ('range is bytes %d..%d of line %d (after %d characters)'):format(
      tok_start, tok_end, tok_lnum + 1, vim.fn.strchars(tok_line:sub(1, tok_start))),
    ('got %d:%d..%d:%d'):format(secret.lnum, secret.col, secret.end_lnum, secret.end_col))
  check(not secret.message:find('eyJhbGciOi', 1, true), 'the message does not repeat the secret')
  -- initializationOptions reached the server: `messages = 'en'` beats the file's
  -- support_language ja (UTF-8 lead bytes 0xE3-0xE9 start kana and CJK ideographs).
  check(not secret.message:find('[\227-\233]'), 'messages = en (initializationOptions) gives English', secret.message)
end

-- Settings changed at run time (workspace/didChangeConfiguration): messages in Japanese.
require('azsr').set_settings({ messages = 'ja' })
local ja = vim.wait(TIMEOUT, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'sensitive-data' then
      return d.message:find('[\227-\233]') ~= nil
    end
  end
  return false
end, 50)
check(ja, 'messages = ja (didChangeConfiguration) gives Japanese')

-- 3. Completion after `service: Virt` offers a catalog service name.
local svc_lnum, svc_line = find_line(buf, '^service: Virt')
local comp = request(buf, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = svc_lnum, character = #svc_line },
})
local items = comp and (comp.items or comp) or {}
local labels = {}
for _, it in ipairs(items) do
  table.insert(labels, it.label)
end
check(vim.iter(labels):any(function(l)
  return l:find('^Virtual Machine') ~= nil
end), 'completion after `service: Virt` offers a Virtual Machine service',
  table.concat(vim.list_slice(labels, 1, 10), ' | '))

-- 4. Hover on `severity` explains the severities (the response-time table).
local sev_lnum = find_line(buf, '^severity:')
local hover = request(buf, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = sev_lnum, character = 2 },
})
local hover_text = ''
if hover and hover.contents then
  local c = hover.contents
  hover_text = type(c) == 'string' and c or (c.value or vim.inspect(c))
end
check(hover_text:find('|', 1, true) ~= nil and hover_text:find('A', 1, true) ~= nil,
  'hover on `severity` shows a table', hover_text:sub(1, 200))

-- 5. :AzsrExplain shows the documentation of the rule under the cursor, in the language
-- of its message (Japanese since `messages = ja` above); hover on the finding shows the
-- same documentation, without the message the editor shows already.
if secret then
  vim.api.nvim_win_set_cursor(0, { tok_lnum + 1, tok_start + 2 })
  local client = vim.lsp.get_clients({ name = 'azsr', bufnr = buf })[1]
  local hover_at = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params(0, client.offset_encoding))
  local htext = hover_at and hover_at.contents and (hover_at.contents.value or '') or ''
  local now = vim.diagnostic.get(buf, { lnum = tok_lnum })
  local shown = now[1] and now[1].message or '?'
  local _, docs = htext:gsub('## 確認すること', '')
  check(htext:find('**sensitive-data**', 1, true) == 1 and docs == 1
    and htext:find(shown, 1, true) == nil and shown:find('。', 1, true) ~= nil,
    'hover on a Japanese finding shows its rule documentation in Japanese once, without the message again', htext:sub(1, 200))
  vim.api.nvim_win_set_cursor(0, { tok_lnum + 1, tok_start + 2 })
  vim.cmd('AzsrExplain')
  local ebuf = vim.api.nvim_get_current_buf()
  local etext = table.concat(vim.api.nvim_buf_get_lines(ebuf, 0, -1, false), '\n')
  check(ebuf ~= buf and etext:find('sensitive-data', 1, true) ~= nil and etext:find('## 確認すること', 1, true) ~= nil,
    ':AzsrExplain opens the rule under the cursor in the language of its message', etext:sub(1, 120))
  if ebuf ~= buf then
    vim.cmd('close')
  end
  vim.api.nvim_set_current_buf(buf)
end

-- 5b. :AzsrExplain explains in the language the diagnostic was written in.
local azsr = require('azsr')
check(azsr.explain_lang('概要が長すぎます。') == 'ja' and azsr.explain_lang('`DR環境` is ambiguous.') == 'en' and azsr.explain_lang('"本番環境" is a project-local name.') == 'en' and azsr.explain_lang('秘密情報が含まれています') == 'ja',
  ':AzsrExplain follows the language of the diagnostic')
local jres = vim.system(vim.list_extend(azsr.server_cmd(), { '--explain', 'placeholder', '--lang', 'ja' }), { text = true }):wait()
check(jres.code == 0 and jres.stdout:find('## 確認すること', 1, true) ~= nil,
  'the server explains a rule in Japanese', (jres.stdout or ''):sub(1, 120))

-- 6. Quick fix: replace the secret with <redacted>.
if secret then
  local actions = request(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = {
      start = { line = tok_lnum, character = vim.str_utfindex(tok_line, client.offset_encoding, tok_start) },
      ['end'] = { line = tok_lnum, character = vim.str_utfindex(tok_line, client.offset_encoding, tok_end) },
    },
    context = { diagnostics = { secret.user_data and secret.user_data.lsp or nil }, only = { 'quickfix' } },
  }) or {}
  local fix
  for _, a in ipairs(actions) do
    if a.edit and a.title and a.title:find('redacted') then
      fix = a
    end
  end
  if check(fix ~= nil, 'a quick fix offers <redacted>', vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, actions))) then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    local after = vim.api.nvim_buf_get_lines(buf, tok_lnum, tok_lnum + 1, false)[1]
    check(after == tok_line:sub(1, tok_start) .. '<redacted>' .. tok_line:sub(tok_end + 1),
      'the quick fix replaced exactly the token', after)
    -- The server re-checks the edited buffer: the finding goes away.
    local gone = vim.wait(TIMEOUT, function()
      for _, d in ipairs(vim.diagnostic.get(buf, { lnum = tok_lnum })) do
        if d.code == 'sensitive-data' then
          return false
        end
      end
      return true
    end, 50)
    check(gone, 'sensitive-data is gone after the fix')
  end
end

-- 7. A second file: broken YAML gives frontmatter-syntax.
local buf2 = open(repo .. '/examples/faulty/broken-yaml.ja.azsr.md')
check(codes(buf2)['frontmatter-syntax'] ~= nil, 'frontmatter-syntax on examples/faulty/broken-yaml.ja.azsr.md',
  vim.inspect(vim.tbl_keys(codes(buf2))))

-- 7b. Exports: the code lenses at the top of a request, and :AzsrExport putting the
-- server's export in the unnamed register (the same text `azsr-lsp --export` prints).
-- Messages are Japanese since step 2, so the lenses are too.
local notes = {}
local notify = vim.notify
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end
local function lens_titles(b)
  local titles = {}
  vim.wait(TIMEOUT, function()
    titles = vim.tbl_map(function(l)
      return l.command and l.command.title or ''
    end, vim.lsp.codelens.get(b))
    return #titles > 0
  end, 50)
  return titles
end
local blocked = lens_titles(buf2)
check(#blocked == 1 and blocked[1]:find('エクスポートできません', 1, true) ~= nil,
  'a draft with errors gets one lens saying the errors block the export', vim.inspect(blocked))
vim.fn.setreg('"', 'before')
vim.cmd('AzsrExport')
vim.wait(TIMEOUT, function()
  return #notes > 0
end, 50)
check(vim.fn.getreg('"') == 'before' and notes[1] and notes[1].level == vim.log.levels.ERROR,
  ':AzsrExport on a draft with errors is refused and leaves the register alone', vim.inspect(notes))

local clean = repo .. '/examples/quota-vcpu.en.azsr.md'
local buf3 = open(clean)
local titles = lens_titles(buf3)
check(vim.deep_equal(titles, { 'az コマンドをコピー', 'リクエスト本文をエクスポート' }),
  'a clean draft gets the two export lenses, in the messages language', vim.inspect(titles))
-- The CLI on the same file under the same settings (messages = ja, from an azsr.toml).
local cli_dir = vim.fn.tempname()
vim.fn.mkdir(cli_dir, 'p')
vim.fn.writefile({ 'messages = "ja"' }, cli_dir .. '/azsr.toml')
vim.fn.writefile(vim.fn.readfile(clean, 'b'), cli_dir .. '/quota-vcpu.en.azsr.md', 'b')
local cli = vim.system({ vim.env.AZSR_LSP_PATH, '--export', 'quota-vcpu.en.azsr.md', '--to', 'az-cli' },
  { text = true, cwd = cli_dir }):wait()
notes = {}
vim.cmd('AzsrExport')
vim.wait(TIMEOUT, function()
  return vim.fn.getreg('"') ~= 'before'
end, 50)
local got = vim.fn.getreg('"')
check(cli.code == 0 and got == cli.stdout and got:find('az support', 1, true) ~= nil,
  ':AzsrExport puts the az command (what --export prints) in the unnamed register',
  got:sub(1, 200) .. ' | ' .. tostring(cli.stderr))
check(notes[1] and notes[1].level == vim.log.levels.INFO and notes[1].msg:find('レジスタ', 1, true) ~= nil,
  ':AzsrExport says where the export went', vim.inspect(notes))
-- Running the lens does what :AzsrExport does (vim.lsp.commands handles its command).
vim.fn.setreg('"', 'before')
local select = vim.ui.select
vim.ui.select = function(items, _, choose)
  choose(items[1], 1) -- the first lens: "az コマンドをコピー"
end
vim.api.nvim_win_set_cursor(0, { 1, 0 })
vim.lsp.codelens.run()
vim.wait(TIMEOUT, function()
  return vim.fn.getreg('"') ~= 'before'
end, 50)
vim.ui.select = select
check(vim.fn.getreg('"') == cli.stdout, 'running the "Copy az command" lens puts the az command in the register',
  vim.fn.getreg('"'):sub(1, 200))
vim.cmd('AzsrExport rest-json')
vim.wait(TIMEOUT, function()
  return vim.fn.getreg('"'):sub(1, 1) == '{'
end, 50)
local body = vim.json.decode(vim.fn.getreg('"'))
check(body.method == 'PUT' and body.body.properties.title ~= nil, ':AzsrExport rest-json gives the create call')
vim.notify = notify

-- 8. :checkhealth azsr runs without error.
local ok, err = pcall(vim.cmd, 'silent checkhealth azsr')
check(ok, ':checkhealth azsr runs', tostring(err))
if ok then
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(text:find('markdown.azsr', 1, true) ~= nil and not text:find('ERROR', 1, true),
    ':checkhealth azsr reports no error', text)
end

-- 9. doc/tags is committed, so that `:help azsr` works however the plugin is installed
-- (a pack/ symlink, a plugin manager, a copy) with no :helptags step: it must be what
-- :helptags makes of doc/ today.
local function read(path)
  local f = io.open(path, 'rb')
  if not f then
    return nil
  end
  local text = f:read('*a')
  f:close()
  return text
end
local fresh_doc = vim.fn.tempname()
vim.fn.mkdir(fresh_doc, 'p')
for _, txt in ipairs(vim.fn.glob(plugin .. '/doc/*.txt', false, true)) do
  vim.fn.writefile(vim.fn.readfile(txt, 'b'), fresh_doc .. '/' .. vim.fn.fnamemodify(txt, ':t'), 'b')
end
vim.cmd('helptags ' .. vim.fn.fnameescape(fresh_doc))
check(read(plugin .. '/doc/tags') == read(fresh_doc .. '/tags'),
  'editors/nvim/doc/tags is current (regenerate: nvim --headless -c "helptags editors/nvim/doc" -c q)',
  read(fresh_doc .. '/tags'))

-- 10. A new user after the README's install: the plugin linked into
-- ~/.local/share/nvim/site/pack/azsr/start, `vim.lsp.enable('azsr')` as the whole
-- init.lua, a draft opened from the shell. A child Neovim with its own HOME and PATH
-- plays that user (fresh_user.lua reports what they see). Run in one pass only: it does
-- not depend on the position encoding.
local install_cmd = 'cargo install --locked --path crates/azsr-lsp'
local function count(text, needle)
  local n, from = 0, 1
  while true do
    local at = text:find(needle, from, true)
    if not at then
      return n
    end
    n, from = n + 1, at + #needle
  end
end
local function fresh_user(lang, with_server)
  local home = vim.fn.tempname()
  local start = home .. '/.local/share/nvim/site/pack/azsr/start'
  vim.fn.mkdir(start, 'p')
  assert(vim.uv.fs_symlink(plugin, start .. '/azsr'))
  vim.fn.mkdir(home .. '/.config/nvim', 'p')
  vim.fn.writefile({ "vim.lsp.enable('azsr')" }, home .. '/.config/nvim/init.lua')
  -- PATH holds azsr-lsp only when the user installed it.
  vim.fn.mkdir(home .. '/bin', 'p')
  if with_server then
    assert(vim.uv.fs_symlink(vim.env.AZSR_LSP_PATH, home .. '/bin/azsr-lsp'))
  end
  local drafts = home .. '/drafts'
  vim.fn.mkdir(drafts, 'p')
  local fixture = vim.fn.readfile(here .. '/fixtures/request.ja.azsr.md', 'b')
  vim.fn.writefile(fixture, drafts .. '/first.azsr.md', 'b')
  vim.fn.writefile(fixture, drafts .. '/second.azsr.md', 'b')
  local out = home .. '/probe.json'
  local res = vim.system({
    vim.v.progpath, '--headless', '-i', 'NONE', 'first.azsr.md',
    '-c', 'luafile ' .. vim.fn.fnameescape(here .. '/fresh_user.lua'),
  }, {
    cwd = drafts,
    clear_env = true, -- no $AZSR_LSP_PATH, no XDG_* of the test run
    env = {
      HOME = home,
      PATH = home .. '/bin',
      LANG = lang,
      AZSR_PROBE_OUT = out,
      AZSR_PROBE_SECOND = drafts .. '/second.azsr.md',
      AZSR_PROBE_EXPECT_SERVER = with_server and '1' or '0',
      AZSR_TEST_TIMEOUT_MS = tostring(TIMEOUT),
    },
    timeout = TIMEOUT + 30000,
  }):wait()
  local text = read(out)
  if not check(text ~= nil, ('a new user (%s, %s) gets a Neovim that starts'):format(
      lang, with_server and 'server installed' or 'no server'), (res.stderr or '') .. (res.stdout or '')) then
    return nil
  end
  return vim.json.decode(text)
end

if encoding == nil then
  for _, lang in ipairs({ 'ja_JP.UTF-8', 'en_US.UTF-8' }) do
    local seen = fresh_user(lang, false)
    if seen then
      local what = ('without azsr-lsp (LANG=%s): '):format(lang)
      check(seen.filetype == 'markdown.azsr' and not seen.attached, what .. 'the draft is markdown.azsr, no client',
        vim.inspect(seen))
      check(count(seen.messages, install_cmd) == 1, what .. 'one message says how to install the server, for two drafts',
        seen.messages)
      local japanese = seen.messages:find('[\227-\233]') ~= nil
      check(japanese == (lang:sub(1, 2) == 'ja'), what .. 'the message is in the language of the locale', seen.messages)
      check(seen.help == 'azsr.txt' and seen.help_line:find('*azsr*', 1, true) ~= nil,
        what .. ':help azsr opens the plugin\'s help', seen.help .. ' | ' .. seen.help_line)
    end
  end
  local seen = fresh_user('ja_JP.UTF-8', true)
  if seen then
    check(seen.attached, 'with azsr-lsp on PATH, vim.lsp.enable alone attaches the client', vim.inspect(seen))
    check(count(seen.messages, install_cmd) == 0, 'with azsr-lsp on PATH, no install message', seen.messages)
  end
end

finish()
