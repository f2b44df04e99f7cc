#include "AtomicFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace relais {

namespace {

void syncDirectoryOf(const QString &path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Error cannotWrite(const QString &path)
{
    return makeError(ErrorCode::Io, QCoreApplication::translate("relais::AtomicFile", "Cannot write %1: nothing was "
                                                                                      "changed.")
                                        .arg(QFileInfo(path).fileName()));
}

} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &contents)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "relais::AtomicFile", "Cannot write in the data folder %1. Check that it exists and that "
                                                   "this account may write there.")
                             .arg(QFileInfo(path).absolutePath()));
    }
    errno = 0;
    // Flushed here: Qt 6.4's commit() ignores a failed flush and would rename an empty file over the old one.
    const bool written = file.write(contents) == contents.size() && file.flush();
    const int writeErrno = errno;
    if (!written || !file.commit()) {
        const int err = written ? errno : writeErrno;
        const bool resource = file.error() == QFileDevice::ResourceError;
        file.cancelWriting();
        if (err == ENOSPC || err == EDQUOT || resource)
            return makeError(ErrorCode::DiskFull,
                             QCoreApplication::translate("relais::AtomicFile",
                                                         "The disk is full: nothing was changed. Free some space "
                                                         "and try again."));
        return cannotWrite(path);
    }
    // The rename is only durable once the directory entry itself reaches the disk.
    syncDirectoryOf(path);
    return {};
}

Status syncFileToDisk(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    return synced ? Status() : cannotWrite(path);
}

Status renameDurably(const QString &from, const QString &to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return cannotWrite(to);
    syncDirectoryOf(to);
    return {};
}

} // namespace relais
