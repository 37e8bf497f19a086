-- *.azsr.md is Markdown with azsr checks on top. The compound filetype
-- `markdown.azsr` loads Markdown's syntax, ftplugin and indent files (each part of a
-- dotted filetype is loaded in turn), and Tree-sitter picks the `markdown` parser for
-- it (for composite filetypes only the main part names the parser). The language
-- server attaches on `markdown.azsr` only, so plain Markdown files are left alone.
vim.filetype.add({
  pattern = {
    -- Non-negative priority: checked before the `md` extension rule.
    ['.*%.azsr%.md'] = { 'markdown.azsr', { priority = 10 } },
  },
})
