#include "PlatformHarness.h"

#include "protocol/Protocol.h"

#include <QTemporaryFile>

using namespace platformtest;

// GET /v1/catalogue: the bytes, their ETag and the Ed25519 signature by the key given at enrolment.
class TestPlatformCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_platform.start(), m_platform.standardError().constData());
        m_device = m_platform.enrol(m_http);
        QCOMPARE(m_device.platformKey.size(), 32);
    }
    void cleanupTestCase() { m_platform.stop(); }

    void defaultCatalogueIsSignedBundledDemarches()
    {
        const Reply r = get();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("ETag"), '"' + sha256Hex(r.body) + '"');
        QVERIFY(verified(r));
        const QJsonObject document = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(document.value(QLatin1String("format")).toString(), QStringLiteral("relais-catalogue"));
        QVERIFY(document.value(QLatin1String("version")).toInt() >= 1);
        QVERIFY(QDate::fromString(document.value(QLatin1String("published")).toString(), Qt::ISODate).isValid());
        QStringList ids;
        for (const QJsonValue &d : document.value(QLatin1String("demarches")).toArray())
            ids.append(d.toObject().value(QLatin1String("id")).toString());
        QVERIFY(ids.contains(QStringLiteral("caf-changement-adresse")));
        QVERIFY(ids.contains(QStringLiteral("msa-aspa")));
        QCOMPARE(ids.size(), QDir(QStringLiteral(RELAIS_SOURCE_DIR "/resources/catalogue/demarches"))
                                 .entryList({QStringLiteral("*.json")}, QDir::Files)
                                 .size());
        m_etag = r.header("ETag");
    }

    void unchangedCatalogueIs304()
    {
        QVERIFY(!m_etag.isEmpty());
        const Reply r = get(m_etag);
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(get("\"0000\"").status, 200);
    }

    void publishingChangesTheEtag()
    {
        const QByteArray document =
            R"({"format":"relais-catalogue","version":99,"published":"2026-11-23","demarches":[]})"
            "\n";
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(document);
        file.flush();
        QByteArray err;
        QCOMPARE(m_platform.command(QStringLiteral("publish-catalogue"), {QStringLiteral("--file"), file.fileName()},
                                    nullptr, &err),
                 0);
        const Reply r = get(m_etag);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, document);
        QVERIFY(r.header("ETag") != m_etag);
        QCOMPARE(r.header("ETag"), '"' + sha256Hex(document) + '"');
        QVERIFY(verified(r));
        QCOMPARE(get(r.header("ETag")).status, 304);
    }

    void invalidOrOlderDocumentsAreRefused()
    {
        const Reply before = get();
        for (const QByteArray &document : {QByteArray("not json"), QByteArray(R"({"format":"other","version":100})"),
                                           QByteArray(R"({"format":"relais-catalogue"})"),
                                           QByteArray(R"({"format":"relais-catalogue","version":5,"demarches":[]})")}) {
            QTemporaryFile file;
            QVERIFY(file.open());
            file.write(document);
            file.flush();
            QByteArray err;
            QVERIFY(m_platform.command(QStringLiteral("publish-catalogue"), {QStringLiteral("--file"), file.fileName()},
                                       nullptr, &err) != 0);
            QCOMPARE(err.count('\n'), 1);
        }
        QCOMPARE(get().body, before.body);
    }

    void aForeignKeyDoesNotVerify()
    {
        const Reply r = get();
        const QByteArray signature = QByteArray::fromBase64(r.header("Relais-Signature").mid(8));
        QVERIFY(!relais::protocol::verify(r.body, signature, relais::protocol::SigningKey::generate().publicKey));
        QByteArray tampered = r.body;
        tampered[tampered.size() / 2] = char(tampered[tampered.size() / 2] ^ 1);
        QVERIFY(!relais::protocol::verify(tampered, signature, m_device.platformKey));
    }

    void catalogueNeedsAToken()
    {
        const Reply r = m_http.send("GET", m_platform.url(QStringLiteral("/v1/catalogue")));
        QCOMPARE(r.status, 401);
        QVERIFY(r.isProblem());
    }

private:
    Reply get(const QByteArray &ifNoneMatch = {})
    {
        Headers headers{{"Authorization", bearer(m_device.token)}};
        if (!ifNoneMatch.isEmpty())
            headers.append({"If-None-Match", ifNoneMatch});
        return m_http.send("GET", m_platform.url(QStringLiteral("/v1/catalogue")), {}, headers);
    }
    bool verified(const Reply &r) const
    {
        const QByteArray header = r.header("Relais-Signature");
        if (!header.startsWith("ed25519 "))
            return false;
        return relais::protocol::verify(r.body, QByteArray::fromBase64(header.mid(8)), m_device.platformKey);
    }

    Platform m_platform;
    Http m_http;
    Platform::Device m_device;
    QByteArray m_etag;
};

QTEST_GUILESS_MAIN(TestPlatformCatalogue)
#include "TestPlatformCatalogue.moc"
