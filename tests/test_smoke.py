from visitapp import __version__
from visitapp.templates import get_template


def test_default_template_loads():
    assert get_template("reference-visit").sections[0].key == "profile"
    assert __version__
