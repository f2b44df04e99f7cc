#pragma once

#include "common/Result.h"
#include "common/SecureBytes.h"

#include <QString>

namespace relais {

// Synchronous access to the OS keychain (Secret Service through QtKeychain) for the keychain key slot.
// Secrets are stored as binary data under (service, key); key names are store UUIDs, never personal data.
// Each call runs QtKeychain's asynchronous job in a local event loop, so it needs a QCoreApplication and
// must stay on one thread (QtKeychain's job queue is a process-wide singleton without locking).
// Failures are ErrorCode::KeychainUnavailable (no service, locked, denied, timed out, other error), or
// ErrorCode::KeySlotsMissing when the keychain answered but holds no entry for the key.
class Keychain
{
public:
    static constexpr int DefaultTimeoutMs = 10000;

    explicit Keychain(QString service = QStringLiteral("Relais"));

    QString service() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }
    // A job that has not answered by then is abandoned (it frees itself if it ever finishes).
    void setTimeoutMs(int timeoutMs); // <= 0 restores the default

    Status writeSecret(const QString &key, const SecureBytes &secret);
    Result<SecureBytes> readSecret(const QString &key);
    Status removeSecret(const QString &key); // removing an absent entry is success

    // Cheap probe, no keychain job: is a Secret Service (or KWallet) running or activatable on the session bus?
    static bool isAvailable();

private:
    QString m_service;
    int m_timeoutMs = DefaultTimeoutMs;
};

} // namespace relais
