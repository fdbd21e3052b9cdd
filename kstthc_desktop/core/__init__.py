"""Pure domain: no Qt, no SQL. Imports nothing else of ours."""
