"""Sjabloonstraat generator: case data + template -> checked beschikking or brief."""
