#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

#include <limits>

using relais::catalogue::Validators;

namespace {
constexpr double unbounded = std::numeric_limits<double>::infinity();
}

class TestAmountValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestAmountValidator::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // bounds in messages: 1,000.00
}

void TestAmountValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("French, space") << QStringLiteral("1 234,56") << 0.0 << unbounded << QStringLiteral("1234.56");
    QTest::newRow("no-break space U+00A0")
        << QStringLiteral("1\u00a0234,56") << 0.0 << unbounded << QStringLiteral("1234.56");
    QTest::newRow("narrow no-break U+202F")
        << QStringLiteral("1\u202f234\u202f567,8") << 0.0 << unbounded << QStringLiteral("1234567.80");
    QTest::newRow("dot decimal") << QStringLiteral("1234.5") << 0.0 << unbounded << QStringLiteral("1234.50");
    QTest::newRow("euro after") << QStringLiteral("12 €") << 0.0 << unbounded << QStringLiteral("12");
    QTest::newRow("euro glued") << QStringLiteral("12€") << 0.0 << unbounded << QStringLiteral("12");
    QTest::newRow("euro before") << QStringLiteral("€ 12,05") << 0.0 << unbounded << QStringLiteral("12.05");
    QTest::newRow("EUR") << QStringLiteral("850 EUR") << 0.0 << unbounded << QStringLiteral("850");
    QTest::newRow("zero cents dropped") << QStringLiteral("12,00") << 0.0 << unbounded << QStringLiteral("12");
    QTest::newRow("leading zeros") << QStringLiteral("007,5") << 0.0 << unbounded << QStringLiteral("7.50");
    QTest::newRow("zero") << QStringLiteral("0") << 0.0 << 10.0 << QStringLiteral("0");
    QTest::newRow("minus zero is zero") << QStringLiteral("-0,00") << 0.0 << 10.0 << QStringLiteral("0");
    QTest::newRow("negative allowed") << QStringLiteral("-12,5") << -100.0 << 100.0 << QStringLiteral("-12.50");
    QTest::newRow("Unicode minus") << QStringLiteral("\u221212") << -100.0 << 100.0 << QStringLiteral("-12");
    QTest::newRow("at max") << QStringLiteral("1 000") << 0.0 << 1000.0 << QStringLiteral("1000");
    QTest::newRow("at min 0.1") << QStringLiteral("0,10") << 0.1 << 0.3 << QStringLiteral("0.10");
    QTest::newRow("13 digits") << QStringLiteral("9999999999999,99") << 0.0 << unbounded
                               << QStringLiteral("9999999999999.99");
    QTest::newRow("NaN bounds mean none") << QStringLiteral("5") << std::numeric_limits<double>::quiet_NaN()
                                          << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("5");
}

void TestAmountValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(QString, normalized);
    const auto result = Validators::amount(input, min, max);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
    const auto again = Validators::amount(result.normalized, min, max);
    QVERIFY(again.ok);
    QCOMPARE(again.normalized, normalized);
}

void TestAmountValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << 0.0 << unbounded << QStringLiteral("Enter an amount");
    QTest::newRow("only the euro sign") << QStringLiteral("€") << 0.0 << unbounded << QStringLiteral("Enter an amount");
    QTest::newRow("3 decimals") << QStringLiteral("12,345") << 0.0 << unbounded << QStringLiteral("at most 2 digits");
    QTest::newRow("3 decimals with dot") << QStringLiteral("1.234") << 0.0 << unbounded
                                         << QStringLiteral("at most 2 digits");
    QTest::newRow("dot thousands and comma")
        << QStringLiteral("1.234,56") << 0.0 << unbounded << QStringLiteral("comma before the cents");
    QTest::newRow("English thousands") << QStringLiteral("1,234.56") << 0.0 << unbounded
                                       << QStringLiteral("comma before the cents");
    QTest::newRow("two commas") << QStringLiteral("1,2,3") << 0.0 << unbounded
                                << QStringLiteral("comma before the cents");
    QTest::newRow("negative not allowed") << QStringLiteral("-12") << 0.0 << unbounded << QStringLiteral("negative");
    QTest::newRow("negative, min 0 bound") << QStringLiteral("-0,01") << 0.0 << 10.0 << QStringLiteral("negative");
    QTest::newRow("below min") << QStringLiteral("-150") << -100.0 << 100.0
                               << QStringLiteral("between -100.00 € and 100.00 €");
    QTest::newRow("above max") << QStringLiteral("1 000,01") << 0.0 << 1000.0
                               << QStringLiteral("between 0.00 € and 1,000.00 €");
    QTest::newRow("above max, no min") << QStringLiteral("11") << -unbounded << 10.0
                                       << QStringLiteral("at most 10.00 €");
    QTest::newRow("below min, no max") << QStringLiteral("4") << 5.0 << unbounded << QStringLiteral("at least 5.00 €");
    QTest::newRow("bad grouping") << QStringLiteral("12 34") << 0.0 << unbounded
                                  << QStringLiteral("separate thousands");
    QTest::newRow("group of 4 first") << QStringLiteral("1234 567") << 0.0 << unbounded
                                      << QStringLiteral("separate thousands");
    QTest::newRow("letters") << QStringLiteral("douze") << 0.0 << unbounded << QStringLiteral("only contains digits");
    QTest::newRow("comma first") << QStringLiteral(",50") << 0.0 << unbounded << QStringLiteral("before the comma");
    QTest::newRow("comma last") << QStringLiteral("12,") << 0.0 << unbounded << QStringLiteral("cents after the comma");
    QTest::newRow("letter in cents") << QStringLiteral("12,5O") << 0.0 << unbounded << QStringLiteral("Only digits");
    QTest::newRow("too large") << QStringLiteral("99999999999999") << 0.0 << unbounded << QStringLiteral("too large");
    QTest::newRow("inverted bounds") << QStringLiteral("50") << 100.0 << 0.0 << QStringLiteral("between");
    QTest::newRow("percent") << QStringLiteral("12 %") << 0.0 << unbounded << QStringLiteral("only contains digits");
}

void TestAmountValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(QString, expected);
    const auto result = Validators::amount(input, min, max);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestAmountValidator)
#include "TestAmountValidator.moc"
