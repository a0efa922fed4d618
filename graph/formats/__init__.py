"""The layouts adverts arrive in besides Crosslink's own JSON Lines: platform exports and partners' CSV."""
