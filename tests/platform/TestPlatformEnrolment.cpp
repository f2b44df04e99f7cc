#include "PlatformHarness.h"

#include <QDir>
#include <QUuid>

using namespace platformtest;

// Health, enrolment, authentication and revocation against the real relais-platform.
class TestPlatformEnrolment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_platform.start(), m_platform.standardError().constData()); }
    void cleanupTestCase() { m_platform.stop(); }

    void healthAnswers204WithThePlatformHeader()
    {
        const Reply r = m_http.send("GET", m_platform.url(QStringLiteral("/v1/health")));
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Relais-Platform"), QByteArray("1"));
        QVERIFY(r.body.isEmpty());
    }

    void enrolmentCodeIsSingleUse()
    {
        const QByteArray request =
            QJsonDocument(QJsonObject{{QStringLiteral("code"), m_platform.enrolmentCode()},
                                      {QStringLiteral("device_name"), QStringLiteral("Kiosque 1")}})
                .toJson();
        const Reply first = m_http.send("POST", m_platform.url(QStringLiteral("/v1/enrolments")), request);
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Content-Type").startsWith("application/json"));
        const QJsonObject o = first.json();
        QVERIFY(!QUuid::fromString(o.value(QLatin1String("device_id")).toString()).isNull());
        m_token = o.value(QLatin1String("token")).toString();
        QVERIFY2(m_token.size() >= 43, qPrintable(QString::number(m_token.size())));
        QCOMPARE(o.value(QLatin1String("platform_name")).toString(), QStringLiteral("Plateforme de test"));
        QCOMPARE(QByteArray::fromBase64(o.value(QLatin1String("platform_key")).toString().toLatin1()).size(), 32);
        m_deviceId = o.value(QLatin1String("device_id")).toString();

        const Reply again = m_http.send("POST", m_platform.url(QStringLiteral("/v1/enrolments")), request);
        QCOMPARE(again.status, 400);
        QVERIFY(again.isProblem());
        QCOMPARE(again.problemType(), QStringLiteral("enrolment-code-invalid"));
        QVERIFY(!again.json().value(QLatin1String("detail")).toString().isEmpty());
    }

    void wrongCodeIsAProblem()
    {
        const Reply r = m_http.send("POST", m_platform.url(QStringLiteral("/v1/enrolments")),
                                    R"({"code":"AAAA-BBBB-CCCC","device_name":"Kiosque 2"})");
        QCOMPARE(r.status, 400);
        QVERIFY(r.isProblem());
        QCOMPARE(r.problemType(), QStringLiteral("enrolment-code-invalid"));
        QCOMPARE(r.json().value(QLatin1String("status")).toInt(), 400);
    }

    void badJsonIsAProblem()
    {
        const Reply r = m_http.send("POST", m_platform.url(QStringLiteral("/v1/enrolments")), "{\"code\": ");
        QCOMPARE(r.status, 400);
        QVERIFY(r.isProblem());
        QCOMPARE(r.problemType(), QStringLiteral("invalid-json"));
    }

    void tokenOpensTheApiAndNothingElseDoes()
    {
        QVERIFY(!m_token.isEmpty());
        const QUrl status = m_platform.url(QStringLiteral("/v1/submissions/status"));
        const Reply ok = m_http.send("GET", status, {}, {{"authorization", bearer(m_token)}});
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json().value(QLatin1String("changes")).isArray());

        const Reply none = m_http.send("GET", status);
        QCOMPARE(none.status, 401);
        QVERIFY(none.isProblem());
        const Reply wrong = m_http.send("GET", status, {}, {{"Authorization", bearer(m_token + QStringLiteral("x"))}});
        QCOMPARE(wrong.status, 401);
        const Reply put = m_http.send(
            "PUT",
            m_platform.url(QStringLiteral("/v1/submissions/") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
            "{}");
        QCOMPARE(put.status, 401);
    }

    void codeCommandWorksWhileTheServerRuns()
    {
        const QString code = m_platform.newCode();
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")).match(code).hasMatch(),
                 qPrintable(code));
        // Typed in lower case and without dashes, as people do.
        const QString typed = code.toLower().remove(QLatin1Char('-'));
        const Reply r = m_http.send("POST", m_platform.url(QStringLiteral("/v1/enrolments")),
                                    QJsonDocument(QJsonObject{{QStringLiteral("code"), typed},
                                                              {QStringLiteral("device_name"), QStringLiteral("Bus")}})
                                        .toJson());
        QCOMPARE(r.status, 201);
    }

    void revokedDeviceIsRefused()
    {
        Http http;
        const Platform::Device device = m_platform.enrol(http, QStringLiteral("Kiosque à révoquer"));
        QVERIFY(!device.token.isEmpty());
        const QUrl status = m_platform.url(QStringLiteral("/v1/submissions/status"));
        QCOMPARE(http.send("GET", status, {}, {{"Authorization", bearer(device.token)}}).status, 200);
        QByteArray err;
        QCOMPARE(
            m_platform.command(QStringLiteral("revoke-device"), {QStringLiteral("--device"), device.id}, nullptr, &err),
            0);
        const Reply r = http.send("GET", status, {}, {{"Authorization", bearer(device.token)}});
        QCOMPARE(r.status, 403);
        QVERIFY(r.isProblem());
        QCOMPARE(r.problemType(), QStringLiteral("device-revoked"));
        // The other device is untouched.
        QCOMPARE(http.send("GET", status, {}, {{"Authorization", bearer(m_token)}}).status, 200);
        QVERIFY(m_platform.command(QStringLiteral("revoke-device"),
                                   {QStringLiteral("--device"), QStringLiteral("nope")}, nullptr, &err) != 0);
        QCOMPARE(err.count('\n'), 1);
    }

    void tokenIsNeitherStoredNorLoggedInClear()
    {
        QVERIFY(!m_token.isEmpty());
        QByteArray stored;
        const QStringList files = QDir(m_platform.dataDir()).entryList({QStringLiteral("platform.db*")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile f(m_platform.dataDir() + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            stored += f.readAll();
            QCOMPARE(f.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        }
        QVERIFY(stored.contains(m_deviceId.toLatin1()));
        QVERIFY(!stored.contains(m_token.toLatin1()));
        const QByteArray log = m_platform.standardError();
        QVERIFY2(log.contains("POST /v1/enrolments 201"), log.constData());
        QVERIFY(!log.contains(m_token.toLatin1()));
        QVERIFY(!log.contains("Kiosque"));
    }

    void forgedLogLineDoesNotAppear()
    {
        // A %0a in the path would start a line of its own in the log if the path were written decoded.
        const Reply r =
            m_http.send("GET", m_platform.url(QStringLiteral("/v1/x%0AGET%20/v1/forged%20200%0D%0Ainjected")));
        QCOMPARE(r.status, 404);
        QCOMPARE(m_http.send("GET", m_platform.url(QStringLiteral("/v1/health"))).status, 204); // the log moves on
        const QByteArray log = m_platform.standardError();
        QVERIFY2(log.contains("/v1/x%0AGET%20/v1/forged%20200%0D%0Ainjected 404"), log.constData());
        QVERIFY2(!log.contains("\nGET /v1/forged 200"), log.constData());
        QVERIFY2(!log.contains("\ninjected"), log.constData());
        QVERIFY(!log.contains('\r'));
    }

    void enrolmentGuessesAreSlowedDown()
    {
        // A platform of its own: the limit on this address would otherwise hold for the other tests.
        Platform platform;
        QVERIFY2(platform.start(), platform.standardError().constData());
        Http http;
        int refused = 0;
        int limited = 0;
        Reply last;
        for (int i = 0; i < 30; ++i) {
            const QByteArray guess =
                QJsonDocument(QJsonObject{{QStringLiteral("code"), QStringLiteral("AAAA-BBBB-%1").arg(1000 + i)},
                                          {QStringLiteral("device_name"), QStringLiteral("X")}})
                    .toJson(QJsonDocument::Compact);
            const Reply r = http.send("POST", platform.url(QStringLiteral("/v1/enrolments")), guess);
            if (r.status == 400)
                ++refused;
            else if (r.status == 429) {
                ++limited;
                last = r;
            }
        }
        QCOMPARE(refused, 10);
        QCOMPARE(limited, 20);
        QVERIFY(last.isProblem());
        QCOMPARE(last.problemType(), QStringLiteral("too-many-enrolment-attempts"));
        QCOMPARE(last.header("Relais-Platform"), QByteArray("1"));
        bool ok = false;
        const int retryAfter = last.header("Retry-After").toInt(&ok);
        QVERIFY(ok && retryAfter > 0 && retryAfter <= 600);
        // While it waits, even the right code is not tried: guessing gains nothing.
        const Reply right = http.send("POST", platform.url(QStringLiteral("/v1/enrolments")),
                                      QJsonDocument(QJsonObject{{QStringLiteral("code"), platform.enrolmentCode()},
                                                                {QStringLiteral("device_name"), QStringLiteral("X")}})
                                          .toJson(QJsonDocument::Compact));
        QCOMPARE(right.status, 429);
        // The rest of the API is not slowed down.
        QCOMPARE(http.send("GET", platform.url(QStringLiteral("/v1/health"))).status, 204);
    }

    void signingKeyFileIsTheOwnersOnly()
    {
        Platform platform;
        QVERIFY2(platform.start(), platform.standardError().constData());
        Http http;
        const QByteArray pinned = platform.enrol(http).platformKey;
        QCOMPARE(pinned.size(), 32);
        platform.stop();
        const QString path = platform.dataDir() + QStringLiteral("/signing-key.ed25519");
        QFile key(path);
        QCOMPARE(key.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray secret = QByteArray::fromBase64(key.readAll().trimmed());
        key.close();
        QCOMPARE(secret.size(), 64);
        // Only there: the database (backed up, copied around) holds the public key only.
        QByteArray database;
        for (const QString &name : QDir(platform.dataDir()).entryList({QStringLiteral("platform.db*")}, QDir::Files)) {
            QFile f(platform.dataDir() + QLatin1Char('/') + name);
            QVERIFY(f.open(QIODevice::ReadOnly));
            database += f.readAll();
        }
        QVERIFY(!database.contains(secret.left(32)));

        // Loosened by mistake: set back to 0600 at the next start, and the key is the same.
        QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                   QFileDevice::ReadOther));
        QVERIFY2(platform.start(), platform.standardError().constData());
        QCOMPARE(QFile(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(platform.enrol(http).platformKey, pinned);
        platform.stop();

        // Lost: the platform refuses to start rather than sign with a key no kiosk trusts.
        QVERIFY(QFile::remove(path));
        QVERIFY(!platform.start());
        QVERIFY2(platform.standardError().contains("signing-key.ed25519"), platform.standardError().constData());
    }

    void remoteListeningNeedsAnExplicitFlag()
    {
        Platform remote;
        QVERIFY(!remote.start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0")}));
        remote.stop();
        QVERIFY(remote.exitCode() != 0);
        QVERIFY2(remote.standardError().contains("loopback"), remote.standardError().constData());
    }

private:
    Platform m_platform{{QStringLiteral("--name"), QStringLiteral("Plateforme de test")}};
    Http m_http;
    QString m_token;
    QString m_deviceId;
};

QTEST_GUILESS_MAIN(TestPlatformEnrolment)
#include "TestPlatformEnrolment.moc"
