/// Persistence: Lobby's SQLite storage (connections, statements, migrations, stores).
