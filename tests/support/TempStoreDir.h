#pragma once

#include <QDir>
#include <QString>
#include <QTemporaryDir>

namespace relais::test {

// A private data directory for one test, removed afterwards.
class TempStoreDir
{
public:
    TempStoreDir() : m_dir(QDir::tempPath() + QStringLiteral("/relais-test-XXXXXX")) {}
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace relais::test
