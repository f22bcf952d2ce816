"""resources/ is found from an installed wheel, not only from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from tests.conftest import ROOT

PROBE = """
import json
from visitapp.resources import resources_dir
from visitapp.templates import all_templates
from visitapp import i18n
i18n.set_language("pl")
print(json.dumps({
    "resources": str(resources_dir()),
    "templates": sorted(all_templates()),
    "polish": i18n._("Nothing found."),
    "schema": (resources_dir() / "schema" / "visit-record-1.schema.json").is_file(),
}))
"""


def test_an_installed_wheel_carries_its_resources(tmp_path):
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    [wheel] = out.glob("visitapp-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert "visitapp/_resources/templates/reference-visit.json" in names
        assert "visitapp/db/migrations/versions/0001_initial_schema.py" in names
        zf.extractall(site)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VISITAPP_RESOURCES")}
    env["PYTHONPATH"] = str(site)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    import json

    found = json.loads(result.stdout)
    assert found["resources"] == str(site / "visitapp" / "_resources")
    assert found["templates"] == ["reference-visit", "short-visit"]
    assert found["polish"] == "Nic nie znaleziono."
    assert found["schema"] is True
