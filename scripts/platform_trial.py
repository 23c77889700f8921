"""`make platform` / `make platform-stop`: a local PostgreSQL + PostGIS trial platform on a Unix socket in
build/platform (no TCP), created with sonae:platforminit (schema, roles, styles) and a demo partner.

    .venv/bin/python scripts/platform_trial.py start   # prints how to connect
    .venv/bin/python scripts/platform_trial.py stop    # stops the server and deletes its directory
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STATE = os.path.join(ROOT, "build", "platform", "current")


def start():
    sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
    from sonae.engine.platform_db.cluster import Cluster, missing_reason
    reason = missing_reason()
    if reason:
        print(f"make platform: {reason}")
        return 1
    if os.path.exists(STATE):
        print(f"A trial platform is already running ({open(STATE).read().strip()}); `make platform-stop` first.")
        return 1
    c = Cluster(os.path.join(ROOT, "build", "platform"), keep=True).start()
    with open(STATE, "w") as fh:
        fh.write(c.base)
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    from sonae.processing_algorithms.provider import SonaeProvider
    provider = SonaeProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing
    processing.run("sonae:platforminit", {"CONNECTION": c.conninfo(), "STYLES": True})
    processing.run("sonae:platformpartner", {"CONNECTION": c.conninfo(), "CODE": "demo_partner",
                                             "NAME": "Demo partner (trial)", "SITE_IDS": ""})
    import psycopg2
    con = psycopg2.connect(c.conninfo())
    with con.cursor() as cur:
        cur.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trial_staff') THEN "
                    "CREATE ROLE trial_staff LOGIN IN ROLE sonae_city; END IF; "
                    "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trial_viewer') THEN "
                    "CREATE ROLE trial_viewer LOGIN IN ROLE sonae_viewer; END IF; END $$")
    con.commit()
    con.close()
    print(f"""
Sonae trial platform running (PostgreSQL on the Unix socket directory {c.socket_dir}, no TCP; trust auth, so
only for a trial on this machine).
  admin (owner):   {c.conninfo()}
  city staff:      {c.conninfo('trial_staff')}
  partner:         {c.conninfo('sonae_p_demo_partner')}
  viewer:          {c.conninfo('trial_viewer')}
In QGIS: Browser > PostgreSQL > New Connection: Host = {c.socket_dir}, Database = {c.dbname}, user as above
(no password); or paste one of the strings above as CONNECTION / PLATFORM of a Sonae algorithm.
psql: psql "{c.conninfo('trial_staff')}"
Stop and delete it: make platform-stop
""")
    return 0


def stop():
    if not os.path.exists(STATE):
        print("No trial platform running.")
        return 0
    sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
    from sonae.engine.platform_db.cluster import Cluster
    base = open(STATE).read().strip()
    c = Cluster.__new__(Cluster)
    c.base, c.data, c.keep, c.running = base, os.path.join(base, "data"), False, True
    from sonae.engine.platform_db.cluster import find_bindir
    c.bindir = find_bindir()
    c._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    c.stop()
    os.remove(STATE)
    print(f"Trial platform stopped and deleted ({base}).")
    return 0


if __name__ == "__main__":
    sys.exit({"start": start, "stop": stop}[sys.argv[1] if len(sys.argv) > 1 else "start"]())
