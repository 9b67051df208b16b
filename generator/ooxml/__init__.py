"""WordprocessingML in one layer: runs, rules, page geometry, text metrics."""
