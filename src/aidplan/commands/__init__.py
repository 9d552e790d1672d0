"""The commands as plain functions over files: the CLI turns flags into calls to these."""
