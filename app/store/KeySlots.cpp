#include "KeySlots.h"

#include "common/AtomicFile.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <sodium.h>

namespace relais {

namespace {

constexpr int FormatVersion = 1;
const char *const Format = "relais-keyslots";
const char *const RecoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr int RecoveryGroups = 6;
constexpr int RecoveryGroupSize = 5; // 30 symbols x 5 bits = 150 bits

Error damaged(const QString &detail)
{
    qCWarning(lcStore) << "keyslots.json rejected:" << detail;
    return makeError(
        ErrorCode::KeySlotsDamaged,
        KeySlots::tr("The key file keyslots.json is damaged (%1). The store cannot be opened without it: restore "
                     "it from a backup, or ask your administrator.")
            .arg(detail));
}

QByteArray b64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
}

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

KdfParams KdfParams::moderate()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KeySlots KeySlots::createNew(const QString &structureName, const QDateTime &now)
{
    KeySlots slots;
    slots.m_storeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slots.m_structure = structureName;
    slots.m_created = now.toUTC().toString(Qt::ISODate);
    // Recorded so that a later SQLCipher 4 build opens this store with cipher_compatibility = 3.
    slots.m_cipher = QJsonObject{{QStringLiteral("engine"), QStringLiteral("sqlcipher")},
                                 {QStringLiteral("compatibility"), 3},
                                 {QStringLiteral("page_size"), 4096},
                                 {QStringLiteral("key"), QStringLiteral("raw-256")},
                                 {QStringLiteral("hmac"), QStringLiteral("sha1")}};
    return slots;
}

Result<KeySlots> KeySlots::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(
            ErrorCode::KeySlotsMissing,
            KeySlots::tr("The key file keyslots.json is missing from the data folder. Without it the store cannot "
                         "be opened: restore it from a backup."));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         KeySlots::tr("The key file keyslots.json cannot be read. Check the folder's permissions."));
    if (file.size() > 1024 * 1024)
        return damaged(KeySlots::tr("too large"));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(KeySlots::tr("not valid JSON"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(Format))
        return damaged(KeySlots::tr("not a Relais key file"));
    if (root.value(QStringLiteral("version")).toInt() > FormatVersion)
        return makeError(ErrorCode::StoreTooNew,
                         KeySlots::tr("This store was made by a newer version of Relais. Install that "
                                      "version to open it."));

    KeySlots slots;
    slots.m_storeId = root.value(QStringLiteral("store_id")).toString();
    slots.m_structure = root.value(QStringLiteral("structure")).toString();
    slots.m_created = root.value(QStringLiteral("created")).toString();
    slots.m_cipher = root.value(QStringLiteral("cipher")).toObject();
    if (QUuid::fromString(slots.m_storeId).isNull())
        return damaged(KeySlots::tr("no store identifier"));

    const QJsonObject demo = root.value(QStringLiteral("demo")).toObject();
    slots.m_demo = root.contains(QStringLiteral("demo"));
    const QJsonObject passwords = demo.value(QStringLiteral("passwords")).toObject();
    for (auto it = passwords.begin(); it != passwords.end(); ++it)
        slots.m_demoPasswords.insert(it.key(), it.value().toString());

    const QJsonArray array = root.value(QStringLiteral("slots")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        Slot slot;
        slot.id = o.value(QStringLiteral("id")).toString();
        slot.type = o.value(QStringLiteral("type")).toString();
        slot.login = o.value(QStringLiteral("login")).toString();
        slot.displayName = o.value(QStringLiteral("display_name")).toString();
        slot.created = o.value(QStringLiteral("created")).toString();
        const QJsonObject kdf = o.value(QStringLiteral("kdf")).toObject();
        slot.kdf.opsLimit = static_cast<quint64>(kdf.value(QStringLiteral("ops")).toDouble());
        slot.kdf.memLimit = static_cast<quint64>(kdf.value(QStringLiteral("mem")).toDouble());
        slot.salt = b64(kdf.value(QStringLiteral("salt")));
        slot.nonce = b64(o.value(QStringLiteral("nonce")));
        slot.wrapped = b64(o.value(QStringLiteral("wrapped")));

        const bool derived = slot.type == QLatin1String("password") || slot.type == QLatin1String("recovery");
        if (slot.id.isEmpty() || (!derived && slot.type != QLatin1String("keychain")))
            return damaged(KeySlots::tr("a key slot has no identifier or an unknown type"));
        if (slot.type == QLatin1String("password") && slot.login.isEmpty())
            return damaged(KeySlots::tr("a password slot has no login"));
        if (slot.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
            slot.wrapped.size() != DataKeySize + static_cast<int>(crypto_aead_xchacha20poly1305_ietf_ABYTES))
            return damaged(KeySlots::tr("a key slot is truncated"));
        if (derived &&
            (slot.salt.size() != crypto_pwhash_SALTBYTES || slot.kdf.opsLimit < crypto_pwhash_OPSLIMIT_MIN ||
             slot.kdf.memLimit < crypto_pwhash_MEMLIMIT_MIN || slot.kdf.memLimit > crypto_pwhash_MEMLIMIT_MAX))
            return damaged(KeySlots::tr("a key slot has invalid key derivation settings"));
        slots.m_slots.append(slot);
    }
    if (slots.m_slots.isEmpty())
        return damaged(KeySlots::tr("it holds no key slot"));
    return slots;
}

QJsonObject KeySlots::toJson() const
{
    QJsonArray array;
    for (const Slot &slot : m_slots) {
        QJsonObject o{{QStringLiteral("id"), slot.id},
                      {QStringLiteral("type"), slot.type},
                      {QStringLiteral("created"), slot.created},
                      {QStringLiteral("nonce"), QString::fromLatin1(slot.nonce.toBase64())},
                      {QStringLiteral("wrapped"), QString::fromLatin1(slot.wrapped.toBase64())}};
        if (!slot.login.isEmpty()) {
            o.insert(QStringLiteral("login"), slot.login);
            o.insert(QStringLiteral("display_name"), slot.displayName);
        }
        if (!slot.salt.isEmpty()) {
            o.insert(QStringLiteral("kdf"),
                     QJsonObject{{QStringLiteral("alg"), QStringLiteral("argon2id13")},
                                 {QStringLiteral("ops"), static_cast<double>(slot.kdf.opsLimit)},
                                 {QStringLiteral("mem"), static_cast<double>(slot.kdf.memLimit)},
                                 {QStringLiteral("salt"), QString::fromLatin1(slot.salt.toBase64())}});
        }
        array.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), QLatin1String(Format)},
                     {QStringLiteral("version"), FormatVersion},
                     {QStringLiteral("store_id"), m_storeId},
                     {QStringLiteral("structure"), m_structure},
                     {QStringLiteral("created"), m_created},
                     {QStringLiteral("cipher"), m_cipher},
                     {QStringLiteral("slots"), array}};
    if (m_demo) {
        QJsonObject passwords;
        for (auto it = m_demoPasswords.begin(); it != m_demoPasswords.end(); ++it)
            passwords.insert(it.key(), it.value());
        root.insert(QStringLiteral("demo"), QJsonObject{{QStringLiteral("passwords"), passwords}});
    }
    return root;
}

Status KeySlots::save(const QString &path) const
{
    return writeFileAtomically(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

void KeySlots::setDemoPassword(const QString &login, const QString &password)
{
    if (m_demo)
        m_demoPasswords.insert(login, password);
}

QList<PasswordSlotInfo> KeySlots::passwordSlots() const
{
    QList<PasswordSlotInfo> result;
    for (const Slot &slot : m_slots) {
        if (slot.type == QLatin1String("password"))
            result.append({slot.login, slot.displayName});
    }
    return result;
}

const KeySlots::Slot *KeySlots::find(const QString &type, const QString &login) const
{
    for (const Slot &slot : m_slots) {
        if (slot.type == type && (login.isNull() || slot.login == login))
            return &slot;
    }
    return nullptr;
}

bool KeySlots::hasPasswordSlot(const QString &login) const
{
    return find(QStringLiteral("password"), login) != nullptr;
}

bool KeySlots::hasRecoverySlot() const
{
    return find(QStringLiteral("recovery")) != nullptr;
}

bool KeySlots::hasKeychainSlot() const
{
    return find(QStringLiteral("keychain")) != nullptr;
}

QByteArray KeySlots::associatedData(const Slot &slot) const
{
    // Everything that says what the slot is for is authenticated with it.
    QByteArray ad = "relais-keyslot-v1";
    for (const QString &part : {m_storeId, slot.id, slot.type, slot.login})
        ad += '\x1f' + part.toUtf8();
    ad += '\x1f' + QByteArray::number(slot.kdf.opsLimit) + '\x1f' + QByteArray::number(slot.kdf.memLimit) + '\x1f' +
          slot.salt;
    return ad;
}

Result<SecureBytes> KeySlots::deriveKek(const SecureBytes &secret, const Slot &slot) const
{
    if (!ensureSodium())
        return makeError(ErrorCode::Internal, KeySlots::tr("The cryptography library could not start."));
    SecureBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(kek.data(), static_cast<unsigned long long>(kek.size()), secret.constChar(),
                      static_cast<unsigned long long>(secret.size()),
                      reinterpret_cast<const unsigned char *>(slot.salt.constData()), slot.kdf.opsLimit,
                      static_cast<size_t>(slot.kdf.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(ErrorCode::Internal,
                         KeySlots::tr("Not enough memory to check the password. Close other programs "
                                      "and try again."));
    }
    return kek;
}

Result<SecureBytes> KeySlots::unwrap(const Slot &slot, const SecureBytes &kek) const
{
    SecureBytes dataKey(DataKeySize);
    unsigned long long length = 0;
    const QByteArray ad = associatedData(slot);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            dataKey.data(), &length, nullptr, reinterpret_cast<const unsigned char *>(slot.wrapped.constData()),
            static_cast<unsigned long long>(slot.wrapped.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()), static_cast<unsigned long long>(ad.size()),
            reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data()) != 0 ||
        length != DataKeySize) {
        return makeError(ErrorCode::WrongPassword, QString());
    }
    return dataKey;
}

Status KeySlots::wrap(Slot &slot, const SecureBytes &kek, const SecureBytes &dataKey) const
{
    if (dataKey.size() != DataKeySize)
        return makeError(ErrorCode::Internal, KeySlots::tr("Invalid data key."));
    slot.nonce = QByteArray(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(slot.nonce.data(), static_cast<size_t>(slot.nonce.size()));
    slot.wrapped = QByteArray(DataKeySize + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long length = 0;
    const QByteArray ad = associatedData(slot);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(slot.wrapped.data()), &length, dataKey.data(),
        static_cast<unsigned long long>(dataKey.size()), reinterpret_cast<const unsigned char *>(ad.constData()),
        static_cast<unsigned long long>(ad.size()), nullptr,
        reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data());
    return {};
}

Result<SecureBytes> KeySlots::unlockWithPassword(const QString &login, const SecureBytes &password) const
{
    const Slot *slot = find(QStringLiteral("password"), login);
    if (!slot)
        return makeError(ErrorCode::NoSuchAccount, KeySlots::tr("Unknown account or wrong password."));
    auto kek = deriveKek(password, *slot);
    if (!kek)
        return kek.error();
    auto key = unwrap(*slot, kek.value());
    if (!key)
        return makeError(ErrorCode::WrongPassword, KeySlots::tr("Unknown account or wrong password."));
    return key;
}

Result<SecureBytes> KeySlots::unlockWithRecoveryCode(const QString &code) const
{
    const Slot *slot = find(QStringLiteral("recovery"));
    if (!slot)
        return makeError(ErrorCode::WrongRecoveryCode, KeySlots::tr("This store has no recovery code."));
    QString normalized = normalizeRecoveryCode(code);
    SecureBytes secret = SecureBytes::fromQString(normalized);
    auto kek = deriveKek(secret, *slot);
    if (!kek)
        return kek.error();
    auto key = unwrap(*slot, kek.value());
    if (!key)
        return makeError(ErrorCode::WrongRecoveryCode,
                         KeySlots::tr("This recovery code is not the right one. Check each group "
                                      "of characters on the printed sheet."));
    return key;
}

Result<SecureBytes> KeySlots::unlockWithKeychainKey(const SecureBytes &kek) const
{
    const Slot *slot = find(QStringLiteral("keychain"));
    if (!slot)
        return makeError(ErrorCode::KeychainUnavailable,
                         KeySlots::tr("The system keychain is not enabled for this store."));
    auto key = unwrap(*slot, kek);
    if (!key)
        return makeError(ErrorCode::KeychainUnavailable,
                         KeySlots::tr("The key in the system keychain does not open this "
                                      "store. Sign in with your password instead."));
    return key;
}

Status KeySlots::setPasswordSlot(const QString &login, const QString &displayName, const SecureBytes &password,
                                 const SecureBytes &dataKey, const KdfParams &params)
{
    Slot slot;
    slot.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slot.type = QStringLiteral("password");
    slot.login = login;
    slot.displayName = displayName;
    slot.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    slot.kdf = params;
    slot.salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(slot.salt.data(), static_cast<size_t>(slot.salt.size()));
    auto kek = deriveKek(password, slot);
    if (!kek)
        return kek.error();
    if (Status s = wrap(slot, kek.value(), dataKey); !s)
        return s;
    removePasswordSlot(login);
    m_slots.append(slot);
    return {};
}

void KeySlots::setDisplayName(const QString &login, const QString &displayName)
{
    for (Slot &slot : m_slots) {
        if (slot.type == QLatin1String("password") && slot.login == login)
            slot.displayName = displayName;
    }
}

bool KeySlots::removePasswordSlot(const QString &login)
{
    const auto before = m_slots.size();
    m_slots.removeIf([&](const Slot &s) { return s.type == QLatin1String("password") && s.login == login; });
    m_demoPasswords.remove(login);
    return m_slots.size() != before;
}

Result<QString> KeySlots::renewRecoverySlot(const SecureBytes &dataKey, const KdfParams &params)
{
    Slot slot;
    slot.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slot.type = QStringLiteral("recovery");
    slot.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    slot.kdf = params;
    slot.salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(slot.salt.data(), static_cast<size_t>(slot.salt.size()));
    const QString code = generateRecoveryCode();
    QString normalized = normalizeRecoveryCode(code);
    const SecureBytes secret = SecureBytes::fromQString(normalized);
    auto kek = deriveKek(secret, slot);
    if (!kek)
        return kek.error();
    if (Status s = wrap(slot, kek.value(), dataKey); !s)
        return s.error();
    m_slots.removeIf([](const Slot &s) { return s.type == QLatin1String("recovery"); });
    m_slots.append(slot);
    return code;
}

Status KeySlots::setKeychainSlot(const SecureBytes &kek, const SecureBytes &dataKey)
{
    if (kek.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Internal, KeySlots::tr("Invalid keychain key."));
    Slot slot;
    slot.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slot.type = QStringLiteral("keychain");
    slot.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (Status s = wrap(slot, kek, dataKey); !s)
        return s;
    removeKeychainSlot();
    m_slots.append(slot);
    return {};
}

void KeySlots::removeKeychainSlot()
{
    m_slots.removeIf([](const Slot &s) { return s.type == QLatin1String("keychain"); });
}

QString KeySlots::generateRecoveryCode()
{
    ensureSodium();
    QString code;
    for (int g = 0; g < RecoveryGroups; ++g) {
        if (g > 0)
            code += QLatin1Char('-');
        for (int i = 0; i < RecoveryGroupSize; ++i)
            code += QLatin1Char(RecoveryAlphabet[randombytes_uniform(32)]);
    }
    return code;
}

QString KeySlots::normalizeRecoveryCode(const QString &code)
{
    QString out;
    for (QChar c : code.toUpper()) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        out += c;
    }
    return out;
}

} // namespace relais
