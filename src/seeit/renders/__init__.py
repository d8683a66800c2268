"""Composite renders: the storefront's accept path, the worker job, long-poll, sweeper."""
