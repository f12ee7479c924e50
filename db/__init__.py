"""The tracker's SQLite database: schema, write functions and the Datasette publication."""
