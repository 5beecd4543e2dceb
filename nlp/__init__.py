"""Training pipeline for the Dutch spaCy model used by the B1 checks (nl_sjabloonstraat)."""
