#include "protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace relais::protocol;

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalJsonSortsKeysAndDropsSpaces()
    {
        const QJsonObject o{{QStringLiteral("zeta"), 1},
                            {QStringLiteral("alpha"),
                             QJsonObject{{QStringLiteral("b"), true}, {QStringLiteral("a"), QStringLiteral("é")}}},
                            {QStringLiteral("list"), QJsonArray{3, 1, 2}}};
        QCOMPARE(canonicalJson(o),
                 QByteArray("{\"alpha\":{\"a\":\"\xc3\xa9\",\"b\":true},\"list\":[3,1,2],\"zeta\":1}"));
        QCOMPARE(canonicalJson(QJsonValue(QStringLiteral("x"))), QByteArray("\"x\""));
        QCOMPARE(canonicalJson(QJsonValue(42)), QByteArray("42"));
    }

    void contentDigestIgnoresUploadIdsOnly()
    {
        auto body = [](const QString &upload, const QString &sha) {
            const QJsonObject attachment{{QStringLiteral("field"), QStringLiteral("justificatif")},
                                         {QStringLiteral("sha256"), sha},
                                         {QStringLiteral("upload"), upload}};
            return QJsonObject{{QStringLiteral("demarche"), QStringLiteral("caf-changement-adresse")},
                               {QStringLiteral("answers"), QJsonObject{{QStringLiteral("justificatif"), attachment}}},
                               {QStringLiteral("attachments"), QJsonArray{attachment}}};
        };
        const QByteArray first = contentDigest(body(QStringLiteral("aaaa"), QStringLiteral("11")));
        QCOMPARE(first.size(), 64);
        QCOMPARE(contentDigest(body(QStringLiteral("bbbb"), QStringLiteral("11"))), first);
        QVERIFY(contentDigest(body(QStringLiteral("aaaa"), QStringLiteral("12"))) != first);
    }

    void signatureFailsOnATamperedByte()
    {
        const SigningKey key = SigningKey::generate();
        QCOMPARE(key.publicKey.size(), 32);
        const QByteArray message = "{\"format\":\"relais-catalogue\",\"version\":3}";
        const QByteArray signature = sign(message, key.secretKey);
        QCOMPARE(signature.size(), 64);
        QVERIFY(verify(message, signature, key.publicKey));
        QByteArray tampered = message;
        tampered[tampered.size() - 2] = '4';
        QVERIFY(!verify(tampered, signature, key.publicKey));
        QByteArray badSignature = signature;
        badSignature[0] = char(badSignature[0] ^ 1);
        QVERIFY(!verify(message, badSignature, key.publicKey));
        QVERIFY(!verify(message, signature, SigningKey::generate().publicKey));
    }

    void parseProblemNeedsTheProblemContentType()
    {
        const QByteArray body =
            R"({"type":"https://relais.invalid/problems/attachment-missing","title":"Attachment missing","status":422,"detail":"Une pièce manque."})";
        const auto p = parseProblem(body, "application/problem+json; charset=utf-8");
        QVERIFY(p.has_value());
        QCOMPARE(p->status, 422);
        QCOMPARE(p->type, QStringLiteral("attachment-missing"));
        QCOMPARE(p->detail, QStringLiteral("Une pièce manque."));
        QVERIFY(!parseProblem(body, "application/json").has_value());
        QVERIFY(!parseProblem("<html>", "application/problem+json").has_value());
        const QJsonObject built =
            problem(409, QStringLiteral("submission-conflict"), QStringLiteral("Conflict"), QStringLiteral("d"));
        QCOMPARE(built.value(QLatin1String("type")).toString(),
                 QStringLiteral("https://relais.invalid/problems/submission-conflict"));
        QCOMPARE(built.value(QLatin1String("status")).toInt(), 409);
    }

    void loopbackOnlyForPlainHttp()
    {
        QVERIFY(isLoopbackUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/"))));
        QVERIFY(isLoopbackUrl(QUrl(QStringLiteral("http://127.3.2.1/"))));
        QVERIFY(isLoopbackUrl(QUrl(QStringLiteral("http://[::1]:99/"))));
        QVERIFY(isLoopbackUrl(QUrl(QStringLiteral("http://LOCALHOST/"))));
        QVERIFY(!isLoopbackUrl(QUrl(QStringLiteral("http://192.168.1.10/"))));
        QVERIFY(!isLoopbackUrl(QUrl(QStringLiteral("http://localhost.example.org/"))));
        QVERIFY(!isLoopbackUrl(QUrl(QStringLiteral("http://plateforme.example.fr/"))));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "TestProtocol.moc"
