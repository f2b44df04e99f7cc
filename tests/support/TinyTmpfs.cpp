#include "TinyTmpfs.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace relais::test {

namespace {

const char *const RerunMarker = "RELAIS_TEST_IN_MOUNT_NAMESPACE";
const char *const FillerName = "filler.bin";

bool mountTmpfs(const QString &dir, qint64 size, unsigned long flags, QString *error)
{
    const QByteArray target = QFile::encodeName(dir);
    const QByteArray options = "size=" + QByteArray::number(size) + ",mode=0755";
    if (::mount("tmpfs", target.constData(), "tmpfs", flags, options.constData()) != 0) {
        if (error)
            *error = QStringLiteral("mount tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

} // namespace

TinyTmpfs::TinyTmpfs(qint64 sizeBytes)
    : m_dir(QDir::tempPath() + QStringLiteral("/relais-tmpfs-XXXXXX")), m_size(sizeBytes)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a mount point");
        return;
    }
    m_mounted = mountTmpfs(m_dir.path(), sizeBytes, 0, &m_error);
}

TinyTmpfs::~TinyTmpfs()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
}

qint64 TinyTmpfs::freeBytes() const
{
    struct statvfs s
    {};
    if (::statvfs(QFile::encodeName(m_dir.path()).constData(), &s) != 0)
        return -1;
    return static_cast<qint64>(s.f_bavail) * static_cast<qint64>(s.f_frsize);
}

bool TinyTmpfs::fillLeaving(qint64 leaveBytes)
{
    const QByteArray name = QFile::encodeName(filePath(QLatin1String(FillerName)));
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return false;
    // Real pages, not a sparse file: write until the file system refuses.
    const QByteArray chunk(4096, 'Z');
    qint64 written = 0;
    for (;;) {
        const ssize_t n = ::write(fd, chunk.constData(), static_cast<size_t>(chunk.size()));
        if (n <= 0)
            break;
        written += n;
    }
    const qint64 page = 4096;
    const qint64 keep = qMax<qint64>(0, ((written / page) * page) - ((leaveBytes + page - 1) / page) * page);
    const bool ok = ::ftruncate(fd, static_cast<off_t>(keep)) == 0;
    ::close(fd);
    return ok;
}

bool TinyTmpfs::removeFiller()
{
    return QFile::remove(filePath(QLatin1String(FillerName)));
}

bool TinyTmpfs::setReadOnly(bool readOnly)
{
    return mountTmpfs(m_dir.path(), m_size,
                      readOnly ? (MS_REMOUNT | MS_RDONLY) : static_cast<unsigned long>(MS_REMOUNT), &m_error);
}

MountAccess mountAccess(QString *why)
{
    static const MountAccess access = [] {
        QTemporaryDir probe(QDir::tempPath() + QStringLiteral("/relais-probe-XXXXXX"));
        QString error;
        if (probe.isValid() && mountTmpfs(probe.path(), 64 * 1024, 0, &error)) {
            ::umount2(QFile::encodeName(probe.path()).constData(), MNT_DETACH);
            return MountAccess::Direct;
        }
        if (qEnvironmentVariableIsSet(RerunMarker))
            return MountAccess::None;
        QProcess unshare;
        unshare.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("true")});
        if (unshare.waitForFinished(10000) && unshare.exitStatus() == QProcess::NormalExit && unshare.exitCode() == 0)
            return MountAccess::Rerun;
        return MountAccess::None;
    }();
    if (why && access == MountAccess::None)
        *why = QStringLiteral("needs a tmpfs mount: run as root, or allow user namespaces (unshare -rm)");
    return access;
}

int rerunCurrentTestInMountNamespace(QString *output)
{
    QString function = QString::fromLatin1(QTest::currentTestFunction());
    if (QTest::currentDataTag())
        function += QLatin1Char(':') + QString::fromLatin1(QTest::currentDataTag());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(RerunMarker), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("unshare"), {QStringLiteral("-rm"), QCoreApplication::applicationFilePath(), function});
    if (!child.waitForFinished(120000)) {
        child.kill();
        child.waitForFinished();
        if (output)
            *output = QStringLiteral("the re-run in a mount namespace did not finish");
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(child.readAll());
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
}

bool rootTestsRequired()
{
    // Inside the re-run the namespace was supposed to allow the mount: a skip there would hide a failure.
    return qEnvironmentVariableIntValue("RELAIS_REQUIRE_ROOT_TESTS") == 1 || qEnvironmentVariableIsSet(RerunMarker);
}

} // namespace relais::test
