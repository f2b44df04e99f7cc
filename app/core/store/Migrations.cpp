#include "Migrations.h"

#include <QMutex>

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
        {3,
         "citizens' files, search entries, consents, mandates, kept documents, receipts and retention",
         {
             // The people helped. Search goes through citizen_search, never through a LIKE on these columns.
             QStringLiteral("CREATE TABLE citizens ("
                            " id INTEGER PRIMARY KEY,"
                            " uuid TEXT NOT NULL UNIQUE,"
                            " birth_name TEXT NOT NULL,"
                            " usage_name TEXT NOT NULL DEFAULT '',"
                            " given_names TEXT NOT NULL,"
                            " birth_date TEXT NOT NULL DEFAULT '',"
                            " birth_place TEXT NOT NULL DEFAULT '',"
                            " phone TEXT NOT NULL DEFAULT '',"
                            " email TEXT NOT NULL DEFAULT '',"
                            " street TEXT NOT NULL DEFAULT '',"
                            " postal_code TEXT NOT NULL DEFAULT '',"
                            " commune TEXT NOT NULL DEFAULT '',"
                            " nir TEXT NOT NULL DEFAULT '',"
                            " note TEXT NOT NULL DEFAULT '',"
                            " sort_key TEXT NOT NULL,"
                            " created_by INTEGER NOT NULL REFERENCES accounts(id),"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " last_activity_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX citizens_sort ON citizens(sort_key)"),
             QStringLiteral("CREATE INDEX citizens_activity ON citizens(last_activity_at)"),
             // Normalised search tokens (no accents, lower case, compound names also joined). A plain table
             // rather than FTS4: erasing a person deletes exactly their rows, with no segment left to merge.
             QStringLiteral("CREATE TABLE citizen_search ("
                            " token TEXT NOT NULL,"
                            " citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
                            " PRIMARY KEY (token, citizen_id)) WITHOUT ROWID"),
             QStringLiteral("CREATE INDEX citizen_search_citizen ON citizen_search(citizen_id)"),
             QStringLiteral("CREATE TABLE consents ("
                            " id INTEGER PRIMARY KEY,"
                            " citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
                            " purpose TEXT NOT NULL,"
                            " text_version TEXT NOT NULL,"
                            " given_at TEXT NOT NULL,"
                            " given_by INTEGER NOT NULL REFERENCES accounts(id),"
                            " withdrawn_at TEXT,"
                            " withdrawn_by INTEGER REFERENCES accounts(id))"),
             QStringLiteral("CREATE INDEX consents_citizen ON consents(citizen_id, purpose)"),
             // Mandates modelled on Aidants Connect: one duration, several scopes each revocable on its own.
             QStringLiteral("CREATE TABLE mandates ("
                            " id INTEGER PRIMARY KEY,"
                            " uuid TEXT NOT NULL UNIQUE,"
                            " citizen_id INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,"
                            " duration TEXT NOT NULL CHECK (duration IN ('day', 'month', 'six_months', 'year')),"
                            " starts_at TEXT NOT NULL,"
                            " ends_at TEXT NOT NULL,"
                            " created_by INTEGER NOT NULL REFERENCES accounts(id),"
                            " attestation_sha256 TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX mandates_citizen ON mandates(citizen_id, ends_at)"),
             QStringLiteral("CREATE TABLE mandate_scopes ("
                            " mandate_id INTEGER NOT NULL REFERENCES mandates(id) ON DELETE CASCADE,"
                            " scope TEXT NOT NULL,"
                            " revoked_at TEXT,"
                            " revoked_by INTEGER REFERENCES accounts(id),"
                            " PRIMARY KEY (mandate_id, scope))"),
             // A submission belongs to a citizen's file; once the operator has decided, its payload is reduced
             // to the receipt. erase_after_delivery: the person asked for erasure while it was still queued.
             QStringLiteral("ALTER TABLE submissions ADD COLUMN citizen_id INTEGER"
                            " REFERENCES citizens(id) ON DELETE SET NULL"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN receipt TEXT NOT NULL DEFAULT '{}'"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN delivered_at TEXT"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN decided_at TEXT"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN reduced_at TEXT"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN erase_after_delivery INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("CREATE INDEX submissions_citizen ON submissions(citizen_id)"),
             // Attachments may now also be kept in a citizen's file for reuse (only with their consent):
             // submission_id becomes optional, hence the rebuild. Chunks are copied first so that dropping
             // the old tables cascades into nothing.
             QStringLiteral("CREATE TABLE attachments_v3 ("
                            " id INTEGER PRIMARY KEY,"
                            " submission_id INTEGER REFERENCES submissions(id) ON DELETE CASCADE,"
                            " citizen_id INTEGER REFERENCES citizens(id) ON DELETE CASCADE,"
                            " field TEXT NOT NULL,"
                            " filename TEXT NOT NULL,"
                            " content_type TEXT NOT NULL,"
                            " size INTEGER NOT NULL,"
                            " sha256 BLOB NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " CHECK (submission_id IS NOT NULL OR citizen_id IS NOT NULL))"),
             QStringLiteral("INSERT INTO attachments_v3 (id, submission_id, field, filename, content_type, size,"
                            " sha256, created_at) SELECT id, submission_id, field, filename, content_type, size,"
                            " sha256, created_at FROM attachments"),
             QStringLiteral("CREATE TABLE attachment_chunks_v3 ("
                            " attachment_id INTEGER NOT NULL REFERENCES attachments_v3(id) ON DELETE CASCADE,"
                            " seq INTEGER NOT NULL,"
                            " data BLOB NOT NULL,"
                            " PRIMARY KEY (attachment_id, seq))"),
             QStringLiteral("INSERT INTO attachment_chunks_v3 SELECT attachment_id, seq, data FROM attachment_chunks"),
             QStringLiteral("DROP TABLE attachment_chunks"),
             QStringLiteral("DROP TABLE attachments"),
             QStringLiteral("ALTER TABLE attachments_v3 RENAME TO attachments"),
             QStringLiteral("ALTER TABLE attachment_chunks_v3 RENAME TO attachment_chunks"),
             QStringLiteral("CREATE INDEX attachments_submission ON attachments(submission_id)"),
             QStringLiteral("CREATE INDEX attachments_citizen ON attachments(citizen_id)"),
         }},
        {4,
         "citizen search sorted without reading whole rows",
         {
             // Covering index for search: candidates are filtered (volunteers) and sorted by name inside the
             // index, so only the page of results shown is read from the (encrypted) table rows.
             QStringLiteral("CREATE INDEX citizens_search_order ON citizens(id, sort_key, created_by)"),
         }},
        {5,
         "sync: tus uploads in progress, outbox items, status updates from the platform",
         {
             // The sync module owns these tables now and creates them itself (sync/client/SyncSchema.cpp, module
             // "sync", version 1): stores migrated to 5 before keep theirs, which that module accepts as they are.
             // The version stays so that every store's numbering goes on unchanged.
             QStringLiteral("SELECT 1"),
         }},
        {6,
         "journal: anchor key and the platform's last journal receipt",
         {
             // The MAC key of journal.anchor (owned by Journal): random, written by the Journal with libsodium the
             // first time it seals the anchor. Kept here, never derived from the data key, so a re-keyed store
             // (sqlcipher_export) keeps a valid anchor.
             QStringLiteral("CREATE TABLE journal_anchor_key ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " key BLOB NOT NULL CHECK (length(key) = 32))"),
             // The last receipt the platform signed for this journal's head (owned by Journal): what a rewrite of
             // the journal by someone holding the data key cannot match.
             QStringLiteral("CREATE TABLE journal_receipts ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " device TEXT NOT NULL,"
                            " seq INTEGER NOT NULL,"
                            " hash BLOB NOT NULL,"
                            " received_at TEXT NOT NULL,"
                            " signature BLOB NOT NULL)"),
         }},
        {7,
         "submissions: how the démarche is done (with the person present, or under a mandate)",
         {
             // '' (not asked: no person, or no mandate could apply), 'present' or 'mandate'; the mandate's id and
             // first day are kept with it so that the récépissé says « mandat du … » without reading the mandates.
             QStringLiteral("ALTER TABLE submissions ADD COLUMN done_how TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN mandate_id INTEGER"),
             QStringLiteral("ALTER TABLE submissions ADD COLUMN mandate_since TEXT"),
         }},
    };
    return list;
}

namespace {

QMutex &modulesMutex()
{
    static QMutex mutex;
    return mutex;
}

QVector<SchemaModule> &registeredModules()
{
    static QVector<SchemaModule> modules;
    return modules;
}

} // namespace

void registerSchemaModule(const SchemaModule &module)
{
    QMutexLocker lock(&modulesMutex());
    for (const SchemaModule &m : std::as_const(registeredModules()))
        if (m.name == module.name)
            return;
    registeredModules().append(module);
}

QVector<SchemaModule> schemaModules()
{
    QMutexLocker lock(&modulesMutex());
    return registeredModules();
}

int latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().last().version;
}

} // namespace relais
