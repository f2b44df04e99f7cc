// A staff PC whose store has a keychain slot, started where no keychain answers (no session bus):
// the kiosk says why on the sign-in page and the password still opens the store.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "UiFind.h"

#include "common/Translations.h"
#include "login/LoginPage.h"
#include "security/Session.h"
#include "security/Vault.h"
#include "shell/MainWindow.h"
#include "shell/ShellPage.h"
#include "store/KeySlots.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestKeychainFallback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void absentKeychainFallsBackToPasswordAndSaysWhy();
};

void TestKeychainFallback::absentKeychainFallsBackToPasswordAndSaysWhy()
{
    const QByteArray password = "correct horse battery staple";
    const SecureBytes secret(password.constData(), int(password.size()));
    TempStoreDir dir;
    FakeClock clock;
    {
        Vault v(dir.path(), &clock);
        QVERIFY(v.initialize(QStringLiteral("MFS Test"), QStringLiteral("alice"), QStringLiteral("Alice Martin"),
                             secret, false, KdfParams::interactive()));
    }
    // Add a keychain slot as an earlier session on this PC would have (its key lived in that keyring).
    const QString path = dir.file(KeySlots::fileName());
    auto slots_ = KeySlots::load(path, SystemClock::instance());
    QVERIFY(slots_);
    auto dataKey = slots_->unlockWithPassword(QStringLiteral("alice"), secret);
    QVERIFY(dataKey);
    QVERIFY(slots_->setKeychainSlot(SecureBytes::random(32), dataKey.value()));
    QVERIFY(slots_->save(path, dataKey.value()));

    Vault vault(dir.path(), &clock);
    Session session(&clock);
    session.setTimerEnabled(false);
    ui::MainWindow window(&vault, &session);
    window.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentPage(), window.loginPage());
    QVERIFY(!vault.isOpen());

    // The reason is on screen, in plain words, next to the sign-in form.
    QString notice;
    for (QLabel *label : window.loginPage()->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(QStringLiteral("keychain")))
            notice = label->text();
    }
    QVERIFY2(notice.contains(QStringLiteral("Sign in with your password")), qPrintable(notice));
    QVERIFY(notice.contains(QStringLiteral("No system keychain is available")));
    saveScreenshot(&window, QStringLiteral("09-keychain-fallback"));

    auto *field = findByAccessibleName<QLineEdit>(window.loginPage(), QStringLiteral("Password"));
    QVERIFY(field);
    QTest::keyClicks(field, QString::fromUtf8(password));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.loginPage()->isBusy(), 20000);
    QCOMPARE(window.currentPage(), window.shellPage());
    QVERIFY(vault.isOpen());
}

int main(int argc, char *argv[])
{
    // No session bus at all: what a kiosk account without a desktop session looks like.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/relais-test-bus");
    QApplication app(argc, argv);
    installTranslations(QStringLiteral("en"));
    TestKeychainFallback test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeychainFallback.moc"
