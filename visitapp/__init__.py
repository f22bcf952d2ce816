"""visitapp: notes from reference visits to companies, signed minutes, a registry of the series.

Everything in this package except :mod:`visitapp.ui` is plain Python and imports no Qt.
"""

__version__ = "0.1.0"
