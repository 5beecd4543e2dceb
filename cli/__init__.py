"""The command line `sjabloon`: the one place that composes every subcommand and may import everything.

`sjabloon` holds the group; one module per user group's commands and the options they share (opties). Each command
imports its engine inside its function, so help starts at once and spaCy loads only for a B1 check (test_opstart).
Click speaks Dutch from the moment this package is imported (nederlands.py). Engines never import this package."""

from cli.nederlands import installeer

installeer()
