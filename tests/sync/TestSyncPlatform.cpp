#ifdef RELAIS_PLATFORM_PATH
#include "../platform/PlatformHarness.h"
#endif
#include "SyncFixture.h"

#include "client/Enrolment.h"

#include <QNetworkAccessManager>
#include <QSqlQuery>

using namespace relais;
using namespace relais::test;

// The engine against the real reference platform (sync/platform), started on loopback for each test.
class TestSyncPlatform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deliveredBytesAreIdenticalOnPlatform();
    void serverWithoutChecksumExtension();
    void statusChangesComeBack();
    void correctingAnItemThePlatformHoldsMakesNoSecondRecord();

private:
    bool startAndEnrol(const QStringList &extra = {});
    void checkOnPlatform(qint64 id, const QList<QByteArray> &files);

    std::unique_ptr<Kiosk> m_kiosk;
#ifdef RELAIS_PLATFORM_PATH
    std::unique_ptr<platformtest::Platform> m_platform;
#endif
};

void TestSyncPlatform::init()
{
#ifndef RELAIS_PLATFORM_PATH
    QFAIL("relais-platform is not part of this build");
#else
    m_platform = std::make_unique<platformtest::Platform>();
    m_kiosk = std::make_unique<Kiosk>();
    QVERIFY(m_kiosk->open());
#endif
}

void TestSyncPlatform::cleanup()
{
    m_kiosk.reset();
#ifdef RELAIS_PLATFORM_PATH
    m_platform.reset();
#endif
}

bool TestSyncPlatform::startAndEnrol(const QStringList &extra)
{
#ifdef RELAIS_PLATFORM_PATH
    if (!m_platform->start(extra))
        return false;
    QNetworkAccessManager nam;
    sync::Enrolment enrolment(&nam);
    std::optional<Result<SyncSettings>> result;
    enrolment.enrol(m_platform->url(QString()), m_platform->enrolmentCode(), QStringLiteral("Kiosque 1"),
                    [&](Result<SyncSettings> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return false;
    return bool(m_kiosk->store().saveEnrolment(result->value(), aliceLogin()));
#else
    Q_UNUSED(extra)
    return false;
#endif
}

void TestSyncPlatform::checkOnPlatform(qint64 id, const QList<QByteArray> &files)
{
#ifdef RELAIS_PLATFORM_PATH
    const QJsonArray list = m_platform->list();
    QCOMPARE(list.size(), 1);
    const QJsonObject stored = list.first().toObject();
    QCOMPARE(stored.value(QLatin1String("uuid")).toString(), m_kiosk->uuid(id));
    QCOMPARE(stored.value(QLatin1String("reference")).toString(), m_kiosk->item(id).reference);
    const QJsonArray attachments = stored.value(QLatin1String("attachments")).toArray();
    QCOMPARE(attachments.size(), files.size());
    QStringList expected, actual;
    for (const QByteArray &f : files)
        expected.append(QString::fromLatin1(sha256Hex(f)));
    for (const QJsonValue &a : attachments)
        actual.append(a.toObject().value(QLatin1String("sha256")).toString()); // recomputed from the stored bytes
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
#else
    Q_UNUSED(id)
    Q_UNUSED(files)
#endif
}

void TestSyncPlatform::deliveredBytesAreIdenticalOnPlatform()
{
    QVERIFY(startAndEnrol());
    Kiosk &k = *m_kiosk;
    const QList<QByteArray> files = {pdfBytes(300 * 1024 + 17, 11), pdfBytes(7000, 12)};
    const qint64 id = k.queue(QStringLiteral("caf-changement-adresse"), files);
    auto engine = k.engine();
    engine->setChunkSize(64 * 1024);
    RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QVERIFY(summary.online);
    QCOMPARE(summary.delivered, 1);
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    QVERIFY(k.item(id).reference.startsWith(QStringLiteral("RLS-")));
    checkOnPlatform(id, files);

    // Nothing is delivered twice by a later round.
    summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.delivered, 0);
    checkOnPlatform(id, files);

    // The real platform signed the journal head: the kiosk's journal is anchored up to it.
    const auto head = k.store().journalHead().value();
    const auto settings = k.store().settings().value();
    const Journal::Verification v = k.journal()->verify(settings.platformKey);
    QVERIFY2(v.intact, qPrintable(Journal::describe(v)));
    QCOMPARE(v.receiptSeq, head.seq);
}

void TestSyncPlatform::serverWithoutChecksumExtension()
{
    QVERIFY(startAndEnrol({QStringLiteral("--tus-extensions"), QStringLiteral("creation,termination")}));
    Kiosk &k = *m_kiosk;
    const QList<QByteArray> files = {pdfBytes(100 * 1024, 13)};
    const qint64 id = k.queue(QStringLiteral("cpam-c2s"), files);
    auto engine = k.engine();
    engine->setChunkSize(32 * 1024);
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.delivered, 1);
    checkOnPlatform(id, files);
}

void TestSyncPlatform::statusChangesComeBack()
{
    QVERIFY(startAndEnrol());
    Kiosk &k = *m_kiosk;
    const qint64 id = k.queue(QStringLiteral("caf-prime-activite"), {pdfBytes(5000, 14)});
    auto engine = k.engine();
    QCOMPARE(runRound(*engine).delivered, 1);
#ifdef RELAIS_PLATFORM_PATH
    QCOMPARE(m_platform->command(QStringLiteral("set-status"),
                                 {QStringLiteral("--submission"), k.uuid(id), QStringLiteral("--status"),
                                  QStringLiteral("incomplete"), QStringLiteral("--message"),
                                  QStringLiteral("Il manque le dernier avis d'imposition.")}),
             0);
#endif
    const RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.statusUpdates, 1);
    QCOMPARE(k.state(id), QStringLiteral("incomplete"));
    const sync::OutboxItem item = k.item(id);
    QVERIFY(!item.updates.isEmpty());
    QCOMPARE(item.updates.last().status, QStringLiteral("incomplete"));
    QCOMPARE(item.updates.last().message, QStringLiteral("Il manque le dernier avis d'imposition."));
    // Not twice.
    QCOMPARE(runRound(*engine).statusUpdates, 0);
}

// Issue 14: an item the platform received was quarantined on the kiosk all the same (two programs sending it at once,
// the 201 lost, 409s after). "Correct and resend" must never make a second record on the platform.
void TestSyncPlatform::correctingAnItemThePlatformHoldsMakesNoSecondRecord()
{
    QVERIFY(startAndEnrol());
    Kiosk &k = *m_kiosk;
    const QList<QByteArray> files = {pdfBytes(20 * 1024, 15)};
    const qint64 id = k.queue(QStringLiteral("caf-changement-adresse"), files);
    auto engine = k.engine();
    QCOMPARE(runRound(*engine).delivered, 1);
    const QString reference = k.item(id).reference;
    QVERIFY(reference.startsWith(QStringLiteral("RLS-")));
    const QString uuid = k.uuid(id);

    // What the kiosk was left with: the item set aside with the platform's sentence, its receipt never recorded.
    const auto setAside = [&] {
        QSqlQuery q(k.db());
        return q.exec(QStringLiteral("UPDATE submissions SET state = 'quarantined', receipt = '{}', delivered_at = NULL"
                                     " WHERE id = %1")
                          .arg(id)) &&
               q.exec(QStringLiteral("INSERT OR REPLACE INTO sync_items (submission_id, quarantine_reason) VALUES"
                                     " (%1, 'La plateforme détient déjà une démarche différente sous ce numéro.')")
                          .arg(id));
    };
    QVERIFY(setAside());

    // Corrected without changing anything and sent again: the platform answers with the record it holds.
    QVERIFY(k.store().reopenForCorrection(k.alice(), id));
    const Submission reopened = k.submissions().load(k.alice(), id).value();
    QCOMPARE(reopened.uuid, uuid);
    QVERIFY(k.submissions().queue(k.alice(), id, reopened.answers));
    RoundSummary summary = runRound(*engine);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(k.state(id), QStringLiteral("delivered"));
    QCOMPARE(k.item(id).reference, reference);
    checkOnPlatform(id, files);

    // Corrected with another answer: the platform holds this démarche already; it is refused, never made twice.
    QVERIFY(setAside());
    QVERIFY(k.store().reopenForCorrection(k.alice(), id));
    QJsonObject changed = k.submissions().load(k.alice(), id)->answers;
    changed.insert(QStringLiteral("motif"), QStringLiteral("mutation"));
    QVERIFY(k.submissions().queue(k.alice(), id, changed));
    summary = runRound(*engine);
    QCOMPARE(summary.delivered, 0);
    QCOMPARE(k.state(id), QStringLiteral("quarantined"));
    QVERIFY(!k.item(id).quarantineReason.isEmpty());
#ifdef RELAIS_PLATFORM_PATH
    const QJsonArray onPlatform = m_platform->list();
    QCOMPARE(onPlatform.size(), 1);
    QCOMPARE(onPlatform.first().toObject().value(QLatin1String("reference")).toString(), reference);
#endif
}
QTEST_GUILESS_MAIN(TestSyncPlatform)
#include "TestSyncPlatform.moc"
