"""Turn a checked project into Markdown pages, assets and exports: no MkDocs in it."""
