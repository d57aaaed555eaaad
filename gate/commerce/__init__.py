"""Magento / Adobe Commerce: the gate in front of a product media gallery (webhook, backfill, sidecars)."""
