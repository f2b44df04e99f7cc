#include "AdminCli.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "common/ProcessHardening.h"
#include "common/Translations.h"
#include "security/Vault.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <iostream>
#include <string>

#include <sodium.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
    relais::hardenProcess(); // it reads passwords and opens the store: no core file, no ptrace
    ::umask(077);            // the store, its key slots and backups are for this account's eyes only
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    if (sodium_init() < 0) {
        std::fputs("relais-admin: the cryptography library could not start.\n", stderr);
        return 1;
    }
    // French by default like the kiosk; --lang en or RELAIS_LANG=en for English.
    const QStringList args = app.arguments();
    QString language;
    QString dataDir = relais::Vault::defaultDataDir();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            language = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            language = args.at(i).mid(7);
        else if (args.at(i) == QLatin1String("--data-dir") && i + 1 < args.size())
            dataDir = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--data-dir=")))
            dataDir = args.at(i).mid(11);
    }
    relais::installTranslations(language);
    // Technical logs in the data folder. Standard error carries the one-line reason of a failure; the log lines
    // join it only when diagnostics are asked for (QT_LOGGING_RULES) or under systemd, for the journal.
    relais::installLogging({dataDir, !qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")});
    qCInfo(lcCli) << "relais-admin" << RELAIS_VERSION << "started, Qt" << qVersion();
    QTextStream out(stdout);
    QTextStream err(stderr);
    // The one clock of the process: everything that reads the time gets it from here.
    relais::AdminCli cli(relais::SystemClock::instance(), out, err, [](QString *line) {
        std::string raw;
        if (!std::getline(std::cin, raw))
            return false;
        if (!raw.empty() && raw.back() == '\r')
            raw.pop_back();
        *line = QString::fromStdString(raw);
        sodium_memzero(raw.data(), raw.size());
        return true;
    });
    return cli.run(app.arguments());
}
