#include "Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

Q_LOGGING_CATEGORY(lcStore, "relais.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "relais.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDomain, "relais.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "relais.cli", QtInfoMsg)

namespace relais {

namespace {

const char LogFileName[] = "relais.log";

struct LogState
{
    QMutex mutex;
    LogSettings settings;
    bool systemd = false;
    QFile file;
    bool unwritable = false; // said once on standard error, then the file is left alone
};

// Never destroyed: a message may still come from another static's destructor at exit.
LogState &state()
{
    static LogState *s = new LogState;
    return *s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

// sd-daemon(3) prefixes: journald reads them as the line's priority.
int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 7;
    case QtInfoMsg:
        return 6;
    case QtWarningMsg:
        return 4;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 2;
    }
    return 6;
}

QString rotatedPath(const QString &base, int n)
{
    return n == 0 ? base : base + QLatin1Char('.') + QString::number(n);
}

// Opens relais.log for appending; the first failure is said once, and the program goes on without its file.
bool openFile(LogState &s)
{
    if (s.file.isOpen())
        return true;
    if (s.unwritable)
        return false;
    // A mistyped --data-dir must not leave a folder behind; `init` makes the folder, and the lines follow.
    if (!QFileInfo::exists(s.settings.dataDir))
        return false;
    const QString dir = logDirectory(s.settings.dataDir);
    s.file.setFileName(QDir(dir).filePath(QLatin1String(LogFileName)));
    if (QDir().mkpath(dir) && s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return true;
    s.unwritable = true;
    const QString why = s.file.errorString();
    const QString text =
        QCoreApplication::translate("relais::Logging",
                                    "%1: the technical logs cannot be written in %2 (%3); the program goes on without "
                                    "them.")
            .arg(QCoreApplication::applicationName(), QDir::toNativeSeparators(dir), why);
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
    return false;
}

// relais.log → relais.log.1 → … → relais.log.<kept>, the oldest dropped.
void rotate(LogState &s)
{
    const QString base = s.file.fileName();
    s.file.close();
    QFile::remove(rotatedPath(base, s.settings.keptFiles));
    for (int n = s.settings.keptFiles - 1; n >= 0; --n) {
        if (QFile::exists(rotatedPath(base, n)))
            QFile::rename(rotatedPath(base, n), rotatedPath(base, n + 1));
    }
    (void)openFile(s); // a failure here was said by openFile
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogState &s = state();
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    const QByteArray text = message.toUtf8();
    QMutexLocker lock(&s.mutex);
    if (openFile(s)) {
        // The machine's time, as journald would stamp it: log lines are about the process, not the store.
        const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + ' ' +
                                levelName(type) + ' ' + category + ": " + text + '\n';
        if (s.file.size() > 0 && s.file.size() + line.size() > s.settings.maxBytes)
            rotate(s);
        if (s.file.isOpen()) {
            s.file.write(line);
            s.file.flush(); // a crash right after must not lose the line that explains it
        }
    }
    if (s.systemd) {
        std::fprintf(stderr, "<%d>%s: %s\n", syslogPriority(type), category.constData(), text.constData());
        std::fflush(stderr);
    } else if (s.settings.toStderr) {
        std::fprintf(stderr, "%s %s: %s\n", levelName(type), category.constData(), text.constData());
        std::fflush(stderr);
    }
}

} // namespace

bool runningUnderSystemd()
{
    return !qEnvironmentVariableIsEmpty("JOURNAL_STREAM") || !qEnvironmentVariableIsEmpty("INVOCATION_ID");
}

QString logDirectory(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("logs"));
}

QStringList logFiles(const QString &dataDir)
{
    QStringList files;
    const QString base = QDir(logDirectory(dataDir)).filePath(QLatin1String(LogFileName));
    for (int n = 0; n <= LogKeptFiles; ++n) {
        if (QFileInfo::exists(rotatedPath(base, n)))
            files << rotatedPath(base, n);
    }
    return files;
}

void installLogging(const LogSettings &settings)
{
    LogState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (s.file.isOpen())
            s.file.close();
        s.settings = settings;
        s.systemd = runningUnderSystemd();
        s.unwritable = false;
    }
    qInstallMessageHandler(handler);
}

} // namespace relais
