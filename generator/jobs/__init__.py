"""Jobs: one document, a batch, a commendation dossier — each planned, then written by one writer."""
