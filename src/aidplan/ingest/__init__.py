"""Getting plans in: a new plan to fill in (`aidplan new`), next year's plan from this year's (`new --from`), and
the plans offices already have (`aidplan import`): readers turn Word, Excel, CSV and pasted text into one neutral
document (document.py), the recogniser finds the plan in it (recognise.py), written as YAML in the house style
(writing.py)."""
