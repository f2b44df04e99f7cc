#pragma once

#include "common/SecureBytes.h"
#include "security/Vault.h"

#include <QByteArray>
#include <QString>

namespace relais::test {

// The administrator of the test stores, and her password.
inline const QString &aliceLogin()
{
    static const QString login = QStringLiteral("alice");
    return login;
}
inline QByteArray alicePassword()
{
    return QByteArrayLiteral("correct horse battery staple");
}
inline SecureBytes secret(const QByteArray &text)
{
    return SecureBytes(text.constData(), int(text.size()));
}

// Opens the store of `vault`'s folder as Alice: creates it the first time (with the fast test KDF), signs her in
// afterwards, as a restarted kiosk would. False if either fails.
inline bool openAsAlice(Vault &vault, const QString &structure = QStringLiteral("MFS Test"))
{
    if (!vault.storeExists())
        return bool(vault.initialize(structure, aliceLogin(), QStringLiteral("Alice"), secret(alicePassword()), false,
                                     KdfParams::interactive()));
    return bool(vault.signIn(aliceLogin(), secret(alicePassword())));
}

} // namespace relais::test
