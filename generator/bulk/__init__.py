"""Bulk generation: thousands of letters from one template and a file of rows, checked, resumable."""
