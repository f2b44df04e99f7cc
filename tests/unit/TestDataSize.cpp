// Sizes as people read them, the same on every screen: kilobytes, megabytes, gigabytes; never bytes.
#include "common/DataSize.h"

#include <QLocale>
#include <QTest>

using relais::DataSize;

class TestDataSize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void followsTheLanguageOfNumbers();
};

void TestDataSize::format_data()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");
    const auto kb = [](const QString &n) {
        return DataSize::tr("%1 KB").arg(n);
    };
    const auto mb = [](const QString &n) {
        return DataSize::tr("%1 MB").arg(n);
    };
    QTest::newRow("empty") << qint64(0) << kb(QStringLiteral("0"));
    QTest::newRow("a small PDF: never 0 KB, never bytes") << qint64(632) << kb(QStringLiteral("1"));
    QTest::newRow("just over 1 KB") << qint64(1025) << kb(QStringLiteral("2"));
    QTest::newRow("300 KB") << qint64(300 * 1024) << kb(QStringLiteral("300"));
    QTest::newRow("1023.5 KB") << qint64(1024 * 1024 - 512) << kb(QStringLiteral("1,024"));
    QTest::newRow("1.5 MB") << qint64(3 * 512 * 1024) << mb(QStringLiteral("1.5"));
    QTest::newRow("150 MB") << qint64(150) * 1024 * 1024 << mb(QStringLiteral("150"));
    QTest::newRow("2 GB") << qint64(2) * 1024 * 1024 * 1024 << DataSize::tr("%1 GB").arg(QStringLiteral("2.0"));
}

void TestDataSize::format()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(DataSize::format(bytes), expected);
}

void TestDataSize::followsTheLanguageOfNumbers()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    QCOMPARE(DataSize::format(3 * 512 * 1024), DataSize::tr("%1 MB").arg(QStringLiteral("1,5")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

QTEST_GUILESS_MAIN(TestDataSize)
#include "TestDataSize.moc"
