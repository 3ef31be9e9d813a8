"""What a run keeps besides the project: values remembered by what they are made from (in memory,
and in a content-addressed store on disk), and a pool of worker processes that shares out work.

Only ``check.run`` and ``render.generate`` use it (and the command line and the preview, which make
a :class:`~site_builder.runtime.session.Session`); what loading asks of it is
:class:`site_builder.load.recall.Recall`.
"""
