"""The seed report (Nam Thanh Miện's 2021–2025 summary) for tests: the team's shared copy
(``../shared/seeds/``, beside the repository) when this checkout has it, else the copy kept in
the repository so a clean clone tests it too; a test keeps the two equal."""
from pathlib import Path

SHARED_SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "000_0f26d71c4cefea8d.txt"
BUNDLED_SEED = Path(__file__).resolve().parent / "data" / "seed-report.txt"
SEED = SHARED_SEED if SHARED_SEED.exists() else BUNDLED_SEED
