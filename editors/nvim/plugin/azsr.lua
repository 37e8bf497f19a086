-- Commands (:AzsrExplain, :AzsrRestart, :AzsrLog) for users who only call
-- vim.lsp.enable('azsr'); setup{} defines the same ones.
if vim.g.loaded_azsr then
  return
end
vim.g.loaded_azsr = 1
require('azsr').define_commands()
