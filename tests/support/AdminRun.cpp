#include "AdminRun.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace relais::test {

Run runAdmin(const QStringList &args, const QString &stdinText, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RELAIS_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RELAIS_ADMIN_PATH), args);
    p.waitForStarted();
    p.write(stdinText.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace relais::test
