#pragma once

#include <QCoreApplication>

#include "common/Result.h"
#include "common/SecureBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace relais {

// Argon2id cost, recorded in each slot so that a slot made with other costs still opens.
struct KdfParams
{
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
    static KdfParams moderate();    // production: ~0.5 s and 256 MiB on a 2-core PC
    static KdfParams interactive(); // unit tests that exercise many slots
};

struct PasswordSlotInfo
{
    QString login;
    QString displayName;
};

// LUKS-like key slots kept in keyslots.json beside the database (DESIGN §3).
//
// A random 256-bit data key encrypts the database and is never stored in clear. Each slot holds it
// wrapped with XChaCha20-Poly1305 under a key-encryption key derived from an account password or
// the recovery code (Argon2id), or kept in the OS keychain. The associated data binds every slot to
// its store, type, login and KDF parameters, so an edited or swapped slot no longer opens.
// Unwrapping is pure CPU work: call it off the GUI thread.
class KeySlots
{
    Q_DECLARE_TR_FUNCTIONS(relais::KeySlots)

public:
    static constexpr int DataKeySize = 32;
    static QString fileName() { return QStringLiteral("keyslots.json"); }

    static KeySlots createNew(const QString &structureName, const QDateTime &now);
    static Result<KeySlots> load(const QString &path);
    // Atomic: written to a temporary file, flushed to disk, renamed over the old one.
    Status save(const QString &path) const;

    QString storeId() const { return m_storeId; }
    QString structureName() const { return m_structure; }
    void setStructureName(const QString &name) { m_structure = name; }
    QJsonObject cipherSettings() const { return m_cipher; }

    // Demo stores show their synthetic accounts' passwords on the login screen; real stores never.
    bool isDemo() const { return m_demo; }
    void setDemo(bool demo) { m_demo = demo; }
    QMap<QString, QString> demoPasswords() const { return m_demoPasswords; }
    void setDemoPassword(const QString &login, const QString &password);

    QList<PasswordSlotInfo> passwordSlots() const;
    bool hasPasswordSlot(const QString &login) const;
    bool hasRecoverySlot() const;
    bool hasKeychainSlot() const;

    Result<SecureBytes> unlockWithPassword(const QString &login, const SecureBytes &password) const;
    Result<SecureBytes> unlockWithRecoveryCode(const QString &code) const;
    Result<SecureBytes> unlockWithKeychainKey(const SecureBytes &kek) const;

    // Adds or replaces the slot of `login`.
    Status setPasswordSlot(const QString &login, const QString &displayName, const SecureBytes &password,
                           const SecureBytes &dataKey, const KdfParams &params = KdfParams::moderate());
    void setDisplayName(const QString &login, const QString &displayName);
    bool removePasswordSlot(const QString &login);
    // Replaces the recovery slot with one for a fresh code, returned once for printing.
    Result<QString> renewRecoverySlot(const SecureBytes &dataKey, const KdfParams &params = KdfParams::moderate());
    Status setKeychainSlot(const SecureBytes &kek, const SecureBytes &dataKey);
    void removeKeychainSlot();

    static QString generateRecoveryCode();
    // Upper-cases, drops spaces and dashes, reads O as 0 and I/L as 1 (Crockford base32).
    static QString normalizeRecoveryCode(const QString &code);

private:
    struct Slot
    {
        QString id;
        QString type; // "password", "recovery", "keychain"
        QString login;
        QString displayName;
        QString created;
        KdfParams kdf;
        QByteArray salt;
        QByteArray nonce;
        QByteArray wrapped;
    };

    QByteArray associatedData(const Slot &slot) const;
    Result<SecureBytes> unwrap(const Slot &slot, const SecureBytes &kek) const;
    Status wrap(Slot &slot, const SecureBytes &kek, const SecureBytes &dataKey) const;
    Result<SecureBytes> deriveKek(const SecureBytes &secret, const Slot &slot) const;
    const Slot *find(const QString &type, const QString &login = QString()) const;
    QJsonObject toJson() const;

    QString m_storeId;
    QString m_structure;
    QString m_created;
    QJsonObject m_cipher;
    bool m_demo = false;
    QMap<QString, QString> m_demoPasswords;
    QList<Slot> m_slots;
};

} // namespace relais
