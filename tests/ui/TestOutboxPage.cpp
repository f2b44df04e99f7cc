// The « Envois » page and the status bar, driven by the real engine against a platform that follows the wire
// contract (tests/sync/SyncFixture.h): what a mediator sees before, during and after a synchronisation.
#include "../sync/SyncFixture.h"
#include "UiFind.h"

#include "client/SyncScheduler.h"

#include "catalogue/Catalogue.h"
#include "domain/Workspace.h"
#include "forms/DemarchesPage.h"
#include "outbox/OutboxModel.h"
#include "outbox/OutboxPage.h"
#include "outbox/SyncStatusBar.h"
#include "security/Session.h"
#include "shell/ShellPage.h"
#include "store/ProcessLock.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace relais;
using namespace relais::test;
using relais::ui::OutboxModel;
using relais::ui::OutboxPage;
using relais::ui::SyncStatusBar;

class TestOutboxPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsWaitingThenDeliveredWithReference();
    void refusedDemarcheCanBeCorrectedAndResent();
    void newerPlatformCatalogueIsOfferedAtOnce();
    void fitsTheWindowAtLargeText();
    void unreachablePlatformIsSaidOnce();
    void showsTimeRemainingOnASlowLink();
    void interceptedAnswerIsSaidAfterTheHealthCheck();
    void anotherProgramsSyncIsSaidThenRetried();

private:
    std::unique_ptr<FakePlatform> m_platform;
    std::unique_ptr<Kiosk> m_kiosk; // enrolled with m_platform
    QString cell(OutboxPage &page, int row, int column) { return page.model()->index(row, column).data().toString(); }
};

void TestOutboxPage::init()
{
    m_platform = std::make_unique<FakePlatform>();
    QVERIFY(m_platform->listen());
    m_kiosk = std::make_unique<Kiosk>();
    QVERIFY(m_kiosk->open());
    QVERIFY(m_kiosk->enrol(m_platform->url(), m_platform->token, m_platform->key.publicKey));
}

void TestOutboxPage::cleanup()
{
    m_kiosk.reset();
    m_platform.reset();
}

void TestOutboxPage::showsWaitingThenDeliveredWithReference()
{
    FakePlatform &platform = *m_platform;
    Kiosk &kiosk = *m_kiosk;
    const qint64 id = kiosk.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(300 * 1024, 1)});
    QVERIFY(id > 0);
    auto engine = kiosk.engine();

    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    SyncStatusBar status(&kiosk.vault());
    status.setWorkspace(&workspace);
    status.setEngine(engine.get());
    page.resize(1100, 700);
    page.show();

    // Before: one démarche waiting, shown by its title, not its id; the status bar counts it.
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(cell(page, 0, OutboxModel::DemarcheColumn) != QLatin1String("caf-changement-adresse"));
    QCOMPARE(cell(page, 0, OutboxModel::StateColumn), SubmissionRepository::stateLabel(QStringLiteral("queued")));
    QVERIFY(status.waitingLabel()->text().contains(QLatin1Char('1')));
    QVERIFY(!status.lastSyncLabel()->text().isEmpty());
    const QString neverSynced = status.lastSyncLabel()->text();

    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->click();
    QVERIFY(!page.syncNowButton()->isEnabled()); // one round at a time
    QVERIFY(finished.wait(20000));

    // After: delivered with the platform's reference; the page says so; the bar says online, nothing waiting.
    QCOMPARE(cell(page, 0, OutboxModel::StateColumn), SubmissionRepository::stateLabel(QStringLiteral("delivered")));
    QCOMPARE(cell(page, 0, OutboxModel::ReferenceColumn), kiosk.item(id).reference);
    QVERIFY(!kiosk.item(id).reference.isEmpty());
    QVERIFY2(page.summaryLabel()->text().contains(QLatin1Char('1')), qPrintable(page.summaryLabel()->text()));
    QVERIFY(page.syncNowButton()->isEnabled());
    QCOMPARE(status.onlineLabel()->text(), SyncStatusBar::tr("Online"));
    QVERIFY(status.waitingLabel()->text().contains(QLatin1Char('0')));
    QVERIFY(status.lastSyncLabel()->text() != neverSynced);
    page.table()->selectRow(0);
    QVERIFY(page.detailLabel()->text().contains(kiosk.item(id).reference));
    QVERIFY(!page.resendButton()->isVisible());
    saveScreenshot(&page, QStringLiteral("outbox-delivered"));

    // The instructing service answers: the news column and the list of updates show its message.
    platform.statusChanges.append({{QStringLiteral("uuid"), kiosk.uuid(id)},
                                   {QStringLiteral("status"), QStringLiteral("incomplete")},
                                   {QStringLiteral("message"), QStringLiteral("Il manque l'avis d'imposition.")},
                                   {QStringLiteral("at"), QStringLiteral("2026-11-23T10:00:00Z")}});
    page.syncNowButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY2(cell(page, 0, OutboxModel::NewsColumn).contains(QLatin1String("avis d'imposition")),
             qPrintable(cell(page, 0, OutboxModel::NewsColumn)));
    page.table()->selectRow(0);
    QVERIFY(page.updatesList()->isVisible());
    QCOMPARE(page.updatesList()->count(), 1);
}

void TestOutboxPage::showsTimeRemainingOnASlowLink()
{
    FakePlatform &platform = *m_platform;
    Kiosk &kiosk = *m_kiosk;
    // A bus's link: every 64 KiB chunk takes 8 s to be acknowledged (the kiosk's clock moves while it travels).
    platform.observe = [&kiosk](const RecordedRequest &r) {
        if (r.method == "PATCH")
            kiosk.clock.advanceMs(8000);
    };
    QVERIFY(kiosk.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(300 * 1024, 1)}) > 0);
    QVERIFY(kiosk.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(300 * 1024, 2)}) > 0);
    auto engine = kiosk.engine();
    engine->setChunkSize(64 * 1024);

    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    page.resize(1100, 700);
    page.show();
    QStringList seen; // what the page said after each acknowledged chunk
    connect(engine.get(), &sync::SyncEngine::timeRemaining, this, [&] {
        if (seen.isEmpty())
            saveScreenshot(&page, QStringLiteral("outbox-time-remaining"));
        seen << page.summaryLabel()->text();
    });
    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->click();
    QVERIFY(finished.wait(30000));

    // 600 KiB at 8 KiB/s: about a minute at first, then less than a minute, then the round's own summary.
    QVERIFY(seen.size() >= 9);
    QCOMPARE(seen.first(), OutboxPage::tr("Synchronising… about %n minute(s) left.", nullptr, 1));
    QCOMPARE(seen.last(), OutboxPage::tr("Synchronising… less than a minute left."));
    QVERIFY(!page.summaryLabel()->text().contains(OutboxPage::tr("Synchronising… less than a minute left.")));
}

void TestOutboxPage::refusedDemarcheCanBeCorrectedAndResent()
{
    FakePlatform &platform = *m_platform;
    Kiosk &kiosk = *m_kiosk;
    platform.before = [&platform](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.path.startsWith("/v1/submissions/"))
            return platform.problem(422, QStringLiteral("attachment-mismatch"),
                                    QStringLiteral("Le justificatif reçu ne correspond pas."));
        return std::nullopt;
    };
    const qint64 id = kiosk.queue(QStringLiteral("caf-changement-adresse"));
    QVERIFY(id > 0);
    const QString firstUuid = kiosk.uuid(id);
    auto engine = kiosk.engine();
    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    page.resize(1100, 700);
    page.show();

    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->click();
    QVERIFY(finished.wait(20000));
    page.table()->selectRow(0);
    // The platform's own sentence reaches the mediator, with the two ways out.
    QVERIFY2(page.detailLabel()->text().contains(QLatin1String("ne correspond pas")),
             qPrintable(page.detailLabel()->text()));
    QVERIFY(page.resendButton()->isVisible());
    QVERIFY(page.discardButton()->isVisible());
    saveScreenshot(&page, QStringLiteral("outbox-quarantined"));

    QSignalSpy correct(&page, &OutboxPage::correctRequested);
    page.resendButton()->click();
    QCOMPARE(correct.count(), 1);
    QCOMPARE(correct.first().first().toLongLong(), id);
    // A draft again, under the same number (the platform may hold it: a resend must not make a second record),
    // and journaled.
    QCOMPARE(kiosk.state(id), QStringLiteral("draft"));
    QCOMPARE(kiosk.uuid(id), firstUuid);
    QVERIFY(kiosk.journalActions().contains(QStringLiteral("submission_reopened")));
}

namespace {
QStringList offeredTitles(const QTreeWidget *tree)
{
    QStringList titles;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it)
        if ((*it)->parent()) // démarches, not their operators
            titles.append((*it)->text(0));
    return titles;
}
} // namespace

// The platform publishes a newer catalogue while a mediator is signed in: the Démarches page offers it as soon as
// the round that fetched it ends, without signing out; the search typed and the démarche chosen stay.
void TestOutboxPage::newerPlatformCatalogueIsOfferedAtOnce()
{
    FakePlatform &platform = *m_platform;
    Kiosk &kiosk = *m_kiosk;
    QFile bundled(QStringLiteral(":/catalogue/demarches/caf-rsa.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    QJsonObject document = QJsonDocument::fromJson(bundled.readAll()).object();
    document.insert(QStringLiteral("version"), 2);
    QJsonArray demarches = document.value(QStringLiteral("demarches")).toArray();
    QJsonObject rsa = demarches.first().toObject();
    rsa.insert(QStringLiteral("title"), QJsonObject{{QStringLiteral("fr"), QStringLiteral("RSA : demande (2026)")},
                                                    {QStringLiteral("en"), QStringLiteral("RSA: apply (2026)")}});
    demarches.replace(0, rsa);
    document.insert(QStringLiteral("demarches"), demarches);
    platform.publishCatalogue(QJsonDocument(document).toJson(QJsonDocument::Compact));

    Session session(&kiosk.clock);
    relais::ui::ShellPage shell(&kiosk.vault(), &session);
    auto engine = kiosk.engine();
    shell.setEngine(engine.get());
    QObject::connect(engine.get(), &sync::SyncEngine::catalogueReceived, &shell,
                     &relais::ui::ShellPage::applyPlatformCatalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    shell.enter(&workspace);
    shell.resize(1200, 800);
    shell.show();
    relais::ui::DemarchesPage *page = shell.demarchesPage();
    const QStringList before = offeredTitles(page->catalogueList());
    QVERIFY(before.size() > 1);
    QVERIFY(before.filter(QStringLiteral("(2026)")).isEmpty());
    page->searchField()->setText(QStringLiteral("RSA"));
    for (QTreeWidgetItemIterator it(page->catalogueList()); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == QLatin1String("caf-rsa")) // the page's démarche id role
            page->catalogueList()->setCurrentItem(*it);
    QVERIFY(page->startButton()->isEnabled());

    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    engine->start();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.first().first().value<sync::RoundSummary>().catalogueUpdated);

    const QStringList after = offeredTitles(page->catalogueList());
    QCOMPARE(after.size(), 1); // the platform's catalogue replaces the bundled one
    QVERIFY2(after.first().endsWith(QLatin1String("(2026)")), qPrintable(after.first()));
    QCOMPARE(page->searchField()->text(), QStringLiteral("RSA"));
    QVERIFY(page->catalogueList()->currentItem());
    QCOMPARE(page->catalogueList()->currentItem()->text(0), after.first());
    QVERIFY(page->startButton()->isEnabled());
}

// RGAA 10.4 / 10.11: at 200 % text, in both themes, nothing of the « Envois » page goes off the side of a 1600 px kiosk
// screen out of reach (at 100 % all fits; at 200 % seven columns whose words are never cut may need the table's own
// scroll bar), the platform reference a mediator reads out is never cut, and the rail keeps every section name whole.
void TestOutboxPage::fitsTheWindowAtLargeText()
{
    FakePlatform &platform = *m_platform;
    Kiosk &kiosk = *m_kiosk;
    const qint64 id = kiosk.queue(QStringLiteral("msa-aspa"), {pdfBytes(2000, 1)});
    QVERIFY(id > 0);
    auto engine = kiosk.engine();
    QVERIFY(runRound(*engine).error.isEmpty());
    platform.statusChanges.append(
        {{QStringLiteral("uuid"), kiosk.uuid(id)},
         {QStringLiteral("status"), QStringLiteral("incomplete")},
         {QStringLiteral("message"),
          QStringLiteral("Il manque le dernier avis d'imposition. Merci de le déposer avant le 15 décembre.")},
         {QStringLiteral("at"), QStringLiteral("2026-11-23T10:00:00Z")}});
    QVERIFY(runRound(*engine).error.isEmpty());
    const QString reference = kiosk.item(id).reference;
    QVERIFY(!reference.isEmpty());

    Session session(&kiosk.clock);
    relais::ui::ShellPage shell(&kiosk.vault(), &session);
    shell.setEngine(engine.get());
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    shell.enter(&workspace);
    shell.resize(1600, 900);
    shell.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shell));
    shell.rail()->setCurrentRow(shell.pages()->indexOf(shell.outboxPage()));
    QTableView *table = shell.outboxPage()->table();
    using relais::ui::ThemeKind;
    for (const auto &[kind, scale] :
         {std::pair{ThemeKind::Standard, 100}, std::pair{ThemeKind::Standard, 200},
          std::pair{ThemeKind::HighContrast, 100}, std::pair{ThemeKind::HighContrast, 200}}) {
        relais::ui::Theme::apply(kind, scale);
        QTest::qWait(100); // the restyle, then the queued fitting
        QApplication::processEvents();
        const QString theme = kind == ThemeKind::Standard ? QStringLiteral("standard") : QStringLiteral("contrast");
        const QString at = QStringLiteral("%1 %2 %: ").arg(theme).arg(scale);
        QHeaderView *header = table->horizontalHeader();
        const bool fits = header->length() <= table->viewport()->width() + 1;
        QVERIFY2(fits || (scale > 100 && table->horizontalScrollBar()->isVisible()),
                 qPrintable(at + QStringLiteral("columns %1 px in %2 px, no scroll bar")
                                     .arg(header->length())
                                     .arg(table->viewport()->width())));
        const int referenceWidth = table->fontMetrics().horizontalAdvance(reference);
        QVERIFY2(header->sectionSize(OutboxModel::ReferenceColumn) > referenceWidth,
                 qPrintable(at + QStringLiteral("reference column %1 px for %2 px of text")
                                     .arg(header->sectionSize(OutboxModel::ReferenceColumn))
                                     .arg(referenceWidth)));
        QListWidget *rail = shell.rail();
        for (int row = 0; row < rail->count(); ++row)
            QVERIFY2(rail->visualItemRect(rail->item(row)).width() <= rail->viewport()->width() &&
                         rail->fontMetrics().horizontalAdvance(rail->item(row)->text()) < rail->viewport()->width(),
                     qPrintable(at + rail->item(row)->text()));
        saveScreenshot(&shell, QStringLiteral("outbox-%1-%2").arg(theme).arg(scale));
    }
    relais::ui::Theme::apply(relais::ui::ThemeKind::Standard, 100);
}

// The platform is gone: the page says so in one sentence, not the engine's sentence inside its own.
void TestOutboxPage::unreachablePlatformIsSaidOnce()
{
    Kiosk &kiosk = *m_kiosk;
    QVERIFY(kiosk.queue(QStringLiteral("caf-changement-adresse"), {}) > 0);
    auto engine = kiosk.engine();
    m_platform.reset(); // nothing listens on its port any more
    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    page.show();
    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->setFocus();
    QTest::keyClick(page.syncNowButton(), Qt::Key_Space);
    QVERIFY(finished.wait(20000));
    const QString text = page.summaryLabel()->text();
    QCOMPARE(text, finished.first().first().value<sync::RoundSummary>().error);
    QVERIFY2(!text.isEmpty(), qPrintable(text));
}

// The platform answers its health check, but a proxy answers the démarche's PUT with its own page: the summary says
// that something on the network answered instead of the platform, so the mediator knows why it is still here.
void TestOutboxPage::interceptedAnswerIsSaidAfterTheHealthCheck()
{
    Kiosk &kiosk = *m_kiosk;
    QVERIFY(kiosk.queue(QStringLiteral("caf-changement-adresse"), {}) > 0);
    m_platform->before = [](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "PUT" && r.pathWithoutQuery().startsWith("/v1/submissions/"))
            return intermediaryPage(403);
        return std::nullopt;
    };
    auto engine = kiosk.engine();
    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    page.show();
    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->click();
    QVERIFY(finished.wait(20000));
    const auto summary = finished.first().first().value<sync::RoundSummary>();
    QVERIFY(summary.online);
    QVERIFY(!summary.networkProblem.isEmpty());
    QVERIFY2(page.summaryLabel()->text().contains(summary.networkProblem), qPrintable(page.summaryLabel()->text()));
}

// relais-admin sync (or any other program) holds the store's sync lock: the page and the status bar say so, nothing
// leaves twice, and the kiosk tries again on its own once the other program is done.
void TestOutboxPage::anotherProgramsSyncIsSaidThenRetried()
{
    Kiosk &kiosk = *m_kiosk;
    const qint64 id = kiosk.queue(QStringLiteral("caf-changement-adresse"), {pdfBytes(20 * 1024, 3)});
    QVERIFY(id > 0);
    auto engine = kiosk.engine();
    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    OutboxPage page(&kiosk.vault(), &catalogue);
    Workspace workspace(&kiosk.vault(), kiosk.alice());
    page.setWorkspace(&workspace);
    page.setEngine(engine.get());
    SyncStatusBar status(&kiosk.vault());
    status.setWorkspace(&workspace);
    status.setEngine(engine.get());
    page.show();

    ProcessLock other(QDir(kiosk.vault().dataDir()).filePath(SyncEngine::lockFileName()));
    QCOMPARE(other.tryLock(), ProcessLock::Outcome::Acquired);
    sync::SyncScheduler scheduler(engine.get());
    scheduler.setInterval(10 * 60 * 1000);
    scheduler.setBusyRetry(300);
    QSignalSpy finished(engine.get(), &sync::SyncEngine::finished);
    page.syncNowButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.first().first().value<sync::RoundSummary>().busyElsewhere);
    QCOMPARE(page.summaryLabel()->text(), SyncEngine::tr("A synchronisation is running from another program"));
    QCOMPARE(status.onlineLabel()->text(), SyncStatusBar::tr("A synchronisation is running from another program"));
    QCOMPARE(kiosk.state(id), QStringLiteral("queued"));
    QCOMPARE(m_platform->count("PUT", QStringLiteral("/v1/submissions/.*")), 0);
    QVERIFY(page.syncNowButton()->isEnabled());
    saveScreenshot(&page, QStringLiteral("outbox-busy-elsewhere"));

    // The scheduler comes back soon (not at the next 10-minute period): still busy, then free.
    finished.clear();
    scheduler.startTimers();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.last().first().value<sync::RoundSummary>().busyElsewhere);
    other.unlock();
    QVERIFY(QTest::qWaitFor([&] { return kiosk.state(id) == QLatin1String("delivered"); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return !engine->isRunning(); }, 20000));
    QCOMPARE(m_platform->count("PUT", QStringLiteral("/v1/submissions/.*")), 1);
    QCOMPARE(status.onlineLabel()->text(), SyncStatusBar::tr("Online"));
    QVERIFY2(page.summaryLabel()->text() != SyncEngine::tr("A synchronisation is running from another program"),
             qPrintable(page.summaryLabel()->text()));
}

QTEST_MAIN(TestOutboxPage)
#include "TestOutboxPage.moc"
