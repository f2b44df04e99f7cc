#pragma once

// The real reference platform (sync/platform), started on port 0 of loopback for a test.

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace relais::test {

#ifdef RELAIS_PLATFORM_PATH
class PlatformProcess
{
public:
    ~PlatformProcess() { stop(); }

    // False if it did not say where it listens within a few seconds.
    bool start(const QStringList &extra = {})
    {
        m_process.setProgram(QStringLiteral(RELAIS_PLATFORM_PATH));
        m_process.setArguments(
            QStringList{QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--port"), QStringLiteral("0")} +
            extra);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        QByteArray out;
        const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
        const QRegularExpression enrolment(QStringLiteral("enrolment code: (\\S+)"));
        for (int i = 0; i < 100 && (m_url.isEmpty() || m_code.isEmpty()); ++i) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            const QString text = QString::fromUtf8(out);
            if (auto m = listening.match(text); m.hasMatch())
                m_url = QUrl(m.captured(1));
            if (auto m = enrolment.match(text); m.hasMatch())
                m_code = m.captured(1);
        }
        return !m_url.isEmpty() && !m_code.isEmpty();
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    QUrl url() const { return m_url; }
    QString code() const { return m_code; }
    QString dataDir() const { return m_dir.path(); }

    // One of the platform's administration commands on the same data folder; its standard output.
    QByteArray run(const QStringList &arguments, int *exitCode = nullptr) const
    {
        QProcess p;
        p.start(QStringLiteral(RELAIS_PLATFORM_PATH),
                QStringList{arguments.first(), QStringLiteral("--data-dir"), m_dir.path()} + arguments.mid(1));
        p.waitForFinished(10000);
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAllStandardOutput();
    }
    QJsonArray list() const
    {
        return QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("--json")})).array();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_code;
};
#endif

} // namespace relais::test
