// The sync module owns its tables (SyncSchema): a new store gets them from it, and a store made before — whose core
// migration 5 made them — opens with its rows kept.
#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"

#include "SyncSchema.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlCipherDriver.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace relais;
using namespace relais::test;

namespace {

bool createEmptyStore(const QString &path, const SecureBytes &key)
{
    const QString name = QStringLiteral("empty-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(new SqlCipherDriver(key), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("RELAIS_CREATE"));
        ok = db.open();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The statements of the core's migration 5 as Relais shipped them before the sync module owned its tables.
const char *const OldMigration5[] = {
    "CREATE TABLE uploads ("
    " attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,"
    " submission_id INTEGER NOT NULL,"
    " url TEXT NOT NULL,"
    " offset INTEGER NOT NULL,"
    " length INTEGER NOT NULL,"
    " updated_at TEXT NOT NULL)",
    "CREATE INDEX uploads_submission ON uploads(submission_id)",
    "CREATE TABLE sync_items ("
    " submission_id INTEGER PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " next_attempt_at TEXT,"
    " last_error TEXT,"
    " quarantine_reason TEXT,"
    " quarantined_at TEXT)",
    "CREATE TABLE status_updates ("
    " id INTEGER PRIMARY KEY,"
    " submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,"
    " status TEXT NOT NULL,"
    " message TEXT NOT NULL,"
    " at TEXT NOT NULL,"
    " received_at TEXT NOT NULL)",
    "CREATE INDEX status_updates_submission ON status_updates(submission_id, id)",
};

QString columnsOf(const QSqlDatabase &db, const char *table)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(QLatin1String(table)));
    QStringList out;
    while (q.next())
        out.append(q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString() + QLatin1Char(' ') +
                   q.value(3).toString());
    return out.join(QLatin1String(", "));
}

int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

const char *const Tables[] = {"uploads", "sync_items", "status_updates"};

} // namespace

class TestSyncSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { sync::SyncSchema::registerWithStore(); }
    void newStoreGetsTheTablesFromTheSyncModule();
    void storeMadeBeforeKeepsItsRows();

private:
    SecureBytes m_key = SecureBytes::random(32);
    FakeClock m_clock;
};

void TestSyncSchema::newStoreGetsTheTablesFromTheSyncModule()
{
    // The core alone no longer makes them: its migration 5 is empty now.
    for (const Migration &m : migrations())
        for (const QString &statement : m.statements)
            for (const char *table : Tables)
                QVERIFY2(!statement.contains(QStringLiteral("TABLE %1").arg(QLatin1String(table))),
                         qPrintable(statement));
    TempStoreDir dir;
    auto db = Database::create(dir.path(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    QCOMPARE(db.value()->moduleVersion(QLatin1String(sync::SyncSchema::ModuleName)), 1);
    for (const char *table : Tables)
        QVERIFY2(!columnsOf(db.value()->connection(), table).isEmpty(), table);
}

void TestSyncSchema::storeMadeBeforeKeepsItsRows()
{
    // A store as the previous Relais left it: core schema 6, the sync tables made by its migration 5, rows in them.
    TempStoreDir dir;
    QVERIFY(createEmptyStore(dir.file(Database::fileName()), m_key));
    {
        auto db = Database::open(dir.path(), m_key, &m_clock, 4);
        QVERIFY2(db.ok(), qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        for (const char *statement : OldMigration5)
            QCOMPARE(execSql(c, QLatin1String(statement)), QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (5,"
                                           " 'sync', '2026-11-01T00:00:00Z')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO accounts (id, login, display_name, role, created_at,"
                                           " password_changed_at) VALUES (1, 'ancien.test', 'Ancien Test', 'mediator',"
                                           " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO submissions (id, uuid, demarche_id, demarche_version, state,"
                                           " created_by, created_at, updated_at, queued_at) VALUES (3, 'u-5', 'caf-x',"
                                           " 2, 'sending', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
                                           " '2025-01-01T00:00:00Z')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO attachments (id, submission_id, field, filename, content_type,"
                                           " size, sha256, created_at) VALUES (9, 3, 'f', 'b.pdf', 'application/pdf',"
                                           " 3, x'00', '2025-01-01T00:00:00Z')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO uploads (attachment_id, submission_id, url, offset, length,"
                                           " updated_at) VALUES (9, 3, 'http://127.0.0.1/v1/uploads/ab', 2, 3,"
                                           " '2025-01-01T00:00:00Z')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO sync_items (submission_id, attempts, last_error) VALUES"
                                           " (3, 2, 'busy')")),
                 QString());
        QCOMPARE(execSql(c, QStringLiteral("INSERT INTO status_updates (submission_id, status, message, at,"
                                           " received_at) VALUES (3, 'in_review', '', '2025-01-02T00:00:00Z',"
                                           " '2025-01-02T00:00:00Z')")),
                 QString());
        QCOMPARE(db.value()->schemaVersion(), 5);
    }

    auto db = Database::open(dir.path(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    const QSqlDatabase c = db.value()->connection();
    QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
    QCOMPARE(db.value()->moduleVersion(QLatin1String(sync::SyncSchema::ModuleName)), 1);
    // Its rows are still there, as they were.
    QCOMPARE(count(c, QStringLiteral("SELECT \"offset\" FROM uploads WHERE attachment_id = 9")), 2);
    QCOMPARE(count(c, QStringLiteral("SELECT attempts FROM sync_items WHERE submission_id = 3")), 2);
    QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM status_updates WHERE submission_id = 3")), 1);
    QVERIFY(db.value()->integrityCheck().ok());
    // Same columns as in a store made today.
    TempStoreDir fresh;
    auto made = Database::create(fresh.path(), m_key, &m_clock);
    QVERIFY(made.ok());
    for (const char *table : Tables)
        QCOMPARE(columnsOf(c, table), columnsOf(made.value()->connection(), table));
    // And they still follow their démarche.
    QCOMPARE(execSql(c, QStringLiteral("DELETE FROM submissions WHERE id = 3")), QString());
    for (const char *table : Tables)
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
}

QTEST_GUILESS_MAIN(TestSyncSchema)
#include "TestSyncSchema.moc"
