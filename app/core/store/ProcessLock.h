#pragma once

#include <QCoreApplication>
#include <QString>

namespace relais {

// An exclusive lock on a file of the data folder, held by the kernel (flock) for as long as this object holds its
// open file: it ends when the object is destroyed, when unlock() is called, or when the process dies, however it
// dies — a crash or a power cut never leaves a stale lock behind. Two ProcessLock objects on the same file exclude
// each other even inside one process. Advisory: only the programs of Relais ask for it.
class ProcessLock
{
    Q_DECLARE_TR_FUNCTIONS(relais::ProcessLock)

public:
    enum class Outcome
    {
        Acquired,
        Busy,   // another holder has it
        Failed, // the lock file cannot be opened (see errorString())
    };

    explicit ProcessLock(QString path);
    ~ProcessLock();
    ProcessLock(const ProcessLock &) = delete;
    ProcessLock &operator=(const ProcessLock &) = delete;

    // Never waits. Acquired again at once when this object already holds it.
    Outcome tryLock();
    void unlock();
    bool isLocked() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; } // translated

private:
    QString m_path;
    QString m_error;
    int m_fd = -1;
};

} // namespace relais
