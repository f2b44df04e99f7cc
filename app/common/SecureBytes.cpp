#include "SecureBytes.h"

#include <QString>

#include <sodium.h>

namespace relais {

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never scribble over a buffer another QByteArray still shares
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty() && !text.isDetached())
        text.detach();
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

SecureBytes deriveSubkey(const SecureBytes &master, const char (&context)[9], quint64 id)
{
    Q_ASSERT(master.size() == crypto_kdf_KEYBYTES);
    SecureBytes subkey(32);
    if (sodium_init() < 0 ||
        crypto_kdf_derive_from_key(subkey.data(), static_cast<size_t>(subkey.size()), id, context, master.data()) != 0)
        subkey.clear();
    return subkey;
}

SecureBytes::SecureBytes(int size) : m_bytes(size, '\0') {}

SecureBytes::SecureBytes(const char *data, int size) : m_bytes(data, size) {}

SecureBytes SecureBytes::fromQString(QString &text)
{
    QByteArray utf8 = text.toUtf8();
    SecureBytes result(utf8.constData(), static_cast<int>(utf8.size()));
    wipe(utf8);
    wipe(text);
    return result;
}

SecureBytes SecureBytes::random(int size)
{
    SecureBytes result(size);
    randombytes_buf(result.data(), static_cast<size_t>(size));
    return result;
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(const SecureBytes &other) : m_bytes(other.m_bytes.constData(), other.m_bytes.size()) {}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
    }
    return *this;
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept : m_bytes(std::move(other.m_bytes)) {}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

bool SecureBytes::operator==(const SecureBytes &other) const
{
    return m_bytes.size() == other.m_bytes.size() &&
           sodium_memcmp(m_bytes.constData(), other.m_bytes.constData(), static_cast<size_t>(m_bytes.size())) == 0;
}

void SecureBytes::clear()
{
    wipe(m_bytes);
}

SecureBytes SecureBytes::toHex() const
{
    SecureBytes hex(size() * 2 + 1); // sodium_bin2hex writes a terminating NUL
    sodium_bin2hex(reinterpret_cast<char *>(hex.data()), static_cast<size_t>(hex.size()), data(),
                   static_cast<size_t>(size()));
    hex.m_bytes.chop(1); // shrinking keeps the same buffer, so nothing is left unwiped
    return hex;
}

} // namespace relais
