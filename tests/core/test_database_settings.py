"""The site's database connections: PostgreSQL's JIT is off (it compiled the overview's
facet statements for longer than they ran), unless DATABASE_JIT asks for it."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_sites_connections_run_without_jit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
