#pragma once

#include "common/SecureBytes.h"

#include <QJsonObject>
#include <QString>

namespace relais::test {

// What an attacker holding a copy of keyslots.json and one password can do outside Relais, written here with
// libsodium alone (not through KeySlots), so that a test of revocation does not trust the code it checks.

// The data key that `password` unwraps from the password slot of `login` in `keyFile` (format 2: Argon2id, the
// slot's X25519 secret key, then the sealed data key); empty when it does not.
SecureBytes unwrapByHand(const QJsonObject &keyFile, const QString &login, const QString &password);

// True when `key` opens the SQLCipher database at `path` (read through sqlite3_key and sqlite_master, as
// `sqlcipher` on the command line would).
bool keyOpensDatabase(const QString &path, const SecureBytes &key);

// A keyslots.json as Relais wrote it before format 2 (no key pair, no seal): one password slot of `login` that
// wraps `dataKey` directly, with the fast test cost.
QJsonObject legacyKeyFile(const QString &storeId, const QString &login, const QString &password,
                          const SecureBytes &dataKey);

} // namespace relais::test
