#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QTest>

using relais::Database;
using relais::Journal;
using relais::SecureBytes;
using namespace relais::test;

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyJournalIsIntact();
    void appendBuildsAVerifiableChain();
    void rowHoldsOnlyWhatTheCallerPassed();
    void updateIsBlockedByTrigger();
    void deleteIsBlockedByTrigger();
    void editedRowIsReported_data();
    void editedRowIsReported();
    void deletedMiddleRowIsReported();
    void chainContinuesAfterReopen();
    void rolledBackAppendLeavesNothing();
    void fieldBoundariesCannotShift();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    void appendFive();
    void dropTriggers();
    QVariant cell(qint64 id, const QString &column) const;

    std::unique_ptr<TempStoreDir> m_dir;
    SecureBytes m_key;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock;
};

void TestJournal::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_key = SecureBytes::random(32);
    auto db = Database::create(m_dir->path(), m_key);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    m_db = std::move(db).value();
}

void TestJournal::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestJournal::appendFive()
{
    Journal journal(db(), &m_clock);
    const QStringList actions = {QStringLiteral("store_created"), QStringLiteral("account_created"),
                                 QStringLiteral("sign_in"), QStringLiteral("setting_changed"),
                                 QStringLiteral("sign_in")};
    for (int i = 0; i < actions.size(); ++i) {
        m_clock.advanceMs(1500);
        const auto s = journal.append(QStringLiteral("admin.test"), actions[i], QStringLiteral("account:%1").arg(i));
        QVERIFY2(s.ok(), qPrintable(s.message()));
    }
}

void TestJournal::dropTriggers()
{
    // What someone with the key and a SQLite shell could do.
    QCOMPARE(execSql(db(), QStringLiteral("DROP TRIGGER journal_no_update")), QString());
    QCOMPARE(execSql(db(), QStringLiteral("DROP TRIGGER journal_no_delete")), QString());
}

QVariant TestJournal::cell(qint64 id, const QString &column) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM journal WHERE id = ?").arg(column));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return QVariant();
    return q.value(0);
}

void TestJournal::emptyJournalIsIntact()
{
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, qint64(0));
    QCOMPARE(v.firstBrokenId, qint64(0));
    QVERIFY(v.head.isEmpty());
}

void TestJournal::appendBuildsAVerifiableChain()
{
    appendFive();
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, qint64(5));
    QCOMPARE(v.firstBrokenId, qint64(0));

    // Recompute the chain independently from the stored columns: SHA-256(previous || canonical row), from zeros.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT id, at, actor, action, object, hash FROM journal ORDER BY id")));
    QByteArray previous(32, '\0');
    qint64 expectedId = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toLongLong(), expectedId++);
        const QByteArray hash = q.value(5).toByteArray();
        QCOMPARE(hash.size(), 32);
        QCOMPARE(hash, Journal::chain(previous, Journal::canonicalRow(q.value(0).toLongLong(), q.value(1).toString(),
                                                                      q.value(2).toString(), q.value(3).toString(),
                                                                      q.value(4).toString())));
        previous = hash;
    }
    QCOMPARE(expectedId, qint64(6));
    QCOMPARE(v.head, previous);
}

void TestJournal::rowHoldsOnlyWhatTheCallerPassed()
{
    Journal journal(db(), &m_clock);
    QVERIFY(journal.append(QStringLiteral("benevole.test"), QStringLiteral("sign_in")).ok());
    QVERIFY(
        journal.append(QStringLiteral("admin.test"), QStringLiteral("account_disabled"), QStringLiteral("account:4"))
            .ok());
    const QString at = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    QCOMPARE(cell(1, QStringLiteral("at")).toString(), at);
    QCOMPARE(cell(1, QStringLiteral("actor")).toString(), QStringLiteral("benevole.test"));
    QCOMPARE(cell(1, QStringLiteral("action")).toString(), QStringLiteral("sign_in"));
    // No object given: an empty text, not NULL and not anything else.
    QVERIFY(!cell(1, QStringLiteral("object")).isNull());
    QCOMPARE(cell(1, QStringLiteral("object")).toString(), QString());
    QCOMPARE(cell(2, QStringLiteral("object")).toString(), QStringLiteral("account:4"));

    // The whole table holds the given words and the hashes, nothing else.
    const QString dump = dumpTables(db());
    QStringList journalLines;
    for (const QString &line : dump.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("journal:")))
            journalLines.append(line);
    }
    QCOMPARE(journalLines.size(), 2);
    QCOMPARE(journalLines.at(0),
             QStringLiteral("journal: id=1|at=%1|actor=benevole.test|action=sign_in|object=|hash=%2")
                 .arg(at, QString::fromLatin1(cell(1, QStringLiteral("hash")).toByteArray().toHex())));
}

void TestJournal::updateIsBlockedByTrigger()
{
    appendFive();
    const QString error = execSql(db(), QStringLiteral("UPDATE journal SET actor = 'someone.else' WHERE id = 2"));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QCOMPARE(cell(2, QStringLiteral("actor")).toString(), QStringLiteral("admin.test"));
    QVERIFY(Journal(db(), &m_clock).verify().intact);
}

void TestJournal::deleteIsBlockedByTrigger()
{
    appendFive();
    QVERIFY(!execSql(db(), QStringLiteral("DELETE FROM journal WHERE id = 3")).isEmpty());
    QVERIFY(!execSql(db(), QStringLiteral("DELETE FROM journal")).isEmpty());
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, qint64(5));
}

void TestJournal::editedRowIsReported_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<qint64>("row");
    QTest::newRow("actor of row 3") << QStringLiteral("actor = 'someone.else'") << qint64(3);
    QTest::newRow("action of row 2") << QStringLiteral("action = 'nothing'") << qint64(2);
    QTest::newRow("object of row 5") << QStringLiteral("object = 'account:99'") << qint64(5);
    QTest::newRow("time of row 1") << QStringLiteral("at = '2020-01-01T00:00:00.000Z'") << qint64(1);
    QTest::newRow("hash of row 4") << QStringLiteral("hash = zeroblob(32)") << qint64(4);
}

void TestJournal::editedRowIsReported()
{
    QFETCH(QString, assignment);
    QFETCH(qint64, row);
    appendFive();
    dropTriggers();
    QCOMPARE(execSql(db(), QStringLiteral("UPDATE journal SET %1 WHERE id = %2").arg(assignment).arg(row)), QString());
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.firstBrokenId, row);
}

void TestJournal::deletedMiddleRowIsReported()
{
    appendFive();
    dropTriggers();
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal WHERE id = 3")), QString());
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.firstBrokenId, qint64(4));
}

void TestJournal::chainContinuesAfterReopen()
{
    appendFive();
    const QByteArray head = Journal(db(), &m_clock).verify().head;
    m_db.reset();
    auto reopened = Database::open(m_dir->path(), m_key);
    QVERIFY2(reopened.ok(), qPrintable(reopened.message()));
    m_db = std::move(reopened).value();
    Journal journal(db(), &m_clock);
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    const Journal::Verification v = journal.verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, qint64(6));
    QCOMPARE(cell(6, QStringLiteral("hash")).toByteArray(),
             Journal::chain(head,
                            Journal::canonicalRow(6, cell(6, QStringLiteral("at")).toString(),
                                                  QStringLiteral("admin.test"), QStringLiteral("sign_in"), QString())));
}

void TestJournal::rolledBackAppendLeavesNothing()
{
    appendFive();
    Journal journal(db(), &m_clock);
    QSqlDatabase connection = db();
    QVERIFY(connection.transaction());
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("account_created"), QStringLiteral("account:9"))
                .ok());
    QVERIFY(connection.rollback());
    QCOMPARE(journal.verify().rows, qint64(5));
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    const Journal::Verification v = journal.verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, qint64(6));
}

void TestJournal::fieldBoundariesCannotShift()
{
    // Moving text from one field to the next must change the row, whatever characters it holds.
    const QString sep = QString(QChar(0x1f));
    QVERIFY(Journal::canonicalRow(1, QStringLiteral("t"), QStringLiteral("a") + sep + QStringLiteral("b"),
                                  QStringLiteral("c"), QString()) !=
            Journal::canonicalRow(1, QStringLiteral("t"), QStringLiteral("a"),
                                  QStringLiteral("b") + sep + QStringLiteral("c"), QString()));
    QVERIFY(Journal::canonicalRow(1, QStringLiteral("t"), QStringLiteral("a|1:b"), QStringLiteral("c"), QString()) !=
            Journal::canonicalRow(1, QStringLiteral("t"), QStringLiteral("a"), QStringLiteral("b|1:c"), QString()));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "TestJournal.moc"
