"""One writer per output format, each fed by the pure table layout."""
