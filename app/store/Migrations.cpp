#include "Migrations.h"

namespace relais {

// SQLite 3.15 (SQLCipher 3.4): no UPSERT, no window functions, no JSON1, no FTS5.
const QVector<Migration> &migrations()
{
    static const QVector<Migration> list = {
        {1,
         "accounts, settings, journal",
         {
             QStringLiteral("CREATE TABLE accounts ("
                            " id INTEGER PRIMARY KEY,"
                            " login TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('admin', 'mediator', 'volunteer')),"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " must_change_password INTEGER NOT NULL DEFAULT 0,"
                            " created_at TEXT NOT NULL,"
                            " password_changed_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"),
             // Append-only: each row carries SHA-256(previous hash || canonical row). No personal data.
             QStringLiteral("CREATE TABLE journal ("
                            " id INTEGER PRIMARY KEY,"
                            " at TEXT NOT NULL,"
                            " actor TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " object TEXT NOT NULL DEFAULT '',"
                            " hash BLOB NOT NULL)"),
             QStringLiteral("CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
                            " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
             QStringLiteral("CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
                            " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
         }},
    };
    return list;
}

int latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().last().version;
}

} // namespace relais
