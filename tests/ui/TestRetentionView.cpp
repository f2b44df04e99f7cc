// Administration → retention: the administrator sees which files will be erased and when, changes the
// inactivity period, and purges what is due; the files really go.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"
#include "UiFind.h"

#include "admin/RetentionView.h"
#include "domain/CitizenRepository.h"
#include "domain/Workspace.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace relais;
using namespace relais::test;
using relais::ui::RetentionView;

class TestRetentionView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void administratorSeesAndPurges();
};

void TestRetentionView::administratorSeesAndPurges()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(openAsAlice(vault));
    const Account admin = vault.account(aliceLogin()).value();
    Session session(&clock);
    session.start(admin);
    CitizenRepository citizens(vault.database()->connection(), &vault.journal(), &clock);
    Citizen old;
    old.birthName = QStringLiteral("Ancien");
    old.givenNames = QStringLiteral("Paul");
    const qint64 oldId = citizens.create(admin, old)->id;
    clock.advanceSecs(200 * 24 * 3600);
    Citizen recent;
    recent.birthName = QStringLiteral("Récent");
    recent.givenNames = QStringLiteral("Léa");
    const qint64 recentId = citizens.create(admin, recent)->id;

    Workspace workspace(&vault, admin);
    RetentionView view(&vault, &session, nullptr);
    view.setWorkspace(&workspace);
    view.resize(900, 600);
    view.show();
    view.refresh();
    auto *table = view.planTable();
    auto *purge = view.findChild<QPushButton *>(QStringLiteral("purgeNow"));
    auto *months = view.findChild<QSpinBox *>(QStringLiteral("inactivityMonths"));
    QCOMPARE(months->value(), 12);
    QCOMPARE(table->rowCount(), 0); // nothing within 30 days yet
    QVERIFY(!purge->isEnabled());

    // Six months: the old file is due now, the recent one is not yet planned.
    months->setValue(6);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("saveInactivity")), Qt::LeftButton);
    QCOMPARE(vault.setting(Retention::inactivitySettingKey()), QStringLiteral("6"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("ANCIEN Paul"));
    QCOMPARE(table->item(0, 2)->text(), Retention::kindLabel(RetentionItem::Kind::InactiveFile));
    QVERIFY(purge->isEnabled());
    saveScreenshot(&view, QStringLiteral("retention-view"));

    QTest::mouseClick(purge, Qt::LeftButton);
    QCOMPARE(citizens.load(admin, oldId).code(), ErrorCode::InvalidInput);
    QVERIFY(citizens.load(admin, recentId));
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!purge->isEnabled());
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("retentionMessage"))->text().contains(QLatin1Char('1')));
}

QTEST_MAIN(TestRetentionView)
#include "TestRetentionView.moc"
