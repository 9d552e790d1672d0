"""Getting plans in: a new plan to fill in (`aidplan new`), next year's plan from this year's (`new --from`)."""
