"""The link with the zaaksysteem through the ZGW APIs (Zaken, Documenten, Catalogi, Besluiten): an engine layer
beside generator/ (docs/zgw.md)."""
