#include "KeySlots.h"

#include "common/AtomicFile.h"
#include "common/Clock.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <sodium.h>

namespace relais {

namespace {

constexpr int LegacyFormatVersion = 1;
const char *const Format = "relais-keyslots";
const char *const RecoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr int RecoveryGroups = 6;
constexpr int RecoveryGroupSize = 5; // 30 symbols x 5 bits = 150 bits
constexpr int WrappedSecretSize = crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int SealedKeySize = KeySlots::DataKeySize + crypto_box_SEALBYTES;
constexpr int LegacyWrapSize = KeySlots::DataKeySize + crypto_aead_xchacha20poly1305_ietf_ABYTES;

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

QString toB64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char *uc(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

unsigned char *uc(QByteArray &bytes)
{
    return reinterpret_cast<unsigned char *>(bytes.data());
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

bool KdfParams::withinAcceptedRange() const
{
    constexpr quint64 MaxOps = 16;
    constexpr quint64 MaxMem = quint64(1) << 30;
    return opsLimit >= crypto_pwhash_OPSLIMIT_INTERACTIVE && opsLimit <= MaxOps &&
           memLimit >= crypto_pwhash_MEMLIMIT_INTERACTIVE && memLimit <= MaxMem;
}

KeySlots KeySlots::createNew(const QString &structureName, const Clock *clock)
{
    Q_ASSERT(clock);
    KeySlots slots;
    slots.m_clock = clock;
    slots.m_storeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slots.m_structure = structureName;
    slots.m_created = clock->now().toUTC().toString(Qt::ISODate);
    // Recorded so that a later SQLCipher 4 build opens this store with cipher_compatibility = 3.
    slots.m_cipher = QJsonObject{{QStringLiteral("engine"), QStringLiteral("sqlcipher")},
                                 {QStringLiteral("compatibility"), 3},
                                 {QStringLiteral("page_size"), 4096},
                                 {QStringLiteral("key"), QStringLiteral("raw-256")},
                                 {QStringLiteral("hmac"), QStringLiteral("sha1")}};
    return slots;
}

Result<KeySlots> KeySlots::load(const QString &path, const Clock *clock)
{
    Q_ASSERT(clock);
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
    QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(Format))
        return damaged(KeySlots::tr("not a Relais key file"));
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version > FormatVersion)
        return makeError(ErrorCode::StoreTooNew,
                         KeySlots::tr("This store was made by a newer version of Relais. Install that "
                                      "version to open it."));
    if (version < LegacyFormatVersion)
        return damaged(KeySlots::tr("not a Relais key file"));

    KeySlots slots;
    slots.m_clock = clock;
    slots.m_loadedVersion = version;
    if (version >= 2) {
        slots.m_loadedMac = b64(root.value(QStringLiteral("mac")));
        if (slots.m_loadedMac.size() != crypto_auth_BYTES)
            return damaged(KeySlots::tr("its seal is missing"));
        root.remove(QStringLiteral("mac"));
        slots.m_loadedWithoutMac = root;
    }
    slots.m_storeId = root.value(QStringLiteral("store_id")).toString();
    slots.m_structure = root.value(QStringLiteral("structure")).toString();
    slots.m_created = root.value(QStringLiteral("created")).toString();
    slots.m_cipher = root.value(QStringLiteral("cipher")).toObject();
    if (QUuid::fromString(slots.m_storeId).isNull())
        return damaged(KeySlots::tr("no store identifier"));
    // Format 1 wrote demo passwords here; they are never read again, only the fact that it is a demo.
    slots.m_demo = version >= 2 ? root.value(QStringLiteral("demo")).toBool() : root.contains(QStringLiteral("demo"));

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
        if (o.contains(QStringLiteral("wrapped"))) {
            slot.legacyWrap = b64(o.value(QStringLiteral("wrapped")));
        } else {
            slot.publicKey = b64(o.value(QStringLiteral("public_key")));
            slot.secretKey = b64(o.value(QStringLiteral("secret_key")));
            slot.sealedKey = b64(o.value(QStringLiteral("sealed_key")));
        }

        const bool derived = slot.type == QLatin1String("password") || slot.type == QLatin1String("recovery");
        if (slot.id.isEmpty() || (!derived && slot.type != QLatin1String("keychain")))
            return damaged(KeySlots::tr("a key slot has no identifier or an unknown type"));
        if (slot.type == QLatin1String("password") && slot.login.isEmpty())
            return damaged(KeySlots::tr("a password slot has no login"));
        const bool whole =
            slot.nonce.size() == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES &&
            (slot.legacy() ? slot.legacyWrap.size() == LegacyWrapSize
                           : slot.publicKey.size() == crypto_box_PUBLICKEYBYTES &&
                                 slot.secretKey.size() == WrappedSecretSize && slot.sealedKey.size() == SealedKeySize);
        if (!whole)
            return damaged(KeySlots::tr("a key slot is truncated"));
        if (derived && (slot.salt.size() != crypto_pwhash_SALTBYTES || !slot.kdf.withinAcceptedRange()))
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
                      {QStringLiteral("nonce"), toB64(slot.nonce)}};
        if (slot.legacy()) {
            o.insert(QStringLiteral("wrapped"), toB64(slot.legacyWrap));
        } else {
            o.insert(QStringLiteral("public_key"), toB64(slot.publicKey));
            o.insert(QStringLiteral("secret_key"), toB64(slot.secretKey));
            o.insert(QStringLiteral("sealed_key"), toB64(slot.sealedKey));
        }
        if (!slot.login.isEmpty()) {
            o.insert(QStringLiteral("login"), slot.login);
            o.insert(QStringLiteral("display_name"), slot.displayName);
        }
        if (!slot.salt.isEmpty()) {
            o.insert(QStringLiteral("kdf"), QJsonObject{{QStringLiteral("alg"), QStringLiteral("argon2id13")},
                                                        {QStringLiteral("ops"), static_cast<double>(slot.kdf.opsLimit)},
                                                        {QStringLiteral("mem"), static_cast<double>(slot.kdf.memLimit)},
                                                        {QStringLiteral("salt"), toB64(slot.salt)}});
        }
        array.append(o);
    }
    return QJsonObject{{QStringLiteral("format"), QLatin1String(Format)},
                       {QStringLiteral("version"), FormatVersion},
                       {QStringLiteral("store_id"), m_storeId},
                       {QStringLiteral("structure"), m_structure},
                       {QStringLiteral("created"), m_created},
                       {QStringLiteral("cipher"), m_cipher},
                       {QStringLiteral("demo"), m_demo},
                       {QStringLiteral("slots"), array}};
}

QByteArray KeySlots::macOf(const QJsonObject &withoutMac, const SecureBytes &dataKey)
{
    // QJsonObject keeps its keys sorted, so the compact form of the same content is the same bytes.
    const QByteArray body = QJsonDocument(withoutMac).toJson(QJsonDocument::Compact);
    const SecureBytes macKey = deriveSubkey(dataKey, "keyslots");
    QByteArray mac(crypto_auth_BYTES, '\0');
    if (macKey.size() != crypto_auth_KEYBYTES ||
        crypto_auth(uc(mac), uc(body), static_cast<unsigned long long>(body.size()), macKey.data()) != 0)
        return QByteArray();
    return mac;
}

Status KeySlots::authenticate(const SecureBytes &dataKey) const
{
    if (m_loadedVersion < 2 || m_loadedWithoutMac.isEmpty())
        return {};
    const QByteArray expected = macOf(m_loadedWithoutMac, dataKey);
    if (expected.isEmpty() ||
        sodium_memcmp(expected.constData(), m_loadedMac.constData(), static_cast<size_t>(expected.size())) != 0) {
        qCWarning(lcStore) << "keyslots.json seal does not match";
        return makeError(ErrorCode::KeySlotsDamaged,
                         KeySlots::tr("The key file keyslots.json was changed outside Relais: its seal no longer "
                                      "matches. It was not followed and the store stays closed. Restore the file "
                                      "from a backup, and ask your administrator to look into who changed it."));
    }
    return {};
}

Status KeySlots::save(const QString &path, const SecureBytes &dataKey)
{
    const QJsonObject body = toJson();
    const QByteArray mac = macOf(body, dataKey);
    if (mac.isEmpty())
        return makeError(ErrorCode::Internal, KeySlots::tr("The cryptography library could not start."));
    QJsonObject root = body;
    root.insert(QStringLiteral("mac"), toB64(mac));
    if (Status s = writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented)); !s)
        return s;
    m_loadedVersion = FormatVersion;
    m_loadedWithoutMac = body;
    m_loadedMac = mac;
    return {};
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
    QByteArray ad = slot.legacy() ? "relais-keyslot-v1" : "relais-keyslot-v2";
    for (const QString &part : {m_storeId, slot.id, slot.type, slot.login})
        ad += '\x1f' + part.toUtf8();
    ad += '\x1f' + QByteArray::number(slot.kdf.opsLimit) + '\x1f' + QByteArray::number(slot.kdf.memLimit) + '\x1f' +
          slot.salt;
    if (!slot.legacy())
        ad += '\x1f' + slot.publicKey;
    return ad;
}

Result<SecureBytes> KeySlots::deriveKek(const SecureBytes &secret, const Slot &slot) const
{
    if (!ensureSodium())
        return makeError(ErrorCode::Internal, KeySlots::tr("The cryptography library could not start."));
    if (!slot.kdf.withinAcceptedRange())
        return makeError(ErrorCode::KeySlotsDamaged, KeySlots::tr("A key slot asks for key derivation settings "
                                                                  "outside the accepted range."));
    SecureBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(kek.data(), static_cast<unsigned long long>(kek.size()), secret.constChar(),
                      static_cast<unsigned long long>(secret.size()), uc(slot.salt), slot.kdf.opsLimit,
                      static_cast<size_t>(slot.kdf.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(ErrorCode::Internal,
                         KeySlots::tr("Not enough memory to check the password. Close other programs "
                                      "and try again."));
    }
    return kek;
}

Result<SecureBytes> KeySlots::openSlot(const Slot &slot, const SecureBytes &kek) const
{
    const QByteArray ad = associatedData(slot);
    unsigned long long length = 0;
    if (slot.legacy()) {
        SecureBytes dataKey(DataKeySize);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(dataKey.data(), &length, nullptr, uc(slot.legacyWrap),
                                                       static_cast<unsigned long long>(slot.legacyWrap.size()), uc(ad),
                                                       static_cast<unsigned long long>(ad.size()), uc(slot.nonce),
                                                       kek.data()) != 0 ||
            length != DataKeySize)
            return makeError(ErrorCode::WrongPassword, QString());
        return dataKey;
    }
    SecureBytes secretKey(crypto_box_SECRETKEYBYTES);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(secretKey.data(), &length, nullptr, uc(slot.secretKey),
                                                   static_cast<unsigned long long>(slot.secretKey.size()), uc(ad),
                                                   static_cast<unsigned long long>(ad.size()), uc(slot.nonce),
                                                   kek.data()) != 0 ||
        length != crypto_box_SECRETKEYBYTES)
        return makeError(ErrorCode::WrongPassword, QString());
    SecureBytes dataKey(DataKeySize);
    if (crypto_box_seal_open(dataKey.data(), uc(slot.sealedKey), static_cast<unsigned long long>(slot.sealedKey.size()),
                             uc(slot.publicKey), secretKey.data()) != 0)
        return makeError(ErrorCode::KeySlotsDamaged, KeySlots::tr("A key slot does not hold this store's key."));
    return dataKey;
}

Status KeySlots::makeSlot(Slot &slot, const SecureBytes &kek, const SecureBytes &dataKey) const
{
    if (!ensureSodium())
        return makeError(ErrorCode::Internal, KeySlots::tr("The cryptography library could not start."));
    if (dataKey.size() != DataKeySize)
        return makeError(ErrorCode::Internal, KeySlots::tr("Invalid data key."));
    SecureBytes secretKey(crypto_box_SECRETKEYBYTES);
    slot.publicKey = QByteArray(crypto_box_PUBLICKEYBYTES, '\0');
    crypto_box_keypair(uc(slot.publicKey), secretKey.data());
    slot.legacyWrap.clear();
    slot.nonce = QByteArray(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(slot.nonce.data(), static_cast<size_t>(slot.nonce.size()));
    slot.secretKey = QByteArray(WrappedSecretSize, '\0');
    unsigned long long length = 0;
    const QByteArray ad = associatedData(slot);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        uc(slot.secretKey), &length, secretKey.data(), static_cast<unsigned long long>(secretKey.size()), uc(ad),
        static_cast<unsigned long long>(ad.size()), nullptr, uc(slot.nonce), kek.data());
    slot.sealedKey = QByteArray(SealedKeySize, '\0');
    crypto_box_seal(uc(slot.sealedKey), dataKey.data(), static_cast<unsigned long long>(dataKey.size()),
                    uc(slot.publicKey));
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
    auto key = openSlot(*slot, kek.value());
    if (!key)
        return key.code() == ErrorCode::WrongPassword
                   ? makeError(ErrorCode::WrongPassword, KeySlots::tr("Unknown account or wrong password."))
                   : key.error();
    if (Status s = authenticate(key.value()); !s)
        return s.error();
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
    auto key = openSlot(*slot, kek.value());
    if (!key)
        return key.code() == ErrorCode::WrongPassword
                   ? makeError(ErrorCode::WrongRecoveryCode,
                               KeySlots::tr("This recovery code is not the right one. Check each group "
                                            "of characters on the printed sheet."))
                   : key.error();
    if (Status s = authenticate(key.value()); !s)
        return s.error();
    return key;
}

Result<SecureBytes> KeySlots::unlockWithKeychainKey(const SecureBytes &kek) const
{
    const Slot *slot = find(QStringLiteral("keychain"));
    if (!slot)
        return makeError(ErrorCode::KeychainUnavailable,
                         KeySlots::tr("The system keychain is not enabled for this store."));
    auto key =
        kek.size() == crypto_aead_xchacha20poly1305_ietf_KEYBYTES ? openSlot(*slot, kek) : Result<SecureBytes>(Error{});
    if (!key)
        return makeError(ErrorCode::KeychainUnavailable,
                         KeySlots::tr("The key in the system keychain does not open this "
                                      "store. Sign in with your password instead."));
    if (Status s = authenticate(key.value()); !s)
        return s.error();
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
    slot.created = m_clock->now().toUTC().toString(Qt::ISODate);
    slot.kdf = params;
    slot.salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(slot.salt.data(), static_cast<size_t>(slot.salt.size()));
    auto kek = deriveKek(password, slot);
    if (!kek)
        return kek.error();
    if (Status s = makeSlot(slot, kek.value(), dataKey); !s)
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
    return m_slots.size() != before;
}

Result<QString> KeySlots::renewRecoverySlot(const SecureBytes &dataKey, const KdfParams &params)
{
    Slot slot;
    slot.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    slot.type = QStringLiteral("recovery");
    slot.created = m_clock->now().toUTC().toString(Qt::ISODate);
    slot.kdf = params;
    slot.salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(slot.salt.data(), static_cast<size_t>(slot.salt.size()));
    const QString code = generateRecoveryCode();
    QString normalized = normalizeRecoveryCode(code);
    const SecureBytes secret = SecureBytes::fromQString(normalized);
    auto kek = deriveKek(secret, slot);
    if (!kek)
        return kek.error();
    if (Status s = makeSlot(slot, kek.value(), dataKey); !s)
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
    slot.created = m_clock->now().toUTC().toString(Qt::ISODate);
    if (Status s = makeSlot(slot, kek, dataKey); !s)
        return s;
    removeKeychainSlot();
    m_slots.append(slot);
    return {};
}

void KeySlots::removeKeychainSlot()
{
    m_slots.removeIf([](const Slot &s) { return s.type == QLatin1String("keychain"); });
}

Result<ResealReport> KeySlots::resealAll(const SecureBytes &newDataKey, const KdfParams &params)
{
    if (!ensureSodium() || newDataKey.size() != DataKeySize)
        return makeError(ErrorCode::Internal, KeySlots::tr("Invalid data key."));
    ResealReport report;
    bool recoveryDropped = false;
    QList<Slot> kept;
    for (Slot slot : std::as_const(m_slots)) {
        if (slot.legacy()) {
            if (slot.type == QLatin1String("password"))
                report.loginsWithoutSlot.append(slot.login);
            recoveryDropped = recoveryDropped || slot.type == QLatin1String("recovery");
            continue; // a keychain slot of format 1 is simply dropped: the administrator enables it again
        }
        slot.sealedKey = QByteArray(SealedKeySize, '\0');
        crypto_box_seal(uc(slot.sealedKey), newDataKey.data(), static_cast<unsigned long long>(newDataKey.size()),
                        uc(slot.publicKey));
        kept.append(slot);
    }
    m_slots = kept;
    if (recoveryDropped) {
        auto code = renewRecoverySlot(newDataKey, params);
        if (!code)
            return code.error();
        report.newRecoveryCode = code.value();
    }
    return report;
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
