#include "AdminCli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <iostream>
#include <string>

#include <sodium.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
    ::umask(077); // the store, its key slots and backups are for this account's eyes only
    QCoreApplication app(argc, argv);
    // Standard error carries the one-line reason of a failure; diagnostics only when asked for.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("relais.*.info=false\nrelais.*.warning=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("Relais"));
    QCoreApplication::setApplicationName(QStringLiteral("relais"));
    if (sodium_init() < 0) {
        std::fputs("relais-admin: the cryptography library could not start.\n", stderr);
        return 1;
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
    relais::AdminCli cli(out, err, [](QString *line) {
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
