"""Helpers for tests (not imported by the product): ``builder`` makes the small world a test needs."""
