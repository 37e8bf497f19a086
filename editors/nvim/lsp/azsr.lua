-- Neovim 0.11+: `vim.lsp.enable('azsr')` uses this configuration; override any field
-- with `vim.lsp.config('azsr', { ... })`, e.g.
--
--   vim.lsp.config('azsr', {
--     cmd = { '/path/to/azsr-lsp' },
--     settings = { azsr = { support_plan = 'standard', messages = 'ja' } },
--   })
--   vim.lsp.enable('azsr')
--
-- `settings.azsr` takes the keys of azsr.toml; it is sent as initializationOptions and
-- with workspace/didChangeConfiguration, and it overrides azsr.toml key by key.
local config = require('azsr.config')

---@type vim.lsp.Config
return {
  cmd = config.cmd(vim.g.azsr_server_path),
  filetypes = { 'markdown.azsr' },
  root_markers = { 'azsr.toml', '.git' },
  settings = config.lsp_settings(vim.g.azsr_settings),
  before_init = config.before_init,
}
