#include "ProcessLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace relais {

ProcessLock::ProcessLock(QString path) : m_path(std::move(path)) {}

ProcessLock::~ProcessLock()
{
    unlock();
}

ProcessLock::Outcome ProcessLock::tryLock()
{
    if (m_fd >= 0)
        return Outcome::Acquired;
    m_error.clear();
    const QByteArray native = QFile::encodeName(m_path);
    // Close-on-exec: a program started from here must not inherit the lock and keep it after we are gone.
    int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC); // flock needs no write access to an existing file
    if (fd < 0) {
        m_error =
            tr("The lock file %1 cannot be opened: %2")
                .arg(QDir::toNativeSeparators(QFileInfo(m_path).fileName()), QString::fromLocal8Bit(::strerror(errno)));
        return Outcome::Failed;
    }
    int locked;
    do {
        locked = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (locked < 0 && errno == EINTR);
    if (locked < 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return Outcome::Busy;
        m_error =
            tr("The lock file %1 cannot be locked: %2")
                .arg(QDir::toNativeSeparators(QFileInfo(m_path).fileName()), QString::fromLocal8Bit(::strerror(error)));
        return Outcome::Failed;
    }
    m_fd = fd;
    return Outcome::Acquired;
}

void ProcessLock::unlock()
{
    if (m_fd < 0)
        return;
    // Closing the only descriptor of this open file releases the lock; the file stays for the next holder (removing
    // it here would let a third process lock a new file while a second one waits on the old one).
    ::close(m_fd);
    m_fd = -1;
}

} // namespace relais
