-- :checkhealth azsr
local M = {}

function M.check()
  local health = vim.health
  local config = require('azsr.config')
  local azsr = require('azsr')

  health.start('azsr: Neovim')
  if vim.fn.has('nvim-0.11') == 1 then
    health.ok('Neovim ' .. tostring(vim.version()) .. ': vim.lsp.enable("azsr") or require("azsr").setup{}')
  elseif vim.fn.has('nvim-0.10') == 1 then
    health.ok('Neovim ' .. tostring(vim.version()) .. ': use require("azsr").setup{}')
  else
    health.error('Neovim 0.10 or newer is needed', { 'Upgrade Neovim' })
  end

  health.start('azsr: filetype')
  local ft = vim.filetype.match({ filename = 'request.azsr.md' })
  if ft == 'markdown.azsr' then
    health.ok('*.azsr.md is detected as markdown.azsr')
  else
    health.error('*.azsr.md is detected as ' .. tostring(ft) .. ', not markdown.azsr', {
      'Make sure the plugin directory is on the runtimepath before filetype detection runs',
      'Check that no other plugin maps *.azsr.md to another filetype',
    })
  end
  if pcall(vim.treesitter.language.add, 'markdown') then
    health.ok('the Tree-sitter markdown parser is available (used for markdown.azsr)')
  else
    health.info('no Tree-sitter markdown parser: highlighting falls back to Vim syntax')
  end

  health.start('azsr: language server')
  local cmd = azsr.server_cmd()
  local exe = vim.fn.exepath(cmd[1])
  if exe == '' then
    health.error(cmd[1] .. ' was not found', {
      config.server_missing_message(cmd[1], config.message_lang(azsr.user_settings())),
    })
  else
    local res = vim.system({ exe, '--version' }, { text = true }):wait()
    if res.code == 0 then
      health.ok(exe .. ': ' .. vim.trim(res.stdout))
    else
      health.error(exe .. ' --version failed: ' .. vim.trim(res.stderr or ''))
    end
  end

  health.start('azsr: settings')
  local problems = config.validate(azsr.options.settings)
  if #problems == 0 then
    health.ok('settings: ' .. vim.inspect(azsr.options.settings or {}, { newline = ' ', indent = '' }))
  end
  for _, p in ipairs(problems) do
    health.warn(p)
  end
  local clients = azsr.clients()
  if #clients == 0 then
    health.info('no azsr client is running (open a *.azsr.md file)')
  end
  for _, c in ipairs(clients) do
    health.ok(('client %d running, root %s, attached to %d buffer(s)'):format(
      c.id, tostring(c.root_dir), vim.tbl_count(c.attached_buffers)))
  end
end

return M
