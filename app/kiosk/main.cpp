// Composition root of the kiosk `relais`: the only place where core, sync and UI meet.
#include "common/Logging.h"
#include "common/ProcessHardening.h"
#include "common/Translations.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <sodium.h>
#include <sys/stat.h>

int main(int argc, char *argv[])
{
    relais::hardenProcess(); // before anything secret or personal is in memory: no core file, no ptrace
    ::umask(077);            // the store and its key slots are for this account's eyes only
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Relais"));
    QApplication::setApplicationName(QStringLiteral("relais"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relais"));
    QApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("relais"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Relais — France Services mediation kiosk"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Data folder of the store."),
                               QStringLiteral("DIR"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: fr (default) or en."),
                            QStringLiteral("LANG"));
    QCommandLineOption kiosk(QStringLiteral("kiosk"), QStringLiteral("Full screen, no way out without an admin."));
    parser.addOptions({dataDir, lang, kiosk});
    parser.process(app);

    if (sodium_init() < 0)
        return 1;
    relais::installTranslations(parser.value(lang));
    const QString dataFolder = parser.isSet(dataDir) ? parser.value(dataDir) : relais::Vault::defaultDataDir();
    // Technical logs in the data folder, and on standard error as before (a terminal, or the journal under systemd).
    relais::installLogging({dataFolder, true});
    qCInfo(lcDomain) << "relais" << RELAIS_VERSION << "started, Qt" << qVersion();
    QSettings settings;
    relais::ui::Theme::apply(relais::ui::Theme::fromId(settings.value(QStringLiteral("display/theme")).toString()),
                             settings.value(QStringLiteral("display/textScale"), 100).toInt());

    relais::Vault vault(dataFolder);
    relais::Session session(relais::SystemClock::instance());
    relais::ui::MainWindow window(&vault, &session);
    window.start();
    if (parser.isSet(kiosk))
        window.setKioskMode(true);
    else
        window.showOnScreen(); // the whole screen, frame included: a mediator's PC is dedicated to this work
    return app.exec();
}
