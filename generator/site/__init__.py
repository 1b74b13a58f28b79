"""Site: validated content in, pages out. `model` builds the views a page shows, `pages`
the pages and their Markdown, `render` the Jinja2 environment, `labels` the words. The
MkDocs plugin (`generator.plugin`) is the only module that hands them to MkDocs."""
