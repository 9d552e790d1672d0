"""The tracking stage: progress records, due items and tallies, the working-day calendar, reports."""
