"""An index for ``__contains`` searches (``LIKE '%...%'``) of a text column.

No B-tree serves a search inside words. On PostgreSQL, a trigram index
(``pg_trgm``, part of PostgreSQL's contrib, present in Debian's server package)
does. On SQLite, a plain index of the column alone lets a search scan that
narrow index rather than the table's long rows. Django's ``Meta.indexes``
cannot say "one kind on each engine", hence this migration operation.
"""

from django.db import migrations


class SubstringIndex(migrations.RunPython):
    """``SubstringIndex("accounts_user", "search_text", "user_search_text")``."""

    def __init__(self, table: str, column: str, name: str):
        self.table, self.column, self.name = table, column, name
        super().__init__(self._create, self._drop, elidable=False)

    def describe(self):
        return f"Create substring index {self.name} on {self.table}.{self.column}"

    def _create(self, apps, schema_editor):
        quote = schema_editor.quote_name
        table, column, name = quote(self.table), quote(self.column), quote(self.name)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)"
            )
        else:
            schema_editor.execute(f"CREATE INDEX {name} ON {table} ({column})")

    def _drop(self, apps, schema_editor):
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}"
        )
