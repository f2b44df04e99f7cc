#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

namespace {

// Independent check: the first 10 digits as a 64-bit number, modulo 511, written on 3 digits.
QString withCheck(const QString &ten)
{
    return ten + QStringLiteral("%1").arg(ten.toLongLong() % 511, 3, 10, QLatin1Char('0'));
}

} // namespace

class TestSpiValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestSpiValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("python-stdnum example, spaced")
        << QStringLiteral("30 23 217 600 053") << QStringLiteral("3023217600053");
    QCOMPARE(withCheck(QStringLiteral("3023217600")), QStringLiteral("3023217600053"));
    for (const char *ten : {"1234567890", "0000000001", "2999999999", "0102030405", "1999999999"}) {
        const QString number = withCheck(QLatin1String(ten));
        QTest::newRow(qPrintable(number)) << number << number;
    }
    QTest::newRow("non-breaking spaces") << QStringLiteral("30\u00a023\u202f217 600 053")
                                         << QStringLiteral("3023217600053");
}

void TestSpiValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::spi(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestSpiValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("13 digits");
    QTest::newRow("python-stdnum bad check") << QStringLiteral("3023217600054") << QStringLiteral("last 3 digits");
    QTest::newRow("python-stdnum 12 digits") << QStringLiteral("070198776543") << QStringLiteral("this one has 12");
    QTest::newRow("python-stdnum starts with 9") << QStringLiteral("9701987765432") << QStringLiteral("0, 1, 2 or 3");
    QTest::newRow("starts with 4") << withCheck(QStringLiteral("4000000000")) << QStringLiteral("0, 1, 2 or 3");
    QTest::newRow("swapped") << QStringLiteral("3032217600053") << QStringLiteral("last 3 digits");
    QTest::newRow("all zeros") << QStringLiteral("0000000000000") << QStringLiteral("zeros");
    QTest::newRow("letters") << QStringLiteral("30232176000AB") << QStringLiteral("only contains digits");
    QTest::newRow("14 digits") << QStringLiteral("30232176000531") << QStringLiteral("this one has 14");
}

void TestSpiValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::spi(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestSpiValidator)
#include "TestSpiValidator.moc"
