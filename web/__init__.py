"""The web app of Sjabloonstraat: caseworkers, the KCC and the sjablonenwerkgroep in the browser (`sjabloon web`)."""
