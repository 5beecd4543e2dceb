"""Alembic environment: migrate the connection the Register hands over, or else the database of database_url()."""

from alembic import context
from sqlalchemy import create_engine

from generator.vrijgave.register.url import database_url


def migreer(verbinding) -> None:
    context.configure(connection=verbinding)
    with context.begin_transaction():
        context.run_migrations()


verbinding = context.config.attributes.get("connection")
if verbinding is not None:
    migreer(verbinding)
else:
    with create_engine(database_url()).begin() as eigen:
        migreer(eigen)
