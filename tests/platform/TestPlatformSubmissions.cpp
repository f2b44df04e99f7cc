#include "PlatformHarness.h"

#include "protocol/Protocol.h"

#include <QUuid>

using namespace platformtest;

// PUT /v1/submissions/<uuid>: exactly once, byte-identical attachments, never half a submission; the status feed
// and the operator's page.
class TestPlatformSubmissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_platform.start(), m_platform.standardError().constData());
        m_device = m_platform.enrol(m_http, QStringLiteral("Kiosque Mairie"));
        QVERIFY(!m_device.token.isEmpty());
    }
    void cleanupTestCase() { m_platform.stop(); }

    void deliveredExactlyOnce()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes = attachmentBytes();
        const QString upload = uploadBytes(m_http, m_platform, m_device.token, bytes, uuid.toLatin1());
        QVERIFY(!upload.isEmpty());

        const QJsonObject body = submission(upload, bytes, QStringLiteral("12 rue des Lilas"));
        const Reply first = put(uuid, body);
        QCOMPARE(first.status, 201);
        const QJsonObject receipt = first.json();
        QCOMPARE(receipt.value(QLatin1String("uuid")).toString(), uuid);
        QVERIFY2(QRegularExpression(QStringLiteral("^RLS-\\d{4}-\\d{6}$"))
                     .match(receipt.value(QLatin1String("reference")).toString())
                     .hasMatch(),
                 first.body.constData());
        QVERIFY(receipt.value(QLatin1String("received_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(receipt.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));

        const Reply repeat = put(uuid, body);
        QCOMPARE(repeat.status, 200);
        QCOMPARE(repeat.json().value(QLatin1String("reference")), receipt.value(QLatin1String("reference")));

        // The same bytes uploaded again under another upload id: still the same démarche.
        const QString again = uploadBytes(m_http, m_platform, m_device.token, bytes, uuid.toLatin1());
        QVERIFY(!again.isEmpty() && again != upload);
        const Reply reuploaded = put(uuid, submission(again, bytes, QStringLiteral("12 rue des Lilas")));
        QCOMPARE(reuploaded.status, 200);
        QCOMPARE(reuploaded.json().value(QLatin1String("reference")), receipt.value(QLatin1String("reference")));

        const Reply different = put(uuid, submission(upload, bytes, QStringLiteral("14 rue des Lilas")));
        QCOMPARE(different.status, 409);
        QVERIFY(different.isProblem());
        QCOMPARE(different.problemType(), QStringLiteral("submission-conflict"));

        const QJsonArray list = m_platform.list();
        const QJsonObject stored = find(list, uuid);
        QCOMPARE(countOf(list, uuid), 1);
        QCOMPARE(stored.value(QLatin1String("reference")), receipt.value(QLatin1String("reference")));
        QCOMPARE(stored.value(QLatin1String("demarche")).toString(), QStringLiteral("caf-changement-adresse"));
        QCOMPARE(stored.value(QLatin1String("version")).toInt(), 3);
        QCOMPARE(stored.value(QLatin1String("device_id")).toString(), m_device.id);
        QCOMPARE(stored.value(QLatin1String("content_digest")).toString().toLatin1(),
                 relais::protocol::contentDigest(body));
        const QJsonArray attachments = stored.value(QLatin1String("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject a = attachments.first().toObject();
        QCOMPARE(a.value(QLatin1String("sha256")).toString().toLatin1(), sha256Hex(bytes));
        QCOMPARE(a.value(QLatin1String("size")).toInteger(), bytes.size());
        QCOMPARE(a.value(QLatin1String("field")).toString(), QStringLiteral("justificatif"));
        QFile file(a.value(QLatin1String("path")).toString());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    // A bus's 3G link: JSON bodies may come gzip-compressed (RFC 7694), the platform says so on its health answer.
    void gzipBodiesAreRead()
    {
        const Reply health = m_http.send("GET", m_platform.url(QStringLiteral("/v1/health")));
        QCOMPARE(health.status, 204);
        QCOMPARE(health.header("Accept-Encoding"), QByteArray("gzip"));

        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes = attachmentBytes();
        const QString upload = uploadBytes(m_http, m_platform, m_device.token, bytes, uuid.toLatin1());
        const QJsonObject body = submission(upload, bytes, QStringLiteral("3 place du Marché"));
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const QByteArray packed = relais::protocol::gzip(json);
        QVERIFY(!packed.isEmpty() && packed.size() < json.size());
        const Headers gzipped{{"Authorization", bearer(m_device.token)}, {"Content-Encoding", "gzip"}};
        const QUrl url = m_platform.url(QStringLiteral("/v1/submissions/") + uuid);
        const Reply first = m_http.send("PUT", url, packed, gzipped);
        QCOMPARE(first.status, 201);
        // The same démarche sent plain: the same content digest, so the same receipt.
        const Reply plain = put(uuid, body);
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.json().value(QLatin1String("reference")), first.json().value(QLatin1String("reference")));
        QCOMPARE(find(m_platform.list(), uuid).value(QLatin1String("content_digest")).toString().toLatin1(),
                 relais::protocol::contentDigest(body));

        // Not gzip after all, or cut short: unreadable JSON, nothing stored.
        const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QUrl otherUrl = m_platform.url(QStringLiteral("/v1/submissions/") + other);
        const Reply notGzip = m_http.send("PUT", otherUrl, json, gzipped);
        QCOMPARE(notGzip.status, 400);
        QCOMPARE(notGzip.problemType(), QStringLiteral("invalid-json"));
        QCOMPARE(m_http.send("PUT", otherUrl, packed.left(packed.size() / 2), gzipped).status, 400);
        // Small on the wire, over the 2 MiB limit once inflated.
        const QByteArray bomb = relais::protocol::gzip(QByteArray(3 * 1024 * 1024, ' '));
        QVERIFY(bomb.size() < 64 * 1024);
        const Reply tooLarge = m_http.send("PUT", otherUrl, bomb, gzipped);
        QCOMPARE(tooLarge.status, 413);
        // An encoding the platform does not read: 415, saying which one it does.
        const Reply brotli =
            m_http.send("PUT", otherUrl, json, {{"Authorization", bearer(m_device.token)}, {"Content-Encoding", "br"}});
        QCOMPARE(brotli.status, 415);
        QCOMPARE(brotli.header("Accept-Encoding"), QByteArray("gzip"));
        QCOMPARE(countOf(m_platform.list(), other), 0);
    }

    void missingUploadStoresNothing()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes = attachmentBytes();
        const Reply missing =
            put(uuid, submission(QStringLiteral("0123456789abcdef0123456789abcdef"), bytes, QStringLiteral("x")));
        QCOMPARE(missing.status, 422);
        QVERIFY(missing.isProblem());
        QCOMPARE(missing.problemType(), QStringLiteral("attachment-missing"));
        QVERIFY(!missing.json().value(QLatin1String("detail")).toString().isEmpty());
        QCOMPARE(countOf(m_platform.list(), uuid), 0);

        // An upload whose bytes differ from what the démarche declares: refused, and the upload is left intact.
        const QString upload = uploadBytes(m_http, m_platform, m_device.token, bytes, uuid.toLatin1());
        QJsonObject mismatched = submission(upload, bytes, QStringLiteral("x"));
        QJsonArray attachments = mismatched.value(QLatin1String("attachments")).toArray();
        QJsonObject first = attachments.first().toObject();
        first.insert(QStringLiteral("size"), bytes.size() + 1);
        attachments.replace(0, first);
        mismatched.insert(QStringLiteral("attachments"), attachments);
        const Reply mismatch = put(uuid, mismatched);
        QCOMPARE(mismatch.status, 422);
        QCOMPARE(mismatch.problemType(), QStringLiteral("attachment-mismatch"));
        QCOMPARE(countOf(m_platform.list(), uuid), 0);

        // Another device cannot use this device's upload.
        Http other;
        const Platform::Device intruder = m_platform.enrol(other, QStringLiteral("Autre"));
        const Reply stolen = other.send("PUT", m_platform.url(QStringLiteral("/v1/submissions/") + uuid),
                                        QJsonDocument(submission(upload, bytes, QStringLiteral("x"))).toJson(),
                                        {{"Authorization", bearer(intruder.token)}});
        QCOMPARE(stolen.status, 422);
        QCOMPARE(countOf(m_platform.list(), uuid), 0);

        QCOMPARE(put(uuid, submission(upload, bytes, QStringLiteral("x"))).status, 201);
        QCOMPARE(countOf(m_platform.list(), uuid), 1);
    }

    void malformedSubmissionsAreProblems()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Reply badJson = m_http.send("PUT", m_platform.url(QStringLiteral("/v1/submissions/") + uuid),
                                          "{\"demarche\":", {{"Authorization", bearer(m_device.token)}});
        QCOMPARE(badJson.status, 400);
        QVERIFY(badJson.isProblem());
        QCOMPARE(badJson.problemType(), QStringLiteral("invalid-json"));
        QJsonObject noAnswers = submission(QString(), {}, QString());
        noAnswers.remove(QStringLiteral("answers"));
        QCOMPARE(put(uuid, noAnswers).status, 400);
        QJsonObject badDemarche = submission(QString(), {}, QString());
        badDemarche.insert(QStringLiteral("demarche"), QStringLiteral("CAF Adresse!"));
        QCOMPARE(put(uuid, badDemarche).problemType(), QStringLiteral("invalid-submission"));
        const Reply notUuid = m_http.send("PUT", m_platform.url(QStringLiteral("/v1/submissions/42")),
                                          QJsonDocument(submission(QString(), {}, QString())).toJson(),
                                          {{"Authorization", bearer(m_device.token)}});
        QCOMPARE(notUuid.status, 400);
        QCOMPARE(countOf(m_platform.list(), uuid), 0);
    }

    void statusChangesReachOnlyTheirDevice()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(put(uuid, submission(QString(), {}, QStringLiteral("y"))).status, 201);
        const QUrl feed = m_platform.url(QStringLiteral("/v1/submissions/status"));
        const Reply before = m_http.send("GET", feed, {}, {{"Authorization", bearer(m_device.token)}});
        QCOMPARE(before.status, 200);
        const QString cursor = before.json().value(QLatin1String("cursor")).toString();

        QByteArray err;
        QCOMPARE(m_platform.command(QStringLiteral("set-status"),
                                    {QStringLiteral("--submission"), uuid, QStringLiteral("--status"),
                                     QStringLiteral("incomplete"), QStringLiteral("--message"),
                                     QStringLiteral("Il manque l'avis d'imposition.")},
                                    nullptr, &err),
                 0);
        QUrl next = feed;
        next.setQuery(QStringLiteral("cursor=") + cursor);
        const Reply after = m_http.send("GET", next, {}, {{"Authorization", bearer(m_device.token)}});
        QCOMPARE(after.status, 200);
        const QJsonArray changes = after.json().value(QLatin1String("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        const QJsonObject change = changes.first().toObject();
        QCOMPARE(change.value(QLatin1String("uuid")).toString(), uuid);
        QCOMPARE(change.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
        QCOMPARE(change.value(QLatin1String("message")).toString(), QStringLiteral("Il manque l'avis d'imposition."));
        QVERIFY(change.value(QLatin1String("at")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!after.json().value(QLatin1String("more")).toBool());
        const QString advanced = after.json().value(QLatin1String("cursor")).toString();
        QVERIFY(advanced != cursor);

        next.setQuery(QStringLiteral("cursor=") + advanced);
        QCOMPARE(m_http.send("GET", next, {}, {{"Authorization", bearer(m_device.token)}})
                     .json()
                     .value(QLatin1String("changes"))
                     .toArray()
                     .size(),
                 0);

        Http other;
        const Platform::Device stranger = m_platform.enrol(other, QStringLiteral("Autre"));
        const Reply theirs = other.send("GET", feed, {}, {{"Authorization", bearer(stranger.token)}});
        QCOMPARE(theirs.status, 200);
        QCOMPARE(theirs.json().value(QLatin1String("changes")).toArray().size(), 0);

        QVERIFY(m_platform.command(QStringLiteral("set-status"),
                                   {QStringLiteral("--submission"), uuid, QStringLiteral("--status"),
                                    QStringLiteral("lost"), QStringLiteral("--message"), QStringLiteral("x")},
                                   nullptr, &err) != 0);
        QCOMPARE(err.count('\n'), 1);
        QCOMPARE(find(m_platform.list(), uuid).value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    }

    void journalHeadsAndActivityAreIdempotent()
    {
        const QUrl head = m_platform.url(QStringLiteral("/v1/journal-heads/17"));
        const QByteArray body =
            R"({"seq":17,"hash":"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff","at":"2026-11-23T10:00:00Z"})";
        const Headers auth{{"Authorization", bearer(m_device.token)}};
        const Reply first = m_http.send("PUT", head, body, auth);
        QCOMPARE(first.status, 201);
        // The receipt names the device, the position and the hash, and the platform's key signs them.
        const QJsonObject receipt = first.json();
        QCOMPARE(receipt.value(QLatin1String("device")).toString(), m_device.id);
        QCOMPARE(receipt.value(QLatin1String("seq")).toInteger(), qint64(17));
        QCOMPARE(receipt.value(QLatin1String("hash")).toString(),
                 QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        const QString receivedAt = receipt.value(QLatin1String("received_at")).toString();
        QVERIFY(QDateTime::fromString(receivedAt, Qt::ISODate).isValid());
        const QByteArray signature =
            QByteArray::fromBase64(receipt.value(QLatin1String("signature")).toString().toLatin1());
        QVERIFY(
            relais::protocol::verify(relais::protocol::journalReceiptMessage(
                                         m_device.id, 17, receipt.value(QLatin1String("hash")).toString(), receivedAt),
                                     signature, m_device.platformKey));
        QVERIFY(
            !relais::protocol::verify(relais::protocol::journalReceiptMessage(
                                          m_device.id, 16, receipt.value(QLatin1String("hash")).toString(), receivedAt),
                                      signature, m_device.platformKey));

        // An honest resend (the answer was lost), even with another `at`: 200 and the same receipt.
        const Reply again = m_http.send("PUT", head, body, auth);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json(), receipt);
        QByteArray later = body;
        later.replace("2026-11-23T10:00:00Z", "2026-11-24T08:15:00Z");
        const Reply resent = m_http.send("PUT", head, later, auth);
        QCOMPARE(resent.status, 200);
        QCOMPARE(resent.json().value(QLatin1String("received_at")).toString(), receivedAt);

        // Another hash at the same position: refused.
        QByteArray rewritten = body;
        rewritten.replace("0011", "ffff");
        const Reply conflict = m_http.send("PUT", head, rewritten, auth);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.problemType(), QStringLiteral("journal-head-conflict"));

        // A lower position, whatever its hash: the journal only grows.
        QByteArray lower = rewritten;
        lower.replace("\"seq\":17", "\"seq\":16");
        const Reply behind = m_http.send("PUT", m_platform.url(QStringLiteral("/v1/journal-heads/16")), lower, auth);
        QCOMPARE(behind.status, 409);
        QCOMPARE(behind.problemType(), QStringLiteral("journal-head-behind"));

        // Further on: accepted.
        QByteArray next = rewritten;
        next.replace("\"seq\":17", "\"seq\":18");
        QCOMPARE(m_http.send("PUT", m_platform.url(QStringLiteral("/v1/journal-heads/18")), next, auth).status, 201);
        QCOMPARE(m_http.send("PUT", head, body, auth).status, 409);

        const QUrl activity =
            m_platform.url(QStringLiteral("/v1/activity/") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QByteArray counts = R"({"period":"2026-11","counts":{"demarches":3,"citizens":2}})";
        QCOMPARE(m_http.send("PUT", activity, counts, auth).status, 201);
        QCOMPARE(m_http.send("PUT", activity, counts, auth).status, 200);
        QCOMPARE(m_http.send("PUT", activity, R"({"period":"2026-11","counts":{"demarches":4}})", auth).status, 409);
    }

    void operatorPageListsDeliveriesWithoutAnswers()
    {
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray bytes = attachmentBytes();
        const QString upload = uploadBytes(m_http, m_platform, m_device.token, bytes, uuid.toLatin1());
        const Reply delivered = put(uuid, submission(upload, bytes, QStringLiteral("Impasse Zéphyrine <b>")));
        QCOMPARE(delivered.status, 201);
        const QString reference = delivered.json().value(QLatin1String("reference")).toString();

        const Reply page = m_http.send("GET", m_platform.url(QStringLiteral("/")));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        // Whatever a delivery smuggles into the page, the browser runs no script and loads nothing.
        QVERIFY2(page.header("Content-Security-Policy").startsWith("default-src 'none'; style-src 'unsafe-inline'"),
                 page.header("Content-Security-Policy").constData());
        QCOMPARE(page.header("X-Content-Type-Options"), QByteArray("nosniff"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(QStringLiteral("<html lang=\"fr\">")));
        QVERIFY(html.contains(QStringLiteral("<caption>")));
        QVERIFY(html.contains(QStringLiteral("<th scope=\"col\">")));
        QVERIFY(html.contains(QStringLiteral("http-equiv=\"refresh\" content=\"10\"")));
        QVERIFY(html.contains(reference));
        QVERIFY(html.contains(QStringLiteral("caf-changement-adresse")));
        QVERIFY(html.contains(QStringLiteral("Kiosque Mairie")));
        QVERIFY(!html.contains(QStringLiteral("Zéphyrine")));
        QVERIFY(!html.contains(QStringLiteral("justificatif-loyer")));
        QVERIFY(!html.contains(QStringLiteral("<b>")));
    }

private:
    static QByteArray attachmentBytes()
    {
        QByteArray bytes("%PDF-1.4 quittance\n");
        for (int i = 0; i < 2000; ++i)
            bytes += char(i * 31 % 251);
        return bytes;
    }

    static QJsonObject submission(const QString &upload, const QByteArray &bytes, const QString &street)
    {
        QJsonObject answers{{QStringLiteral("nouvelle_adresse"), street},
                            {QStringLiteral("date_demenagement"), QStringLiteral("2026-11-01")}};
        QJsonArray attachments;
        if (!upload.isEmpty()) {
            const QJsonObject attachment{{QStringLiteral("filename"), QStringLiteral("justificatif-loyer.pdf")},
                                         {QStringLiteral("content_type"), QStringLiteral("application/pdf")},
                                         {QStringLiteral("size"), bytes.size()},
                                         {QStringLiteral("sha256"), QString::fromLatin1(sha256Hex(bytes))},
                                         {QStringLiteral("upload"), upload}};
            answers.insert(QStringLiteral("justificatif"), attachment);
            QJsonObject listed = attachment;
            listed.insert(QStringLiteral("field"), QStringLiteral("justificatif"));
            attachments.append(listed);
        }
        return {{QStringLiteral("demarche"), QStringLiteral("caf-changement-adresse")},
                {QStringLiteral("demarche_version"), 3},
                {QStringLiteral("queued_at"), QStringLiteral("2026-11-23T10:00:00Z")},
                {QStringLiteral("answers"), answers},
                {QStringLiteral("attachments"), attachments}};
    }

    Reply put(const QString &uuid, const QJsonObject &body)
    {
        return m_http.send("PUT", m_platform.url(QStringLiteral("/v1/submissions/") + uuid),
                           QJsonDocument(body).toJson(QJsonDocument::Compact),
                           {{"Authorization", bearer(m_device.token)}});
    }

    static QJsonObject find(const QJsonArray &list, const QString &uuid)
    {
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QLatin1String("uuid")).toString() == uuid)
                return v.toObject();
        }
        return {};
    }
    static int countOf(const QJsonArray &list, const QString &uuid)
    {
        int n = 0;
        for (const QJsonValue &v : list)
            n += v.toObject().value(QLatin1String("uuid")).toString() == uuid ? 1 : 0;
        return n;
    }

    Platform m_platform;
    Http m_http;
    Platform::Device m_device;
};

QTEST_GUILESS_MAIN(TestPlatformSubmissions)
#include "TestPlatformSubmissions.moc"
