"""Publish the generated Markdown as a site with MkDocs: build, preview, and swap in atomically."""
