"""What a source text is: its lines, paragraphs and normalized view with offsets back to it."""
