#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

class TestPostalCodeValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestPostalCodeValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("Ain") << QStringLiteral("01000") << QStringLiteral("01000");
    QTest::newRow("Paris") << QStringLiteral("75001") << QStringLiteral("75001");
    QTest::newRow("spaced") << QStringLiteral("75 001") << QStringLiteral("75001");
    QTest::newRow("Ajaccio (2A)") << QStringLiteral("20000") << QStringLiteral("20000");
    QTest::newRow("Bastia (2B)") << QStringLiteral("20200") << QStringLiteral("20200");
    QTest::newRow("Val-d'Oise") << QStringLiteral("95000") << QStringLiteral("95000");
    QTest::newRow("Guadeloupe") << QStringLiteral("97100") << QStringLiteral("97100");
    QTest::newRow("Saint-Barthélemy") << QStringLiteral("97133") << QStringLiteral("97133");
    QTest::newRow("Réunion") << QStringLiteral("97400") << QStringLiteral("97400");
    QTest::newRow("Saint-Pierre-et-Miquelon") << QStringLiteral("97500") << QStringLiteral("97500");
    QTest::newRow("Mayotte") << QStringLiteral("97600") << QStringLiteral("97600");
    QTest::newRow("Monaco") << QStringLiteral("98000") << QStringLiteral("98000");
    QTest::newRow("Polynésie") << QStringLiteral("98714") << QStringLiteral("98714");
    QTest::newRow("Nouvelle-Calédonie") << QStringLiteral("98800") << QStringLiteral("98800");
    QTest::newRow("Wallis-et-Futuna") << QStringLiteral("98600") << QStringLiteral("98600");
}

void TestPostalCodeValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::postalCode(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestPostalCodeValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("5 digits");
    QTest::newRow("4 digits (leading 0 lost)") << QStringLiteral("1000") << QStringLiteral("this one has 4");
    QTest::newRow("6 digits") << QStringLiteral("750011") << QStringLiteral("this one has 6");
    QTest::newRow("00") << QStringLiteral("00123") << QStringLiteral("first digits");
    QTest::newRow("96") << QStringLiteral("96100") << QStringLiteral("first digits");
    QTest::newRow("99") << QStringLiteral("99000") << QStringLiteral("first digits");
    QTest::newRow("970") << QStringLiteral("97000") << QStringLiteral("first digits");
    QTest::newRow("979") << QStringLiteral("97900") << QStringLiteral("first digits");
    QTest::newRow("981") << QStringLiteral("98100") << QStringLiteral("first digits");
    QTest::newRow("Corsica letters") << QStringLiteral("2A000") << QStringLiteral("only contains digits");
    QTest::newRow("commune name") << QStringLiteral("75001 Paris") << QStringLiteral("only contains digits");
}

void TestPostalCodeValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::postalCode(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestPostalCodeValidator)
#include "TestPostalCodeValidator.moc"
