"""KSTTHC Desktop: an offline planner for administrative-procedure control plans."""

__version__ = "0.1.0"
APP_NAME = "KSTTHC Desktop"
ORG_NAME = "KSTTHC"
