// The scanner's drop folder, on a real folder: a scan is offered once and only when complete,
// scratch files are ignored, old files are listed but not pushed, an attached scan is deleted,
// and a folder that goes away is said plainly.
#include "TempStoreDir.h"
#include "TinyTmpfs.h"

#include "domain/ScanFolder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace relais;
using namespace relais::test;

namespace {
constexpr int SettleMs = 400;
constexpr int PollMs = 150;
constexpr int Timeout = 4000; // generous for loaded CI machines; a passing run waits far less

bool writeBytes(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    return f.open(mode) && f.write(bytes) == bytes.size();
}

QByteArray pdfBytes(int size)
{
    QByteArray bytes = "%PDF-1.4\n";
    bytes += QByteArray(size - bytes.size(), 'x');
    return bytes;
}
} // namespace

class TestScanFolder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempStoreDir> m_dir;
    std::unique_ptr<ScanFolder> m_scans;
    QString file(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    void makeScanFolder()
    {
        m_scans = std::make_unique<ScanFolder>(SystemClock::instance()); // scanners write in real seconds
        m_scans->setSettleMs(SettleMs);
        m_scans->setPollMs(PollMs);
    }

private Q_SLOTS:
    void init();
    void cleanup();
    void fileWrittenInTwoPartsIsReportedOnceComplete();
    void scratchAndHiddenFilesAreIgnoredUntilRenamed();
    void filesAlreadyThereArePendingNotPushed();
    void consumeDeletesTheScanOnly();
    void consumeFailureIsSaidAndTheScanKept();
    void vanishedFolderIsReportedAndWatchedAgain();
    void missingFolderIsRefusedWithAMessage();
};

void TestScanFolder::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    QVERIFY(m_dir->isValid());
    makeScanFolder();
}

void TestScanFolder::cleanup()
{
    m_scans.reset();
    m_dir.reset();
}

void TestScanFolder::fileWrittenInTwoPartsIsReportedOnceComplete()
{
    QVERIFY(m_scans->setFolder(m_dir->path()));
    QVERIFY(m_scans->isWatching());
    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    qint64 sizeWhenReported = -1;
    connect(m_scans.get(), &ScanFolder::fileReady, this,
            [&](const QString &path) { sizeWhenReported = QFileInfo(path).size(); });

    // The scanner writes half, pauses (shorter than the settle interval), writes the rest.
    const QString path = file(QStringLiteral("scan_0001.pdf"));
    const QByteArray content = pdfBytes(200 * 1024);
    QVERIFY(writeBytes(path, content.left(80 * 1024)));
    QTest::qWait(SettleMs * 2 / 3);
    QCOMPARE(ready.count(), 0); // half a scan is not offered
    QElapsedTimer sinceComplete;
    QVERIFY(writeBytes(path, content.mid(80 * 1024), QIODevice::Append));
    sinceComplete.start();

    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
    QVERIFY2(sinceComplete.elapsed() >= SettleMs - 20, "reported before the file had stopped growing");
    QCOMPARE(ready.at(0).at(0).toString(), path);
    QCOMPARE(sizeWhenReported, qint64(content.size()));
    // Once: not again while it stays as it is.
    QTest::qWait(SettleMs * 2);
    QCOMPARE(ready.count(), 1);
    QVERIFY(m_scans->pendingFiles().isEmpty());
}

void TestScanFolder::scratchAndHiddenFilesAreIgnoredUntilRenamed()
{
    QVERIFY(m_scans->setFolder(m_dir->path()));
    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    const QByteArray bytes = pdfBytes(4096);
    QVERIFY(writeBytes(file(QStringLiteral(".hidden.pdf")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral("scan_0002.pdf.part")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral("scan_0003.tmp")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral("~scan_0004.pdf")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral(".~lock.scan_0005.pdf#")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral("Thumbs.db")), bytes));
    QVERIFY(writeBytes(file(QStringLiteral("empty.pdf")), QByteArray()));
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("archive.pdf")));
    QTest::qWait(SettleMs * 3);
    QCOMPARE(ready.count(), 0);

    // The scanner renames its finished file: that one is a scan.
    QVERIFY(QFile::rename(file(QStringLiteral("scan_0002.pdf.part")), file(QStringLiteral("scan_0002.pdf"))));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
    QCOMPARE(ready.at(0).at(0).toString(), file(QStringLiteral("scan_0002.pdf")));
    QTest::qWait(SettleMs);
    QCOMPARE(ready.count(), 1);
}

void TestScanFolder::filesAlreadyThereArePendingNotPushed()
{
    const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
    const QList<std::pair<QString, int>> old{{QStringLiteral("old_scan.pdf"), 0}, {QStringLiteral("photo.JPG"), 60}};
    for (const auto &[name, age] : old) {
        QFile f(file(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(pdfBytes(2048)) == 2048 && f.flush()); // written out before the date is set
        QVERIFY(f.setFileTime(hourAgo.addSecs(age), QFileDevice::FileModificationTime));
    }
    QVERIFY(writeBytes(file(QStringLiteral(".hidden.pdf")), pdfBytes(2048)));
    QVERIFY(writeBytes(file(QStringLiteral("just_written.pdf")), pdfBytes(2048)));

    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    QSignalSpy pendingChanged(m_scans.get(), &ScanFolder::pendingFilesChanged);
    QVERIFY(m_scans->setFolder(m_dir->path()));
    // Old files are listed at once, newest first, so the UI can offer them.
    QCOMPARE(m_scans->pendingFiles(),
             (QStringList{file(QStringLiteral("photo.JPG")), file(QStringLiteral("old_scan.pdf"))}));
    // One written just before the start is listed once it has settled; none is pushed.
    QTRY_COMPARE_WITH_TIMEOUT(m_scans->pendingFiles().size(), 3, Timeout);
    QCOMPARE(m_scans->pendingFiles().first(), file(QStringLiteral("just_written.pdf")));
    QVERIFY(pendingChanged.count() >= 1);
    QTest::qWait(SettleMs);
    QCOMPARE(ready.count(), 0);

    // Rewritten after the start: a new scan, pushed, and no longer among the old ones.
    QVERIFY(writeBytes(file(QStringLiteral("old_scan.pdf")), pdfBytes(8192)));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
    QCOMPARE(ready.at(0).at(0).toString(), file(QStringLiteral("old_scan.pdf")));
    QVERIFY(!m_scans->pendingFiles().contains(file(QStringLiteral("old_scan.pdf"))));

    // A pending file deleted by someone else is no longer offered.
    QVERIFY(QFile::remove(file(QStringLiteral("photo.JPG"))));
    QVERIFY(!m_scans->pendingFiles().contains(file(QStringLiteral("photo.JPG"))));
}

void TestScanFolder::consumeDeletesTheScanOnly()
{
    QVERIFY(m_scans->setFolder(m_dir->path()));
    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    const QString path = file(QStringLiteral("scan.pdf"));
    QVERIFY(writeBytes(path, pdfBytes(4096)));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);

    const Status consumed = m_scans->consume(path);
    QVERIFY2(consumed.ok(), qPrintable(consumed.message()));
    QVERIFY(!QFileInfo::exists(path));    // the citizen's scan does not stay in the shared folder
    QVERIFY(m_scans->consume(path).ok()); // already gone: nothing to do

    // The scanner reuses the name for the next citizen: a new scan.
    QVERIFY(writeBytes(path, pdfBytes(5000)));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, Timeout);

    // Nothing outside the scan folder, nor a folder in it, is ever deleted.
    TempStoreDir elsewhere;
    const QString outside = elsewhere.file(QStringLiteral("scan.pdf"));
    QVERIFY(writeBytes(outside, pdfBytes(100)));
    const Status refused = m_scans->consume(outside);
    QCOMPARE(refused.code(), ErrorCode::InvalidInput);
    QVERIFY(!refused.message().isEmpty());
    QVERIFY(QFileInfo::exists(outside));
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("kept.pdf")));
    QCOMPARE(m_scans->consume(file(QStringLiteral("kept.pdf"))).code(), ErrorCode::InvalidInput);
    QVERIFY(QFileInfo(file(QStringLiteral("kept.pdf"))).isDir());
    QCOMPARE(
        m_scans->consume(file(QStringLiteral("../") + QDir(elsewhere.path()).dirName() + QStringLiteral("/scan.pdf")))
            .code(),
        ErrorCode::InvalidInput);
    QVERIFY(QFileInfo::exists(outside));
}

void TestScanFolder::consumeFailureIsSaidAndTheScanKept()
{
    RELAIS_REQUIRE_TMPFS(); // a read-only disk refuses the delete, even to root
    TinyTmpfs fs(256 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    makeScanFolder();
    QVERIFY(m_scans->setFolder(fs.path()));
    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    const QString path = fs.filePath(QStringLiteral("scan.pdf"));
    QVERIFY(writeBytes(path, pdfBytes(4096)));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
    QVERIFY2(fs.setReadOnly(true), qPrintable(fs.error()));

    const Status status = m_scans->consume(path);
    QVERIFY(!status.ok());
    QVERIFY2(status.message().contains(QStringLiteral("Delete it by hand")), qPrintable(status.message()));
    QVERIFY(QFileInfo::exists(path));
    m_scans.reset();
    QVERIFY2(fs.setReadOnly(false), qPrintable(fs.error()));
}

void TestScanFolder::vanishedFolderIsReportedAndWatchedAgain()
{
    const QString folder = file(QStringLiteral("scans"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(m_scans->setFolder(folder));
    QSignalSpy ready(m_scans.get(), &ScanFolder::fileReady);
    QSignalSpy unavailable(m_scans.get(), &ScanFolder::folderUnavailable);
    QSignalSpy available(m_scans.get(), &ScanFolder::folderAvailable);

    QVERIFY(QDir(folder).removeRecursively()); // the share is disconnected
    QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, Timeout);
    QVERIFY(!m_scans->isWatching());
    QCOMPARE(unavailable.at(0).at(0).toString(), m_scans->errorString());
    QVERIFY2(m_scans->errorString().contains(QStringLiteral("cannot be found")), qPrintable(m_scans->errorString()));
    QTest::qWait(PollMs * 3);
    QCOMPARE(unavailable.count(), 1); // said once, not at every poll

    QVERIFY(QDir().mkpath(folder)); // back again: watched without the mediator doing anything
    QTRY_COMPARE_WITH_TIMEOUT(available.count(), 1, Timeout);
    QVERIFY(m_scans->isWatching());
    QVERIFY(m_scans->errorString().isEmpty());
    QVERIFY(writeBytes(QDir(folder).filePath(QStringLiteral("after.pdf")), pdfBytes(4096)));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, Timeout);
}

void TestScanFolder::missingFolderIsRefusedWithAMessage()
{
    const Status status = m_scans->setFolder(file(QStringLiteral("not-there")));
    QCOMPARE(status.code(), ErrorCode::Io);
    QVERIFY(status.message().contains(QStringLiteral("cannot be found")));
    QVERIFY(!m_scans->isWatching());
    QCOMPARE(m_scans->errorString(), status.message());

    const QString notAFolder = file(QStringLiteral("scan.pdf"));
    QVERIFY(writeBytes(notAFolder, pdfBytes(100)));
    QVERIFY(m_scans->setFolder(notAFolder).message().contains(QStringLiteral("is not a folder")));
}

QTEST_GUILESS_MAIN(TestScanFolder)
#include "TestScanFolder.moc"
