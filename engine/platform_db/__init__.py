"""The shared PostGIS platform (issue 15), QGIS-free: one job per module.

- ``cluster``    a throwaway PostgreSQL cluster on a Unix socket (tests, ``make platform``, the demo)
- ``connection`` connect with psycopg2 (imported lazily), bilingual connection errors, no secrets echoed
- ``migrations`` apply ``layers/platform/migrations/NNN_*.sql`` in order, recorded in sonae.schema_migrations
- ``partners``   partners and their login roles
- ``stock``      stock sites / lots / commitments / verifications in and out, transactionally
- ``shelter_store`` shelter status and occupancy snapshots in and out
- ``results``    write a result table back, all or nothing
"""
