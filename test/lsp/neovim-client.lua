-- Headless Neovim (0.7.2, Debian) as a second, independent LSP client of vanban-ls over --stdio.
-- Opens DOC, waits for the pushed diagnostics, asks for a hover, prints what it got, exits 0/1.
-- Output lines (columns are 0-based bytes, as Neovim keeps them):
--   DIAG <lnum> <col> <end_lnum> <end_col> <code> <message>
--   HOVER <first line of the hover>
--   PASS <n> | FAIL <reason>
local server = assert(os.getenv('LSP_SERVER'), 'LSP_SERVER not set')
local file = assert(os.getenv('DOC'), 'DOC not set')
local hover_line = tonumber(os.getenv('HOVER_LINE') or '-1')
local hover_col = tonumber(os.getenv('HOVER_COL') or '0')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'

local client_id = vim.lsp.start_client({
  name = 'vanban',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
if not client_id then
  io.stdout:write('FAIL the client did not start\n')
  vim.cmd('cq')
end
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b)
  if a.lnum ~= b.lnum then return a.lnum < b.lnum end
  return a.col < b.col
end)
for _, d in ipairs(diags) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  local message = string.gsub(d.message, '\n', ' ')
  io.stdout:write(string.format('DIAG %d %d %d %d %s %s\n', d.lnum, d.col, d.end_lnum, d.end_col, code, message))
end

if hover_line >= 0 then
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = { line = hover_line, character = hover_col } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  for _, response in pairs(responses) do
    local contents = response.result and response.result.contents
    if contents and contents.value then
      io.stdout:write('HOVER ' .. string.gsub(vim.split(contents.value, '\n')[1], '\r', '') .. '\n')
    end
  end
end

vim.lsp.stop_client(client_id)
if got then
  io.stdout:write('PASS ' .. #diags .. '\n')
  vim.cmd('qa!')
else
  io.stdout:write('FAIL no diagnostics within 15 s\n')
  vim.cmd('cq')
end
