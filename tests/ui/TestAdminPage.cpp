// The administration page driven as an administrator would: accounts created, re-passworded and
// disabled through the real dialogs; the idle-lock delay applied; the scan folder and photo reduction set.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "UiFind.h"

#include "admin/AdminPage.h"
#include "common/Translations.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
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

int journalCount(const Vault &vault, const QString &action, const QString &object)
{
    QSqlQuery q(vault.database()->connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM journal WHERE action = ? AND object = ?"));
    q.addBindValue(action);
    q.addBindValue(object);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}
} // namespace

class TestAdminPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(QStringLiteral("en")); }
    void createChangeAndDisableAccounts();
    void scanFolderAndPhotoSettings();
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

void TestAdminPage::scanFolderAndPhotoSettings()
{
    TempStoreDir dir;
    FakeClock clock;
    Vault vault(dir.path(), &clock);
    QVERIFY(vault.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                             secret(AdminPassword), false, KdfParams::interactive()));
    Session session(&clock);
    session.setTimerEnabled(false);
    session.start(vault.account(QStringLiteral("alice")).value());
    ui::AdminPage page(&vault, &session);
    page.refresh();
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *shown = findByAccessibleName<QLineEdit>(&page, QStringLiteral("Scan folder"));
    QVERIFY(shown);
    QVERIFY(shown->isReadOnly());
    QCOMPARE(shown->text(), QStringLiteral("None"));
    auto *choose = findButton(&page, QStringLiteral("Choose…"));
    QVERIFY(choose);
    QCOMPARE(choose->accessibleName(), QStringLiteral("Choose the scan folder"));
    QVERIFY(choose->accessibleDescription().contains(QStringLiteral("deleted from the folder")));
    auto *none = findButton(&page, QStringLiteral("No scan folder"));
    QVERIFY(none);
    QVERIFY(!none->isEnabled()); // nothing to clear yet

    // A readable folder is saved, journaled and shown.
    QTemporaryDir scans;
    QVERIFY(scans.isValid());
    const QString folder = QDir::cleanPath(scans.path());
    QVERIFY(page.setScanFolder(scans.path()));
    QCOMPARE(vault.setting(QStringLiteral("scan_folder")), folder);
    QCOMPARE(journalCount(vault, QStringLiteral("setting_changed"), QStringLiteral("scan_folder")), 1);
    QCOMPARE(shown->text(), QDir::toNativeSeparators(folder));
    QVERIFY(errorText(&page).isEmpty());
    QVERIFY(none->isEnabled());
    saveScreenshot(&page, QStringLiteral("11-admin-documents"));

    // A folder that does not exist, or a file, is refused next to the field; the saved folder stays.
    const QString missing = scans.filePath(QStringLiteral("not-there"));
    QVERIFY(!page.setScanFolder(missing));
    QVERIFY2(errorText(&page).contains(QStringLiteral("cannot be found")), qPrintable(errorText(&page)));
    QCOMPARE(vault.setting(QStringLiteral("scan_folder")), folder);
    QCOMPARE(journalCount(vault, QStringLiteral("setting_changed"), QStringLiteral("scan_folder")), 1);
    QCOMPARE(shown->text(), QDir::toNativeSeparators(folder));
    QFile file(scans.filePath(QStringLiteral("scan.pdf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4\n");
    file.close();
    QVERIFY(!page.setScanFolder(file.fileName()));
    QVERIFY2(errorText(&page).contains(QStringLiteral("is not a folder")), qPrintable(errorText(&page)));
    QCOMPARE(vault.setting(QStringLiteral("scan_folder")), folder);
    QVERIFY(QFile::exists(file.fileName())); // checking a folder never touches its files

    // "No scan folder" clears the setting.
    QTest::mouseClick(none, Qt::LeftButton);
    QCOMPARE(vault.setting(QStringLiteral("scan_folder")), QString());
    QCOMPARE(journalCount(vault, QStringLiteral("setting_changed"), QStringLiteral("scan_folder")), 2);
    QCOMPARE(shown->text(), QStringLiteral("None"));
    QVERIFY(!none->isEnabled());

    // Photo reduction: on by default, the box writes "0" then "1".
    auto *downscale = qobject_cast<QCheckBox *>(findButton(&page, QStringLiteral("Reduce photos before storing them")));
    QVERIFY(downscale);
    QVERIFY(downscale->isChecked());
    QVERIFY(!downscale->accessibleDescription().isEmpty());
    // On the box itself: a check box spans the form row, but only its box and text take clicks.
    const QPoint onBox(8, downscale->height() / 2);
    QTest::mouseClick(downscale, Qt::LeftButton, {}, onBox);
    QVERIFY(!downscale->isChecked());
    QCOMPARE(vault.setting(QStringLiteral("downscale_photos"), QStringLiteral("1")), QStringLiteral("0"));
    QCOMPARE(journalCount(vault, QStringLiteral("setting_changed"), QStringLiteral("downscale_photos")), 1);
    page.refresh();
    QVERIFY(!downscale->isChecked());
    downscale->setFocus();
    QTest::keyClick(downscale, Qt::Key_Space); // and from the keyboard
    QCOMPARE(vault.setting(QStringLiteral("downscale_photos")), QStringLiteral("1"));
    QVERIFY(downscale->isChecked());
}

QTEST_MAIN(TestAdminPage)
#include "TestAdminPage.moc"
