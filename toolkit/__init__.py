"""The Smart Working Toolkit: every rule and calculation behind the site's tools (standard library only)."""

__version__ = "0.1.0"
