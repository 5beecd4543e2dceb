"""The command line `sjabloon`: the one place that composes every subcommand and may import everything.

`sjabloon` holds the group; one module per user group's commands (documenten, controles, werkgroep, bulk, register,
web) and the options they share (opties). Engines below never import this package (tests/test_lagen.py)."""
