"""What ``site-builder serve`` keeps between two rebuilds: what the docs folder was generated from.

MkDocs loads hook files as modules of their own, so the state lives here, in a module that the
command and the hooks both import.
"""

from __future__ import annotations

from site_builder.render.incremental import Generated

last: Generated | None = None  # what the docs folder holds, once generated in this process
