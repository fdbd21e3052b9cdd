"""The only place with SQL: the office file, its migrations, repository, evidence store and backups."""
