"""Building blocks more than one room needs: the date grammar (ingest reads front-matter dates, extract
reads dates in sentences) and the named fault checkpoints the crash tests stop a run at."""
