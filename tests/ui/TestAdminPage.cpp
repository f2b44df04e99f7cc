// The administration page driven as an administrator would: accounts created, re-passworded and
// disabled through the real dialogs; the idle-lock delay applied.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "UiFind.h"

#include "admin/AdminPage.h"
#include "common/Translations.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace relais;
using namespace relais::test;

namespace {
const QByteArray AdminPassword = "correct horse battery staple";

SecureBytes secret(const QByteArray &text)
{
    return SecureBytes(text.constData(), int(text.size()));
}

// Runs `fill` on the next modal dialog as soon as it opens (exec() blocks the test otherwise).
void onNextDialog(const std::function<void(QWidget *)> &fill)
{
    QTimer::singleShot(0, qApp, [fill] {
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() != nullptr, 5000);
        fill(QApplication::activeModalWidget());
    });
}

void type(QWidget *dialog, const QString &accessibleName, const QString &text)
{
    auto *edit = findByAccessibleName<QLineEdit>(dialog, accessibleName);
    QVERIFY2(edit, qPrintable(accessibleName));
    edit->clear();
    QTest::keyClicks(edit, text);
}

QString errorText(QWidget *root)
{
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (l->property("role").toString() == QLatin1String("error") && l->isVisible())
            return l->text();
    }
    return QString();
}
} // namespace

class TestAdminPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QStringLiteral("en")); }
    void createChangeAndDisableAccounts();
};

void TestAdminPage::createChangeAndDisableAccounts()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(vault.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                             secret(AdminPassword), false, KdfParams::interactive()));
    vault.setKdfParams(KdfParams::interactive());
    Session session(&clock);
    session.setTimerEnabled(false);
    session.start(vault.account(QStringLiteral("alice")).value());
    ui::AdminPage page(&vault, &session);
    page.refresh();
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.accountsTable()->rowCount(), 1);

    // A weak password is refused inside the dialog, which stays open; then a good one creates the account.
    bool sawPolicyError = false;
    onNextDialog([&](QWidget *dialog) {
        type(dialog, QStringLiteral("Full name"), QStringLiteral("Marc Petit"));
        type(dialog, QStringLiteral("Login"), QStringLiteral("marc"));
        auto *role = findByAccessibleName<QComboBox>(dialog, QStringLiteral("Role"));
        QVERIFY(role);
        role->setCurrentIndex(role->findText(QStringLiteral("Volunteer")));
        type(dialog, QStringLiteral("Password"), QStringLiteral("short"));
        type(dialog, QStringLiteral("Password again"), QStringLiteral("short"));
        QTest::mouseClick(findButton(dialog, QStringLiteral("Create")), Qt::LeftButton);
        sawPolicyError = errorText(dialog).contains(QStringLiteral("12 characters"));
        type(dialog, QStringLiteral("Password"), QStringLiteral("volunteer password 7"));
        type(dialog, QStringLiteral("Password again"), QStringLiteral("volunteer password 7"));
        QTest::mouseClick(findButton(dialog, QStringLiteral("Create")), Qt::LeftButton);
    });
    QTest::mouseClick(findButton(&page, QStringLiteral("New account…")), Qt::LeftButton);
    QVERIFY(sawPolicyError);
    QCOMPARE(page.accountsTable()->rowCount(), 2);
    auto marc = vault.account(QStringLiteral("marc"));
    QVERIFY(marc);
    QCOMPARE(marc->role, Role::Volunteer);
    QCOMPARE(marc->displayName, QStringLiteral("Marc Petit"));
    saveScreenshot(&page, QStringLiteral("10-admin-accounts"));

    // New password for the selected account: the old one stops working.
    const auto rows = page.accountsTable()->findItems(QStringLiteral("marc"), Qt::MatchExactly);
    QCOMPARE(rows.size(), 1);
    page.accountsTable()->setCurrentCell(rows.first()->row(), 1);
    onNextDialog([&](QWidget *dialog) {
        type(dialog, QStringLiteral("Password"), QStringLiteral("another volunteer password"));
        type(dialog, QStringLiteral("Password again"), QStringLiteral("another volunteer password"));
        QTest::mouseClick(findButton(dialog, QStringLiteral("Save")), Qt::LeftButton);
    });
    QTest::mouseClick(findButton(&page, QStringLiteral("Change password…")), Qt::LeftButton);
    QCOMPARE(Vault::unwrapPassword(vault.keySlots(), QStringLiteral("marc"), secret("volunteer password 7")).code(),
             ErrorCode::WrongPassword);
    QVERIFY(Vault::unwrapPassword(vault.keySlots(), QStringLiteral("marc"), secret("another volunteer password")));

    // Disable, after confirmation: the account's slot is gone.
    onNextDialog([](QWidget *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(findButton(&page, QStringLiteral("Disable")), Qt::LeftButton);
    QVERIFY(vault.account(QStringLiteral("marc"))->disabled);
    QVERIFY(!vault.keySlots().hasPasswordSlot(QStringLiteral("marc")));
    bool shownDisabled = false;
    for (int r = 0; r < page.accountsTable()->rowCount(); ++r) {
        if (page.accountsTable()->item(r, 1)->text() == QLatin1String("marc"))
            shownDisabled = page.accountsTable()->item(r, 3)->text() == QLatin1String("Disabled");
    }
    QVERIFY(shownDisabled);

    // The idle-lock delay is stored and applied to the session.
    auto *idle = findByAccessibleName<QSpinBox>(
        &page, QStringLiteral("Lock the session after this many minutes without activity"));
    QVERIFY(idle);
    idle->setValue(12);
    QTest::mouseClick(findButton(&page, QStringLiteral("Apply")), Qt::LeftButton);
    QCOMPARE(session.idleLockMs(), qint64(12) * 60000);
    QCOMPARE(vault.setting(QStringLiteral("idle_lock_minutes")), QStringLiteral("12"));
}

QTEST_MAIN(TestAdminPage)
#include "TestAdminPage.moc"
