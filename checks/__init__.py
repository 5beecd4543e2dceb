"""Sjabloonstraat checks: termijnen, and (to come) the Awb and B1 checks. Imports nothing from `generator`."""
