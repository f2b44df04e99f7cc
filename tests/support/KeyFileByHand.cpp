#include "KeyFileByHand.h"

#include <QJsonArray>
#include <QUuid>

#define SQLITE_HAS_CODEC 1
#include <sodium.h>
#include <sqlite3.h>

namespace relais::test {

namespace {

const unsigned char *uc(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

QByteArray b64(const QJsonValue &v)
{
    return QByteArray::fromBase64(v.toString().toLatin1());
}

QByteArray associatedData(const char *version, const QString &storeId, const QJsonObject &slot, quint64 ops,
                          quint64 mem, const QByteArray &salt)
{
    QByteArray ad = version;
    for (const QString &part :
         {storeId, slot.value(QStringLiteral("id")).toString(), slot.value(QStringLiteral("type")).toString(),
          slot.value(QStringLiteral("login")).toString()})
        ad += '\x1f' + part.toUtf8();
    ad += '\x1f' + QByteArray::number(ops) + '\x1f' + QByteArray::number(mem) + '\x1f' + salt;
    return ad;
}

SecureBytes argon2id(const QString &password, const QByteArray &salt, quint64 ops, quint64 mem)
{
    const QByteArray utf8 = password.toUtf8();
    SecureBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(kek.data(), static_cast<unsigned long long>(kek.size()), utf8.constData(),
                      static_cast<unsigned long long>(utf8.size()), uc(salt), ops, static_cast<size_t>(mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return SecureBytes();
    return kek;
}

} // namespace

SecureBytes unwrapByHand(const QJsonObject &keyFile, const QString &login, const QString &password)
{
    if (sodium_init() < 0)
        return SecureBytes();
    const QString storeId = keyFile.value(QStringLiteral("store_id")).toString();
    for (const QJsonValue &value : keyFile.value(QStringLiteral("slots")).toArray()) {
        const QJsonObject slot = value.toObject();
        if (slot.value(QStringLiteral("type")).toString() != QLatin1String("password") ||
            slot.value(QStringLiteral("login")).toString() != login)
            continue;
        const QJsonObject kdf = slot.value(QStringLiteral("kdf")).toObject();
        const quint64 ops = static_cast<quint64>(kdf.value(QStringLiteral("ops")).toDouble());
        const quint64 mem = static_cast<quint64>(kdf.value(QStringLiteral("mem")).toDouble());
        const QByteArray salt = b64(kdf.value(QStringLiteral("salt")));
        const QByteArray publicKey = b64(slot.value(QStringLiteral("public_key")));
        const QByteArray wrapped = b64(slot.value(QStringLiteral("secret_key")));
        const QByteArray sealed = b64(slot.value(QStringLiteral("sealed_key")));
        const QByteArray nonce = b64(slot.value(QStringLiteral("nonce")));
        const SecureBytes kek = argon2id(password, salt, ops, mem);
        const QByteArray ad = associatedData("relais-keyslot-v2", storeId, slot, ops, mem, salt) + '\x1f' + publicKey;
        SecureBytes secretKey(crypto_box_SECRETKEYBYTES);
        unsigned long long length = 0;
        if (kek.isEmpty() || wrapped.size() != crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
            crypto_aead_xchacha20poly1305_ietf_decrypt(
                secretKey.data(), &length, nullptr, uc(wrapped), static_cast<unsigned long long>(wrapped.size()),
                uc(ad), static_cast<unsigned long long>(ad.size()), uc(nonce), kek.data()) != 0)
            return SecureBytes();
        SecureBytes dataKey(32);
        if (crypto_box_seal_open(dataKey.data(), uc(sealed), static_cast<unsigned long long>(sealed.size()),
                                 uc(publicKey), secretKey.data()) != 0)
            return SecureBytes();
        return dataKey;
    }
    return SecureBytes();
}

bool keyOpensDatabase(const QString &path, const SecureBytes &key)
{
    if (key.size() != 32)
        return false;
    sqlite3 *db = nullptr;
    const QByteArray file = path.toUtf8();
    bool opened = false;
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        const QByteArray literal = "x'" + QByteArray(key.constChar(), key.size()).toHex() + "'";
        opened = sqlite3_key(db, literal.constData(), static_cast<int>(literal.size())) == SQLITE_OK &&
                 sqlite3_exec(db, "PRAGMA cipher_page_size = 4096", nullptr, nullptr, nullptr) == SQLITE_OK &&
                 sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    sqlite3_close(db);
    return opened;
}

QJsonObject legacyKeyFile(const QString &storeId, const QString &login, const QString &password,
                          const SecureBytes &dataKey)
{
    if (sodium_init() < 0)
        return QJsonObject();
    const quint64 ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const quint64 mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    QByteArray salt(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(salt.data(), static_cast<size_t>(salt.size()));
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
    randombytes_buf(nonce.data(), static_cast<size_t>(nonce.size()));
    QJsonObject slot{
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("type"), QStringLiteral("password")},
        {QStringLiteral("login"), login},
        {QStringLiteral("display_name"), login},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
        {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("alg"), QStringLiteral("argon2id13")},
                                            {QStringLiteral("ops"), static_cast<double>(ops)},
                                            {QStringLiteral("mem"), static_cast<double>(mem)},
                                            {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())}}}};
    const SecureBytes kek = argon2id(password, salt, ops, mem);
    const QByteArray ad = associatedData("relais-keyslot-v1", storeId, slot, ops, mem, salt);
    QByteArray wrapped(dataKey.size() + static_cast<int>(crypto_aead_xchacha20poly1305_ietf_ABYTES), '\0');
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(wrapped.data()), &length,
                                               dataKey.data(), static_cast<unsigned long long>(dataKey.size()), uc(ad),
                                               static_cast<unsigned long long>(ad.size()), nullptr, uc(nonce),
                                               kek.data());
    slot.insert(QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64()));
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("relais-keyslots")},
                       {QStringLiteral("version"), 1},
                       {QStringLiteral("store_id"), storeId},
                       {QStringLiteral("structure"), QStringLiteral("Ancienne structure")},
                       {QStringLiteral("slots"), QJsonArray{slot}}};
}

} // namespace relais::test
