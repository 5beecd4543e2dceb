"""The link to the zaaksysteem through the ZGW APIs (Zaken, Documenten, Catalogi, Besluiten): its settings and an
HTTP client with the standard's JWT authentication, retries and Dutch errors. An engine: it imports no interface."""
