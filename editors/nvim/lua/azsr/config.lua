-- Shared pieces of the client configuration: the server command and the settings.
local M = {}

--- The configuration keys of the server (cli.md, "Configuration"): the same keys as
--- azsr.toml. Only keys the user sets are sent, so that a project's azsr.toml is not
--- overridden by defaults.
M.keys = {
  support_plan = 'string',
  time_zone = 'string',
  messages = 'string',
  summary_max_chars = 'number',
  rules = 'table',
  terms = 'table',
  catalog = 'table',
}

--- The server's executable name, looked up on PATH when no path is configured.
M.server_name = 'azsr-lsp'

--- The server executable: `server_path` when given, else `azsr-lsp` on PATH.
---@param server_path string|nil
---@return string[]
function M.cmd(server_path)
  local exe = server_path
  if exe == nil or exe == '' then
    exe = vim.env.AZSR_LSP_PATH
  end
  if exe == nil or exe == '' then
    exe = M.server_name
  end
  return { vim.fn.expand(exe) }
end

--- The language of the plugin's own messages: `messages` of the settings when it is
--- `ja` or `en`, else Neovim's message language (`v:lang`, set by `:language messages`),
--- else the shell's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set, as
--- `--check` reads it): `v:lang` is `C` when the locale is not installed on the system.
---@param settings table|nil
---@return 'ja'|'en'
function M.message_lang(settings)
  local chosen = type(settings) == 'table' and settings.messages or nil
  if chosen == 'ja' or chosen == 'en' then
    return chosen
  end
  local locale = vim.v.lang
  if locale == nil or locale == '' or locale == 'C' or locale == 'POSIX' or locale:find('^C%.') then
    locale = ''
    for _, var in ipairs({ 'LC_ALL', 'LC_MESSAGES', 'LANG' }) do
      if (vim.env[var] or '') ~= '' then
        locale = vim.env[var]
        break
      end
    end
  end
  return locale:lower():find('^ja') and 'ja' or 'en'
end

local install = 'cargo install --locked --path crates/azsr-lsp'

--- What to tell a user whose server executable `exe` cannot be run: how to install it or
--- where to give its path. `exe` is the bare name when nothing was configured.
---@param exe string
---@param lang 'ja'|'en'
---@return string
function M.server_missing_message(exe, lang)
  local configured = exe ~= M.server_name
  if lang == 'ja' then
    if configured then
      return ('設定されたサーバー %s を実行できないため、*.azsr.md をチェックできません。\n'):format(exe)
        .. "vim.lsp.config('azsr', { cmd = ... }) などに設定したパスを直してください。サーバーがまだなければ、azsr のリポジトリで "
        .. install .. ' を実行してインストールします。詳しい説明は :help azsr-setup にあります。'
    end
    return '言語サーバー azsr-lsp が PATH にないため、*.azsr.md をチェックできません。\n'
      .. 'azsr のリポジトリで ' .. install .. " を実行してインストールするか、vim.lsp.config('azsr', "
      .. "{ cmd = { '/path/to/azsr-lsp' } }) でパスを指定してください。詳しい説明は :help azsr-setup にあります。"
  end
  if configured then
    return ('the configured server %s cannot be run, so *.azsr.md files are not checked.\n'):format(exe)
      .. "Fix the path given to vim.lsp.config('azsr', { cmd = ... }), setup{ server_path = ... } or $AZSR_LSP_PATH; "
      .. 'to install the server, run ' .. install .. ' in the azsr repository; :help azsr-setup has the details.'
  end
  return 'the language server azsr-lsp is not on PATH, so *.azsr.md files are not checked.\n'
    .. 'Install it from the azsr repository: ' .. install
    .. ", or give its path: vim.lsp.config('azsr', { cmd = { '/path/to/azsr-lsp' } }); :help azsr-setup has the details."
end

--- Checks the user's settings table; returns a list of problems (empty when fine).
---@param settings table|nil
---@return string[]
function M.validate(settings)
  local problems = {}
  if settings == nil then
    return problems
  end
  if type(settings) ~= 'table' then
    return { 'settings must be a table' }
  end
  for k, v in pairs(settings) do
    local want = M.keys[k]
    if want == nil then
      table.insert(problems, ('unknown setting %q (known: %s)'):format(
        tostring(k), table.concat(vim.fn.sort(vim.tbl_keys(M.keys)), ', ')))
    elseif type(v) ~= want then
      table.insert(problems, ('setting %q should be a %s, got %s'):format(k, want, type(v)))
    end
  end
  table.sort(problems)
  return problems
end

--- Puts the settings where the server reads them: `initializationOptions` at start
--- (done by `before_init`) and `workspace/didChangeConfiguration` / `workspace/configuration`
--- under the section `azsr`.
---@param settings table|nil
---@return table
function M.lsp_settings(settings)
  -- Empty Lua tables encode as JSON arrays: mark the object-valued ones as objects.
  local s = vim.deepcopy(settings or {})
  if type(s) ~= 'table' then
    return { azsr = s }
  end
  for _, key in ipairs({ 'rules', 'terms', 'catalog' }) do
    if type(s[key]) == 'table' and next(s[key]) == nil then
      s[key] = vim.empty_dict()
    end
  end
  if next(s) == nil then
    s = vim.empty_dict()
  end
  return { azsr = s }
end

--- `before_init` hook: sends the `azsr` settings section as initializationOptions.
function M.before_init(params, config)
  local s = config.settings and config.settings.azsr
  if params.initializationOptions == nil and s ~= nil then
    params.initializationOptions = s
  end
end

return M
