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

--- The server executable: `server_path` when given, else `azsr-lsp` on PATH.
---@param server_path string|nil
---@return string[]
function M.cmd(server_path)
  local exe = server_path
  if exe == nil or exe == '' then
    exe = vim.env.AZSR_LSP_PATH
  end
  if exe == nil or exe == '' then
    exe = 'azsr-lsp'
  end
  return { vim.fn.expand(exe) }
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
