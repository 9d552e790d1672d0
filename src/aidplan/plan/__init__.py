"""The plan stage: the format, reading it safely, time expressions, schedule and the rules of check."""
