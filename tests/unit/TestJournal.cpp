#include "FakeClock.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QTest>

#include <sodium.h>

using relais::Account;
using relais::Database;
using relais::ErrorCode;
using relais::Journal;
using relais::JournalEntry;
using relais::JournalFilter;
using relais::Role;
using relais::SecureBytes;
using relais::Status;
using namespace relais::test;

namespace {
// Reading the journal is for administrators (the accounts themselves live in the vault, not needed here).
Account withRole(Role role)
{
    Account a;
    a.id = role == Role::Admin ? 1 : 2;
    a.login = role == Role::Admin ? QStringLiteral("alice") : QStringLiteral("marc");
    a.role = role;
    return a;
}
const Account Admin = withRole(Role::Admin);
} // namespace

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
    void anchorFollowsCommittedRows();
    void truncatedTailIsReported();
    void truncatedTailStaysVisibleAfterNewRows();
    void rolledBackTransactionDoesNotMoveTheAnchor();
    void missingAnchorIsReportedNotRecreated();
    void resetAnchorAcceptsTheCurrentEnd();
    void resetAnchorRefusesAnEditedJournal();
    void rewrittenJournalIsCaughtByTheAnchorMac();
    void rewrittenJournalIsCaughtByThePlatformReceipt();
    void receiptIsKeptOnlyWhenItHolds();
    void anchorFromBeforeTheKeyIsSealedOnce();
    void anchorStaysValidAcrossARekey();
    void queryFiltersAndOrders();
    void queryPagesByIdAndOffset();
    void exportCsvQuotesAndFilters();
    void onlyAnAdministratorReadsIt();
    void actionsAndLabels();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QString anchorPath() const { return QDir(m_dir->path()).filePath(Journal::anchorFileName()); }
    QJsonObject anchorFile() const;
    void appendFive(Journal *anchored = nullptr);
    void dropTriggers();
    QVariant cell(qint64 id, const QString &column) const;
    void rewriteWithout(qint64 removedId);
    void writeAnchorFile(const QJsonObject &o) const;
    relais::JournalReceipt signedReceipt(qint64 seq, const QByteArray &hash = {}) const;
    QByteArray m_platformPublic;
    QByteArray m_platformSecret;

    std::unique_ptr<TempStoreDir> m_dir;
    SecureBytes m_key;
    std::unique_ptr<Database> m_db;
    FakeClock m_clock;
};

void TestJournal::init()
{
    QVERIFY(sodium_init() >= 0);
    m_platformPublic.resize(crypto_sign_PUBLICKEYBYTES);
    m_platformSecret.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(m_platformPublic.data()),
                        reinterpret_cast<unsigned char *>(m_platformSecret.data()));
    m_dir = std::make_unique<TempStoreDir>();
    m_key = SecureBytes::random(32);
    auto db = Database::create(m_dir->path(), m_key, &m_clock);
    QVERIFY2(db.ok(), qPrintable(db.message()));
    m_db = std::move(db).value();
}

void TestJournal::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QJsonObject TestJournal::anchorFile() const
{
    QFile file(anchorPath());
    if (!file.open(QIODevice::ReadOnly))
        return QJsonObject();
    return QJsonDocument::fromJson(file.readAll()).object();
}

void TestJournal::appendFive(Journal *anchored)
{
    Journal plain(db(), &m_clock);
    Journal &journal = anchored ? *anchored : plain;
    const QStringList actions = {QStringLiteral("store_created"), QStringLiteral("account_created"),
                                 QStringLiteral("sign_in"), QStringLiteral("setting_changed"),
                                 QStringLiteral("sign_in")};
    for (int i = 0; i < actions.size(); ++i) {
        m_clock.advanceMs(1500);
        const auto s = journal.append(QStringLiteral("admin.test"), actions[i], QStringLiteral("account:%1").arg(i));
        QVERIFY2(s.ok(), qPrintable(s.message()));
    }
}

// What the audit's script did with the data key: one event taken out, the ids closed up, every hash after it
// computed again, so that the chain is whole.
void TestJournal::rewriteWithout(qint64 removedId)
{
    dropTriggers();
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT id, at, actor, action, object FROM journal ORDER BY id")));
    QList<QStringList> rows;
    while (q.next()) {
        if (q.value(0).toLongLong() != removedId)
            rows.append({q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    }
    q.finish();
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal")), QString());
    QByteArray previous(32, '\0');
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        const qint64 id = i + 1;
        previous = Journal::chain(previous, Journal::canonicalRow(id, r[0], r[1], r[2], r[3]));
        q.prepare(
            QStringLiteral("INSERT INTO journal (id, at, actor, action, object, hash) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        for (const QString &field : r)
            q.addBindValue(field);
        q.addBindValue(previous);
        QVERIFY(q.exec());
    }
    QVERIFY(Journal(db(), &m_clock).verify().intact); // the chain alone cannot tell
}

void TestJournal::writeAnchorFile(const QJsonObject &o) const
{
    QFile file(anchorPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

relais::JournalReceipt TestJournal::signedReceipt(qint64 seq, const QByteArray &hash) const
{
    relais::JournalReceipt r;
    r.device = QStringLiteral("0b8a39b4-5c1e-4c4e-9a51-1d7f1f0e2a10");
    r.seq = seq;
    r.hash = hash.isEmpty() ? cell(seq, QStringLiteral("hash")).toByteArray() : hash;
    r.receivedAt = QStringLiteral("2026-11-23T10:00:00Z");
    const QByteArray message = r.message();
    r.signature.resize(crypto_sign_BYTES);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(r.signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()), message.size(),
                         reinterpret_cast<const unsigned char *>(m_platformSecret.constData()));
    return r;
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
    QCOMPARE(v.reason, Journal::Reason::EditedRow);
    QCOMPARE(v.firstBrokenId, row);
    QVERIFY2(Journal::describe(v).contains(QStringLiteral("entry %1 was changed").arg(row)),
             qPrintable(Journal::describe(v)));
}

void TestJournal::deletedMiddleRowIsReported()
{
    appendFive();
    dropTriggers();
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal WHERE id = 3")), QString());
    const Journal::Verification v = Journal(db(), &m_clock).verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::MissingRow);
    QCOMPARE(v.firstBrokenId, qint64(3)); // the removed row, not the one after it
    QCOMPARE(Journal::describe(v), QStringLiteral("The journal was altered: entry 3 was removed."));
}

void TestJournal::chainContinuesAfterReopen()
{
    appendFive();
    const QByteArray head = Journal(db(), &m_clock).verify().head;
    m_db.reset();
    auto reopened = Database::open(m_dir->path(), m_key, &m_clock);
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

void TestJournal::anchorFollowsCommittedRows()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(0));
    // Outside a transaction the row is committed at once, and the anchor follows it.
    appendFive(&journal);
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(5));
    QCOMPARE(anchorFile().value(QStringLiteral("head")).toString(),
             QString::fromLatin1(cell(5, QStringLiteral("hash")).toByteArray().toHex()));
    // Inside Database::inTransaction, the anchor moves at the commit, not before.
    qint64 anchoredDuringWork = -1;
    const Status s = Database::inTransaction(db(), [&]() -> Status {
        const Status a = journal.append(QStringLiteral("admin.test"), QStringLiteral("setting_changed"));
        anchoredDuringWork = anchorFile().value(QStringLiteral("rows")).toInteger();
        return a;
    });
    QVERIFY2(s.ok(), qPrintable(s.message()));
    QCOMPARE(anchoredDuringWork, qint64(5));
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(6));
    const Journal::Verification v = journal.verify();
    QVERIFY(v.intact);
    QCOMPARE(v.reason, Journal::Reason::Intact);
    QCOMPARE(v.anchoredRows, qint64(6));
}

void TestJournal::truncatedTailIsReported()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    dropTriggers();
    // The chain of what is left is perfectly valid: only the anchor knows there were five rows.
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal WHERE id > 2")), QString());
    QVERIFY(Journal(db(), &m_clock).verify().intact);
    const Journal::Verification v = journal.verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::TruncatedTail);
    QCOMPARE(v.firstBrokenId, qint64(3));
    QCOMPARE(v.rows, qint64(2));
    QCOMPARE(v.anchoredRows, qint64(5));
    QCOMPARE(Journal::describe(v),
             QStringLiteral("The end of the journal was removed: entries from 3 on are missing (5 recorded, 2 left)."));
}

void TestJournal::truncatedTailStaysVisibleAfterNewRows()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    dropTriggers();
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal WHERE id > 2")), QString());
    // The next sign-in writes a row: it must neither hide the cut nor move the anchor back.
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_out")).ok());
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(5));
    const Journal::Verification v = journal.verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::TruncatedTail);
    QCOMPARE(v.firstBrokenId, qint64(3));
    QCOMPARE(v.gapEndId, qint64(5));
    QVERIFY2(Journal::describe(v).contains(QStringLiteral("entries 3 to 5 are missing")),
             qPrintable(Journal::describe(v)));
}

void TestJournal::rolledBackTransactionDoesNotMoveTheAnchor()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    // Work that journals, then fails: the row and the anchor both stay as they were.
    const Status s = Database::inTransaction(db(), [&]() -> Status {
        if (Status a = journal.append(QStringLiteral("admin.test"), QStringLiteral("account_created"),
                                      QStringLiteral("account:9"));
            !a)
            return a;
        return relais::makeError(relais::ErrorCode::InvalidInput, QStringLiteral("refused"));
    });
    QVERIFY(!s.ok());
    // A transaction opened by hand and rolled back, as well.
    QSqlDatabase connection = db();
    QVERIFY(connection.transaction());
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    QVERIFY(connection.rollback());
    journal.syncAnchor();
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(5));
    Journal::Verification v = journal.verify();
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.rows, qint64(5));
    // And the journal goes on from there, intact.
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    v = journal.verify();
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.rows, qint64(6));
    QCOMPARE(v.anchoredRows, qint64(6));
}

void TestJournal::missingAnchorIsReportedNotRecreated()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    QVERIFY(QFile::remove(anchorPath()));
    Journal::Verification v = journal.verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::AnchorMissing);
    QCOMPARE(v.firstBrokenId, qint64(0));
    QVERIFY(Journal::describe(v).contains(QStringLiteral("restore from a backup")));
    // Writing more does not quietly make a new anchor: deleting the file would then go unnoticed.
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    QVERIFY(!QFile::exists(anchorPath()));
    QCOMPARE(journal.verify().reason, Journal::Reason::AnchorMissing);
    // An empty journal has nothing to anchor yet.
    QCOMPARE(execSql(db(), QStringLiteral("DROP TRIGGER journal_no_delete")), QString());
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal")), QString());
    QVERIFY(journal.verify().intact);
}

void TestJournal::resetAnchorAcceptsTheCurrentEnd()
{
    Journal journal(db(), &m_clock, anchorPath());
    appendFive(&journal); // no anchor yet: a store made before anchors existed
    QCOMPARE(journal.verify().reason, Journal::Reason::AnchorMissing);
    const Status s = journal.resetAnchor(QStringLiteral("admin.test"));
    QVERIFY2(s.ok(), qPrintable(s.message()));
    const Journal::Verification v = journal.verify();
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.rows, qint64(6));
    QCOMPARE(cell(6, QStringLiteral("action")).toString(), QStringLiteral("journal_anchor_reset"));
    QCOMPARE(cell(6, QStringLiteral("actor")).toString(), QStringLiteral("admin.test"));
}

void TestJournal::resetAnchorRefusesAnEditedJournal()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    dropTriggers();
    QCOMPARE(execSql(db(), QStringLiteral("UPDATE journal SET actor = 'x' WHERE id = 2")), QString());
    const Status s = journal.resetAnchor(QStringLiteral("admin.test"));
    QVERIFY(!s.ok());
    QVERIFY2(s.message().contains(QStringLiteral("entry 2 was changed")), qPrintable(s.message()));
    QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(5));
    QCOMPARE(journal.verify().rows, qint64(2));
}

void TestJournal::rewrittenJournalIsCaughtByTheAnchorMac()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    QVERIFY(anchorFile().contains(QStringLiteral("mac")));
    rewriteWithout(3);
    QByteArray head = cell(4, QStringLiteral("hash")).toByteArray();

    // The anchor rewritten as it used to be (plain JSON, no seal).
    writeAnchorFile({{QStringLiteral("format"), 1},
                     {QStringLiteral("rows"), 4},
                     {QStringLiteral("head"), QString::fromLatin1(head.toHex())}});
    Journal::Verification v = Journal(db(), &m_clock, anchorPath()).verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::AnchorForged);
    QVERIFY2(Journal::describe(v).contains(QStringLiteral("journal.anchor was altered")),
             qPrintable(Journal::describe(v)));

    // Sealed with a key of its own: the store's key is inside the encrypted database.
    const QByteArray guess(32, 'k');
    writeAnchorFile(
        {{QStringLiteral("format"), 2},
         {QStringLiteral("rows"), 4},
         {QStringLiteral("head"), QString::fromLatin1(head.toHex())},
         {QStringLiteral("mac"),
          QString::fromLatin1(QMessageAuthenticationCode::hash("relais-journal-anchor/2\n4\n" + head.toHex() + '\n',
                                                               guess, QCryptographicHash::Sha256)
                                  .toHex())}});
    v = Journal(db(), &m_clock, anchorPath()).verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::AnchorForged);
    // And the forged anchor is never moved on by new rows.
    QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    QCOMPARE(journal.verify().reason, Journal::Reason::AnchorForged);
}

void TestJournal::rewrittenJournalIsCaughtByThePlatformReceipt()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    QVERIFY(journal.recordReceipt(signedReceipt(5), m_platformPublic).ok());
    Journal::Verification v = journal.verify(m_platformPublic);
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.receiptSeq, qint64(5));

    // Someone with the data key rewrites the chain, adds an event to get the count back, and reseals the anchor
    // with the key they can read from the database: the anchor alone is satisfied.
    rewriteWithout(3);
    Journal rewritten(db(), &m_clock, anchorPath());
    QVERIFY(QFile::remove(anchorPath()));
    QVERIFY(rewritten.resetAnchor(QStringLiteral("admin.test")).ok()); // entry 5 is now this reset
    QVERIFY(rewritten.verify().intact);
    QCOMPARE(rewritten.verify().rows, qint64(5));

    // Not the platform's receipt: entry 5 is not the one it signed for.
    v = rewritten.verify(m_platformPublic);
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::ReceiptBroken);
    QCOMPARE(v.firstBrokenId, qint64(5));
    QCOMPARE(Journal::describe(v),
             QStringLiteral("The journal was rewritten: entry 5 is not the one the platform acknowledged (on "
                            "2026-11-23T10:00:00Z)."));

    // Nor can the receipt be edited to match: its signature no longer holds.
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE journal_receipts SET hash = ?"));
    q.addBindValue(cell(5, QStringLiteral("hash")).toByteArray());
    QVERIFY(q.exec());
    v = rewritten.verify(m_platformPublic);
    QVERIFY(!v.intact);
    QCOMPARE(v.reason, Journal::Reason::ReceiptForged);

    // Cut below the receipt: said as such.
    QVERIFY(journal.recordReceipt(signedReceipt(5), m_platformPublic).ok());
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal WHERE id > 3")), QString());
    v = Journal(db(), &m_clock).verify(m_platformPublic);
    QCOMPARE(v.reason, Journal::Reason::ReceiptBroken);
    QVERIFY2(Journal::describe(v).contains(QStringLiteral("acknowledged 5 entries")), qPrintable(Journal::describe(v)));
}

void TestJournal::receiptIsKeptOnlyWhenItHolds()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    // Signed by another key.
    relais::JournalReceipt other = signedReceipt(5);
    QByteArray otherPublic(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray otherSecret(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(otherPublic.data()),
                        reinterpret_cast<unsigned char *>(otherSecret.data()));
    QVERIFY(!journal.recordReceipt(other, otherPublic.left(31) + 'x').ok());
    QVERIFY(!journal.recordReceipt(other, otherPublic).ok());
    // For a hash this journal does not have at that row.
    QVERIFY(
        !journal.recordReceipt(signedReceipt(5, cell(4, QStringLiteral("hash")).toByteArray()), m_platformPublic).ok());
    QVERIFY(
        !journal.recordReceipt(signedReceipt(6, cell(5, QStringLiteral("hash")).toByteArray()), m_platformPublic).ok());
    QVERIFY(!journal.lastReceipt());
    // A newer one replaces, an older one arriving late does not.
    QVERIFY(journal.recordReceipt(signedReceipt(5), m_platformPublic).ok());
    QVERIFY(journal.recordReceipt(signedReceipt(4), m_platformPublic).ok());
    QCOMPARE(journal.lastReceipt()->seq, qint64(5));
    // Without a receipt the journal is simply not anchored by the platform yet.
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal_receipts")), QString());
    const Journal::Verification v = journal.verify(m_platformPublic);
    QVERIFY(v.intact);
    QCOMPARE(v.receiptSeq, qint64(-1));
}

void TestJournal::anchorFromBeforeTheKeyIsSealedOnce()
{
    // A store migrated from schema 5: an unsealed anchor, no key yet.
    appendFive();
    QCOMPARE(execSql(db(), QStringLiteral("DELETE FROM journal_anchor_key")), QString());
    writeAnchorFile(
        {{QStringLiteral("format"), 1},
         {QStringLiteral("rows"), 5},
         {QStringLiteral("head"), QString::fromLatin1(cell(5, QStringLiteral("hash")).toByteArray().toHex())}});
    {
        Journal journal(db(), &m_clock, anchorPath());
        Journal::Verification v = journal.verify();
        QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
        QCOMPARE(v.anchoredRows, qint64(5));
        // Its first move seals it.
        QVERIFY(journal.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
        QCOMPARE(anchorFile().value(QStringLiteral("format")).toInt(), 2);
        QCOMPARE(anchorFile().value(QStringLiteral("rows")).toInteger(), qint64(6));
        v = journal.verify();
        QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    }
    // From then on an unsealed anchor is a forged one.
    writeAnchorFile(
        {{QStringLiteral("format"), 1},
         {QStringLiteral("rows"), 6},
         {QStringLiteral("head"), QString::fromLatin1(cell(6, QStringLiteral("hash")).toByteArray().toHex())}});
    QCOMPARE(Journal(db(), &m_clock, anchorPath()).verify().reason, Journal::Reason::AnchorForged);
}

void TestJournal::anchorStaysValidAcrossARekey()
{
    Journal journal(db(), &m_clock, anchorPath());
    QVERIFY(journal.startAnchor().ok());
    appendFive(&journal);
    // A new data key, the store copied with sqlcipher_export (as re-keying does), the anchor file kept beside it.
    TempStoreDir rekeyed;
    const SecureBytes newKey = SecureBytes::random(32);
    const QString copy = rekeyed.file(Database::fileName());
    QCOMPARE(execSql(db(), QStringLiteral("ATTACH DATABASE '%1' AS rekeyed KEY \"x'%2'\"")
                               .arg(copy, QString::fromLatin1(QByteArray(newKey.toHex().constChar(), 64)))),
             QString());
    QCOMPARE(execSql(db(), QStringLiteral("PRAGMA rekeyed.cipher_page_size = 4096")), QString());
    QCOMPARE(execSql(db(), QStringLiteral("SELECT sqlcipher_export('rekeyed')")), QString());
    QCOMPARE(execSql(db(), QStringLiteral("DETACH DATABASE rekeyed")), QString());
    QVERIFY(QFile::copy(anchorPath(), rekeyed.file(Journal::anchorFileName())));
    auto reopened = Database::open(rekeyed.path(), newKey, &m_clock);
    QVERIFY2(reopened.ok(), qPrintable(reopened.message()));
    Journal after(reopened.value()->connection(), &m_clock, rekeyed.file(Journal::anchorFileName()));
    Journal::Verification v = after.verify();
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.anchoredRows, qint64(5));
    // And it goes on being sealed under the same key.
    QVERIFY(after.append(QStringLiteral("admin.test"), QStringLiteral("sign_in")).ok());
    v = after.verify();
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.anchoredRows, qint64(6));
}

void TestJournal::queryFiltersAndOrders()
{
    Journal journal(db(), &m_clock);
    // Three days, two people, a few events.
    const QDateTime start = m_clock.now();
    QVERIFY(journal.append(QStringLiteral("alice"), QStringLiteral("sign_in")).ok()); // 1 day 0
    QVERIFY(
        journal.append(QStringLiteral("alice"), QStringLiteral("citizen_opened"), QStringLiteral("uuid-AB12")).ok());
    m_clock.advanceSecs(24 * 3600);
    QVERIFY(journal.append(QStringLiteral("marc"), QStringLiteral("sign_in")).ok()); // 3 day 1
    QVERIFY(journal.append(QStringLiteral("marc"), QStringLiteral("citizen_opened"), QStringLiteral("uuid-cd34")).ok());
    m_clock.advanceSecs(24 * 3600);
    QVERIFY(
        journal.append(QStringLiteral("alice"), QStringLiteral("citizen_opened"), QStringLiteral("uuid-ab99")).ok());

    auto ids = [&](const JournalFilter &f) {
        QList<qint64> list;
        const auto rows = journal.query(Admin, f);
        if (rows.ok()) {
            for (const JournalEntry &e : rows.value())
                list.append(e.id);
        }
        return list;
    };
    QCOMPARE(ids(JournalFilter()), (QList<qint64>{5, 4, 3, 2, 1})); // newest first
    JournalFilter f;
    f.actor = QStringLiteral("alice");
    QCOMPARE(ids(f), (QList<qint64>{5, 2, 1}));
    f.action = QStringLiteral("citizen_opened");
    QCOMPARE(ids(f), (QList<qint64>{5, 2}));
    QCOMPARE(journal.count(Admin, f).value(), qint64(2));
    f = JournalFilter();
    f.objectContains = QStringLiteral("ab"); // case does not matter
    QCOMPARE(ids(f), (QList<qint64>{5, 2}));
    f.objectContains = QStringLiteral("%"); // a plain character, not a wildcard
    QCOMPARE(ids(f), QList<qint64>());
    // Dates are the viewer's local dates, both ends included.
    const QDate day1 = start.addSecs(24 * 3600).toLocalTime().date();
    f = JournalFilter();
    f.from = day1;
    f.to = day1;
    QCOMPARE(ids(f), (QList<qint64>{4, 3}));
    f.to = QDate();
    QCOMPARE(ids(f), (QList<qint64>{5, 4, 3}));
    f = JournalFilter();
    f.to = start.toLocalTime().date();
    QCOMPARE(ids(f), (QList<qint64>{2, 1}));

    const auto rows = journal.query(Admin, JournalFilter());
    QVERIFY(rows.ok());
    const JournalEntry &last = rows.value().first();
    QCOMPARE(last.actor, QStringLiteral("alice"));
    QCOMPARE(last.action, QStringLiteral("citizen_opened"));
    QCOMPARE(last.object, QStringLiteral("uuid-ab99"));
    QCOMPARE(last.at, m_clock.now());
}

void TestJournal::queryPagesByIdAndOffset()
{
    appendFive();
    Journal journal(db(), &m_clock);
    JournalFilter f;
    f.limit = 2;
    QCOMPARE(journal.query(Admin, f).value().size(), 2);
    QCOMPARE(journal.query(Admin, f).value().at(0).id, qint64(5));
    f.offset = 2;
    QCOMPARE(journal.query(Admin, f).value().at(0).id, qint64(3));
    f.offset = 0;
    f.beforeId = 3;
    const auto page = journal.query(Admin, f).value();
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).id, qint64(2));
    QCOMPARE(page.at(1).id, qint64(1));
    QCOMPARE(journal.count(Admin, f).value(), qint64(2));
}

void TestJournal::exportCsvQuotesAndFilters()
{
    Journal journal(db(), &m_clock);
    QVERIFY(journal.append(QStringLiteral("alice"), QStringLiteral("sign_in")).ok());
    QVERIFY(journal.append(QStringLiteral("alice"), QStringLiteral("setting_changed"), QStringLiteral("a,b")).ok());
    QVERIFY(journal.append(QStringLiteral("marc"), QStringLiteral("setting_changed"), QStringLiteral("say \"hi\" café"))
                .ok());
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    JournalFilter f;
    f.action = QStringLiteral("setting_changed");
    f.limit = 1; // paging is for the screen: the export takes every matching row
    QVERIFY(journal.exportCsv(Admin, f, &buffer).ok());
    const QString at = m_clock.now().toString(Qt::ISODateWithMs);
    const QByteArray expected = "id,at_utc,actor,action,event,object\r\n"
                                "3," +
                                at.toLatin1() +
                                ",marc,setting_changed,Setting changed,\"say \"\"hi\"\" caf\xc3\xa9\"\r\n"
                                "2," +
                                at.toLatin1() + ",alice,setting_changed,Setting changed,\"a,b\"\r\n";
    QCOMPARE(buffer.data(), expected);
}

void TestJournal::onlyAnAdministratorReadsIt()
{
    Journal journal(db(), &m_clock);
    QVERIFY(journal.append(QStringLiteral("alice"), QStringLiteral("citizen_opened"), QStringLiteral("uuid-1")).ok());
    const QString refused = Journal::tr("Only an administrator can read the security journal.");
    for (const Role role : {Role::Mediator, Role::Volunteer}) {
        const Account someone = withRole(role);
        const auto rows = journal.query(someone, JournalFilter());
        QCOMPARE(rows.code(), ErrorCode::PermissionDenied);
        QCOMPARE(rows.message(), refused);
        QCOMPARE(journal.count(someone, JournalFilter()).code(), ErrorCode::PermissionDenied);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QCOMPARE(journal.exportCsv(someone, JournalFilter(), &buffer).code(), ErrorCode::PermissionDenied);
        QVERIFY(buffer.data().isEmpty());
    }
    QCOMPARE(journal.query(Admin, JournalFilter()).value().size(), 1);
}

void TestJournal::actionsAndLabels()
{
    appendFive();
    Journal journal(db(), &m_clock);
    QCOMPARE(journal.actions(), (QStringList{QStringLiteral("account_created"), QStringLiteral("setting_changed"),
                                             QStringLiteral("sign_in"), QStringLiteral("store_created")}));
    QCOMPARE(journal.actors(), QStringList{QStringLiteral("admin.test")});
    QCOMPARE(Journal::actionLabel(QStringLiteral("sign_in")), QStringLiteral("Signed in"));
    QCOMPARE(Journal::actionLabel(QStringLiteral("citizen_erased")), QStringLiteral("Citizen's file erased"));
    QCOMPARE(Journal::actionLabel(QStringLiteral("something_new")), QStringLiteral("something_new"));
}

QTEST_GUILESS_MAIN(TestJournal)
#include "TestJournal.moc"
