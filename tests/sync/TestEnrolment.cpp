#ifdef RELAIS_PLATFORM_PATH
#include "../platform/PlatformHarness.h"
#endif
#include "SyncFixture.h"

#include "client/Enrolment.h"

#include <QNetworkAccessManager>

using namespace relais;
using namespace relais::test;
using relais::sync::Enrolment;

namespace {

Result<SyncSettings> enrolWith(const QUrl &url, const QString &code, const QString &name = QStringLiteral("Kiosque 1"))
{
    QNetworkAccessManager nam;
    Enrolment enrolment(&nam);
    std::optional<Result<SyncSettings>> result;
    enrolment.enrol(url, code, name, [&](Result<SyncSettings> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return makeError(ErrorCode::Internal, QStringLiteral("no answer"));
    return *result;
}

} // namespace

class TestEnrolment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enrolsWithFakePlatform();
    void platformRefusalShowsItsDetail();
    void plainHttpOnlyToLoopback();
    void malformedCodeIsRefusedBeforeAnyRequest();
    void incompleteAnswerIsRefused();
    void intermediaryIsNotThePlatformRefusing();
    void enrolsWithRealPlatform();
};

void TestEnrolment::enrolsWithFakePlatform()
{
    FakePlatform p;
    QVERIFY(p.listen());
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (r.method == "POST" && r.pathWithoutQuery() == "/v1/enrolments") {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            if (body.value(QLatin1String("code")).toString() != QLatin1String("ABCD-EFGH-IJKL"))
                return p.problem(400, QStringLiteral("enrolment-code-invalid"), QStringLiteral("Code inconnu."));
            return p.withPlatform(ScriptedReply::json(
                201, {{QStringLiteral("device_id"), QStringLiteral("6d3c7c1a-8f2b-4c8e-9a0e-2f8b3c1d4e5f")},
                      {QStringLiteral("token"), QString::fromLatin1(p.token)},
                      {QStringLiteral("platform_name"), QStringLiteral("Plateforme départementale")},
                      {QStringLiteral("platform_key"), QString::fromLatin1(p.key.publicKey.toBase64())}}));
        }
        return std::nullopt;
    };
    // Codes are read aloud and typed: lower case and spaces are forgiven.
    const auto enrolled = enrolWith(p.url(), QStringLiteral(" abcd-efgh-ijkl "));
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.message()));
    QVERIFY(enrolled->isEnrolled());
    QCOMPARE(enrolled->deviceId, QStringLiteral("6d3c7c1a-8f2b-4c8e-9a0e-2f8b3c1d4e5f"));
    QCOMPARE(enrolled->token, p.token);
    QCOMPARE(enrolled->platformKey, p.key.publicKey);
    QCOMPARE(enrolled->platformName, QStringLiteral("Plateforme départementale"));
    QCOMPARE(enrolled->platformUrl, p.url());
    const RecordedRequest request = p.server.requests().last();
    QCOMPARE(QJsonDocument::fromJson(request.body).object().value(QLatin1String("device_name")).toString(),
             QStringLiteral("Kiosque 1"));
    QVERIFY(request.header("Authorization").isEmpty());

    // Saved, the engine can use it.
    Kiosk k;
    QVERIFY(k.open());
    QVERIFY(k.store().saveEnrolment(enrolled.value(), aliceLogin()));
    QCOMPARE(k.store().settings()->token, p.token);
}

void TestEnrolment::platformRefusalShowsItsDetail()
{
    FakePlatform p;
    QVERIFY(p.listen());
    p.before = [&](const RecordedRequest &) -> std::optional<ScriptedReply> {
        return p.problem(400, QStringLiteral("enrolment-code-invalid"),
                         QStringLiteral("Ce code a déjà servi ou a expiré : demandez-en un nouveau."));
    };
    const auto refused = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.message(), QStringLiteral("Ce code a déjà servi ou a expiré : demandez-en un nouveau."));

    p.before = [&](const RecordedRequest &) -> std::optional<ScriptedReply> {
        return ScriptedReply::html(502, "<html>Bad gateway</html>");
    };
    const auto proxy = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!proxy.ok());
    QVERIFY(proxy.message().contains(QStringLiteral("502")));
}

void TestEnrolment::plainHttpOnlyToLoopback()
{
    const auto refused = enrolWith(QUrl(QStringLiteral("http://plateforme.example")), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.message().contains(QStringLiteral("https://")));
    const auto notUrl = enrolWith(QUrl(QStringLiteral("ftp://plateforme.example")), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!notUrl.ok());
    // Loopback in plain http is allowed: nothing listens on port 9 here, so it fails on the network instead.
    const auto loopback = enrolWith(QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!loopback.ok());
    QCOMPARE(loopback.code(), ErrorCode::Io);
}

void TestEnrolment::malformedCodeIsRefusedBeforeAnyRequest()
{
    FakePlatform p;
    QVERIFY(p.listen());
    const auto refused = enrolWith(p.url(), QStringLiteral("ABCD-EFGH"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.message().contains(QStringLiteral("ABCD-EFGH-IJKL")));
    const auto noName = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"), QStringLiteral("  "));
    QVERIFY(!noName.ok());
    QCOMPARE(p.server.requests().size(), 0);
}

void TestEnrolment::incompleteAnswerIsRefused()
{
    FakePlatform p;
    QVERIFY(p.listen());
    p.before = [&](const RecordedRequest &) -> std::optional<ScriptedReply> {
        return p.withPlatform(ScriptedReply::json(201, {{QStringLiteral("device_id"), QStringLiteral("x")},
                                                        {QStringLiteral("token"), QStringLiteral("short")}}));
    };
    const auto refused = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY(!refused.ok());
    QVERIFY(!refused.message().isEmpty());
}

// A strict intermediary answers 417 to an Expect header: the kiosk sends none. Its other pages (a proxy's 403, a
// captive portal's 200) are said to be the network's doing, never the platform refusing the code.
void TestEnrolment::intermediaryIsNotThePlatformRefusing()
{
    FakePlatform p;
    QVERIFY(p.listen());
    p.before = [&](const RecordedRequest &r) -> std::optional<ScriptedReply> {
        if (auto refused = strictIntermediary(r))
            return refused;
        return p.withPlatform(ScriptedReply::json(
            201, {{QStringLiteral("device_id"), QStringLiteral("6d3c7c1a-8f2b-4c8e-9a0e-2f8b3c1d4e5f")},
                  {QStringLiteral("token"), QString::fromLatin1(p.token)},
                  {QStringLiteral("platform_name"), QStringLiteral("Plateforme départementale")},
                  {QStringLiteral("platform_key"), QString::fromLatin1(p.key.publicKey.toBase64())}}));
    };
    const auto enrolled = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"));
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.message()));
    QVERIFY(!carriesHeader(p.server.requests().last(), "Expect"));

    for (const int status : {403, 407, 413, 200}) {
        p.before = [&](const RecordedRequest &) -> std::optional<ScriptedReply> {
            return intermediaryPage(status);
        };
        const auto refused = enrolWith(p.url(), QStringLiteral("ABCD-EFGH-IJKL"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.code(), ErrorCode::Io);
        if (status == 407) {
            // Only a proxy answers 407: it is named, and the platform is not said to have refused anything.
            QVERIFY2(refused.message().startsWith(QStringLiteral("The proxy refused")), qPrintable(refused.message()));
            QVERIFY(!refused.message().contains(QStringLiteral("platform")));
            continue;
        }
        QVERIFY2(refused.message().contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(refused.message()));
        QVERIFY2(!refused.message().contains(QStringLiteral("refused")), qPrintable(refused.message()));
    }
}

void TestEnrolment::enrolsWithRealPlatform()
{
#ifndef RELAIS_PLATFORM_PATH
    QFAIL("relais-platform is not part of this build");
#else
    platformtest::Platform platform;
    QVERIFY(platform.start({QStringLiteral("--name"), QStringLiteral("Plateforme du Cher")}));
    const auto enrolled = enrolWith(platform.url(QString()), platform.enrolmentCode());
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.message()));
    QVERIFY(enrolled->isEnrolled());
    QCOMPARE(enrolled->platformName, QStringLiteral("Plateforme du Cher"));
    QVERIFY(enrolled->token.size() >= 43);
    // The code is single-use.
    const auto again = enrolWith(platform.url(QString()), platform.enrolmentCode());
    QVERIFY(!again.ok());
    QVERIFY(!again.message().isEmpty());
#endif
}

QTEST_GUILESS_MAIN(TestEnrolment)
#include "TestEnrolment.moc"
