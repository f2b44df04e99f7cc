#include "SecureBytes.h"

#include <QString>

#include <utility>

#include <QHash>
#include <QMutex>

#include <sodium.h>
#include <sys/mman.h>
#include <unistd.h>

namespace relais {

namespace {

// mlock works on whole pages and does not count: unlocking one secret's page would unlock another secret kept on the
// same heap page (the data key beside a password's copy). So pages are counted here, and a page is unlocked only when
// the last secret on it goes.
struct LockedPages
{
    QMutex mutex;
    QHash<quintptr, int> count;
};

LockedPages &lockedPages()
{
    static LockedPages pages;
    return pages;
}

quintptr pageSize()
{
    static const quintptr size = quintptr(::sysconf(_SC_PAGESIZE));
    return size;
}

bool lockSpan(void *data, size_t size)
{
    const quintptr first = quintptr(data) & ~(pageSize() - 1);
    const quintptr end = quintptr(data) + size;
    LockedPages &pages = lockedPages();
    QMutexLocker guard(&pages.mutex);
    // sodium_mlock also leaves the span out of core dumps (MADV_DONTDUMP).
    if (sodium_mlock(data, size) != 0)
        return false;
    for (quintptr page = first; page < end; page += pageSize())
        ++pages.count[page];
    return true;
}

void unlockSpan(void *data, size_t size)
{
    const quintptr first = quintptr(data) & ~(pageSize() - 1);
    const quintptr end = quintptr(data) + size;
    LockedPages &pages = lockedPages();
    QMutexLocker guard(&pages.mutex);
    bool alone = true; // no other secret shares these pages: sodium_munlock may wipe and unlock the span itself
    for (quintptr page = first; page < end; page += pageSize())
        alone = alone && pages.count.value(page) == 1;
    if (alone) {
        sodium_munlock(data, size);
    } else {
        sodium_memzero(data, size);
        for (quintptr page = first; page < end; page += pageSize())
            if (pages.count.value(page) == 1)
                ::munlock(reinterpret_cast<void *>(page), pageSize());
    }
    for (quintptr page = first; page < end; page += pageSize())
        if (--pages.count[page] <= 0)
            pages.count.remove(page);
}

} // namespace

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

SecureBytes::SecureBytes(int size) : m_bytes(size, '\0')
{
    lock();
}

SecureBytes::SecureBytes(const char *data, int size) : m_bytes(data, size)
{
    lock();
}

void SecureBytes::lock()
{
    Q_ASSERT(m_locked == 0);
    if (m_bytes.isEmpty())
        return;
    // Refused beyond RLIMIT_MEMLOCK for an unprivileged account: the secret is still wiped on release.
    if (lockSpan(m_bytes.data(), static_cast<size_t>(m_bytes.size())))
        m_locked = m_bytes.size();
}

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

SecureBytes::SecureBytes(const SecureBytes &other) : m_bytes(other.m_bytes.constData(), other.m_bytes.size())
{
    lock();
}

SecureBytes &SecureBytes::operator=(const SecureBytes &other)
{
    if (this != &other) {
        clear();
        m_bytes = QByteArray(other.m_bytes.constData(), other.m_bytes.size());
        lock();
    }
    return *this;
}

// A move hands the same buffer over, lock included.
SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes)), m_locked(std::exchange(other.m_locked, 0))
{}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        m_locked = std::exchange(other.m_locked, 0);
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
    if (m_locked > 0) {
        // Wipes the locked span (a chop may have shortened the size, never the buffer), then unlocks it.
        unlockSpan(m_bytes.data(), static_cast<size_t>(m_locked));
        m_locked = 0;
    }
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
