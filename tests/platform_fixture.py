"""Session fixtures for the platform tests: a throwaway PostgreSQL 15 + PostGIS cluster on a Unix socket under
build/pg (run as the postgres user when we are root; no TCP), migrated by the real sonae:platforminit, with two
partners, a city staff login and a viewer login. Stopped and deleted at the end of the session, also when tests
fail. Tests are skipped (with the reason) only when the PostgreSQL/PostGIS binaries are absent."""
from __future__ import annotations

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


class Platform:
    """The running test platform: ``conninfo(role)`` for any login role; ``admin()`` an open superuser
    connection (new each call, close it)."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.admin_conninfo = cluster.conninfo()

    def conninfo(self, role: str | None = None) -> str:
        return self.cluster.conninfo(user=role)

    def admin(self):
        import psycopg2
        return psycopg2.connect(self.admin_conninfo)

    def connect(self, role: str):
        import psycopg2
        return psycopg2.connect(self.cluster.conninfo(user=role))

    def sql(self, query, params=None, role=None, fetch=True):
        """Run one statement as ``role`` (superuser when None) and commit; returns the rows."""
        con = self.connect(role) if role else self.admin()
        try:
            with con.cursor() as cur:
                cur.execute(query, params)
                rows = cur.fetchall() if fetch and cur.description else None
            con.commit()
            return rows
        finally:
            con.close()


@pytest.fixture(scope="session")
def pg_cluster():
    from sonae.engine.platform_db import cluster
    reason = cluster.missing_reason()
    if reason:
        pytest.skip(reason)
    c = cluster.Cluster(os.path.join(ROOT, "build", "pg"))
    c.start()
    try:
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="session")
def platform(pg_cluster, qgis_app):
    """The migrated platform: partners alpha (sites P1, P2) and beta (site P3), staff login city_tanaka,
    viewer login viewer_sato."""
    import processing
    p = Platform(pg_cluster)
    processing.run("sonae:platforminit", {"CONNECTION": p.admin_conninfo, "STYLES": True})
    processing.run("sonae:platformpartner", {"CONNECTION": p.admin_conninfo, "CODE": "alpha",
                                             "NAME": "アルファマート宮崎", "SITE_IDS": "P1,P2"})
    processing.run("sonae:platformpartner", {"CONNECTION": p.admin_conninfo, "CODE": "beta",
                                             "NAME": "Beta Foods", "SITE_IDS": "P3"})
    p.sql("CREATE ROLE city_tanaka LOGIN IN ROLE sonae_city", fetch=False)
    p.sql("CREATE ROLE viewer_sato LOGIN IN ROLE sonae_viewer", fetch=False)
    return p
