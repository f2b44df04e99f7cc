#include "FakeClock.h"
#include "KeyFileByHand.h"
#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TinyTmpfs.h"
#include "common/Clock.h"
#include "store/KeySlots.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

#include <functional>

using relais::ErrorCode;
using relais::KdfParams;
using relais::KeySlots;
using relais::SecureBytes;
using namespace relais::test;

namespace {

SecureBytes secret(const char *text)
{
    return SecureBytes(text, static_cast<int>(qstrlen(text)));
}

const char *const AlicePassword = "correct horse battery staple";
const char *const BobPassword = "Synthetic-Password-42";

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(fileBytes(path)).object();
}

bool writeJson(const QString &path, const QJsonObject &root)
{
    return writeBytes(path, QJsonDocument(root).toJson());
}

// Applies `edit` to the slot matching type (and login), in place in the JSON file.
bool editSlot(const QString &path, const QString &type, const QString &login,
              const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = readJson(path);
    QJsonArray ks = root.value(QStringLiteral("slots")).toArray();
    for (int i = 0; i < ks.size(); ++i) {
        QJsonObject slot = ks.at(i).toObject();
        if (slot.value(QStringLiteral("type")).toString() == type &&
            (login.isEmpty() || slot.value(QStringLiteral("login")).toString() == login)) {
            edit(slot);
            ks.replace(i, slot);
            root.insert(QStringLiteral("slots"), ks);
            return writeJson(path, root);
        }
    }
    return false;
}

QByteArray flipByteOfBase64(const QString &b64, int index)
{
    QByteArray raw = QByteArray::fromBase64(b64.toLatin1());
    raw[index] = static_cast<char>(raw.at(index) ^ 0x01);
    return raw.toBase64();
}

QByteArray bytesOf(const SecureBytes &s)
{
    return QByteArray(s.constChar(), s.size());
}

} // namespace

class TestKeySlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void passwordSlotOpens();
    void moderateParamsSlotOpens();
    void wrongPasswordIsRefused();
    void unknownLoginIsRefusedLikeAWrongPassword();
    void recoveryCodeHasThePrintedFormat();
    void recoveryCodeOpensAsTyped();
    void wrongRecoveryCodeIsRefused();
    void renewedRecoveryCodeReplacesTheOldOne();
    void keychainSlotOpens();
    void removedSlotNoLongerOpens();
    void replacedPasswordSlot();
    void tamperedSlotDoesNotOpen_data();
    void tamperedSlotDoesNotOpen();
    void saveLoadRoundTrip();
    void damagedFileIsRefused_data();
    void damagedFileIsRefused();
    void newerFormatIsRefused();
    void missingFileIsReported();
    void saveLeavesNoTemporaryFile();
    void saveOnFullDiskKeepsOldFile();
    void saveOnReadOnlyDiskKeepsOldFile();
    void fileHoldsNoSecret();
    void editedFileIsRefusedAfterUnlock_data();
    void editedFileIsRefusedAfterUnlock();
    void demoStoreHoldsNoPassword();
    void resealedSlotsOpenOnlyTheNewKey();
    void olderFormatOpensAndCannotBeResealed();
    void slotsAreDatedByTheInjectedClock();

private:
    QString path() const { return m_dir->file(KeySlots::fileName()); }
    KeySlots loadTemplate();

    std::unique_ptr<TempStoreDir> m_dir;
    TempStoreDir m_templateDir;
    SecureBytes m_dataKey;
    SecureBytes m_kek;
    QString m_recoveryCode;
    QByteArray m_template; // keyslots.json with alice, bob, recovery and keychain ks
};

void TestKeySlots::initTestCase()
{
    m_dataKey = SecureBytes::random(KeySlots::DataKeySize);
    m_kek = SecureBytes::random(32);
    KeySlots ks = KeySlots::createNew(QStringLiteral("France Services Synthétique"), relais::SystemClock::instance());
    QVERIFY(ks.setPasswordSlot(QStringLiteral("alice"), QStringLiteral("Alice Test"), secret(AlicePassword), m_dataKey,
                               KdfParams::interactive())
                .ok());
    QVERIFY(ks.setPasswordSlot(QStringLiteral("bob"), QStringLiteral("Bob Test"), secret(BobPassword), m_dataKey,
                               KdfParams::interactive())
                .ok());
    auto code = ks.renewRecoverySlot(m_dataKey, KdfParams::interactive());
    QVERIFY2(code.ok(), qPrintable(code.message()));
    m_recoveryCode = code.value();
    QVERIFY(ks.setKeychainSlot(m_kek, m_dataKey).ok());
    const QString file = m_templateDir.file(KeySlots::fileName());
    const auto saved = ks.save(file, m_dataKey);
    QVERIFY2(saved.ok(), qPrintable(saved.message()));
    m_template = fileBytes(file);
    QVERIFY(!m_template.isEmpty());
}

void TestKeySlots::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    QVERIFY(writeBytes(path(), m_template));
}

KeySlots TestKeySlots::loadTemplate()
{
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    if (!loaded.ok())
        qFatal("template keyslots.json does not load");
    return loaded.value();
}

void TestKeySlots::passwordSlotOpens()
{
    const KeySlots ks = loadTemplate();
    QVERIFY(ks.hasPasswordSlot(QStringLiteral("alice")));
    auto key = ks.unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword));
    QVERIFY2(key.ok(), qPrintable(key.message()));
    QVERIFY(key.value() == m_dataKey);
    auto bob = ks.unlockWithPassword(QStringLiteral("bob"), secret(BobPassword));
    QVERIFY(bob.ok());
    QVERIFY(bob.value() == m_dataKey);
}

void TestKeySlots::moderateParamsSlotOpens()
{
    KeySlots ks = loadTemplate();
    QVERIFY(ks.setPasswordSlot(QStringLiteral("carole"), QStringLiteral("Carole Test"), secret(BobPassword),
                               m_dataKey) // production default: moderate
                .ok());
    QVERIFY(ks.save(path(), m_dataKey).ok());
    bool found = false;
    for (const QJsonValue &v : readJson(path()).value(QStringLiteral("slots")).toArray()) {
        const QJsonObject slot = v.toObject();
        if (slot.value(QStringLiteral("login")).toString() == QLatin1String("carole")) {
            found = true;
            const QJsonObject kdf = slot.value(QStringLiteral("kdf")).toObject();
            QCOMPARE(static_cast<quint64>(kdf.value(QStringLiteral("ops")).toDouble()), KdfParams::moderate().opsLimit);
            QCOMPARE(static_cast<quint64>(kdf.value(QStringLiteral("mem")).toDouble()), KdfParams::moderate().memLimit);
        }
    }
    QVERIFY(found);
    auto reloaded = KeySlots::load(path(), relais::SystemClock::instance());
    QVERIFY(reloaded.ok());
    auto key = reloaded->unlockWithPassword(QStringLiteral("carole"), secret(BobPassword));
    QVERIFY2(key.ok(), qPrintable(key.message()));
    QVERIFY(key.value() == m_dataKey);
}

void TestKeySlots::wrongPasswordIsRefused()
{
    const KeySlots ks = loadTemplate();
    for (const char *wrong : {"correct horse battery stapl", "Correct horse battery staple", "", BobPassword}) {
        auto key = ks.unlockWithPassword(QStringLiteral("alice"), secret(wrong));
        QVERIFY(!key.ok());
        QCOMPARE(key.code(), ErrorCode::WrongPassword);
        QVERIFY(!key.message().isEmpty());
    }
}

void TestKeySlots::unknownLoginIsRefusedLikeAWrongPassword()
{
    const KeySlots ks = loadTemplate();
    auto unknown = ks.unlockWithPassword(QStringLiteral("mallory"), secret(AlicePassword));
    QCOMPARE(unknown.code(), ErrorCode::NoSuchAccount);
    QVERIFY(!unknown.message().isEmpty());
    // The person reads the same sentence either way: no hint about which logins exist.
    auto wrong = ks.unlockWithPassword(QStringLiteral("alice"), secret(BobPassword));
    QCOMPARE(unknown.message(), wrong.message());
    // Logins are exact: another case is another (unknown) login.
    QCOMPARE(ks.unlockWithPassword(QStringLiteral("Alice"), secret(AlicePassword)).code(), ErrorCode::NoSuchAccount);
}

void TestKeySlots::recoveryCodeHasThePrintedFormat()
{
    static const QRegularExpression format(
        QStringLiteral("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}$")); // Crockford: no I, L, O, U
    QVERIFY2(format.match(m_recoveryCode).hasMatch(), "recovery code not in 6 groups of 5");
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString code = KeySlots::generateRecoveryCode();
        QVERIFY(format.match(code).hasMatch());
        seen.insert(code);
    }
    QCOMPARE(seen.size(), 50);
    QCOMPARE(KeySlots::normalizeRecoveryCode(QStringLiteral(" abcde-fghjk\tmnpqr OoIiLl ")),
             QStringLiteral("ABCDEFGHJKMNPQR001111"));
}

void TestKeySlots::recoveryCodeOpensAsTyped()
{
    // A code with both a 0 and a 1, so that the O-for-0 and l-for-1 typings really differ from it.
    KeySlots ks = loadTemplate();
    QString code = m_recoveryCode;
    for (int i = 0; i < 100 && !(code.contains(QLatin1Char('0')) && code.contains(QLatin1Char('1'))); ++i) {
        auto renewed = ks.renewRecoverySlot(m_dataKey, KdfParams::interactive());
        QVERIFY(renewed.ok());
        code = renewed.value();
    }
    QVERIFY(code.contains(QLatin1Char('0')) && code.contains(QLatin1Char('1')));

    QString misread = code.toLower();
    misread.replace(QLatin1Char('0'), QLatin1Char('O')).replace(QLatin1Char('1'), QLatin1Char('l'));
    QString spaced = code;
    spaced.replace(QLatin1Char('-'), QLatin1Char(' '));
    QString joined = code;
    joined.remove(QLatin1Char('-'));
    QString capitalI = code;
    capitalI.replace(QLatin1Char('1'), QLatin1Char('I')).replace(QLatin1Char('0'), QLatin1Char('o'));
    const QStringList typings = {code,    code.toLower(), spaced, QStringLiteral("  ") + joined + QStringLiteral(" "),
                                 misread, capitalI};
    for (const QString &typed : typings) {
        auto key = ks.unlockWithRecoveryCode(typed);
        QVERIFY2(key.ok(), qPrintable(key.message()));
        QVERIFY(key.value() == m_dataKey);
    }
}

void TestKeySlots::wrongRecoveryCodeIsRefused()
{
    const KeySlots ks = loadTemplate();
    QString wrong = m_recoveryCode;
    wrong[3] = wrong.at(3) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    for (const QString &code : {wrong, m_recoveryCode.left(29), QString(), QStringLiteral("correct horse")}) {
        auto key = ks.unlockWithRecoveryCode(code);
        QCOMPARE(key.code(), ErrorCode::WrongRecoveryCode);
        QVERIFY(!key.message().isEmpty());
    }
}

void TestKeySlots::renewedRecoveryCodeReplacesTheOldOne()
{
    KeySlots ks = loadTemplate();
    auto renewed = ks.renewRecoverySlot(m_dataKey, KdfParams::interactive());
    QVERIFY(renewed.ok());
    QVERIFY(renewed.value() != m_recoveryCode);
    QVERIFY(ks.save(path(), m_dataKey).ok());
    const KeySlots reloaded = loadTemplate();
    QCOMPARE(reloaded.unlockWithRecoveryCode(m_recoveryCode).code(), ErrorCode::WrongRecoveryCode);
    QVERIFY(reloaded.unlockWithRecoveryCode(renewed.value()).ok());
    int recoverySlots = 0;
    for (const QJsonValue &v : readJson(path()).value(QStringLiteral("slots")).toArray())
        recoverySlots += v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("recovery");
    QCOMPARE(recoverySlots, 1);
}

void TestKeySlots::keychainSlotOpens()
{
    KeySlots ks = loadTemplate();
    QVERIFY(ks.hasKeychainSlot());
    auto key = ks.unlockWithKeychainKey(m_kek);
    QVERIFY2(key.ok(), qPrintable(key.message()));
    QVERIFY(key.value() == m_dataKey);

    auto wrong = ks.unlockWithKeychainKey(SecureBytes::random(32));
    QCOMPARE(wrong.code(), ErrorCode::KeychainUnavailable);
    QVERIFY(!wrong.message().isEmpty());
    // A key of the wrong size is refused when the slot is made, not silently truncated.
    QVERIFY(!ks.setKeychainSlot(SecureBytes::random(16), m_dataKey).ok());
    QVERIFY(ks.unlockWithKeychainKey(m_kek).ok());
}

void TestKeySlots::removedSlotNoLongerOpens()
{
    KeySlots ks = loadTemplate();
    QVERIFY(ks.removePasswordSlot(QStringLiteral("alice")));
    QVERIFY(!ks.removePasswordSlot(QStringLiteral("alice")));
    ks.removeKeychainSlot();
    QVERIFY(ks.save(path(), m_dataKey).ok());

    const KeySlots reloaded = loadTemplate();
    QVERIFY(!reloaded.hasPasswordSlot(QStringLiteral("alice")));
    auto alice = reloaded.unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword));
    QCOMPARE(alice.code(), ErrorCode::NoSuchAccount);
    QVERIFY(!alice.message().isEmpty());
    QCOMPARE(reloaded.unlockWithKeychainKey(m_kek).code(), ErrorCode::KeychainUnavailable);
    QVERIFY(!reloaded.unlockWithKeychainKey(m_kek).message().isEmpty());
    // The others are untouched.
    QVERIFY(reloaded.unlockWithPassword(QStringLiteral("bob"), secret(BobPassword)).ok());
    QVERIFY(reloaded.unlockWithRecoveryCode(m_recoveryCode).ok());
    QCOMPARE(reloaded.passwordSlots().size(), 1);
}

void TestKeySlots::replacedPasswordSlot()
{
    KeySlots ks = loadTemplate();
    QVERIFY(ks.setPasswordSlot(QStringLiteral("alice"), QStringLiteral("Alice Test"),
                               secret("a brand new synthetic passphrase"), m_dataKey, KdfParams::interactive())
                .ok());
    QVERIFY(ks.save(path(), m_dataKey).ok());
    const KeySlots reloaded = loadTemplate();
    QCOMPARE(reloaded.passwordSlots().size(), 2); // replaced, not added
    QCOMPARE(reloaded.unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)).code(),
             ErrorCode::WrongPassword);
    QVERIFY(reloaded.unlockWithPassword(QStringLiteral("alice"), secret("a brand new synthetic passphrase")).ok());
}

void TestKeySlots::tamperedSlotDoesNotOpen_data()
{
    QTest::addColumn<QString>("what");
    for (const char *what :
         {"flip a byte of secret key", "flip a byte of sealed key", "public key of another slot",
          "flip a byte of nonce", "flip a byte of salt", "login changed to another account's", "kdf ops changed",
          "kdf mem changed", "store id changed", "slot id changed", "slots of two stores swapped"})
        QTest::newRow(what) << QString::fromLatin1(what);
}

void TestKeySlots::tamperedSlotDoesNotOpen()
{
    QFETCH(QString, what);
    const QString alice = QStringLiteral("alice");
    QString login = alice; // the login the attacker then signs in with
    bool edited = true;
    if (what.startsWith(QLatin1String("flip a byte of s"))) {
        const QString field =
            what.contains(QLatin1String("sealed")) ? QStringLiteral("sealed_key") : QStringLiteral("secret_key");
        edited = editSlot(path(), QStringLiteral("password"), alice, [&](QJsonObject &s) {
            s.insert(field, QString::fromLatin1(flipByteOfBase64(s.value(field).toString(), 5)));
        });
    } else if (what == QLatin1String("public key of another slot")) {
        QString bobKey;
        editSlot(path(), QStringLiteral("password"), QStringLiteral("bob"),
                 [&](QJsonObject &s) { bobKey = s.value(QStringLiteral("public_key")).toString(); });
        edited = editSlot(path(), QStringLiteral("password"), alice,
                          [&](QJsonObject &s) { s.insert(QStringLiteral("public_key"), bobKey); });
    } else if (what == QLatin1String("flip a byte of nonce")) {
        edited = editSlot(path(), QStringLiteral("password"), alice, [](QJsonObject &s) {
            s.insert(QStringLiteral("nonce"),
                     QString::fromLatin1(flipByteOfBase64(s.value(QStringLiteral("nonce")).toString(), 0)));
        });
    } else if (what == QLatin1String("flip a byte of salt")) {
        edited = editSlot(path(), QStringLiteral("password"), alice, [](QJsonObject &s) {
            QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
            kdf.insert(QStringLiteral("salt"),
                       QString::fromLatin1(flipByteOfBase64(kdf.value(QStringLiteral("salt")).toString(), 2)));
            s.insert(QStringLiteral("kdf"), kdf);
        });
    } else if (what == QLatin1String("login changed to another account's")) {
        // Alice knows her own password and relabels her slot as Bob's, hoping to sign in as Bob.
        edited = editSlot(path(), QStringLiteral("password"), alice,
                          [](QJsonObject &s) { s.insert(QStringLiteral("login"), QStringLiteral("bob")); });
        login = QStringLiteral("bob");
    } else if (what == QLatin1String("kdf ops changed") || what == QLatin1String("kdf mem changed")) {
        const QString field = what.contains(QLatin1String("ops")) ? QStringLiteral("ops") : QStringLiteral("mem");
        edited = editSlot(path(), QStringLiteral("password"), alice, [&](QJsonObject &s) {
            QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
            const double value = kdf.value(field).toDouble();
            kdf.insert(field, field == QLatin1String("ops") ? value + 1 : value * 2);
            s.insert(QStringLiteral("kdf"), kdf);
        });
    } else if (what == QLatin1String("store id changed")) {
        QJsonObject root = readJson(path());
        root.insert(QStringLiteral("store_id"), QStringLiteral("00000000-1111-4222-8333-444444444444"));
        edited = writeJson(path(), root);
    } else if (what == QLatin1String("slot id changed")) {
        edited = editSlot(path(), QStringLiteral("password"), alice, [](QJsonObject &s) {
            s.insert(QStringLiteral("id"), QStringLiteral("00000000-1111-4222-8333-444444444444"));
        });
    } else if (what == QLatin1String("slots of two stores swapped")) {
        // Alice's slot from another store (same password) pasted into this one.
        KeySlots other = KeySlots::createNew(QStringLiteral("Autre structure"), relais::SystemClock::instance());
        QVERIFY(other
                    .setPasswordSlot(alice, QStringLiteral("Alice Test"), secret(AlicePassword),
                                     SecureBytes::random(32), KdfParams::interactive())
                    .ok());
        const QString otherPath = m_dir->file(QStringLiteral("other.json"));
        QVERIFY(other.save(otherPath, m_dataKey).ok());
        const QJsonObject foreign = readJson(otherPath).value(QStringLiteral("slots")).toArray().at(0).toObject();
        edited = editSlot(path(), QStringLiteral("password"), alice, [&](QJsonObject &s) { s = foreign; });
    }
    QVERIFY(edited);
    QVERIFY(fileBytes(path()) != m_template);

    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    if (!loaded.ok()) {
        QCOMPARE(loaded.code(), ErrorCode::KeySlotsDamaged); // refusing the file is fine too
        QVERIFY(!loaded.message().isEmpty());
        return;
    }
    auto key = loaded->unlockWithPassword(login, secret(AlicePassword));
    QVERIFY2(!key.ok(), "a tampered slot opened the store");
    // Either the slot itself no longer opens, or the seal over the whole file gives the edit away.
    QVERIFY2(key.code() == ErrorCode::WrongPassword || key.code() == ErrorCode::KeySlotsDamaged,
             qPrintable(key.message()));
    QVERIFY(!key.message().isEmpty());
}

void TestKeySlots::saveLoadRoundTrip()
{
    KeySlots ks = loadTemplate();
    QCOMPARE(ks.structureName(), QStringLiteral("France Services Synthétique"));
    QVERIFY(!QUuid::fromString(ks.storeId()).isNull());
    QCOMPARE(ks.cipherSettings().value(QStringLiteral("page_size")).toInt(), 4096);
    QCOMPARE(ks.cipherSettings().value(QStringLiteral("compatibility")).toInt(), 3);
    QVERIFY(!ks.isDemo());
    QVERIFY(ks.hasRecoverySlot());
    QVERIFY(ks.hasKeychainSlot());
    const QList<relais::PasswordSlotInfo> infos = ks.passwordSlots();
    QCOMPARE(infos.size(), 2);
    QCOMPARE(infos.at(0).login, QStringLiteral("alice"));
    QCOMPARE(infos.at(0).displayName, QStringLiteral("Alice Test"));
    QCOMPARE(infos.at(1).login, QStringLiteral("bob"));

    // Saving what was loaded writes the same bytes: nothing lost, nothing invented.
    const QString again = m_dir->file(QStringLiteral("again.json"));
    QVERIFY(ks.save(again, m_dataKey).ok());
    QCOMPARE(fileBytes(again), m_template);
    auto reloaded = KeySlots::load(again, relais::SystemClock::instance());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->storeId(), ks.storeId());
    QVERIFY(reloaded->unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)).ok());
    QVERIFY(reloaded->unlockWithRecoveryCode(m_recoveryCode).ok());
    QVERIFY(reloaded->unlockWithKeychainKey(m_kek).ok());
}

void TestKeySlots::damagedFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    const QByteArray good = m_template;
    QJsonObject root = QJsonDocument::fromJson(good).object();
    const auto with = [&](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject copy = root;
        edit(copy);
        return QJsonDocument(copy).toJson();
    };
    const auto withFirstSlot = [&](const std::function<void(QJsonObject &)> &edit) {
        return with([&](QJsonObject &r) {
            QJsonArray ks = r.value(QStringLiteral("slots")).toArray();
            QJsonObject first = ks.at(0).toObject();
            edit(first);
            ks.replace(0, first);
            r.insert(QStringLiteral("slots"), ks);
        });
    };
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("not JSON") << QByteArrayLiteral("this is not JSON at all");
    QTest::newRow("binary") << QByteArray("\x00\x01\xfe\xff", 4);
    QTest::newRow("cut in half") << good.left(good.size() / 2);
    QTest::newRow("JSON array") << QByteArrayLiteral("[]");
    QTest::newRow("other format") << with(
        [](QJsonObject &r) { r.insert(QStringLiteral("format"), QStringLiteral("x")); });
    QTest::newRow("no format") << with([](QJsonObject &r) { r.remove(QStringLiteral("format")); });
    QTest::newRow("no store id") << with([](QJsonObject &r) { r.remove(QStringLiteral("store_id")); });
    QTest::newRow("empty slots") << with([](QJsonObject &r) { r.insert(QStringLiteral("slots"), QJsonArray()); });
    QTest::newRow("no slots") << with([](QJsonObject &r) { r.remove(QStringLiteral("slots")); });
    QTest::newRow("slots not an array") << with(
        [](QJsonObject &r) { r.insert(QStringLiteral("slots"), QStringLiteral("none")); });
    QTest::newRow("truncated base64 secret key") << withFirstSlot([](QJsonObject &s) {
        s.insert(QStringLiteral("secret_key"), s.value(QStringLiteral("secret_key")).toString().left(40));
    });
    QTest::newRow("invalid base64 secret key") << withFirstSlot([](QJsonObject &s) {
        QString w = s.value(QStringLiteral("secret_key")).toString();
        w[10] = QLatin1Char('*');
        s.insert(QStringLiteral("secret_key"), w);
    });
    QTest::newRow("truncated sealed key") << withFirstSlot([](QJsonObject &s) {
        s.insert(QStringLiteral("sealed_key"), s.value(QStringLiteral("sealed_key")).toString().left(40));
    });
    QTest::newRow("no public key") << withFirstSlot([](QJsonObject &s) { s.remove(QStringLiteral("public_key")); });
    QTest::newRow("no seal") << with([](QJsonObject &r) { r.remove(QStringLiteral("mac")); });
    QTest::newRow("truncated nonce") << withFirstSlot(
        [](QJsonObject &s) { s.insert(QStringLiteral("nonce"), s.value(QStringLiteral("nonce")).toString().left(8)); });
    QTest::newRow("no secret key") << withFirstSlot([](QJsonObject &s) { s.remove(QStringLiteral("secret_key")); });
    QTest::newRow("no id") << withFirstSlot([](QJsonObject &s) { s.remove(QStringLiteral("id")); });
    QTest::newRow("unknown type") << withFirstSlot(
        [](QJsonObject &s) { s.insert(QStringLiteral("type"), QStringLiteral("magic")); });
    QTest::newRow("password slot without login")
        << withFirstSlot([](QJsonObject &s) { s.remove(QStringLiteral("login")); });
    QTest::newRow("password slot without kdf")
        << withFirstSlot([](QJsonObject &s) { s.remove(QStringLiteral("kdf")); });
    QTest::newRow("kdf ops zero") << withFirstSlot([](QJsonObject &s) {
        QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("ops"), 0);
        s.insert(QStringLiteral("kdf"), kdf);
    });
    // Argon2id would run for hours with these: refused before any work (the sign-in used to hang).
    QTest::newRow("kdf ops 2^32-1") << withFirstSlot([](QJsonObject &s) {
        QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("ops"), 4294967295.0);
        s.insert(QStringLiteral("kdf"), kdf);
    });
    QTest::newRow("kdf ops 17") << withFirstSlot([](QJsonObject &s) {
        QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("ops"), 17);
        s.insert(QStringLiteral("kdf"), kdf);
    });
    QTest::newRow("kdf memory 2 GiB") << withFirstSlot([](QJsonObject &s) {
        QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("mem"), 2147483648.0);
        s.insert(QStringLiteral("kdf"), kdf);
    });
    QTest::newRow("kdf memory absurd") << withFirstSlot([](QJsonObject &s) {
        QJsonObject kdf = s.value(QStringLiteral("kdf")).toObject();
        kdf.insert(QStringLiteral("mem"), 1e18);
        s.insert(QStringLiteral("kdf"), kdf);
    });
    QTest::newRow("too large") << (good + QByteArray(2 * 1024 * 1024, ' '));
}

void TestKeySlots::damagedFileIsRefused()
{
    QFETCH(QByteArray, contents);
    QVERIFY(writeBytes(path(), contents));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("keyslots.json rejected")));
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.code(), ErrorCode::KeySlotsDamaged);
    QVERIFY(loaded.message().contains(QStringLiteral("keyslots.json")));
    QCOMPARE(fileBytes(path()), contents); // refused, not "repaired"
}

void TestKeySlots::newerFormatIsRefused()
{
    QJsonObject root = readJson(path());
    root.insert(QStringLiteral("version"), KeySlots::FormatVersion + 1);
    QVERIFY(writeJson(path(), root));
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    QCOMPARE(loaded.code(), ErrorCode::StoreTooNew);
    QVERIFY(!loaded.message().isEmpty());
}

void TestKeySlots::missingFileIsReported()
{
    QVERIFY(QFile::remove(path()));
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    QCOMPARE(loaded.code(), ErrorCode::KeySlotsMissing);
    QVERIFY(loaded.message().contains(QStringLiteral("keyslots.json")));
    QVERIFY(!QFile::exists(path()));
}

void TestKeySlots::saveLeavesNoTemporaryFile()
{
    KeySlots ks = loadTemplate();
    QVERIFY(ks.removePasswordSlot(QStringLiteral("bob")));
    QVERIFY(ks.save(path(), m_dataKey).ok());
    QCOMPARE(dirEntries(m_dir->path()), QStringList{KeySlots::fileName()});
    QVERIFY(!loadTemplate().hasPasswordSlot(QStringLiteral("bob")));
}

void TestKeySlots::saveOnFullDiskKeepsOldFile()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(256 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    const QString file = fs.filePath(KeySlots::fileName());
    QVERIFY(writeBytes(file, m_template));
    QVERIFY(fs.fillLeaving(0));

    KeySlots ks = loadTemplate();
    QVERIFY(ks.removePasswordSlot(QStringLiteral("alice")));
    const auto status = ks.save(file, m_dataKey);
    QCOMPARE(status.code(), ErrorCode::DiskFull);
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(fileBytes(file), m_template);
    QCOMPARE(dirEntries(fs.path()), (QStringList{QStringLiteral("filler.bin"), KeySlots::fileName()}));
    auto reloaded = KeySlots::load(file, relais::SystemClock::instance());
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded->unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)).ok());
}

void TestKeySlots::saveOnReadOnlyDiskKeepsOldFile()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(256 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    const QString file = fs.filePath(KeySlots::fileName());
    QVERIFY(writeBytes(file, m_template));
    QVERIFY2(fs.setReadOnly(true), qPrintable(fs.error())); // stops root too, unlike chmod

    KeySlots ks = loadTemplate();
    QVERIFY(ks.removePasswordSlot(QStringLiteral("alice")));
    const auto status = ks.save(file, m_dataKey);
    QCOMPARE(status.code(), ErrorCode::Io);
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(fileBytes(file), m_template);
    QCOMPARE(dirEntries(fs.path()), QStringList{KeySlots::fileName()});
}

void TestKeySlots::fileHoldsNoSecret()
{
    const QByteArray raw = fileBytes(path());
    const QByteArray key = bytesOf(m_dataKey);
    const QByteArray kek = bytesOf(m_kek);
    QList<QByteArray> needles;
    for (const QByteArray &s : {key, kek}) {
        needles << s << s.toHex() << s.toHex().toUpper() << s.toBase64()
                << s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                << s.toBase64().left(20); // a prefix is enough to be a leak
    }
    for (const char *password : {AlicePassword, BobPassword}) {
        const QByteArray p(password);
        needles << p << p.toHex() << p.toBase64() << QString::fromLatin1(password).toLower().toUtf8()
                << QByteArray(reinterpret_cast<const char *>(QString::fromLatin1(password).utf16()), p.size() * 2);
    }
    QString joined = m_recoveryCode;
    joined.remove(QLatin1Char('-'));
    needles << m_recoveryCode.toLatin1() << joined.toLatin1() << m_recoveryCode.left(11).toLatin1()
            << joined.toLatin1().toBase64();
    for (const QByteArray &needle : needles)
        QVERIFY2(!raw.contains(needle), "keyslots.json contains a secret");
    // The check itself can fail: the logins are there.
    QVERIFY(raw.contains("\"alice\""));
}

void TestKeySlots::editedFileIsRefusedAfterUnlock_data()
{
    QTest::addColumn<QString>("what");
    for (const char *what : {"demo flag added", "demo object added", "display name changed", "structure changed",
                             "cipher settings changed", "unknown field added", "slot created date changed"})
        QTest::newRow(what) << QString::fromLatin1(what);
}

void TestKeySlots::editedFileIsRefusedAfterUnlock()
{
    // The audit's attack: fields outside the wrapped keys, edited by anyone who can write the data folder.
    QFETCH(QString, what);
    QJsonObject root = readJson(path());
    if (what == QLatin1String("demo flag added")) {
        root.insert(QStringLiteral("demo"), true);
    } else if (what == QLatin1String("demo object added")) {
        root.insert(QStringLiteral("demo"), QJsonObject());
    } else if (what == QLatin1String("structure changed")) {
        root.insert(QStringLiteral("structure"), QStringLiteral("Structure usurpée"));
    } else if (what == QLatin1String("cipher settings changed")) {
        QJsonObject cipher = root.value(QStringLiteral("cipher")).toObject();
        cipher.insert(QStringLiteral("page_size"), 1024);
        root.insert(QStringLiteral("cipher"), cipher);
    } else if (what == QLatin1String("unknown field added")) {
        root.insert(QStringLiteral("passwords"), QJsonObject{{QStringLiteral("alice"), QString()}});
    } else {
        const QString field =
            what.startsWith(QLatin1String("display")) ? QStringLiteral("display_name") : QStringLiteral("created");
        QJsonArray slotArray = root.value(QStringLiteral("slots")).toArray();
        QJsonObject first = slotArray.at(0).toObject();
        first.insert(field, QStringLiteral("Administrateur (officiel)"));
        slotArray.replace(0, first);
        root.insert(QStringLiteral("slots"), slotArray);
    }
    QVERIFY(writeJson(path(), root));
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    QVERIFY2(loaded.ok(), qPrintable(loaded.message())); // readable, so the sign-in screen can still be drawn
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("seal does not match")));
    auto key = loaded->unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword));
    QCOMPARE(key.code(), ErrorCode::KeySlotsDamaged);
    QVERIFY2(key.message().contains(QStringLiteral("changed outside Relais")), qPrintable(key.message()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("seal does not match")));
    QCOMPARE(loaded->unlockWithRecoveryCode(m_recoveryCode).code(), ErrorCode::KeySlotsDamaged);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("seal does not match")));
    QCOMPARE(loaded->unlockWithKeychainKey(m_kek).code(), ErrorCode::KeySlotsDamaged);
}

void TestKeySlots::demoStoreHoldsNoPassword()
{
    KeySlots ks = loadTemplate();
    ks.setDemo(true);
    QVERIFY(ks.setPasswordSlot(QStringLiteral("carole"), QStringLiteral("Carole Test"), secret(BobPassword), m_dataKey,
                               KdfParams::interactive())
                .ok());
    QVERIFY(ks.save(path(), m_dataKey).ok());
    const QByteArray raw = fileBytes(path());
    for (const char *password : {AlicePassword, BobPassword})
        QVERIFY2(!raw.contains(password), "a demo store's keyslots.json holds a password");
    auto reloaded = KeySlots::load(path(), relais::SystemClock::instance());
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded->isDemo());
    QVERIFY(reloaded->unlockWithPassword(QStringLiteral("carole"), secret(BobPassword)).ok()); // the seal holds
}

void TestKeySlots::resealedSlotsOpenOnlyTheNewKey()
{
    KeySlots ks = loadTemplate();
    const SecureBytes newKey = SecureBytes::random(KeySlots::DataKeySize);
    auto report = ks.resealAll(newKey, KdfParams::interactive());
    QVERIFY(report.ok());
    QVERIFY(report->loginsWithoutSlot.isEmpty());
    QVERIFY(report->newRecoveryCode.isEmpty()); // the same code keeps working
    QVERIFY(ks.save(path(), newKey).ok());
    const KeySlots reloaded = loadTemplate();
    for (const auto &key : {reloaded.unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)),
                            reloaded.unlockWithPassword(QStringLiteral("bob"), secret(BobPassword)),
                            reloaded.unlockWithRecoveryCode(m_recoveryCode), reloaded.unlockWithKeychainKey(m_kek)}) {
        QVERIFY2(key.ok(), qPrintable(key.message()));
        QVERIFY(key.value() == newKey);
    }
    // The old file still gives the old key, and only that: the store itself must move to the new one (TestVault).
    QVERIFY(writeBytes(path(), m_template));
    QVERIFY(loadTemplate().unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)).value() == m_dataKey);
}

void TestKeySlots::olderFormatOpensAndCannotBeResealed()
{
    // keyslots.json as Relais wrote it before slots had key pairs: the data key wrapped straight under the KEK.
    QVERIFY(writeJson(path(), legacyKeyFile(QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("alice"),
                                            QString::fromLatin1(AlicePassword), m_dataKey)));
    auto loaded = KeySlots::load(path(), relais::SystemClock::instance());
    QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
    QCOMPARE(loaded->loadedVersion(), 1);
    auto key = loaded->unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword));
    QVERIFY2(key.ok(), qPrintable(key.message()));
    QVERIFY(key.value() == m_dataKey);
    // Sealed again in format 2, it still opens, now under the seal.
    KeySlots upgraded = loaded.value();
    QVERIFY(upgraded.save(path(), m_dataKey).ok());
    QVERIFY(loadTemplate().unlockWithPassword(QStringLiteral("alice"), secret(AlicePassword)).ok());
    // Its wrapped key cannot follow a new data key without the password: the re-key says who needs one.
    auto report = upgraded.resealAll(SecureBytes::random(KeySlots::DataKeySize), KdfParams::interactive());
    QVERIFY(report.ok());
    QCOMPARE(report->loginsWithoutSlot, QStringList{QStringLiteral("alice")});
    QVERIFY(!upgraded.hasPasswordSlot(QStringLiteral("alice")));
}

// The file and each slot carry the date of the store's clock (the one tests drive), not the machine's.
void TestKeySlots::slotsAreDatedByTheInjectedClock()
{
    FakeClock clock;
    KeySlots ks = KeySlots::createNew(QStringLiteral("Structure"), &clock);
    clock.advanceSecs(60);
    QVERIFY(ks.setPasswordSlot(QStringLiteral("alice"), QStringLiteral("Alice Test"), secret(AlicePassword), m_dataKey,
                               KdfParams::interactive())
                .ok());
    QVERIFY(ks.save(path(), m_dataKey).ok());
    auto loaded = KeySlots::load(path(), &clock);
    QVERIFY(loaded.ok());
    clock.advanceSecs(60);
    QVERIFY(loaded->setKeychainSlot(m_kek, m_dataKey).ok());
    QVERIFY(loaded->save(path(), m_dataKey).ok());
    const QJsonObject file = readJson(path());
    QCOMPARE(file.value(QStringLiteral("created")).toString(), QStringLiteral("2026-01-05T09:00:00Z"));
    QStringList created;
    for (const QJsonValue &v : file.value(QStringLiteral("slots")).toArray())
        created.append(v.toObject().value(QStringLiteral("created")).toString());
    created.sort();
    QCOMPARE(created, (QStringList{QStringLiteral("2026-01-05T09:01:00Z"), QStringLiteral("2026-01-05T09:02:00Z")}));
}

QTEST_GUILESS_MAIN(TestKeySlots)
#include "TestKeySlots.moc"
