"""thidua.rules is pure Python: importing all of it never imports Django."""

import subprocess
import sys
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[1]

PROBE = r"""
import importlib, pkgutil, sys, types

class RefuseDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("thidua.rules must not import " + name)
        return None

sys.meta_path.insert(0, RefuseDjango())
# A bare 'thidua' package, so that only thidua.rules' own code runs (not the project's).
thidua = types.ModuleType("thidua")
thidua.__path__ = [sys.argv[1]]
sys.modules["thidua"] = thidua
import thidua.rules
names = ["thidua.rules"] + [m.name for m in pkgutil.walk_packages(thidua.rules.__path__, "thidua.rules.")
                            if not m.name.startswith("thidua.rules.tests")]
for name in names:
    importlib.import_module(name)
assert "django" not in sys.modules, "django was imported"
assert not [m for m in sys.modules if m.startswith("django")]
print(len(names))
"""


def test_every_rules_module_imports_without_django():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(RULES_DIR.parent)],
        capture_output=True, text=True, timeout=30,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 9  # the package and its modules
