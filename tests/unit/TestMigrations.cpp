#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Journal.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqlCipherDriver.h"

#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using relais::Database;
using relais::ErrorCode;
using relais::Journal;
using relais::latestSchemaVersion;
using relais::migrations;
using relais::SecureBytes;
using relais::SqlCipherDriver;
using namespace relais::test;

namespace {

// An encrypted store file with no table at all: schema version 0.
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

QString schemaOf(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"));
    QString out;
    while (q.next())
        out += q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') +
               q.value(2).toString() + QLatin1Char('\n');
    return out;
}

QList<int> appliedVersions(const QSqlDatabase &db)
{
    QList<int> out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT version FROM schema_version ORDER BY version"));
    while (q.next())
        out.append(q.value(0).toInt());
    return out;
}

QMap<QString, QByteArray> folderBytes(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QString &name : dirEntries(dir))
        out.insert(name, fileBytes(QDir(dir).filePath(name)));
    return out;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versionsAreNumberedInOrder();
    void createdStoreIsAtLatest();
    void everyEarlierVersionMigratesToLatest_data();
    void everyEarlierVersionMigratesToLatest();
    void openingNeverDowngrades();
    void failingMigrationIsRolledBackWhole();
    void newerStoreIsRefusedUntouched();

private:
    QString dir() const { return m_dir->path(); }
    QString dbPath() const { return m_dir->file(Database::fileName()); }

    std::unique_ptr<TempStoreDir> m_dir;
    SecureBytes m_key;
    relais::test::FakeClock m_clock;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_key = SecureBytes::random(32);
}

void TestMigrations::cleanup()
{
    m_dir.reset();
}

void TestMigrations::versionsAreNumberedInOrder()
{
    QVERIFY(!migrations().isEmpty());
    for (int i = 0; i < migrations().size(); ++i) {
        QCOMPARE(migrations().at(i).version, i + 1);
        QVERIFY(!migrations().at(i).statements.isEmpty());
        QVERIFY(qstrlen(migrations().at(i).description) > 0);
    }
    QCOMPARE(latestSchemaVersion(), migrations().last().version);
}

void TestMigrations::createdStoreIsAtLatest()
{
    auto db = Database::create(dir(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
    QList<int> all;
    for (int v = 1; v <= latestSchemaVersion(); ++v)
        all.append(v);
    QCOMPARE(appliedVersions(db.value()->connection()), all);
    QVERIFY(db.value()->integrityCheck().ok());
    // Dated by the store's clock (the seam tests drive), not by the machine's.
    QSqlQuery q(db.value()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT applied_at FROM schema_version")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), m_clock.now().toString(Qt::ISODate));
    QVERIFY(!q.next());
}

void TestMigrations::everyEarlierVersionMigratesToLatest_data()
{
    QTest::addColumn<int>("from");
    // 0 is an encrypted file with no table yet; 1..latest-1 appear as migrations are added.
    for (int v = 0; v < latestSchemaVersion(); ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestMigrations::everyEarlierVersionMigratesToLatest()
{
    QFETCH(int, from);
    // Reference: the schema of a store created today.
    QString expectedSchema;
    {
        TempStoreDir fresh;
        auto db = Database::create(fresh.path(), m_key, &m_clock);
        QVERIFY(db.ok());
        expectedSchema = schemaOf(db.value()->connection());
    }

    QVERIFY(createEmptyStore(dbPath(), m_key));
    {
        auto db = Database::open(dir(), m_key, &m_clock, from);
        QVERIFY2(db.ok(), qPrintable(db.message()));
        QCOMPARE(db.value()->schemaVersion(), from);
        if (from >= 1) {
            // Data written with the schema of that version (tables of version 1 are never dropped).
            const QSqlDatabase c = db.value()->connection();
            QCOMPARE(execSql(c, QStringLiteral("INSERT INTO accounts (login, display_name, role, created_at, "
                                               "password_changed_at) VALUES ('ancien.test', 'Ancien Test', "
                                               "'mediator', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")),
                     QString());
            QCOMPARE(execSql(c, QStringLiteral("INSERT INTO settings (key, value) VALUES ('structure.phone', '01')")),
                     QString());
            Journal journal(c, &m_clock);
            QVERIFY(journal.append(QStringLiteral("ancien.test"), QStringLiteral("sign_in")).ok());
            QVERIFY(journal
                        .append(QStringLiteral("ancien.test"), QStringLiteral("setting_changed"),
                                QStringLiteral("structure.phone"))
                        .ok());
        }
        if (from == 2) {
            // An attachment stored before version 3 rebuilt the attachment tables.
            const QSqlDatabase c = db.value()->connection();
            QCOMPARE(
                execSql(c, QStringLiteral("INSERT INTO submissions (uuid, demarche_id, demarche_version, created_by,"
                                          " created_at, updated_at) VALUES ('u-1', 'caf-x', 1, 1,"
                                          " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")),
                QString());
            QCOMPARE(execSql(c, QStringLiteral("INSERT INTO attachments (id, submission_id, field, filename,"
                                               " content_type, size, sha256, created_at) VALUES (7, 1, 'f', 'a.pdf',"
                                               " 'application/pdf', 6, x'00', '2025-01-01T00:00:00Z')")),
                     QString());
            QCOMPARE(
                execSql(c, QStringLiteral("INSERT INTO attachment_chunks VALUES (7, 0, x'616263'), (7, 1, x'646566')")),
                QString());
        }
        if (from == 4) {
            // A démarche waiting to be sent with one attachment, queued before the sync tables existed.
            const QSqlDatabase c = db.value()->connection();
            QCOMPARE(
                execSql(c, QStringLiteral("INSERT INTO submissions (id, uuid, demarche_id, demarche_version, state,"
                                          " created_by, created_at, updated_at, queued_at) VALUES (3, 'u-4', 'caf-x',"
                                          " 2, 'queued', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z',"
                                          " '2025-01-01T00:00:00Z')")),
                QString());
            QCOMPARE(execSql(c, QStringLiteral("INSERT INTO attachments (id, submission_id, field, filename,"
                                               " content_type, size, sha256, created_at) VALUES (9, 3, 'f', 'b.pdf',"
                                               " 'application/pdf', 3, x'00', '2025-01-01T00:00:00Z')")),
                     QString());
        }
    }

    auto db = Database::open(dir(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    const QSqlDatabase c = db.value()->connection();
    QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
    QCOMPARE(schemaOf(c), expectedSchema);
    QList<int> all;
    for (int v = 1; v <= latestSchemaVersion(); ++v)
        all.append(v);
    QCOMPARE(appliedVersions(c), all);
    QVERIFY(db.value()->integrityCheck().ok());
    if (from >= 1) {
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT display_name, role FROM accounts WHERE login = 'ancien.test'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Ancien Test"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("mediator"));
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'structure.phone'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("01"));
        const Journal::Verification v = Journal(c, &m_clock).verify();
        QVERIFY(v.intact);
        QVERIFY(v.rows >= 2);
    }
    if (from == 2) {
        QSqlQuery q(c);
        QVERIFY(
            q.exec(QStringLiteral("SELECT a.submission_id, a.citizen_id, group_concat(k.data, '') FROM attachments a"
                                  " JOIN attachment_chunks k ON k.attachment_id = a.id WHERE a.id = 7")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
        QVERIFY(q.value(1).isNull());
        QCOMPARE(q.value(2).toByteArray(), QByteArray("abcdef"));
        // The chunks still follow their attachment.
        QCOMPARE(execSql(c, QStringLiteral("DELETE FROM submissions WHERE id = 1")), QString());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM attachment_chunks")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    if (from == 4) {
        // The queued démarche is still waiting.
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT state, uuid FROM submissions WHERE id = 3")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("queued"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("u-4"));
        // The sync tables are the sync module's (tests/sync/TestSyncSchema.cpp), not made by the core any more.
        QCOMPARE(execSql(c, QStringLiteral("DELETE FROM submissions WHERE id = 3")), QString());
    }
}

void TestMigrations::openingNeverDowngrades()
{
    {
        auto db = Database::create(dir(), m_key, &m_clock);
        QVERIFY(db.ok());
    }
    auto db = Database::open(dir(), m_key, &m_clock, 0);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
}

void TestMigrations::failingMigrationIsRolledBackWhole()
{
    // Without touching the product: a table in the way makes migration 1 fail at its third statement,
    // after it has already created `accounts` and `settings` inside its transaction.
    QVERIFY(createEmptyStore(dbPath(), m_key));
    {
        auto db = Database::open(dir(), m_key, &m_clock, 0);
        QVERIFY(db.ok());
        QCOMPARE(execSql(db.value()->connection(), QStringLiteral("CREATE TABLE journal (leftover TEXT)")), QString());
        QCOMPARE(execSql(db.value()->connection(), QStringLiteral("INSERT INTO journal VALUES ('kept')")), QString());
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("migration 1.*failed")));
    {
        auto failed = Database::open(dir(), m_key, &m_clock);
        QVERIFY(!failed.ok());
        QVERIFY(!failed.message().isEmpty());
    }
    {
        auto db = Database::open(dir(), m_key, &m_clock, 0);
        QVERIFY2(db.ok(), qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        QCOMPARE(db.value()->schemaVersion(), 0);
        QVERIFY(appliedVersions(c).isEmpty());
        // Nothing of migration 1 survived, what was there before did.
        const QString schema = schemaOf(c);
        QVERIFY2(!schema.contains(QStringLiteral("table accounts")), qPrintable(schema));
        QVERIFY2(!schema.contains(QStringLiteral("table settings")), qPrintable(schema));
        QVERIFY(schema.contains(QStringLiteral("table journal")));
        QVERIFY(dumpTables(c).contains(QStringLiteral("journal: leftover=kept")));
        QCOMPARE(execSql(c, QStringLiteral("DROP TABLE journal")), QString());
    }
    // With the obstacle gone, the same migration goes through.
    auto db = Database::open(dir(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    QCOMPARE(db.value()->schemaVersion(), latestSchemaVersion());
}

void TestMigrations::newerStoreIsRefusedUntouched()
{
    {
        auto db = Database::create(dir(), m_key, &m_clock);
        QVERIFY(db.ok());
        QCOMPARE(execSql(db.value()->connection(),
                         QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES "
                                        "(%1, 'from the future', '2030-01-01T00:00:00Z')")
                             .arg(latestSchemaVersion() + 1)),
                 QString());
    }
    const QMap<QString, QByteArray> before = folderBytes(dir());
    QCOMPARE(before.keys(), QStringList{Database::fileName()});

    auto refused = Database::open(dir(), m_key, &m_clock);
    QCOMPARE(refused.code(), ErrorCode::StoreTooNew);
    QVERIFY(refused.message().contains(QString::number(latestSchemaVersion() + 1)));
    QCOMPARE(folderBytes(dir()), before);
    // Asking for an older target changes nothing either.
    QCOMPARE(Database::open(dir(), m_key, &m_clock, 1).code(), ErrorCode::StoreTooNew);
    QCOMPARE(folderBytes(dir()), before);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
