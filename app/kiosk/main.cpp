// Composition root of the kiosk `relais`: the only place where core, sync and UI meet.
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "common/Logging.h"
#include "common/ProcessHardening.h"
#include "common/Translations.h"
#include "domain/Workspace.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "store/ProcessLock.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>

#include <cstdio>
#include <memory>

#include <sodium.h>
#include <sys/stat.h>

namespace {
// Exit code of a kiosk started on a data folder that another kiosk has open (docs/guide-administrateur.md).
constexpr int AlreadyOpen = 3;
} // namespace

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

    // One kiosk per data folder: a second one would work on the same store behind the first one's back (its pages,
    // its own sync, a re-key). A kernel lock, held until this process ends, however it ends: a crash leaves none.
    relais::ProcessLock instance(QDir(dataFolder).filePath(QStringLiteral("kiosk.lock")));
    if (QDir().mkpath(dataFolder) && instance.tryLock() == relais::ProcessLock::Outcome::Busy) {
        const QString message = QCoreApplication::translate(
            "relais::Kiosk", "Relais is already open on this computer with the same data folder. Use the window that "
                             "is already open: this one will close.");
        qCWarning(lcDomain) << "another kiosk holds this data folder: this one quits";
        std::fprintf(stderr, "relais: %s\n", message.toLocal8Bit().constData());
        // Nobody could answer a dialog without a screen (offscreen, minimal): standard error says it all there.
        const QString platform = QGuiApplication::platformName();
        if (platform != QLatin1String("offscreen") && platform != QLatin1String("minimal")) {
            QMessageBox box(QMessageBox::Warning, QStringLiteral("Relais"), message, QMessageBox::Close);
            box.exec();
        }
        return AlreadyOpen;
    }
    const relais::Clock *clock = relais::SystemClock::instance(); // the one clock of the process
    relais::Vault vault(dataFolder, clock);
    relais::Session session(clock);
    relais::ui::MainWindow window(&vault, &session);
    // The sync engine lives with the session's workspace: from the first sign-in until the store closes, rounds
    // going on while the screen is locked.
    std::unique_ptr<relais::sync::SyncEngine> engine;
    std::unique_ptr<relais::sync::SyncScheduler> scheduler;
    QObject::connect(&window, &relais::ui::MainWindow::workspaceOpened, &window, [&](relais::Workspace *workspace) {
        engine = std::make_unique<relais::sync::SyncEngine>(*workspace);
        scheduler = std::make_unique<relais::sync::SyncScheduler>(engine.get());
        window.setSyncEngine(engine.get());
        scheduler->startTimers();
    });
    QObject::connect(&window, &relais::ui::MainWindow::workspaceClosing, &window, [&] {
        window.setSyncEngine(nullptr);
        scheduler.reset(); // before the engine it drives
        if (engine)
            engine->cancel();
        engine.reset(); // aborts a request under way; what was confirmed is already committed
    });
    window.start();
    if (parser.isSet(kiosk))
        window.setKioskMode(true);
    else
        window.showOnScreen(); // the whole screen, frame included: a mediator's PC is dedicated to this work
    return app.exec();
}
