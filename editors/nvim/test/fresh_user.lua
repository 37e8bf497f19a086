-- Run by e2e.lua inside a child Neovim set up as a new user would have it after the
-- README's install: the plugin linked under pack/*/start, an init.lua that only calls
-- vim.lsp.enable('azsr'), a draft given on the command line. Records what that user
-- sees (messages, clients, :help azsr) as JSON in $AZSR_PROBE_OUT, then quits.
local TIMEOUT = tonumber(vim.env.AZSR_TEST_TIMEOUT_MS or '20000')
local expect_server = vim.env.AZSR_PROBE_EXPECT_SERVER == '1'
local first = vim.api.nvim_get_current_buf()

local function attached(buf)
  return #vim.lsp.get_clients({ name = 'azsr', bufnr = buf }) > 0
end

-- The notice is scheduled; with a server, wait for the client instead.
vim.wait(expect_server and TIMEOUT or 2000, function()
  if expect_server then
    return attached(first)
  end
  return vim.fn.execute('messages'):find('azsr-lsp', 1, true) ~= nil
end, 50)

-- A second draft: the notice must not come again.
vim.cmd.edit(vim.fn.fnameescape(vim.env.AZSR_PROBE_SECOND))
vim.wait(500, function()
  return false
end, 50)

local out = {
  filetype = vim.bo[first].filetype,
  attached = attached(first),
  messages = vim.fn.execute('messages'),
}
local ok, err = pcall(vim.cmd, 'help azsr')
out.help = ok and vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t') or ('error: ' .. tostring(err))
out.help_line = ok and vim.api.nvim_get_current_line() or ''

local f = assert(io.open(vim.env.AZSR_PROBE_OUT, 'w'))
f:write(vim.json.encode(out))
f:close()
vim.lsp.stop_client(vim.lsp.get_clients(), true)
vim.cmd('qa!')
