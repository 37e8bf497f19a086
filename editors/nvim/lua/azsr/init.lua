-- azsr for Neovim: live checks of Azure support request drafts (*.azsr.md).
--
-- Neovim 0.11+: the plugin ships `lsp/azsr.lua`, so `vim.lsp.enable('azsr')` is enough.
-- `require('azsr').setup{}` works on 0.10 and 0.11+ alike and also defines the commands.
local config = require('azsr.config')

local M = {}

---@class azsr.Options
---@field server_path? string  path of azsr-lsp (default: $AZSR_LSP_PATH, else `azsr-lsp` on PATH)
---@field settings? table       azsr.toml keys, override the project's azsr.toml key by key
---@field on_attach? fun(client: vim.lsp.Client, bufnr: integer)
---@field capabilities? table

---@type azsr.Options
M.options = {}

local augroup = vim.api.nvim_create_augroup('azsr', { clear = true })
local has_011 = vim.fn.has('nvim-0.11') == 1

local function call(client, method, ...)
  if has_011 then
    return client[method](client, ...)
  end
  return client[method](...)
end

--- The running azsr clients (of one buffer when given).
---@param bufnr? integer
---@return vim.lsp.Client[]
function M.clients(bufnr)
  return vim.lsp.get_clients({ name = 'azsr', bufnr = bufnr })
end

local function lsp_config()
  local opts = M.options
  return {
    name = 'azsr',
    cmd = config.cmd(opts.server_path),
    settings = config.lsp_settings(opts.settings),
    before_init = config.before_init,
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
end

-- Neovim 0.10: start (or reuse) a client for one buffer.
local function start_010(bufnr)
  local c = lsp_config()
  if vim.fn.executable(c.cmd[1]) == 0 then
    M.warn_if_server_missing()
    return
  end
  c.root_dir = vim.fs.root(bufnr, { 'azsr.toml', '.git' })
    or vim.fs.dirname(vim.api.nvim_buf_get_name(bufnr))
  vim.lsp.start(c, { bufnr = bufnr })
end

local function azsr_buffers()
  local out = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].filetype == 'markdown.azsr' then
      table.insert(out, b)
    end
  end
  return out
end

local function attach_all()
  for _, b in ipairs(azsr_buffers()) do
    if has_011 then
      pcall(vim.api.nvim_exec_autocmds, 'FileType', { group = 'nvim.lsp.enable', buffer = b })
    else
      start_010(b)
    end
  end
end

--- Stops the azsr clients and starts them again for every open *.azsr.md buffer.
function M.restart()
  local clients = M.clients()
  for _, c in ipairs(clients) do
    call(c, 'stop')
  end
  vim.wait(3000, function()
    for _, c in ipairs(clients) do
      if not call(c, 'is_stopped') then
        return false
      end
    end
    return true
  end, 50)
  attach_all()
end

--- Replaces the settings and tells the running servers (workspace/didChangeConfiguration).
---@param settings table
function M.set_settings(settings)
  for _, p in ipairs(config.validate(settings)) do
    vim.notify('azsr: ' .. p, vim.log.levels.WARN)
  end
  M.options.settings = settings
  local lsp_settings = config.lsp_settings(settings)
  if has_011 then
    vim.lsp.config('azsr', { settings = lsp_settings })
  end
  for _, c in ipairs(M.clients()) do
    c.settings = lsp_settings
    call(c, 'notify', 'workspace/didChangeConfiguration', { settings = lsp_settings })
  end
end

--- What vim.lsp.config resolves for azsr (lsp/azsr.lua merged with the user's
--- vim.lsp.config('azsr', ...)) on 0.11+; nil on 0.10.
---@return vim.lsp.Config|nil
local function resolved_config()
  if not has_011 then
    return nil
  end
  local ok, cfg = pcall(function()
    return vim.lsp.config.azsr
  end)
  return ok and cfg or nil
end

--- The server command: a running client's, else the configured one (vim.lsp.config on
--- 0.11+, setup{}'s server_path, vim.g.azsr_server_path, $AZSR_LSP_PATH, PATH).
---@return string[]
function M.server_cmd()
  local c = M.clients()[1]
  if c and type(c.config.cmd) == 'table' then
    return vim.deepcopy(c.config.cmd)
  end
  local cfg = not M.options.server_path and resolved_config()
  if cfg and type(cfg.cmd) == 'table' then
    return vim.deepcopy(cfg.cmd)
  end
  return config.cmd(M.options.server_path or vim.g.azsr_server_path)
end

--- The settings the user gave: setup{}'s, else `settings.azsr` of vim.lsp.config (0.11+).
---@return table|nil
function M.user_settings()
  if M.options.settings then
    return M.options.settings
  end
  local cfg = resolved_config()
  return cfg and type(cfg.settings) == 'table' and cfg.settings.azsr or nil
end

--- Whether the user turned azsr on: setup{}, or vim.lsp.enable('azsr') on 0.11+.
local function enabled()
  if M.setup_done then
    return true
  end
  if vim.lsp.is_enabled then
    return vim.lsp.is_enabled('azsr')
  end
  -- Neovim 0.11.0 and 0.11.1 have no vim.lsp.is_enabled yet.
  return type(vim.lsp._enabled_configs) == 'table' and vim.lsp._enabled_configs.azsr ~= nil
end

--- When the server cannot be run: what to tell the user (how to install it or where to
--- give its path), in the language of the settings' `messages`, else of the editor.
---@return string|nil
local function server_missing()
  -- A function starts the server the user's own way: nothing to look up.
  local cfg = not M.options.server_path and resolved_config()
  if cfg and type(cfg.cmd) == 'function' then
    return nil
  end
  local exe = M.server_cmd()[1]
  if vim.fn.executable(exe) == 1 then
    return nil
  end
  return config.server_missing_message(exe, config.message_lang(M.user_settings()))
end

local warned_missing = false

--- Tells the user, once per session, that the server cannot be run and how to install
--- it: without it Neovim starts no client and says nothing (vim.lsp.enable skips a
--- config whose command is not executable, writing only to the LSP log).
function M.warn_if_server_missing()
  if warned_missing then
    return
  end
  local msg = server_missing()
  if msg then
    warned_missing = true
    -- Scheduled: at startup the message would otherwise come before the screen is drawn.
    vim.schedule(function()
      vim.notify('azsr: ' .. msg, vim.log.levels.WARN)
    end)
  end
end

--- FileType markdown.azsr: warns when azsr is turned on but its server is missing.
function M.on_azsr_buffer()
  if enabled() then
    M.warn_if_server_missing()
  end
end

--- The azsr rule of the diagnostic under the cursor (else the first one on the line),
--- and that diagnostic's message.
---@return string|nil, string|nil
function M.rule_under_cursor()
  local pos = vim.api.nvim_win_get_cursor(0)
  local lnum, col = pos[1] - 1, pos[2]
  local first
  for _, d in ipairs(vim.diagnostic.get(0, { lnum = lnum })) do
    if d.source == 'azsr' then
      local code = d.code
      if code then
        local end_col = (d.end_lnum == lnum) and d.end_col or math.huge
        if col >= d.col and col <= end_col then
          return tostring(code), d.message
        end
        if not first then
          first = { tostring(code), d.message }
        end
      end
    end
  end
  if first then
    return first[1], first[2]
  end
end

--- The language to explain a rule in: the language the server wrote the diagnostic's
--- message in (it chose it as `messages` says, `support_language` included), else the
--- settings' `messages`, else the editor's locale.
---@param message string|nil
---@return 'ja'|'en'
function M.explain_lang(message)
  -- A Japanese message ends in 。 (the house style) or has kana (U+3040..U+30FF, UTF-8
  -- E3 81 80..E3 83 BF) outside its code spans; an English one quotes the user's
  -- Japanese text in code spans or in double quotes only.
  local prose = message and message:gsub('`[^`]*`', ''):gsub('"[^"]*"', '') or ''
  if message and (vim.endswith(vim.trim(message), '。') or prose:find('\227[\129-\131]')) then
    return 'ja'
  end
  if message and message ~= '' then
    return 'en'
  end
  return config.message_lang(M.user_settings())
end

--- Shows `azsr-lsp --explain RULE` in a split.
---@param rule? string
function M.explain(rule)
  local message
  if not rule or rule == '' then
    rule, message = M.rule_under_cursor()
  end
  if not rule then
    vim.notify('azsr: no azsr diagnostic under the cursor; give a rule name', vim.log.levels.WARN)
    return
  end
  local missing = server_missing()
  if missing then
    vim.notify('azsr: ' .. missing, vim.log.levels.ERROR)
    return
  end
  local cmd = vim.list_extend(M.server_cmd(), { '--explain', rule, '--lang', M.explain_lang(message) })
  local ok, res = pcall(function()
    return vim.system(cmd, { text = true }):wait()
  end)
  if not ok or res.code ~= 0 then
    local why = ok and (res.stderr ~= '' and res.stderr or ('exit ' .. res.code)) or tostring(res)
    vim.notify('azsr: --explain ' .. rule .. ' failed: ' .. vim.trim(why), vim.log.levels.ERROR)
    return
  end
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = 'nofile'
  vim.bo[buf].bufhidden = 'wipe'
  vim.bo[buf].swapfile = false
  pcall(vim.api.nvim_buf_set_name, buf, 'azsr://explain/' .. rule)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(res.stdout, '\n', { trimempty = true }))
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = 'markdown'
end

--- The exports the server offers (`workspace/executeCommand`), by :AzsrExport's argument.
M.exports = { ['az-cli'] = 'azsr.exportAzCli', ['rest-json'] = 'azsr.exportRestJson' }

--- Puts an export in the unnamed register and, when Neovim has a clipboard, in `+`;
--- says so in the language of the settings' `messages`, else of the editor.
---@param text string
local function put_export(text)
  vim.fn.setreg('"', text)
  local regs = '"'
  if vim.fn.has('clipboard') == 1 and pcall(vim.fn.setreg, '+', text) then
    regs = '" +'
  end
  local msg = config.message_lang(M.user_settings()) == 'ja'
      and ('azsr: エクスポートをレジスタ %s に入れました（%d 行）。'):format(regs, select(2, text:gsub('\n', '')))
    or ('azsr: export put in register %s (%d lines)'):format(regs, select(2, text:gsub('\n', '')))
  vim.notify(msg, vim.log.levels.INFO)
end

--- Runs one of the server's export commands on a buffer (the server's text of it, saved
--- or not) and puts the answer in the registers; a refusal (errors, secrets, no problem
--- classification ID) is shown as the server wrote it.
---@param command string  a value of M.exports
---@param bufnr? integer
function M.run_export(command, bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    vim.notify('azsr: no azsr language server is attached to this buffer', vim.log.levels.WARN)
    return
  end
  local params = { command = command, arguments = { vim.uri_from_bufnr(bufnr) } }
  call(client, 'request', 'workspace/executeCommand', params, function(err, result)
    if err then
      vim.notify('azsr: ' .. tostring(err.message), vim.log.levels.ERROR)
    elseif type(result) == 'string' then
      put_export(result)
    end
  end, bufnr)
end

--- :AzsrExport [az-cli|rest-json] (default az-cli).
---@param kind? string
function M.export(kind)
  kind = (kind == nil or kind == '') and 'az-cli' or kind
  local command = M.exports[kind]
  if not command then
    vim.notify('azsr: :AzsrExport takes az-cli or rest-json, not ' .. kind, vim.log.levels.ERROR)
    return
  end
  M.run_export(command)
end

--- Shows the server's code lenses in an azsr buffer (the exports at the top of the
--- request, or what blocks them), refreshed when its diagnostics change, since errors
--- decide the lens. Off with `vim.g.azsr_codelens = false`.
---@param bufnr integer
function M.show_codelens(bufnr)
  if vim.g.azsr_codelens == false then
    return
  end
  local refresh = function()
    if vim.api.nvim_buf_is_valid(bufnr) then
      vim.lsp.codelens.refresh({ bufnr = bufnr })
    end
  end
  vim.api.nvim_create_autocmd('DiagnosticChanged', {
    group = vim.api.nvim_create_augroup('azsr.codelens.' .. bufnr, { clear = true }),
    buffer = bufnr,
    callback = refresh,
  })
  refresh()
end

--- Shows the lenses in every buffer the azsr server attaches to (setup{} and
--- plugin/azsr.lua call it; once is enough).
function M.define_codelens()
  vim.api.nvim_create_autocmd('LspAttach', {
    group = vim.api.nvim_create_augroup('azsr.codelens', { clear = true }),
    callback = function(ev)
      local client = vim.lsp.get_client_by_id(ev.data.client_id)
      if client and client.name == 'azsr' then
        M.show_codelens(ev.buf)
      end
    end,
  })
end

-- A code lens's command runs here (vim.lsp.codelens.run): the answer goes to the registers.
for _, command in pairs(M.exports) do
  vim.lsp.commands[command] = function(cmd, ctx)
    M.run_export(cmd.command, ctx.bufnr)
  end
end

local commands_defined = false
local function define_commands()
  if commands_defined then
    return
  end
  commands_defined = true
  vim.api.nvim_create_user_command('AzsrRestart', M.restart, { desc = 'Restart the azsr language server' })
  vim.api.nvim_create_user_command('AzsrExplain', function(a)
    M.explain(a.args)
  end, { nargs = '?', desc = 'Explain an azsr rule (default: the one under the cursor)' })
  vim.api.nvim_create_user_command('AzsrExport', function(a)
    M.export(a.args)
  end, {
    nargs = '?',
    complete = function()
      return vim.tbl_keys(M.exports)
    end,
    desc = 'Copy the request as an az command (or rest-json) into the registers',
  })
  vim.api.nvim_create_user_command('AzsrLog', function()
    local log = vim.lsp.log and vim.lsp.log.get_filename and vim.lsp.log.get_filename() or vim.lsp.get_log_path()
    vim.cmd.edit(vim.fn.fnameescape(log))
  end, { desc = 'Open the LSP log (azsr-lsp writes to stderr, which lands there)' })
end

M.define_commands = define_commands

--- Sets the plugin up: on 0.11+ through vim.lsp.config/enable, on 0.10 with a FileType
--- autocommand and vim.lsp.start.
---@param opts? azsr.Options
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', {}, opts or {})
  M.setup_done = true
  M.define_codelens()
  for _, p in ipairs(config.validate(M.options.settings)) do
    vim.notify('azsr: ' .. p, vim.log.levels.WARN)
  end
  define_commands()
  if vim.fn.has('nvim-0.10') == 0 then
    vim.notify('azsr: Neovim 0.10 or newer is needed', vim.log.levels.ERROR)
    return
  end
  if has_011 then
    local c = lsp_config()
    c.name = nil
    vim.lsp.config('azsr', c)
    vim.lsp.enable('azsr')
  else
    vim.api.nvim_clear_autocmds({ group = augroup })
    vim.api.nvim_create_autocmd('FileType', {
      group = augroup,
      pattern = 'markdown.azsr',
      callback = function(ev)
        start_010(ev.buf)
      end,
    })
    attach_all()
  end
end

return M
