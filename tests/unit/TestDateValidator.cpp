#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

class TestDateValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void birthDate_data();
    void birthDate();
    void dateInRange_data();
    void dateInRange();
    void dateText_data();
    void dateText();
};

void TestDateValidator::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // bounds in messages: dd/MM/yyyy
}

void TestDateValidator::birthDate_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("normalized"); // empty: refused
    QTest::addColumn<QString>("expected");
    const QDate today(2025, 6, 15);
    QTest::newRow("adult") << QDate(1985, 5, 17) << today << QStringLiteral("1985-05-17") << QString();
    QTest::newRow("born today") << today << today << QStringLiteral("2025-06-15") << QString();
    QTest::newRow("exactly 130 years") << QDate(1895, 6, 15) << today << QStringLiteral("1895-06-15") << QString();
    QTest::newRow("29 February") << QDate(2000, 2, 29) << today << QStringLiteral("2000-02-29") << QString();
    QTest::newRow("tomorrow") << QDate(2025, 6, 16) << today << QString() << QStringLiteral("future");
    QTest::newRow("next year") << QDate(2026, 1, 1) << today << QString() << QStringLiteral("future");
    QTest::newRow("130 years and a day") << QDate(1895, 6, 14) << today << QString() << QStringLiteral("130 years");
    QTest::newRow("typo 1085") << QDate(1085, 5, 17) << today << QString() << QStringLiteral("check the year");
    QTest::newRow("invalid date") << QDate() << today << QString() << QStringLiteral("real date");
    QTest::newRow("30 February") << QDate(1985, 2, 30) << today << QString() << QStringLiteral("real date");
    QTest::newRow("year 0 and before") << QDate(-5, 1, 1) << today << QString() << QStringLiteral("real date");
}

void TestDateValidator::birthDate()
{
    QFETCH(QDate, date);
    QFETCH(QDate, today);
    QFETCH(QString, normalized);
    QFETCH(QString, expected);
    const auto result = Validators::birthDate(date, today);
    QCOMPARE(result.ok, !normalized.isEmpty());
    QCOMPARE(result.normalized, normalized);
    if (!result.ok)
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
    else
        QVERIFY(result.message.isEmpty());
}

void TestDateValidator::dateInRange_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QDate>("earliest");
    QTest::addColumn<QDate>("latest");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("expected");
    const QDate from(2024, 1, 1);
    const QDate to(2024, 12, 31);
    QTest::newRow("inside") << QDate(2024, 6, 1) << from << to << QStringLiteral("2024-06-01") << QString();
    QTest::newRow("first day") << from << from << to << QStringLiteral("2024-01-01") << QString();
    QTest::newRow("last day") << to << from << to << QStringLiteral("2024-12-31") << QString();
    QTest::newRow("unbounded") << QDate(1700, 1, 1) << QDate() << QDate() << QStringLiteral("1700-01-01") << QString();
    QTest::newRow("before") << QDate(2023, 12, 31) << from << to << QString()
                            << QStringLiteral("between 01/01/2024 and 31/12/2024");
    QTest::newRow("after") << QDate(2025, 1, 1) << from << to << QString() << QStringLiteral("between");
    QTest::newRow("before, no upper bound")
        << QDate(2023, 12, 31) << from << QDate() << QString() << QStringLiteral("on or after 01/01/2024");
    QTest::newRow("after, no lower bound")
        << QDate(2025, 1, 1) << QDate() << to << QString() << QStringLiteral("on or before 31/12/2024");
    QTest::newRow("invalid") << QDate() << from << to << QString() << QStringLiteral("real date");
    QTest::newRow("year 10000") << QDate(10000, 1, 1) << QDate() << QDate() << QString() << QStringLiteral("real date");
}

void TestDateValidator::dateInRange()
{
    QFETCH(QDate, date);
    QFETCH(QDate, earliest);
    QFETCH(QDate, latest);
    QFETCH(QString, normalized);
    QFETCH(QString, expected);
    const auto result = Validators::dateInRange(date, earliest, latest);
    QCOMPARE(result.ok, !normalized.isEmpty());
    QCOMPARE(result.normalized, normalized);
    if (!result.ok)
        QVERIFY2(result.message.contains(expected), qPrintable(result.message));
}

void TestDateValidator::dateText_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("normalized"); // empty: refused
    QTest::addColumn<QString>("expected");   // the message, as the mediator reads it
    const QString badForm = Validators::tr("Enter a date as DD/MM/YYYY (for example 05/03/1980).");
    const QString noSuchDate = Validators::tr("This date does not exist: check the day and the month.");
    QTest::newRow("day first") << QStringLiteral("05/03/1980") << QStringLiteral("1980-03-05") << QString();
    QTest::newRow("one digit") << QStringLiteral(" 5/3/1980 ") << QStringLiteral("1980-03-05") << QString();
    QTest::newRow("ISO") << QStringLiteral("1980-03-05") << QStringLiteral("1980-03-05") << QString();
    QTest::newRow("leap day") << QStringLiteral("29/02/2024") << QStringLiteral("2024-02-29") << QString();
    QTest::newRow("31 February") << QStringLiteral("31/02/1980") << QString() << noSuchDate;
    QTest::newRow("29 February, no leap year") << QStringLiteral("29/02/2023") << QString() << noSuchDate;
    QTest::newRow("month 13") << QStringLiteral("12/13/1980") << QString() << noSuchDate;
    QTest::newRow("day 0") << QStringLiteral("00/01/1980") << QString() << noSuchDate;
    QTest::newRow("ISO 30 February") << QStringLiteral("1980-02-30") << QString() << noSuchDate;
    QTest::newRow("two-digit year") << QStringLiteral("05/03/80") << QString() << badForm;
    QTest::newRow("words") << QStringLiteral("5 mars 1980") << QString() << badForm;
    QTest::newRow("empty") << QString() << QString() << badForm;
}

void TestDateValidator::dateText()
{
    QFETCH(QString, typed);
    QFETCH(QString, normalized);
    QFETCH(QString, expected);
    const auto result = Validators::dateText(typed);
    QCOMPARE(result.ok, !normalized.isEmpty());
    QCOMPARE(result.normalized, normalized);
    QCOMPARE(result.message, expected);
}

QTEST_GUILESS_MAIN(TestDateValidator)
#include "TestDateValidator.moc"
