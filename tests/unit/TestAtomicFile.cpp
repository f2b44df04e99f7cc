#include "StoreInspect.h"
#include "TempStoreDir.h"
#include "TinyTmpfs.h"
#include "common/AtomicFile.h"

#include <QFile>
#include <QTest>

using relais::ErrorCode;
using relais::writeFileAtomically;
using namespace relais::test;

class TestAtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesNewFile();
    void replacesExistingFile();
    void writesEmptyFile();
    void missingFolderIsIo();
    void fullDiskKeepsOldContent_data();
    void fullDiskKeepsOldContent();
    void fullDiskCreatesNothing();
    void readOnlyDiskKeepsOldContent();
};

void TestAtomicFile::writesNewFile()
{
    TempStoreDir dir;
    QVERIFY(dir.isValid());
    const QByteArray contents = QByteArrayLiteral("{\"synthetic\": true}\n");
    const auto status = writeFileAtomically(dir.file(QStringLiteral("state.json")), contents);
    QVERIFY2(status.ok(), qPrintable(status.message()));
    QCOMPARE(fileBytes(dir.file(QStringLiteral("state.json"))), contents);
    // Nothing but the file itself: no temporary left behind.
    QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("state.json")});
}

void TestAtomicFile::replacesExistingFile()
{
    TempStoreDir dir;
    const QString path = dir.file(QStringLiteral("state.json"));
    QVERIFY(writeBytes(path, QByteArray(10000, 'o')));
    const QByteArray contents = QByteArrayLiteral("short new content");
    const auto status = writeFileAtomically(path, contents);
    QVERIFY2(status.ok(), qPrintable(status.message()));
    // Replaced entirely, not overwritten in place (no tail of the longer old file).
    QCOMPARE(fileBytes(path), contents);
    QCOMPARE(dirEntries(dir.path()), QStringList{QStringLiteral("state.json")});
}

void TestAtomicFile::writesEmptyFile()
{
    TempStoreDir dir;
    const QString path = dir.file(QStringLiteral("state.json"));
    QVERIFY(writeBytes(path, QByteArrayLiteral("old")));
    QVERIFY(writeFileAtomically(path, QByteArray()).ok());
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestAtomicFile::missingFolderIsIo()
{
    TempStoreDir dir;
    const QString path = dir.file(QStringLiteral("no-such-folder/state.json"));
    const auto status = writeFileAtomically(path, QByteArrayLiteral("x"));
    QCOMPARE(status.code(), ErrorCode::Io);
    QVERIFY(!status.message().isEmpty());
    QVERIFY(status.message().contains(QStringLiteral("no-such-folder")));
    QCOMPARE(dirEntries(dir.path()), QStringList());
}

void TestAtomicFile::fullDiskKeepsOldContent_data()
{
    QTest::addColumn<qint64>("freeBytes");
    QTest::addColumn<int>("newSize");
    QTest::newRow("no space, small file") << qint64(0) << 100;
    QTest::newRow("some space, larger file") << qint64(8192) << 64 * 1024;
}

void TestAtomicFile::fullDiskKeepsOldContent()
{
    RELAIS_REQUIRE_TMPFS();
    QFETCH(qint64, freeBytes);
    QFETCH(int, newSize);
    TinyTmpfs fs(300 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    const QString path = fs.filePath(QStringLiteral("state.json"));
    const QByteArray old = QByteArrayLiteral("{\"old\": \"content\"}");
    QVERIFY(writeFileAtomically(path, old).ok());
    QVERIFY(fs.fillLeaving(freeBytes));
    QVERIFY(fs.freeBytes() <= freeBytes);

    const auto status = writeFileAtomically(path, QByteArray(newSize, 'n'));
    QCOMPARE(status.code(), ErrorCode::DiskFull);
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(fileBytes(path), old);
    QCOMPARE(dirEntries(fs.path()), (QStringList{QStringLiteral("filler.bin"), QStringLiteral("state.json")}));

    // Once space is freed the same write goes through.
    QVERIFY(fs.removeFiller());
    QVERIFY(writeFileAtomically(path, QByteArray(newSize, 'n')).ok());
    QCOMPARE(fileBytes(path), QByteArray(newSize, 'n'));
}

void TestAtomicFile::fullDiskCreatesNothing()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(128 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    QVERIFY(fs.fillLeaving(0));
    const auto status = writeFileAtomically(fs.filePath(QStringLiteral("new.json")), QByteArray(5000, 'n'));
    QCOMPARE(status.code(), ErrorCode::DiskFull);
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(dirEntries(fs.path()), QStringList{QStringLiteral("filler.bin")});
}

void TestAtomicFile::readOnlyDiskKeepsOldContent()
{
    RELAIS_REQUIRE_TMPFS();
    TinyTmpfs fs(128 * 1024);
    QVERIFY2(fs.isMounted(), qPrintable(fs.error()));
    const QString path = fs.filePath(QStringLiteral("state.json"));
    QVERIFY(writeFileAtomically(path, QByteArrayLiteral("old")).ok());
    QVERIFY2(fs.setReadOnly(true), qPrintable(fs.error()));

    const auto status = writeFileAtomically(path, QByteArrayLiteral("new"));
    QCOMPARE(status.code(), ErrorCode::Io); // a read-only disk is not a full one
    QVERIFY(!status.message().isEmpty());
    QCOMPARE(fileBytes(path), QByteArrayLiteral("old"));
    QCOMPARE(dirEntries(fs.path()), QStringList{QStringLiteral("state.json")});
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
