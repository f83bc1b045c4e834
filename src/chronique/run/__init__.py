"""Runners: how per-document and grouped steps are executed (local processes today)."""
from .base import GroupStep, Runner
from .local import LocalRunner

__all__ = ["GroupStep", "Runner", "LocalRunner"]
