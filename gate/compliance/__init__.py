"""The compliance record read back: the audit topic as an inventory of published AI images and a report."""
