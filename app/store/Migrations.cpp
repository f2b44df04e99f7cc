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
        {2,
         "submissions (drafts onwards) and encrypted attachments",
         {
             // One row per démarche filled for a citizen, from the first keystroke (draft) to the operator's
             // decision. The answers are the form engine's JSON; the démarche version is frozen with them.
             QStringLiteral("CREATE TABLE submissions ("
                            " id INTEGER PRIMARY KEY,"
                            " uuid TEXT NOT NULL UNIQUE,"
                            " demarche_id TEXT NOT NULL,"
                            " demarche_version INTEGER NOT NULL,"
                            " state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'queued', 'sending',"
                            "  'delivered', 'in_review', 'accepted', 'rejected_by_operator', 'incomplete',"
                            "  'quarantined', 'discarded')),"
                            " answers TEXT NOT NULL DEFAULT '{}',"
                            " current_section TEXT NOT NULL DEFAULT '',"
                            " created_by INTEGER NOT NULL REFERENCES accounts(id),"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " queued_at TEXT)"),
             QStringLiteral("CREATE INDEX submissions_state ON submissions(state, updated_at)"),
             // Attachments live inside the encrypted database, split in chunks so that no single statement
             // holds a whole scan in memory. Never a file in clear on disk, not even a temporary one.
             QStringLiteral("CREATE TABLE attachments ("
                            " id INTEGER PRIMARY KEY,"
                            " submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
                            " field TEXT NOT NULL,"
                            " filename TEXT NOT NULL,"
                            " content_type TEXT NOT NULL,"
                            " size INTEGER NOT NULL,"
                            " sha256 BLOB NOT NULL,"
                            " created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX attachments_submission ON attachments(submission_id)"),
             QStringLiteral("CREATE TABLE attachment_chunks ("
                            " attachment_id INTEGER NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,"
                            " seq INTEGER NOT NULL,"
                            " data BLOB NOT NULL,"
                            " PRIMARY KEY (attachment_id, seq))"),
         }},
    };
    return list;
}

int latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().last().version;
}

} // namespace relais
