"""Publishing beyond the plan's own documents: calendar (ICS) and table (CSV) exports."""
