"""The werkgroep's catalogue work: is a template fit for release, and how does the catalogue stand this quarter?

The lint (lint, lint_rapport) reads a template's Jinja without rendering (syntaxis, sjabloongebruik), renders it for
each case variant (zaakvarianten) and notes the branches it took (takken); the inventory (inventaris,
inventaris_rapport, weergave/) sums it up for management. Imports `generator.vullen` and `checks`."""
