#include "ChunkSizer.h"
#include "FakeClock.h"

#include <QTest>

using namespace relais;
using namespace relais::sync;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 KiB = 1024;
} // namespace

// The chunk size follows the link (sync/protocol §4): a bus's slow link gets chunks acknowledged within about 10 s,
// a fast one the configured size; the time remaining comes from the same measure. Driven by a fake clock.
class TestChunkSizer : public QObject
{
    Q_OBJECT

private:
    // One chunk of `bytes` acknowledged `ms` after it left; returns the next chunk size.
    static qint64 send(ChunkSizer &sizer, test::FakeClock &clock, qint64 bytes, qint64 ms)
    {
        sizer.chunkSent();
        clock.advanceMs(ms);
        sizer.chunkAcknowledged(bytes);
        return sizer.chunkSize();
    }

private Q_SLOTS:
    void fastLinkKeepsTheConfiguredSize()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        QCOMPARE(sizer.chunkSize(), 4 * MiB);
        QCOMPARE(sizer.bytesPerSecond(), 0.0);
        QCOMPARE(sizer.secondsFor(10 * MiB), qint64(-1)); // unknown before the first acknowledgement
        for (int i = 0; i < 5; ++i)
            QCOMPARE(send(sizer, clock, 4 * MiB, 400), 4 * MiB); // 10 MiB/s: never above the configured size
        QCOMPARE(sizer.secondsFor(100 * MiB), qint64(10));
    }

    void slowAcknowledgementShrinksTheNextChunks()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        // 1 Mbit/s: 4 MiB take 34 s. The next chunk is what the link carries in about 5 s, at most half.
        const qint64 next = send(sizer, clock, 4 * MiB, 33554);
        QVERIFY2(next <= 2 * MiB, qPrintable(QString::number(next)));
        QVERIFY2(next >= 600 * KiB && next <= 640 * KiB, qPrintable(QString::number(next)));
        // A chunk of that size is acknowledged in about 5 s: the size holds.
        QCOMPARE(send(sizer, clock, next, 5000), next);
        // Exactly at the threshold: not slow yet.
        QCOMPARE(send(sizer, clock, next, ChunkSizer::SlowMs), next);
    }

    void neverBelowTheMinimum()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        for (int i = 0; i < 20; ++i)
            send(sizer, clock, sizer.chunkSize(), 60000); // a nearly dead link
        QCOMPARE(sizer.chunkSize(), ChunkSizer::DefaultMinimum);
    }

    void fasterLinkGrowsBackToTheMaximum()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        send(sizer, clock, 4 * MiB, 40000);
        const qint64 small = sizer.chunkSize();
        QVERIFY(small < 4 * MiB);
        // The bus reaches a better cell: each full chunk comes back quickly and the size doubles, up to 4 MiB.
        qint64 size = small;
        for (int i = 0; i < 10 && size < 4 * MiB; ++i) {
            const qint64 grown = send(sizer, clock, size, 500);
            QCOMPARE(grown, qMin(4 * MiB, size * 2));
            size = grown;
        }
        QCOMPARE(size, 4 * MiB);
        // A short last slice of a file, however quick, says nothing about a bigger chunk.
        send(sizer, clock, 8 * MiB, 40000);
        const qint64 before = sizer.chunkSize();
        QCOMPARE(send(sizer, clock, 10 * KiB, 100), before);
    }

    void configuredSizeIsTheCeiling()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        sizer.setMaximum(64 * KiB); // what tests and relais-bench configure
        QCOMPARE(sizer.chunkSize(), 64 * KiB);
        QVERIFY(sizer.minimum() <= 64 * KiB);
        QCOMPARE(send(sizer, clock, 64 * KiB, 1), 64 * KiB);
        // Below the usual floor already: a slow link does not make it smaller still.
        QCOMPARE(send(sizer, clock, 64 * KiB, 20000), 64 * KiB);
        sizer.setMaximum(2 * MiB); // a new setting starts from it
        QCOMPARE(sizer.chunkSize(), 2 * MiB);
    }

    void timeRemainingFollowsTheMeasuredRate()
    {
        test::FakeClock clock;
        ChunkSizer sizer(&clock);
        send(sizer, clock, 1 * MiB, 8000); // 128 KiB/s
        QCOMPARE(sizer.secondsFor(2 * MiB), qint64(16));
        QCOMPARE(sizer.secondsFor(0), qint64(0));
        // An acknowledgement without a chunk sent (a resync) changes nothing.
        sizer.chunkAcknowledged(4 * MiB);
        QCOMPARE(sizer.secondsFor(2 * MiB), qint64(16));
    }
};

QTEST_GUILESS_MAIN(TestChunkSizer)
#include "TestChunkSizer.moc"
