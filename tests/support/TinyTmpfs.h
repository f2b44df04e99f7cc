#pragma once

#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

namespace relais::test {

// A small tmpfs mounted on a private directory, to make "disk full" and "read-only disk" real.
// Mounting needs root (CI) or a user+mount namespace: see RELAIS_REQUIRE_TMPFS below.
class TinyTmpfs
{
public:
    explicit TinyTmpfs(qint64 sizeBytes);
    ~TinyTmpfs(); // unmounts, always
    TinyTmpfs(const TinyTmpfs &) = delete;
    TinyTmpfs &operator=(const TinyTmpfs &) = delete;

    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    qint64 freeBytes() const;
    // Fills the file system with a filler file so that only `leaveBytes` (whole pages) stay free.
    bool fillLeaving(qint64 leaveBytes);
    bool removeFiller();
    bool setReadOnly(bool readOnly);

private:
    QTemporaryDir m_dir;
    qint64 m_size;
    bool m_mounted = false;
    QString m_error;
};

enum class MountAccess
{
    Direct, // this process may mount
    Rerun,  // it may not, but the same test can run again inside `unshare -rm`
    None,
};

// Whether tmpfs mounts are possible here; `why` says why not.
MountAccess mountAccess(QString *why);
// Runs the current test function (and data row) again in a child process inside `unshare -rm`.
// Returns its exit code; its output goes to `output`.
int rerunCurrentTestInMountNamespace(QString *output);
bool rootTestsRequired(); // RELAIS_REQUIRE_ROOT_TESTS=1: a skipped mount test is a failure

} // namespace relais::test

// First statement of a test that mounts a TinyTmpfs: runs it here, in a user+mount namespace, or
// skips it with a reason (a failure when RELAIS_REQUIRE_ROOT_TESTS=1).
#define RELAIS_REQUIRE_TMPFS()                                                                                         \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        const relais::test::MountAccess access_ = relais::test::mountAccess(&why_);                                    \
        if (access_ == relais::test::MountAccess::Rerun) {                                                             \
            QString output_;                                                                                           \
            const int rc_ = relais::test::rerunCurrentTestInMountNamespace(&output_);                                  \
            if (rc_ != 0)                                                                                              \
                qWarning().noquote() << output_;                                                                       \
            QCOMPARE(rc_, 0);                                                                                          \
            return;                                                                                                    \
        }                                                                                                              \
        if (access_ == relais::test::MountAccess::None) {                                                              \
            if (relais::test::rootTestsRequired())                                                                     \
                QFAIL(qPrintable(why_));                                                                               \
            QSKIP(qPrintable(why_));                                                                                   \
        }                                                                                                              \
    } while (false)
