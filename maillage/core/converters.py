"""Path converters every ``urls.py`` uses (registered in ``CoreConfig.ready``)."""

from django.urls import register_converter


class IdConverter:
    """A database id in a path, ``<id:pk>``: one to eighteen digits, which always
    fits a 64-bit integer column. A longer number matches no pattern (a 404)
    instead of reaching the database (SQLite answers it with an OverflowError).
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def register() -> None:
    register_converter(IdConverter, "id")
