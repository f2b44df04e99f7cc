// Runs the real relais-admin binary, as an administrator's script would, in temporary folders.
#include "AdminRun.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"

#include "domain/CitizenRepository.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <sodium.h>

using namespace relais::test;

namespace {

const QString AdminPassword = QStringLiteral("correct horse battery staple");
const QString MediatorPassword = QStringLiteral("mediator password 42");

Run admin(const QStringList &args, const QString &stdinText = QString())
{
    return runAdmin(args, stdinText);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// DESIGN §8: a failure is a non-zero code with a one-line reason on standard error.
bool oneLineReason(const Run &r)
{
    const QString e = r.err.trimmed();
    return !e.isEmpty() && !e.contains(QLatin1Char('\n')) && e.startsWith(QLatin1String("relais-admin: "));
}

} // namespace

class TestAdminCli : public QObject
{
    Q_OBJECT

private:
    QString m_recoveryCode;
    QString init(const QString &dir)
    {
        const Run r = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), dir, QStringLiteral("--structure"),
                             QStringLiteral("France Services de Test"), QStringLiteral("--admin"),
                             QStringLiteral("alice"), QStringLiteral("--display-name"), QStringLiteral("Alice Martin"),
                             QStringLiteral("--password-stdin")},
                            AdminPassword + QLatin1Char('\n'));
        if (r.code != 0)
            return QString();
        const auto m = QRegularExpression(QStringLiteral("([0-9A-Z]{5}(-[0-9A-Z]{5}){5})")).match(r.out);
        return m.hasMatch() ? m.captured(1) : QString();
    }

private Q_SLOTS:
    void initCreatesStoreAndPrintsRecoveryCodeOnce();
    void initRefusesExistingStore();
    void usersLifecycle();
    void wrongPasswordIsOneLineAndExit3();
    void recoveryCodeResetsAdminPassword();
    void checkAndVerifyJournal();
    void verifyJournalReportsATruncatedEnd();
    void verifyJournalReportsAMissingAnchorUntilReset();
    void verifyJournalCatchesARewriteWithTheDataKey();
    void passwordsNeverAsArguments();
    void foreignFilesAreRefusedUntouched();
    void unwritableDataDirectory();
    void purgeSaysWhatStaysUntilDelivery();
};

void TestAdminCli::initCreatesStoreAndPrintsRecoveryCodeOnce()
{
    TempStoreDir dir;
    const QString code = init(dir.path());
    QVERIFY(!code.isEmpty());
    QVERIFY(QFile::exists(dir.file(QStringLiteral("relais.db"))));
    QVERIFY(QFile::exists(dir.file(QStringLiteral("keyslots.json"))));
    // Encrypted on disk: no SQLite header, no structure or login in the database file.
    const QByteArray db = readAll(dir.file(QStringLiteral("relais.db")));
    QVERIFY(!db.startsWith("SQLite format 3"));
    QVERIFY(!db.contains("Alice Martin"));
    // The key file knows the code only through its slot.
    QVERIFY(!readAll(dir.file(QStringLiteral("keyslots.json"))).contains(code.toUtf8()));
    // The data folder is private to its account.
    QCOMPARE(QFileInfo(dir.file(QStringLiteral("relais.db"))).permissions() & (QFile::ReadOther | QFile::ReadGroup),
             QFileDevice::Permissions());
}

void TestAdminCli::initRefusesExistingStore()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QByteArray before = readAll(dir.file(QStringLiteral("relais.db")));
    const QByteArray slotsBefore = readAll(dir.file(QStringLiteral("keyslots.json")));
    const Run r = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), dir.path(),
                         QStringLiteral("--structure"), QStringLiteral("Other"), QStringLiteral("--admin"),
                         QStringLiteral("bob"), QStringLiteral("--password-stdin")},
                        QStringLiteral("another long password\n"));
    QCOMPARE(r.code, 4);
    QVERIFY(oneLineReason(r));
    QVERIFY(r.err.contains(QStringLiteral("already")));
    QCOMPARE(readAll(dir.file(QStringLiteral("relais.db"))), before);
    QCOMPARE(readAll(dir.file(QStringLiteral("keyslots.json"))), slotsBefore);
}

void TestAdminCli::usersLifecycle()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    Run r = admin(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"),
                              QStringLiteral("marc"), QStringLiteral("--role"), QStringLiteral("mediator"),
                              QStringLiteral("--display-name"), QStringLiteral("Marc Petit")} +
                      as,
                  AdminPassword + QLatin1Char('\n') + MediatorPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);

    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("list")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("marc\tmediator\tactive\tMarc Petit")));
    QVERIFY(r.out.contains(QStringLiteral("alice\tadmin\tactive\tAlice Martin")));

    // A mediator cannot add accounts.
    r = admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("eve"),
               QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--data-dir"), dir.path(),
               QStringLiteral("--as"), QStringLiteral("marc"), QStringLiteral("--password-stdin")},
              MediatorPassword + QStringLiteral("\nsome other password 1\n"));
    QCOMPARE(r.code, 3);
    QVERIFY(oneLineReason(r));

    // A weak password is refused with the rule.
    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"),
                          QStringLiteral("lea"), QStringLiteral("--role"), QStringLiteral("volunteer")} +
                  as,
              AdminPassword + QStringLiteral("\nshort\n"));
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("12 characters")));

    // passwd: the old password stops working, the new one works.
    const QString newPassword = QStringLiteral("a brand new mediator password");
    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"),
                          QStringLiteral("marc")} +
                  as,
              AdminPassword + QLatin1Char('\n') + newPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    const QStringList asMarc = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"),
                                QStringLiteral("marc"), QStringLiteral("--password-stdin")};
    QCOMPARE(admin(QStringList{QStringLiteral("verify-journal")} + asMarc, MediatorPassword + QLatin1Char('\n')).code,
             3);
    QCOMPARE(admin(QStringList{QStringLiteral("verify-journal")} + asMarc, newPassword + QLatin1Char('\n')).code, 0);

    // disable: the account can no longer open the store at all.
    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--login"),
                          QStringLiteral("marc")} +
                  as,
              AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    r = admin(QStringList{QStringLiteral("verify-journal")} + asMarc, newPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 3);
    QVERIFY(oneLineReason(r));
    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("list")} + as, AdminPassword + QLatin1Char('\n'));
    QVERIFY(r.out.contains(QStringLiteral("marc\tmediator\tdisabled")));
    // An administrator cannot disable their own account.
    r = admin(QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--login"),
                          QStringLiteral("alice")} +
                  as,
              AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 3);
}

void TestAdminCli::wrongPasswordIsOneLineAndExit3()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const Run r = admin({QStringLiteral("check"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"),
                         QStringLiteral("alice"), QStringLiteral("--password-stdin")},
                        QStringLiteral("not the password\n"));
    QCOMPARE(r.code, 3);
    QVERIFY2(oneLineReason(r), qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("not the password")));
    QVERIFY(r.out.isEmpty());
}

void TestAdminCli::recoveryCodeResetsAdminPassword()
{
    TempStoreDir dir;
    const QString code = init(dir.path());
    QVERIFY(!code.isEmpty());
    const QString newPassword = QStringLiteral("recovered admin password");
    // Wrong code: refused, nothing changed.
    Run r = admin({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("alice"),
                   QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--recovery"),
                   QStringLiteral("--password-stdin")},
                  QStringLiteral("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF\n") + newPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 3);
    QVERIFY(oneLineReason(r));
    // The right code, typed in lower case with spaces, resets the password and is replaced.
    QString typed = code.toLower();
    typed.replace(QLatin1Char('-'), QLatin1Char(' '));
    r = admin({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("alice"),
               QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--recovery"),
               QStringLiteral("--password-stdin")},
              typed + QLatin1Char('\n') + newPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    const auto m = QRegularExpression(QStringLiteral("([0-9A-Z]{5}(-[0-9A-Z]{5}){5})")).match(r.out);
    QVERIFY(m.hasMatch());
    QVERIFY(m.captured(1) != code);
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    QCOMPARE(admin(QStringList{QStringLiteral("check")} + as, AdminPassword + QLatin1Char('\n')).code, 3);
    QCOMPARE(admin(QStringList{QStringLiteral("check")} + as, newPassword + QLatin1Char('\n')).code, 0);
    // The used code no longer opens the store.
    r = admin({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("alice"),
               QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--recovery"),
               QStringLiteral("--password-stdin")},
              code + QStringLiteral("\nyet another long password\n"));
    QCOMPARE(r.code, 3);
}

void TestAdminCli::checkAndVerifyJournal()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    Run r = admin(QStringList{QStringLiteral("check")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("recovery code present")));
    QVERIFY(r.out.contains(QStringLiteral("Database integrity: ok")));
    QVERIFY(r.out.contains(QStringLiteral("chain intact")));
    r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY(QRegularExpression(QStringLiteral("Head: [0-9a-f]{64}")).match(r.out).hasMatch());
}

void TestAdminCli::verifyJournalReportsATruncatedEnd()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    Run r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Journal intact: 3 entries.")), qPrintable(r.out));
    qint64 rows = 0;
    {
        // Someone with the key removes the last three entries, as a SQLite shell would.
        relais::Vault vault(dir.path(), relais::SystemClock::instance());
        QVERIFY(vault.signIn(QStringLiteral("alice"), relais::SecureBytes(AdminPassword.toUtf8().constData(),
                                                                          int(AdminPassword.toUtf8().size()))));
        rows = vault.journal().verify().rows;
        QCOMPARE(rows, qint64(4));
        const QSqlDatabase db = vault.database()->connection();
        QCOMPARE(execSql(db, QStringLiteral("DROP TRIGGER journal_no_delete")), QString());
        QCOMPARE(execSql(db, QStringLiteral("DELETE FROM journal WHERE id > 1")), QString());
    }
    // The sign-in of the command itself writes an entry after the cut: the cut is still named where it starts.
    r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 1);
    QVERIFY2(oneLineReason(r), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("The end of the journal was removed: entries 2 to 4 are missing")),
             qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("First broken entry: 2")), qPrintable(r.out));
    QVERIFY(!r.out.contains(QStringLiteral("intact")));
    r = admin(QStringList{QStringLiteral("check")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("Journal: The end of the journal was removed")), qPrintable(r.out));
}

void TestAdminCli::verifyJournalReportsAMissingAnchorUntilReset()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    QVERIFY(QFile::remove(dir.file(relais::Journal::anchorFileName())));
    Run r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("anchor file journal.anchor is missing")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("restore from a backup")), qPrintable(r.err));
    // An administrator accepts the journal as it is now; the reset itself is journaled.
    r = admin(QStringList{QStringLiteral("verify-journal"), QStringLiteral("--reset-anchor")} + as,
              AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Journal intact: 5 entries.")), qPrintable(r.out));
    QVERIFY(QFile::exists(dir.file(relais::Journal::anchorFileName())));
    r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
}

namespace {

// What the audit's script did with the data key: one event taken out, the ids closed up, the chain computed again.
bool rewriteWithout(const QSqlDatabase &db, qint64 removedId)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DROP TRIGGER journal_no_delete")) ||
        !q.exec(QStringLiteral("SELECT id, at, actor, action, object FROM journal ORDER BY id")))
        return false;
    QList<QStringList> rows;
    while (q.next()) {
        if (q.value(0).toLongLong() != removedId)
            rows.append({q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    }
    q.finish();
    if (!q.exec(QStringLiteral("DELETE FROM journal")))
        return false;
    QByteArray previous(32, '\0');
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        previous = relais::Journal::chain(previous, relais::Journal::canonicalRow(i + 1, r[0], r[1], r[2], r[3]));
        q.prepare(
            QStringLiteral("INSERT INTO journal (id, at, actor, action, object, hash) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(i + 1);
        for (const QString &field : r)
            q.addBindValue(field);
        q.addBindValue(previous);
        if (!q.exec())
            return false;
    }
    return true;
}

bool writeAnchor(const QString &path, const QJsonObject &o)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0;
}

QPair<qint64, QByteArray> journalHead(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")) || !q.next())
        return {0, {}};
    return {q.value(0).toLongLong(), q.value(1).toByteArray()};
}

} // namespace

void TestAdminCli::verifyJournalCatchesARewriteWithTheDataKey()
{
    QVERIFY(sodium_init() >= 0);
    QByteArray platformPublic(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray platformSecret(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(platformPublic.data()),
                        reinterpret_cast<unsigned char *>(platformSecret.data()));
    const relais::SecureBytes password(AdminPassword.toUtf8().constData(), int(AdminPassword.toUtf8().size()));

    // 1. Anchor rewritten without the store's key (plain JSON, as before): reported as tampered.
    {
        TempStoreDir dir;
        QVERIFY(!init(dir.path()).isEmpty());
        const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"),
                                QStringLiteral("alice"), QStringLiteral("--password-stdin")};
        {
            relais::Vault vault(dir.path(), relais::SystemClock::instance());
            QVERIFY(vault.signIn(QStringLiteral("alice"), password));
            const QSqlDatabase db = vault.database()->connection();
            QVERIFY(rewriteWithout(db, 2));
            const auto head = journalHead(db);
            vault.close();
            QVERIFY(writeAnchor(dir.file(relais::Journal::anchorFileName()),
                                {{QStringLiteral("format"), 1},
                                 {QStringLiteral("rows"), head.first},
                                 {QStringLiteral("head"), QString::fromLatin1(head.second.toHex())}}));
        }
        const Run r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
        QCOMPARE(r.code, 1);
        QVERIFY2(oneLineReason(r), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("journal.anchor was altered")), qPrintable(r.err));
    }

    // 2. Anchored by the platform's receipt, then rewritten and resealed by someone who holds the data key.
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    qint64 receiptSeq = 0;
    {
        relais::Vault vault(dir.path(), relais::SystemClock::instance());
        QVERIFY(vault.signIn(QStringLiteral("alice"), password));
        const QSqlDatabase db = vault.database()->connection();
        QCOMPARE(execSql(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync_platform_key', '%1')")
                                 .arg(QString::fromLatin1(platformPublic.toBase64()))),
                 QString());
        const auto head = journalHead(db);
        relais::JournalReceipt receipt;
        receipt.device = QStringLiteral("0b8a39b4-5c1e-4c4e-9a51-1d7f1f0e2a10");
        receipt.seq = head.first;
        receipt.hash = head.second;
        receipt.receivedAt = QStringLiteral("2026-11-23T10:00:00Z");
        const QByteArray message = receipt.message();
        receipt.signature.resize(crypto_sign_BYTES);
        crypto_sign_detached(reinterpret_cast<unsigned char *>(receipt.signature.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(message.constData()), message.size(),
                             reinterpret_cast<const unsigned char *>(platformSecret.constData()));
        QVERIFY(vault.journal().recordReceipt(receipt, platformPublic).ok());
        receiptSeq = head.first;
    }
    Run r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Anchored by the platform: entries 1 to %1 match the receipt it signed on "
                                           "2026-11-23T10:00:00Z")
                                .arg(receiptSeq)),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Platform key: ") + QString::fromLatin1(platformPublic.toBase64())),
             qPrintable(r.out));
    {
        relais::Vault vault(dir.path(), relais::SystemClock::instance());
        QVERIFY(vault.signIn(QStringLiteral("alice"), password));
        const QSqlDatabase db = vault.database()->connection();
        QVERIFY(rewriteWithout(db, 2));
        // The anchor key is in the database they can read: the anchor is resealed properly.
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT key FROM journal_anchor_key")) && q.next());
        const QByteArray key = q.value(0).toByteArray();
        const auto head = journalHead(db);
        vault.close();
        QVERIFY(writeAnchor(dir.file(relais::Journal::anchorFileName()),
                            {{QStringLiteral("format"), 2},
                             {QStringLiteral("rows"), head.first},
                             {QStringLiteral("head"), QString::fromLatin1(head.second.toHex())},
                             {QStringLiteral("mac"),
                              QString::fromLatin1(QMessageAuthenticationCode::hash(
                                                      "relais-journal-anchor/2\n" + QByteArray::number(head.first) +
                                                          '\n' + head.second.toHex() + '\n',
                                                      key, QCryptographicHash::Sha256)
                                                      .toHex())}}));
    }
    r = admin(QStringList{QStringLiteral("verify-journal")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 1);
    QVERIFY2(oneLineReason(r), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("the platform acknowledged")), qPrintable(r.err));
    QVERIFY(!r.out.contains(QStringLiteral("intact")));
}

void TestAdminCli::passwordsNeverAsArguments()
{
    TempStoreDir dir;
    Run r = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--structure"),
                   QStringLiteral("X"), QStringLiteral("--admin"), QStringLiteral("alice"),
                   QStringLiteral("--password"), AdminPassword});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--password-stdin")));
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("relais.db"))));
    r = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--structure"),
               QStringLiteral("X"), QStringLiteral("--admin"), QStringLiteral("alice")});
    QCOMPARE(r.code, 2);
    QVERIFY(!QFile::exists(dir.file(QStringLiteral("relais.db"))));
}

void TestAdminCli::foreignFilesAreRefusedUntouched()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    // Swap in a file that is not this store: random bytes of a plausible size.
    QByteArray random(8 * 4096, '\0');
    for (int i = 0; i < random.size(); ++i)
        random[i] = char((i * 7919 + 13) % 251);
    QFile f(dir.file(QStringLiteral("relais.db")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(random);
    f.close();
    const Run r = admin({QStringLiteral("check"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"),
                         QStringLiteral("alice"), QStringLiteral("--password-stdin")},
                        AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 4);
    QVERIFY2(oneLineReason(r), qPrintable(r.err));
    QCOMPARE(readAll(dir.file(QStringLiteral("relais.db"))), random);

    // keyslots.json removed while the database is there: never offered as a new store.
    TempStoreDir other;
    QVERIFY(!init(other.path()).isEmpty());
    QVERIFY(QFile::remove(other.file(QStringLiteral("keyslots.json"))));
    const Run missing = admin({QStringLiteral("check"), QStringLiteral("--data-dir"), other.path(),
                               QStringLiteral("--as"), QStringLiteral("alice"), QStringLiteral("--password-stdin")},
                              AdminPassword + QLatin1Char('\n'));
    QCOMPARE(missing.code, 4);
    QVERIFY(missing.err.contains(QStringLiteral("keyslots.json")));
    const Run reinit = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), other.path(),
                              QStringLiteral("--structure"), QStringLiteral("X"), QStringLiteral("--admin"),
                              QStringLiteral("bob"), QStringLiteral("--password-stdin")},
                             QStringLiteral("another long password\n"));
    QCOMPARE(reinit.code, 4);
}

void TestAdminCli::unwritableDataDirectory()
{
    TempStoreDir dir;
    QFile blocker(dir.file(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A data folder "inside" a regular file can never be created, even by root.
    const Run r = admin({QStringLiteral("init"), QStringLiteral("--data-dir"), dir.file(QStringLiteral("a-file/sub")),
                         QStringLiteral("--structure"), QStringLiteral("X"), QStringLiteral("--admin"),
                         QStringLiteral("alice"), QStringLiteral("--password-stdin")},
                        AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 5);
    QVERIFY(oneLineReason(r));
}

QTEST_GUILESS_MAIN(TestAdminCli)
void TestAdminCli::purgeSaysWhatStaysUntilDelivery()
{
    TempStoreDir dir;
    QVERIFY(!init(dir.path()).isEmpty());
    qint64 queued = 0;
    const QJsonObject answers{{QStringLiteral("numero_allocataire"), QStringLiteral("1234567")}};
    const auto signIn = [&](relais::Vault &vault) {
        return bool(vault.signIn(QStringLiteral("alice"), relais::SecureBytes(AdminPassword.toUtf8().constData(),
                                                                              int(AdminPassword.toUtf8().size()))));
    };
    {
        // A file unused for years, whose last démarche still waits to be sent.
        relais::Vault vault(dir.path(), relais::SystemClock::instance());
        QVERIFY(signIn(vault));
        const relais::Account alice = vault.account(QStringLiteral("alice")).value();
        const QSqlDatabase db = vault.database()->connection();
        relais::Citizen person;
        person.birthName = QStringLiteral("Ancienne");
        person.givenNames = QStringLiteral("Personne");
        const qint64 id = relais::CitizenRepository(db, &vault.journal(), vault.clock()).create(alice, person)->id;
        relais::SubmissionRepository submissions(db, &vault.journal(), vault.clock());
        queued = submissions.createDraft(alice, QStringLiteral("caf-rsa"), 1, id)->id;
        QVERIFY(submissions.queue(alice, queued, answers));
        QCOMPARE(execSql(db, QStringLiteral("UPDATE citizens SET last_activity_at = '2020-01-01T00:00:00.000Z'")),
                 QString());
    }
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("alice"),
                            QStringLiteral("--password-stdin")};
    Run r = admin(QStringList{QStringLiteral("purge"), QStringLiteral("--dry-run")} + as,
                  AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    // Compared by its parts: the English plural forms may come from the translation file.
    const auto says = [](const QString &out, const char *who, const char *until) {
        for (const QString &line : out.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("1 démarche")) && line.contains(QLatin1String(who)) &&
                line.contains(QLatin1String(until)))
                return true;
        return false;
    };
    QVERIFY2(says(r.out, "files due for erasure", "encrypted on this PC until delivery"), qPrintable(r.out));
    r = admin(QStringList{QStringLiteral("purge")} + as, AdminPassword + QLatin1Char('\n'));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Files erased: 1.")), qPrintable(r.out));
    QVERIFY2(says(r.out, "erased people", "stay encrypted on this PC until delivery, then are removed at once"),
             qPrintable(r.out));
    relais::Vault vault(dir.path(), relais::SystemClock::instance());
    QVERIFY(signIn(vault));
    const relais::Account alice = vault.account(QStringLiteral("alice")).value();
    const relais::Submission waiting =
        relais::SubmissionRepository(vault.database()->connection(), &vault.journal(), vault.clock())
            .load(alice, queued)
            .value();
    QCOMPARE(waiting.state, relais::SubmissionState::Queued);
    QCOMPARE(waiting.answers, answers);
    QCOMPARE(waiting.citizenId, qint64(0));
}

#include "TestAdminCli.moc"
