#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QStringList>

// One category per room. Log ids and states only: never a name, a password, a key or an answer.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
Q_DECLARE_LOGGING_CATEGORY(lcCli)

namespace relais {

// Technical logs: every message of every category goes to <data folder>/logs/relais.log, one line each with its
// time, level and category; the file is capped at LogMaxBytes and LogKeptFiles older ones are kept
// (relais.log.1 the newest). Installed once by each executable, right after its QCoreApplication.
constexpr qint64 LogMaxBytes = 1024 * 1024;
constexpr int LogKeptFiles = 3;

struct LogSettings
{
    QString dataDir;
    // Also to standard error (the kiosk started from a terminal, or relais-admin when diagnostics were asked for).
    // Under systemd the lines always go to standard error too, with their syslog priority, for the journal.
    bool toStderr = false;
    qint64 maxBytes = LogMaxBytes;
    int keptFiles = LogKeptFiles;
};

void installLogging(const LogSettings &settings);
// True when systemd started the process (its journal reads standard error).
bool runningUnderSystemd();
QString logDirectory(const QString &dataDir);
// The log files of a data folder, newest first (relais.log, relais.log.1, …), those that exist.
QStringList logFiles(const QString &dataDir);

} // namespace relais
