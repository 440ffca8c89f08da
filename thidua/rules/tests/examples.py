"""Where the worked eligibility examples are read from: the team's shared copy
(``../shared/domain/eligibility-examples.json``, beside the repository) when this checkout has
it, else the copy kept in the repository (``data/``) so a clean clone tests them too; a test
keeps the two equal."""
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "domain" / "eligibility-examples.json"
BUNDLED = Path(__file__).resolve().parent / "data" / "eligibility-examples.json"
EXAMPLES = SHARED if SHARED.exists() else BUNDLED
