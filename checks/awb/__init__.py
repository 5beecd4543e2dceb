"""The Awb check: which elements a beschikking carries, whether its parts agree, and whether the zaak behind it follows
the procedure. `regels` reads content/awb/, `controle` finds the elements, `samenhang` checks the parts, `beleid` adds
the gemeente's policy, `procedure` judges the zaak's dates, amounts and names against content/awb/procedure/ (`namen`
compares persons), `rapport` writes the report and the checklist. Imports only `checks`."""
