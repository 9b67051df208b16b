"""A whole commendation round at the level above: the units' dossiers combined, checked, decided, notified.

units.py imports each unit's zip (verified against its manifest) or Excel list; checks.py applies the
rules across units; documents.py builds each document's data; plan.py prepares them; assemble.py writes
them with the certificates through the one writer.
"""
