// A mediation bus's 3G link (tests/support/BusLink.h: about 1 Mbit/s up, 300 ms round trip, 2 % loss, and a cut
// as in a tunnel) between the kiosk's engine and the real relais-platform, all on loopback: ten typical démarches
// (answers and two phone photos of documents, reduced as at intake) are delivered, whole and once, and a cut in the
// middle costs at most the chunk it interrupted. Prints the time taken.
#include "../platform/PlatformHarness.h"
#include "../sync/SyncFixture.h"
#include "BusLink.h"
#include "SyntheticDocument.h"

#include "client/Enrolment.h"
#include "common/Clock.h"
#include "domain/PhotoDownscaler.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace relais;
using namespace relais::test;

class TestSlowLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTenTypicalDemarchesThroughACut();
};

void TestSlowLink::deliversTenTypicalDemarchesThroughACut()
{
    platformtest::Platform platform;
    QVERIFY2(platform.start(), platform.standardError().constData());
    Kiosk kiosk;
    QVERIFY(kiosk.open());
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    std::optional<Result<SyncSettings>> enrolled;
    enrolment.enrol(platform.url(QString()), platform.enrolmentCode(), QStringLiteral("Kiosque bus"),
                    [&](Result<SyncSettings> r) { enrolled = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return enrolled.has_value(); }, 10000));
    QVERIFY2(enrolled->ok(), qPrintable(enrolled->message()));
    QVERIFY(kiosk.store().saveEnrolment(enrolled->value(), aliceLogin()));

    // From now on the kiosk reaches the platform only over the bus's link.
    BusLink link(quint16(platform.url(QString()).port()));
    QVERIFY(link.listen());
    QVERIFY(kiosk.store().setValue(QLatin1String(SyncStore::PlatformUrlKey),
                                   QStringLiteral("http://127.0.0.1:%1").arg(link.port())));

    // Ten typical démarches: two photos of documents each, as a phone takes them, reduced when attached.
    QList<QByteArray> photos;
    for (quint32 seed = 1; seed <= 4; ++seed) {
        const auto reduced = PhotoDownscaler().process(documentPhotoJpeg(seed));
        QVERIFY2(reduced.ok(), qPrintable(reduced.message()));
        photos << reduced.value().bytes;
    }
    QList<qint64> ids;
    qint64 documentBytes = 0;
    for (int i = 0; i < 10; ++i) {
        const QList<QByteArray> files{photos.at(i % 4), photos.at((i + 1) % 4)};
        ids << kiosk.queue(QStringLiteral("caf-changement-adresse"), files);
        QVERIFY(ids.last() > 0);
        documentBytes += files.at(0).size() + files.at(1).size();
    }
    // The bus enters a tunnel halfway through the documents, in the middle of one.
    link.cutAfterPatchBytes(documentBytes / 2 + 1000);

    // The real clock: the chunk size and the time remaining follow what the link really does.
    sync::SyncEngine engine(kiosk.database(), kiosk.journal(), SystemClock::instance());
    QElapsedTimer timer;
    timer.start();
    int delivered = 0;
    int rounds = 0;
    QString lastError;
    while (delivered < ids.size() && rounds < 20 && timer.elapsed() < 170000) {
        const RoundSummary summary = runRound(engine, true, 170000);
        ++rounds;
        delivered += summary.delivered;
        lastError = summary.error;
        QCOMPARE(summary.quarantined, 0);
        QVERIFY(!summary.stopped);
        if (link.isCut()) {
            QTest::qWait(3000); // out of the tunnel three seconds later
            link.heal();
        }
    }
    const double seconds = double(timer.elapsed()) / 1000.0;
    QVERIFY2(
        delivered == ids.size(),
        qPrintable(QStringLiteral("%1 delivered in %2 rounds; last: %3").arg(delivered).arg(rounds).arg(lastError)));
    QCOMPARE(link.cuts(), 1);
    QVERIFY(rounds >= 2); // the cut ended a round; the next one finished the work

    // On the platform: each démarche once, its documents byte for byte (SHA-256 recomputed from the stored bytes).
    const QJsonArray list = platform.list();
    QCOMPARE(list.size(), ids.size());
    for (qint64 id : ids) {
        const QString uuid = kiosk.uuid(id);
        QCOMPARE(kiosk.state(id), QStringLiteral("delivered"));
        int found = 0;
        for (const QJsonValue &v : list) {
            const QJsonObject stored = v.toObject();
            if (stored.value(QLatin1String("uuid")).toString() != uuid)
                continue;
            ++found;
            QCOMPARE(stored.value(QLatin1String("attachments")).toArray().size(), 2);
        }
        QCOMPARE(found, 1);
    }
    QStringList expected, actual;
    for (int i = 0; i < ids.size(); ++i) {
        expected << QString::fromLatin1(sha256Hex(photos.at(i % 4)))
                 << QString::fromLatin1(sha256Hex(photos.at((i + 1) % 4)));
    }
    for (const QJsonValue &v : list)
        for (const QJsonValue &a : v.toObject().value(QLatin1String("attachments")).toArray())
            actual << a.toObject().value(QLatin1String("sha256")).toString();
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);

    // Sent twice: only what the cut interrupted, at most one chunk (the file that was on the wire).
    const qint64 resent = link.patchBodyBytes() - documentBytes;
    QVERIFY2(
        resent >= 0 && resent <= link.largestPatchBody(),
        qPrintable(QStringLiteral("%1 bytes sent again, largest chunk %2").arg(resent).arg(link.largestPatchBody())));

    QTextStream(stdout) << "slow link (1 Mbit/s up, 300 ms round trip, 2 % loss, one cut): 10 démarches, "
                        << documentBytes << " bytes of documents, delivered in " << QString::number(seconds, 'f', 1)
                        << " s over " << rounds << " rounds; " << link.upBytes() << " bytes up, " << link.downBytes()
                        << " down, " << resent << " bytes of documents sent again, " << link.stalls()
                        << " loss stalls, chunk size now " << engine.currentChunkSize() << Qt::endl;
}

QTEST_MAIN(TestSlowLink)
#include "TestSlowLink.moc"
