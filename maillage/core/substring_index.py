"""An index for ``__contains`` searches (``LIKE '%...%'``) of a text column.

No B-tree serves a search inside words. On PostgreSQL, a trigram index
(``pg_trgm``, part of PostgreSQL's contrib, present in Debian's server package)
does. On SQLite, a plain index of the column alone lets a search scan that
narrow index rather than the table's long rows. Django's ``Meta.indexes``
cannot say "one kind on each engine", hence this migration operation.
"""

from django.db import migrations


class SubstringIndex(migrations.RunPython):
    """``SubstringIndex("accounts_user", ["search_text"], "user_search_text")``.

    Several ``columns``: one trigram index of them all on PostgreSQL (a search
    of one or the other combines its scans); on SQLite one index of
    ``sqlite_leading`` columns (equality filters, such as a flag) then
    ``columns``, which a search scans instead of the table.
    """

    def __init__(self, table: str, columns, name: str, sqlite_leading=()):
        if isinstance(columns, str):
            columns = [columns]
        self.table, self.columns, self.name = table, list(columns), name
        self.sqlite_leading = list(sqlite_leading)
        super().__init__(self._create, self._drop, elidable=False)

    def describe(self):
        columns = ", ".join(self.columns)
        return f"Create substring index {self.name} on {self.table} ({columns})"

    def _create(self, apps, schema_editor):
        quote = schema_editor.quote_name
        table, name = quote(self.table), quote(self.name)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            columns = ", ".join(f"{quote(c)} gin_trgm_ops" for c in self.columns)
            schema_editor.execute(
                f"CREATE INDEX {name} ON {table} USING gin ({columns})"
            )
        else:
            columns = ", ".join(quote(c) for c in self.sqlite_leading + self.columns)
            schema_editor.execute(f"CREATE INDEX {name} ON {table} ({columns})")

    def _drop(self, apps, schema_editor):
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.name)}"
        )
