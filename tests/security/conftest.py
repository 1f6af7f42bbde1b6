import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts per address in the cache: every test starts clean."""
    cache.clear()
    yield
    cache.clear()
