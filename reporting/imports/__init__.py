"""Importing measures from a CSV or XLSX file in the export's format."""
