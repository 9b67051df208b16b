"""The commendation dossier: the campaign, the nominations table, achievements, the plan of its documents."""
