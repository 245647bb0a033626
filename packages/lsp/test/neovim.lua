-- Drives alloy-lsp from Neovim 0.7 (Debian 12), headless: the API of that release
-- (vim.lsp.start_client + buf_attach_client; vim.lsp.start came in 0.8).
-- In: ALLOY_LSP_CMD (JSON array), ALLOY_FILE, ALLOY_OUT. Out: a JSON report in ALLOY_OUT.
local cmd = vim.fn.json_decode(os.getenv('ALLOY_LSP_CMD'))
local file = os.getenv('ALLOY_FILE')
local report = { steps = {} }

local function done()
  local f = io.open(os.getenv('ALLOY_OUT'), 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qall!')
end

local function step(name, ok, value)
  table.insert(report.steps, name)
  report[name] = value
  if not ok then
    report.failed = name
    done()
  end
end

local id = vim.lsp.start_client({
  name = 'alloy-lint',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { alloyLint = { rules = { ['no-inputs'] = 'info' } } },
  -- Neovim 0.7 answers workspace/configuration but does not announce it; push the settings.
  on_init = function(c) c.notify('workspace/didChangeConfiguration', { settings = c.config.settings }) end,
})
step('started', id ~= nil, id)

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'alloy'
vim.lsp.buf_attach_client(0, id)
local client = vim.lsp.get_client_by_id(id)
step('initialized', vim.wait(30000, function() return client.initialized end, 20), client.server_capabilities ~= nil)

-- Diagnostics after an edit: break the reference to loki.write.loki on line 43.
local line = vim.api.nvim_buf_get_lines(0, 42, 43, false)[1]
local col = line:find('loki.write.loki', 1, true) + #'loki.write.' - 1
vim.api.nvim_buf_set_text(0, 42, col, 42, col, { 'x' })
local function find_diag()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.message:find('xloki', 1, true) then return d end
  end
end
local got = vim.wait(30000, function() return find_diag() ~= nil end, 20)
local d = find_diag()
step('diagnostic', got, d and { message = d.message, lnum = d.lnum, col = d.col, severity = d.severity, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code } or nil)
local all = {}
for _, x in ipairs(vim.diagnostic.get(0)) do table.insert(all, { x.severity, x.message }) end
report.all_diagnostics = all

-- Completion inside forward_to of loki.source.kubernetes (line 33).
local fline = vim.api.nvim_buf_get_lines(0, 32, 33, false)[1]
local fcol = fline:find('[', 1, true)
vim.api.nvim_buf_set_text(0, 32, fcol, 32, #fline - 1, {})
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 32, character = fcol } }
local answers = vim.lsp.buf_request_sync(0, 'textDocument/completion', params, 20000) or {}
local labels = {}
for _, a in pairs(answers) do
  local items = a.result and (a.result.items or a.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
step('completion', #labels > 0, labels)

-- Formatting: the whole document through alloy fmt's rules.
vim.lsp.buf.formatting_sync(nil, 20000)
step('formatted', true, vim.api.nvim_buf_get_lines(0, 0, -1, false))
done()
