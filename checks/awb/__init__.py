"""The Awb check: which elements a beschikking carries and whether its parts agree.

`regels` reads the rule data in content/awb/ (elements with their patterns, one file per besluittype), `controle`
finds the elements in a document, `samenhang` checks that its parts agree with each other and with the law,
`beleid` adds the gemeente's own policy, `rapport` writes the report and the checklist. Imports only `checks`."""
