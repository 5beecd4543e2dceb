"""The link with the zaaksysteem through the ZGW APIs (Zaken, Documenten, Catalogi, Besluiten): an engine beside
generator/, used by the command line and the web app."""
