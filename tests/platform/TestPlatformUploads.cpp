#include "PlatformHarness.h"

#include <QDir>
#include <QUuid>

using namespace platformtest;

// The tus 1.0 profile of relais-platform: creation, chunks and offsets, checksums, termination, expiration.
class TestPlatformUploads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_platform.start(), m_platform.standardError().constData());
        m_device = m_platform.enrol(m_http);
        QVERIFY(!m_device.token.isEmpty());
        m_submission = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    }
    void cleanupTestCase() { m_platform.stop(); }

    void optionsAdvertisesTheProfile()
    {
        const Reply r = m_http.send("OPTIONS", m_platform.url(QStringLiteral("/v1/uploads/")));
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Tus-Resumable"), QByteArray("1.0.0"));
        QCOMPARE(r.header("Tus-Version"), QByteArray("1.0.0"));
        QCOMPARE(r.header("Tus-Extension"), QByteArray("creation,checksum,termination,expiration"));
        QCOMPARE(r.header("Tus-Max-Size"), QByteArray::number(qint64(1) << 30));
        QCOMPARE(r.header("Tus-Checksum-Algorithm"), QByteArray("sha1,sha256"));
        QCOMPARE(r.header("Relais-Platform"), QByteArray("1"));
    }

    void threeChunksReachTheServerInOrder()
    {
        const QByteArray bytes = pdfLike(3000);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QVERIFY(QRegularExpression(QStringLiteral("^/v1/uploads/[0-9a-f]{32}$")).match(location).hasMatch());

        Reply h = head(m_http, m_platform, m_device.token, location);
        QCOMPARE(h.status, 200);
        QCOMPARE(h.header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(h.header("Upload-Length"), QByteArray("3000"));
        QCOMPARE(h.header("Cache-Control"), QByteArray("no-store"));

        for (int i = 0; i < 3; ++i) {
            const QByteArray chunk = bytes.mid(i * 1000, 1000);
            const QByteArray checksum =
                "sha256 " + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64();
            const Reply p = patch(m_http, m_platform, m_device.token, location, i * 1000, chunk, checksum);
            QCOMPARE(p.status, 204);
            QCOMPARE(p.header("Upload-Offset"), QByteArray::number((i + 1) * 1000));
            QVERIFY(p.header("Upload-Expires").endsWith(" GMT"));
            h = head(m_http, m_platform, m_device.token, location);
            QCOMPARE(h.header("Upload-Offset"), QByteArray::number((i + 1) * 1000));
        }
        QFile stored(partFile(location));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), bytes);
    }

    void wrongOffsetIsAConflict()
    {
        const QByteArray bytes = pdfLike(100);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QCOMPARE(patch(m_http, m_platform, m_device.token, location, 0, bytes.left(40)).status, 204);
        const Reply p = patch(m_http, m_platform, m_device.token, location, 20, bytes.mid(20, 40));
        QCOMPARE(p.status, 409);
        QCOMPARE(head(m_http, m_platform, m_device.token, location).header("Upload-Offset"), QByteArray("40"));
        // A chunk past the announced length is refused, nothing appended.
        QCOMPARE(patch(m_http, m_platform, m_device.token, location, 40, bytes.mid(40) + "extra").status, 400);
        QCOMPARE(head(m_http, m_platform, m_device.token, location).header("Upload-Offset"), QByteArray("40"));
        // Wrong content type.
        const Reply t = m_http.send("PATCH", m_platform.url(location), bytes.mid(40),
                                    {{"Authorization", bearer(m_device.token)},
                                     {"Tus-Resumable", "1.0.0"},
                                     {"Content-Type", "application/octet-stream"},
                                     {"Upload-Offset", "40"}});
        QCOMPARE(t.status, 415);
    }

    void chunkChecksumMismatchAppendsNothing()
    {
        const QByteArray bytes = pdfLike(200);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        const QByteArray wrong = "sha256 " + QCryptographicHash::hash("other", QCryptographicHash::Sha256).toBase64();
        const Reply p = patch(m_http, m_platform, m_device.token, location, 0, bytes.left(100), wrong);
        QCOMPARE(p.status, 460);
        QCOMPARE(head(m_http, m_platform, m_device.token, location).header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(QFileInfo(partFile(location)).size(), 0);
        const Reply unknown = patch(m_http, m_platform, m_device.token, location, 0, bytes.left(100), "md5 AAAA");
        QCOMPARE(unknown.status, 400);
        const QByteArray sha1 =
            "sha1 " + QCryptographicHash::hash(bytes.left(100), QCryptographicHash::Sha1).toBase64();
        QCOMPARE(patch(m_http, m_platform, m_device.token, location, 0, bytes.left(100), sha1).status, 204);
    }

    void wholeFileDigestMismatchDiscardsTheUpload()
    {
        const QByteArray bytes = pdfLike(500);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex("not these bytes"), m_submission);
        QCOMPARE(patch(m_http, m_platform, m_device.token, location, 0, bytes.left(250)).status, 204);
        const Reply last = patch(m_http, m_platform, m_device.token, location, 250, bytes.mid(250));
        QCOMPARE(last.status, 460);
        QVERIFY(last.isProblem());
        QCOMPARE(last.problemType(), QStringLiteral("attachment-corrupt"));
        QCOMPARE(head(m_http, m_platform, m_device.token, location).status, 410);
        QVERIFY(!QFile::exists(partFile(location)));
    }

    void terminationRemovesTheBytes()
    {
        const QByteArray bytes = pdfLike(64);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QCOMPARE(patch(m_http, m_platform, m_device.token, location, 0, bytes.left(32)).status, 204);
        QVERIFY(QFile::exists(partFile(location)));
        const Reply d = m_http.send("DELETE", m_platform.url(location), {},
                                    {{"Authorization", bearer(m_device.token)}, {"Tus-Resumable", "1.0.0"}});
        QCOMPARE(d.status, 204);
        QVERIFY(!QFile::exists(partFile(location)));
        const int after = head(m_http, m_platform, m_device.token, location).status;
        QVERIFY2(after == 404 || after == 410, qPrintable(QString::number(after)));
        QCOMPARE(
            head(m_http, m_platform, m_device.token, QStringLiteral("/v1/uploads/0123456789abcdef0123456789abcdef"))
                .status,
            404);
    }

    void creationNeedsTusVersionAndMetadata()
    {
        const QUrl uploads = m_platform.url(QStringLiteral("/v1/uploads/"));
        const Reply noVersion =
            m_http.send("POST", uploads, {},
                        {{"Authorization", bearer(m_device.token)},
                         {"Upload-Length", "10"},
                         {"Upload-Metadata", tusMetadata("a.pdf", "application/pdf", sha256Hex("x"), m_submission)}});
        QCOMPARE(noVersion.status, 412);
        QCOMPARE(noVersion.header("Tus-Version"), QByteArray("1.0.0"));
        const Reply noSha = m_http.send("POST", uploads, {},
                                        {{"Authorization", bearer(m_device.token)},
                                         {"Tus-Resumable", "1.0.0"},
                                         {"Upload-Length", "10"},
                                         {"Upload-Metadata", "filename " + QByteArray("a.pdf").toBase64()}});
        QCOMPARE(noSha.status, 400);
        QVERIFY(noSha.isProblem());
        const Reply tooLarge =
            m_http.send("POST", uploads, {},
                        {{"Authorization", bearer(m_device.token)},
                         {"Tus-Resumable", "1.0.0"},
                         {"Upload-Length", QByteArray::number((qint64(1) << 30) + 1)},
                         {"Upload-Metadata", tusMetadata("a.pdf", "application/pdf", sha256Hex("x"), m_submission)}});
        QCOMPARE(tooLarge.status, 413);
        const Reply anonymous = m_http.send("POST", uploads, {}, {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "10"}});
        QCOMPARE(anonymous.status, 401);
    }

    // tus: a client reads Tus-Resumable on every answer under /v1/uploads/, the refusals included.
    void everyUploadAnswerSaysItsTusVersion()
    {
        const QUrl uploads = m_platform.url(QStringLiteral("/v1/uploads/"));
        const QByteArray metadata = tusMetadata("a.pdf", "application/pdf", sha256Hex("x"), m_submission);
        struct Case
        {
            const char *what;
            Reply reply;
            int status;
        };
        const QList<Case> cases = {
            {"no token", m_http.send("POST", uploads, {}, {{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "10"}}), 401},
            {"wrong method", m_http.send("PUT", uploads, {}, {{"Authorization", bearer(m_device.token)}}), 405},
            {"no version",
             m_http.send(
                 "POST", uploads, {},
                 {{"Authorization", bearer(m_device.token)}, {"Upload-Length", "10"}, {"Upload-Metadata", metadata}}),
             412},
            {"empty file announced with another digest",
             m_http.send("POST", uploads, {},
                         {{"Authorization", bearer(m_device.token)},
                          {"Tus-Resumable", "1.0.0"},
                          {"Upload-Length", "0"},
                          {"Upload-Metadata", metadata}}),
             460},
        };
        for (const Case &c : cases) {
            QVERIFY2(c.reply.status == c.status, c.what);
            QVERIFY2(c.reply.header("Tus-Resumable") == "1.0.0", c.what);
            QCOMPARE(c.reply.header("Relais-Platform"), QByteArray("1"));
        }
    }

    void anotherDevicesUploadDoesNotExist()
    {
        const QByteArray bytes = pdfLike(10);
        const QString location =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        Http other;
        const Platform::Device intruder = m_platform.enrol(other, QStringLiteral("Autre kiosque"));
        QVERIFY(!intruder.token.isEmpty());
        QCOMPARE(head(other, m_platform, intruder.token, location).status, 404);
        QCOMPARE(patch(other, m_platform, intruder.token, location, 0, bytes).status, 404);
        QCOMPARE(head(m_http, m_platform, m_device.token, location).header("Upload-Offset"), QByteArray("0"));
    }

    void staleUploadsExpire()
    {
        // An unfinished upload, a finished one never used by a submission, and a fresh one.
        const QByteArray bytes = pdfLike(80);
        const QString unfinished =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QCOMPARE(patch(m_http, m_platform, m_device.token, unfinished, 0, bytes.left(40)).status, 204);
        const QString finished =
            createUpload(m_http, m_platform, m_device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QCOMPARE(patch(m_http, m_platform, m_device.token, finished, 0, bytes).status, 204);
        m_platform.stop();

        // 23 hours later: both still there.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RELAIS_PLATFORM_NOW_OFFSET_SECONDS"), QString::number(23 * 3600));
        QVERIFY(m_platform.start({}, env));
        QCOMPARE(head(m_http, m_platform, m_device.token, unfinished).header("Upload-Offset"), QByteArray("40"));
        QCOMPARE(head(m_http, m_platform, m_device.token, finished).header("Upload-Offset"), QByteArray("80"));
        m_platform.stop();

        // 25 hours later: the unfinished one is gone, bytes included; the finished one waits for its submission.
        env.insert(QStringLiteral("RELAIS_PLATFORM_NOW_OFFSET_SECONDS"), QString::number(25 * 3600));
        QVERIFY(m_platform.start({}, env));
        QCOMPARE(head(m_http, m_platform, m_device.token, unfinished).status, 410);
        QVERIFY(!QFile::exists(partFile(unfinished)));
        QCOMPARE(head(m_http, m_platform, m_device.token, finished).status, 200);
        m_platform.stop();

        // 8 days later: the finished upload nobody used is removed too.
        env.insert(QStringLiteral("RELAIS_PLATFORM_NOW_OFFSET_SECONDS"), QString::number(8 * 24 * 3600));
        QVERIFY(m_platform.start({}, env));
        QCOMPARE(head(m_http, m_platform, m_device.token, finished).status, 410);
        QVERIFY(!QFile::exists(partFile(finished)));
        m_platform.stop();
        QVERIFY(m_platform.start());
    }

    void serverWithoutChecksumAdvertisesNone()
    {
        Platform plain({QStringLiteral("--tus-extensions"), QStringLiteral("creation,termination")});
        QVERIFY(plain.start());
        Http http;
        const Reply r = http.send("OPTIONS", plain.url(QStringLiteral("/v1/uploads/")));
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Tus-Extension"), QByteArray("creation,termination"));
        QVERIFY(!r.hasHeader("Tus-Checksum-Algorithm"));
        // A client that sends no checksum still uploads; an unknown header is ignored, not an error.
        const Platform::Device device = plain.enrol(http);
        const QByteArray bytes = pdfLike(90);
        const QString location = createUpload(http, plain, device.token, bytes.size(), sha256Hex(bytes), m_submission);
        QVERIFY(!location.isEmpty());
        QCOMPARE(patch(http, plain, device.token, location, 0, bytes.left(45)).status, 204);
        const Reply p = patch(http, plain, device.token, location, 45, bytes.mid(45), "sha256 AAAA");
        QCOMPARE(p.status, 204);
        QVERIFY(!p.hasHeader("Upload-Expires"));
        QCOMPARE(head(http, plain, device.token, location).header("Upload-Offset"), QByteArray("90"));
    }

private:
    static QByteArray pdfLike(int size)
    {
        QByteArray bytes = "%PDF-1.4\n";
        while (bytes.size() < size)
            bytes += QByteArray::number(bytes.size() * 7919 % 65521) + ' ';
        return bytes.left(size);
    }
    QString partFile(const QString &location) const
    {
        return m_platform.dataDir() + QStringLiteral("/uploads/") + location.section(QLatin1Char('/'), -1) +
               QStringLiteral(".part");
    }

    Platform m_platform;
    Http m_http;
    Platform::Device m_device;
    QByteArray m_submission;
};

QTEST_GUILESS_MAIN(TestPlatformUploads)
#include "TestPlatformUploads.moc"
