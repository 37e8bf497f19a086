-- Commands (:AzsrExplain, :AzsrExport, :AzsrRestart, :AzsrLog) for users who only call
-- vim.lsp.enable('azsr'); setup{} defines the same ones. Opening a draft with azsr
-- turned on but no server to run says so once (Neovim itself would stay silent).
if vim.g.loaded_azsr then
  return
end
vim.g.loaded_azsr = 1
require('azsr').define_commands()
vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('azsr.server_missing', { clear = true }),
  pattern = 'markdown.azsr',
  callback = function()
    require('azsr').on_azsr_buffer()
  end,
})
require('azsr').define_codelens()
