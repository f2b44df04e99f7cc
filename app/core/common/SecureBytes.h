#pragma once

#include <QByteArray>

namespace relais {

// Owns secret bytes (keys, passwords in UTF-8) and wipes them with sodium_memzero when released. The bytes are locked
// in memory (sodium_mlock: never swapped out, left out of core dumps) while held; when the system refuses the lock
// (RLIMIT_MEMLOCK spent), they are still held and wiped, just not locked.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(int size);
    SecureBytes(const char *data, int size);
    static SecureBytes fromQString(QString &text); // wipes `text` too
    static SecureBytes random(int size);
    ~SecureBytes();

    SecureBytes(const SecureBytes &other);
    SecureBytes &operator=(const SecureBytes &other);
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;

    unsigned char *data() { return reinterpret_cast<unsigned char *>(m_bytes.data()); }
    const unsigned char *data() const { return reinterpret_cast<const unsigned char *>(m_bytes.constData()); }
    const char *constChar() const { return m_bytes.constData(); }
    int size() const { return static_cast<int>(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    bool operator==(const SecureBytes &other) const;
    bool operator!=(const SecureBytes &other) const { return !(*this == other); }
    void clear();

    // Hex form, for the SQLCipher raw key literal; the returned copy wipes itself too.
    SecureBytes toHex() const;
    // Whether the bytes are locked in memory now (false when empty, or when the system refused).
    bool isLocked() const { return m_locked > 0; }

private:
    void lock();

    QByteArray m_bytes;
    qsizetype m_locked = 0; // bytes locked from m_bytes.data(); the buffer keeps at least that many
};

// A key for one purpose derived from a 32-byte master key (libsodium crypto_kdf, BLAKE2b): knowing a subkey tells
// nothing of the master or of the other subkeys. `context` is exactly 8 characters naming the purpose; 32 bytes,
// empty if the library failed.
SecureBytes deriveSubkey(const SecureBytes &master, const char (&context)[9], quint64 id = 1);

void wipe(QByteArray &bytes);
void wipe(QString &text);

} // namespace relais
