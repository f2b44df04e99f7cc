// Pages follow the store (issue 14): a change made through the session's Workspace shows at once, one made by a
// separate relais-admin process on the same store shows within 2 s, without the mediator doing anything.
#include "AdminRun.h"
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "SyncEngine.h"
#include "admin/AdminPage.h"
#include "catalogue/Catalogue.h"
#include "citizens/CitizenFilePage.h"
#include "domain/CitizenRepository.h"
#include "domain/Mandates.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "outbox/SyncStatusBar.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestWorkspaceRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void citizenFileShowsNewMandateAndDemarcheAtOnce();
    void statusBarCountsADemarcheQueuedAtOnce();
    void accountAddedByRelaisAdminShowsWithinTwoSeconds();
};

namespace {

QStringList labelTexts(QWidget *parent)
{
    QStringList texts;
    for (const QLabel *label : parent->findChildren<QLabel *>())
        texts.append(label->text());
    return texts;
}

} // namespace

void TestWorkspaceRefresh::citizenFileShowsNewMandateAndDemarcheAtOnce()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(openAsAlice(vault));
    const Account alice = vault.account(aliceLogin()).value();
    Workspace workspace(&vault, alice);
    Citizen person;
    person.birthName = QStringLiteral("Fictif");
    person.givenNames = QStringLiteral("Léon");
    const Result<Citizen> made = workspace.citizens().create(alice, person);
    QVERIFY(made);

    catalogue::CatalogueStore catalogue;
    QVERIFY(catalogue.load(catalogue::Catalogue::bundledPath()));
    ui::CitizenFilePage page(&vault, &catalogue);
    page.setWorkspace(&workspace);
    QVERIFY(page.open(made->id));
    page.resize(1000, 800);
    page.show();
    QVERIFY(labelTexts(page.mandateRows()).contains(ui::CitizenFilePage::tr("No mandate.")));
    QCOMPARE(page.demarcheList()->count(), 1);
    QCOMPARE(page.demarcheList()->item(0)->text(), ui::CitizenFilePage::tr("No démarche yet."));

    // Made elsewhere in the kiosk (the Démarches page, a dialog): the open file shows both with no click.
    QVERIFY(workspace.mandates().create(alice, made.value(), {QStringLiteral("housing")}, MandateDuration::OneMonth,
                                        QStringLiteral("MFS Test"), QStringLiteral("Alice")));
    QVERIFY(workspace.submissions().createDraft(alice, QStringLiteral("caf-changement-adresse"), 3, made->id));
    // One turn of the event loop, far below the 500 ms poll for other programs' changes.
    QTRY_VERIFY_WITH_TIMEOUT(!labelTexts(page.mandateRows()).contains(ui::CitizenFilePage::tr("No mandate.")), 100);
    QTRY_VERIFY_WITH_TIMEOUT(page.demarcheList()->item(0)->text() != ui::CitizenFilePage::tr("No démarche yet."), 100);
    QCOMPARE(page.demarcheList()->count(), 1);
}

void TestWorkspaceRefresh::statusBarCountsADemarcheQueuedAtOnce()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(openAsAlice(vault));
    const Account alice = vault.account(aliceLogin()).value();
    Workspace workspace(&vault, alice);
    sync::SyncEngine engine(workspace); // never started: offline, as on the mediation bus
    ui::SyncStatusBar status(&vault);
    status.setWorkspace(&workspace);
    status.setEngine(&engine);
    status.show();
    QCOMPARE(status.waitingLabel()->text(), ui::SyncStatusBar::tr("%n démarche(s) waiting", nullptr, 0));

    const Result<Submission> draft =
        workspace.submissions().createDraft(alice, QStringLiteral("caf-changement-adresse"), 3);
    QVERIFY(draft);
    QVERIFY(workspace.submissions().queue(alice, draft->id,
                                          QJsonObject{{QStringLiteral("motif"), QStringLiteral("déménagement")}}));
    QTRY_COMPARE_WITH_TIMEOUT(status.waitingLabel()->text(),
                              ui::SyncStatusBar::tr("%n démarche(s) waiting", nullptr, 1), 100);
}

void TestWorkspaceRefresh::accountAddedByRelaisAdminShowsWithinTwoSeconds()
{
    TempStoreDir dir;
    Vault vault(dir.path(), SystemClock::instance()); // the real clock: relais-admin writes with its own
    QVERIFY(openAsAlice(vault));
    const Account alice = vault.account(aliceLogin()).value();
    Session session(vault.clock());
    session.start(alice);
    Workspace workspace(&vault, alice);
    ui::AdminPage page(&vault, &session);
    page.setWorkspace(&workspace);
    page.refresh();
    page.show();
    auto logins = [&page] {
        QStringList out;
        for (int row = 0; row < page.accountsTable()->rowCount(); ++row)
            out.append(page.accountsTable()->item(row, 1)->text());
        return out;
    };
    QCOMPARE(logins(), QStringList{aliceLogin()});

    // Another program on the same store (a script of the structure's administrator), while the kiosk is open.
    const Run r = runAdmin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"),
                            QStringLiteral("marc"), QStringLiteral("--role"), QStringLiteral("mediator"),
                            QStringLiteral("--display-name"), QStringLiteral("Marc"), QStringLiteral("--data-dir"),
                            dir.path(), QStringLiteral("--as"), aliceLogin(), QStringLiteral("--password-stdin")},
                           QString::fromUtf8(alicePassword()) + QLatin1Char('\n') +
                               QStringLiteral("another long passphrase 77") + QLatin1Char('\n'));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QTRY_VERIFY_WITH_TIMEOUT(logins().contains(QStringLiteral("marc")), 2000);
}

QTEST_MAIN(TestWorkspaceRefresh)
#include "TestWorkspaceRefresh.moc"
