"""Training of the Dutch spaCy model that the B1 check uses (checks/model/nl_sjabloonstraat).

`data` reads the UD Dutch treebanks, `train` trains, `report` writes the accuracy and licence next to the model. Run
by `make model`, never by the tests; imports nothing from the product."""
