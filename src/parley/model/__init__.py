"""Stage 4: bargaining scenarios (parties, issues, positions, salience, clout) from evidence."""
