// A kiosk behind a forward proxy: squid with basic authentication (in a network namespace of its own when the machine
// allows it) between relais-admin and the TLS platform
// (nginx in front of relais-platform). The platform is named platform.relais.test, a name only squid can resolve,
// so a sync that works went through squid (its access log shows the CONNECT tunnels). The proxy an administrator set
// (relais-admin proxy set, password in the encrypted store), then the system's (https_proxy), and what an
// administrator reads when the proxy refuses the password (407) or cannot be reached: nothing quarantined.
#include "NetworkHarness.h"

#include <QDirIterator>

using namespace networktest;

namespace {

const QString ProxyUser = QStringLiteral("kiosk");
const QString ProxyPassword = QStringLiteral("proxy-test-secret-7f3a");

// Whether `text` appears in any file under `dir` (the store must keep the proxy password encrypted).
bool anyFileContains(const QString &dir, const QByteArray &text)
{
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestForwardProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void syncThroughSquidWithBasicAuthentication();
};

void TestForwardProxy::initTestCase()
{
    clearProxyEnvironment();
    NETWORK_REQUIRE(!nginxPath().isEmpty(), "nginx is not installed (scripts/setup installs it)");
    NETWORK_REQUIRE(!squidPath().isEmpty(), "squid is not installed (scripts/setup installs it)");
    NETWORK_REQUIRE(!squidAuthHelper().isEmpty(), "squid's basic_ncsa_auth helper is missing (package squid)");
    NETWORK_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
                    "openssl is not installed (scripts/setup installs it)");
}

void TestForwardProxy::cleanup()
{
    clearProxyEnvironment();
}

void TestForwardProxy::syncThroughSquidWithBasicAuthentication()
{
    // squid in a network namespace of its own when this machine allows it (root): the kiosk reaches it over a veth
    // pair, not loopback, and squid reaches nginx the same way. Otherwise everything on loopback.
    NetworkNamespace netns;
    const QString proxyAddress = netns.isValid() ? netns.insideAddress() : QStringLiteral("127.0.0.1");
    const QString frontAddress = netns.isValid() ? netns.hostAddress() : QStringLiteral("127.0.0.1");
    if (netns.isValid())
        qInfo("squid in the network namespace %s", qPrintable(netns.name()));
    else
        qInfo("no network namespace here (%s): squid runs on loopback", qPrintable(netns.problem()));

    platformtest::Platform platform;
    QVERIFY(platform.start());
    TempStoreDir work;
    TlsFront front(work.file(QStringLiteral("nginx")));
    const quint16 tlsPort = freePort();
    QVERIFY2(front.start(quint16(platform.url(QStringLiteral("/")).port()), tlsPort, frontAddress),
             qPrintable(front.diagnostics()));
    QDir(work.path()).mkpath(QStringLiteral("squid"));
    Squid squid(work.file(QStringLiteral("squid")));
    QString why;
    NETWORK_REQUIRE(squid.start(proxyAddress, freePort(), frontAddress, tlsPort, ProxyUser, ProxyPassword,
                                netns.isValid() ? netns.name() : QString(), &why),
                    why);

    const QUrl platformUrl = front.url(QStringLiteral("platform.relais.test"));
    const QString hostPort = QStringLiteral("platform.relais.test:%1").arg(tlsPort);
    const QString store = work.file(QStringLiteral("kiosk"));
    QVERIFY(makeStore(store));
    QVERIFY(queueDemarches(store, 2, 256 * 1024));
    QMap<QString, QStringList> expected = localDocuments(store, {QStringLiteral("queued")});

    // Only an http:// proxy with a port, credentials apart (never in the address, where a log could show them).
    for (const QString &bad : {QStringLiteral("https://127.0.0.1:3128"), QStringLiteral("http://127.0.0.1"),
                               QStringLiteral("http://kiosk:secret@127.0.0.1:3128")}) {
        const Run refused = setProxy(store, QUrl(bad), ProxyUser, ProxyPassword);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("A proxy address looks like http://proxy.example.org:3128")),
                 qPrintable(refused.err));
    }

    // The administrator's proxy, its password on standard input, never printed, never stored in clear.
    const Run set = setProxy(store, squid.url(), ProxyUser, ProxyPassword);
    QVERIFY2(set.code == 0, qPrintable(set.err));
    QVERIFY2(set.out.contains(squid.url().toString()), qPrintable(set.out));
    QVERIFY(!set.out.contains(ProxyPassword) && !set.err.contains(ProxyPassword));
    QVERIFY(!anyFileContains(store, ProxyPassword.toUtf8()));

    const Run enrolled = enrol(store, platformUrl, platform.enrolmentCode(), front.caPath());
    QVERIFY2(enrolled.code == 0, qPrintable(enrolled.err + squid.accessLog()));
    const int afterEnrolment = squid.tunnels(hostPort, ProxyUser);
    QVERIFY2(afterEnrolment >= 1, qPrintable(squid.accessLog()));

    const Run round = networktest::sync(store);
    QVERIFY2(round.code == 0, qPrintable(round.out + round.err));
    QCOMPARE(summaryCount(round.out, QStringLiteral("delivered")), 2);
    QCOMPARE(summaryCount(round.out, QStringLiteral("waiting")), 0);
    QCOMPARE(platformDocuments(platform), expected);
    QVERIFY2(squid.tunnels(hostPort, ProxyUser) > afterEnrolment, qPrintable(squid.accessLog()));

    // A wrong proxy password: the 407 said plainly, the démarche waits, nothing quarantined, nothing sent.
    QVERIFY(queueDemarches(store, 1, 64 * 1024));
    const Run wrong = setProxy(store, squid.url(), ProxyUser, QStringLiteral("not-the-password"));
    QVERIFY2(wrong.code == 0, qPrintable(wrong.err));
    const int refusalsBefore = squid.refusals(hostPort);
    const Run refused = networktest::sync(store);
    QCOMPARE(refused.code, 1);
    QCOMPARE(refused.err.trimmed(), QStringLiteral("relais-admin: ") + QString::fromUtf8(ProxyRefused));
    QCOMPARE(summaryCount(refused.out, QStringLiteral("quarantined")), 0);
    QCOMPARE(summaryCount(refused.out, QStringLiteral("waiting")), 1);
    QVERIFY2(squid.refusals(hostPort) > refusalsBefore, qPrintable(squid.accessLog()));
    QCOMPARE(platform.list().size(), 2);
    QVERIFY(localDocuments(store, {QStringLiteral("quarantined")}).isEmpty());

    // A proxy that is not there: said as such, still nothing quarantined.
    const Run gone =
        setProxy(store, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort())), ProxyUser, ProxyPassword);
    QVERIFY2(gone.code == 0, qPrintable(gone.err));
    const Run unreachable = networktest::sync(store);
    QCOMPARE(unreachable.code, 1);
    QCOMPARE(unreachable.err.trimmed(), QStringLiteral("relais-admin: ") + QString::fromUtf8(ProxyUnreachable));
    QCOMPARE(summaryCount(unreachable.out, QStringLiteral("quarantined")), 0);

    // No proxy of its own: the system's (https_proxy, as a desktop or /etc/environment sets it) is followed.
    const Run cleared = clearProxy(store);
    QVERIFY2(cleared.code == 0, qPrintable(cleared.err));
    const int beforeSystem = squid.tunnels(hostPort, ProxyUser);
    QUrl systemProxy = squid.url();
    systemProxy.setUserName(ProxyUser);
    systemProxy.setPassword(ProxyPassword);
    qputenv("https_proxy", systemProxy.toEncoded());
    const Run viaSystem = networktest::sync(store);
    clearProxyEnvironment();
    QVERIFY2(viaSystem.code == 0, qPrintable(viaSystem.out + viaSystem.err));
    QCOMPARE(summaryCount(viaSystem.out, QStringLiteral("delivered")), 1);
    QVERIFY2(squid.tunnels(hostPort, ProxyUser) > beforeSystem, qPrintable(squid.accessLog()));
    expected = localDocuments(store, {QStringLiteral("delivered")});
    QCOMPARE(expected.size(), 3);
    QCOMPARE(platformDocuments(platform), expected);
}

QTEST_GUILESS_MAIN(TestForwardProxy)
#include "TestForwardProxy.moc"
