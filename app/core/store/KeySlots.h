#pragma once

#include <QCoreApplication>

#include "common/Result.h"
#include "common/SecureBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace relais {

class Clock;

// Argon2id cost, recorded in each slot so that a slot made with other costs still opens.
struct KdfParams
{
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
    static KdfParams moderate();    // production: ~0.5 s and 256 MiB on a 2-core PC
    static KdfParams interactive(); // unit tests that exercise many slots
    // What a slot read from disk may ask for: outside this range it is refused before any work, so that an edited
    // slot cannot hang the sign-in (ops 2 to 16 passes, memory 64 MiB to 1 GiB; docs/guide-administrateur.md).
    bool withinAcceptedRange() const;
};

struct PasswordSlotInfo
{
    QString login;
    QString displayName;
};

// What a re-key could not carry over: slots written by an older Relais wrap the data key itself and can only be
// renewed with their secret (docs/guide-administrateur.md, "Re-chiffrement").
struct ResealReport
{
    QStringList loginsWithoutSlot; // these accounts need a new password from an administrator
    QString newRecoveryCode;       // set when the recovery slot had to be renewed: print it
};

// LUKS-like key slots kept in keyslots.json beside the database (DESIGN §3).
//
// A random 256-bit data key encrypts the database and is never stored in clear. Each slot owns an X25519 key pair:
// its secret key is wrapped with XChaCha20-Poly1305 under a key-encryption key derived from an account password or
// the recovery code (Argon2id), or kept in the OS keychain; the data key is sealed to its public key
// (crypto_box_seal). Re-keying the store therefore needs no one's password: the new data key is sealed to every
// remaining slot, and a copy of the old file opens only the old key.
//
// The whole file carries a MAC (BLAKE2b-derived key from the data key, HMAC-SHA-512-256) over every field, checked
// at each unlock: an edited structure, display name, demo flag or slot is refused, never followed. Until then,
// what the file says (structure, display names) is shown but trusted for nothing. The associated data of each
// wrapped secret key binds it to its store, type, login, KDF parameters and public key.
//
// Unwrapping is pure CPU work: call it off the GUI thread.
class KeySlots
{
    Q_DECLARE_TR_FUNCTIONS(relais::KeySlots)

public:
    static constexpr int DataKeySize = 32;
    static constexpr int FormatVersion = 2;
    static QString fileName() { return QStringLiteral("keyslots.json"); }

    // `clock` dates the file and each slot made later.
    static KeySlots createNew(const QString &structureName, const Clock *clock);
    static Result<KeySlots> load(const QString &path, const Clock *clock);
    // Atomic (temporary file, flushed, renamed over the old one), with the MAC computed under `dataKey`; what is
    // saved is from then on what authenticate() checks.
    Status save(const QString &path, const SecureBytes &dataKey);

    QString storeId() const { return m_storeId; }
    QString structureName() const { return m_structure; }
    void setStructureName(const QString &name) { m_structure = name; }
    QJsonObject cipherSettings() const { return m_cipher; }
    // The format the file was read in: 1 for a file written by an older Relais (no MAC), until it is saved again.
    int loadedVersion() const { return m_loadedVersion; }

    // Demo stores say so on screen; their passwords are never written anywhere (scripts/demo prints them).
    bool isDemo() const { return m_demo; }
    void setDemo(bool demo) { m_demo = demo; }

    QList<PasswordSlotInfo> passwordSlots() const;
    bool hasPasswordSlot(const QString &login) const;
    bool hasRecoverySlot() const;
    bool hasKeychainSlot() const;

    // Each returns the data key, after checking the MAC of the whole file under it.
    Result<SecureBytes> unlockWithPassword(const QString &login, const SecureBytes &password) const;
    Result<SecureBytes> unlockWithRecoveryCode(const QString &code) const;
    Result<SecureBytes> unlockWithKeychainKey(const SecureBytes &kek) const;
    // The MAC of the file as it was read (or last saved), under `dataKey`. A file of format 1 has none and passes
    // (Vault refuses one once its store has been saved in format 2), as do slots never read nor saved.
    Status authenticate(const SecureBytes &dataKey) const;

    // Adds or replaces the slot of `login`.
    Status setPasswordSlot(const QString &login, const QString &displayName, const SecureBytes &password,
                           const SecureBytes &dataKey, const KdfParams &params = KdfParams::moderate());
    void setDisplayName(const QString &login, const QString &displayName);
    bool removePasswordSlot(const QString &login);
    // Replaces the recovery slot with one for a fresh code, returned once for printing.
    Result<QString> renewRecoverySlot(const SecureBytes &dataKey, const KdfParams &params = KdfParams::moderate());
    Status setKeychainSlot(const SecureBytes &kek, const SecureBytes &dataKey);
    void removeKeychainSlot();
    // Seals `newDataKey` to every slot. Slots of format 1 cannot be carried over: they are dropped and reported
    // (a recovery slot is renewed at once, with `params`).
    Result<ResealReport> resealAll(const SecureBytes &newDataKey, const KdfParams &params = KdfParams::moderate());

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
        QByteArray publicKey;  // X25519; empty for a slot of format 1
        QByteArray secretKey;  // the slot's X25519 secret key, wrapped under the KEK
        QByteArray sealedKey;  // the data key sealed to publicKey
        QByteArray legacyWrap; // format 1: the data key itself wrapped under the KEK
        bool legacy() const { return publicKey.isEmpty(); }
    };

    QByteArray associatedData(const Slot &slot) const;
    Result<SecureBytes> openSlot(const Slot &slot, const SecureBytes &kek) const;
    Status makeSlot(Slot &slot, const SecureBytes &kek, const SecureBytes &dataKey) const;
    Result<SecureBytes> deriveKek(const SecureBytes &secret, const Slot &slot) const;
    const Slot *find(const QString &type, const QString &login = QString()) const;
    QJsonObject toJson() const;
    static QByteArray macOf(const QJsonObject &withoutMac, const SecureBytes &dataKey);

    QString m_storeId;
    QString m_structure;
    QString m_created;
    const Clock *m_clock = nullptr;
    QJsonObject m_cipher;
    bool m_demo = false;
    QList<Slot> m_slots;
    int m_loadedVersion = FormatVersion;
    QJsonObject m_loadedWithoutMac; // what the MAC read from disk covers
    QByteArray m_loadedMac;
};

} // namespace relais
