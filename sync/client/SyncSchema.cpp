#include "SyncSchema.h"

namespace relais::sync {

SchemaModule SyncSchema::module()
{
    // IF NOT EXISTS: a store migrated by the core's migration 5 before this module owned them already has them.
    return {
        QLatin1String(ModuleName),
        {
            {1,
             "tus uploads in progress, outbox items, status updates from the platform",
             {
                 // One resumable upload per attachment being sent: committed after creation and after each
                 // acknowledged chunk, so that a restart asks the server for the offset instead of starting over.
                 QStringLiteral("CREATE TABLE IF NOT EXISTS uploads ("
                                " attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,"
                                " submission_id INTEGER NOT NULL,"
                                " url TEXT NOT NULL,"
                                " offset INTEGER NOT NULL,"
                                " length INTEGER NOT NULL,"
                                " updated_at TEXT NOT NULL)"),
                 QStringLiteral("CREATE INDEX IF NOT EXISTS uploads_submission ON uploads(submission_id)"),
                 // Delivery bookkeeping of a queued submission: retries with backoff, or why it waits for a
                 // person.
                 QStringLiteral("CREATE TABLE IF NOT EXISTS sync_items ("
                                " submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,"
                                " attempts INTEGER NOT NULL DEFAULT 0,"
                                " next_attempt_at TEXT,"
                                " last_error TEXT,"
                                " quarantine_reason TEXT,"
                                " quarantined_at TEXT)"),
                 QStringLiteral("CREATE TABLE IF NOT EXISTS status_updates ("
                                " id INTEGER PRIMARY KEY,"
                                " submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
                                " status TEXT NOT NULL,"
                                " message TEXT NOT NULL,"
                                " at TEXT NOT NULL,"
                                " received_at TEXT NOT NULL)"),
                 QStringLiteral("CREATE INDEX IF NOT EXISTS status_updates_submission ON status_updates(submission_id,"
                                " id)"),
             }},
        }};
}

void SyncSchema::registerWithStore()
{
    registerSchemaModule(module());
}

} // namespace relais::sync
