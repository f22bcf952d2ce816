"""The coordinator's registry: merging signed minutes, trusted signers, follow-up, reports, plans.

A registry is an ordinary visitapp database (same schema); nothing here imports Qt.
"""
