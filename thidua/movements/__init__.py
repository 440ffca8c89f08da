"""Movements (phong trào thi đua): movements and their quantified results, yearly registration
with a deadline the officer can reopen per unit, pacts of the emulation blocks, versioned
criteria sets with bands, self-scoring with evidence, the scorers' review and lock, ranking.

Decisions worth knowing (see the modules for details):
- a registration for a higher title of a ladder counts for the lower ones (titles.py);
- expected registrants = current member units of the commune's blocks that year;
- a criteria set with any score is frozen; "new version" copies it and becomes current;
- ranking ties: more regular (non-bonus, non-penalty) points, then fewer penalty points, then
  the unit's name in Vietnamese collation (selectors.rank_entries);
- a locked scorecard never changes: services raise LockedError, views answer 409, and
  Score.save refuses as a last line of defence.
"""
