#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

class TestPhoneValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    // A kept number is shown as it is dialled in France, and what is shown is read back to the same number.
    void shownAsDialled_data();
    void shownAsDialled();
};

void TestPhoneValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164");
    QTest::newRow("mobile, spaces") << QStringLiteral("06 12 34 56 78") << QStringLiteral("+33612345678");
    QTest::newRow("07 mobile") << QStringLiteral("0756123456") << QStringLiteral("+33756123456");
    QTest::newRow("fixed, dots") << QStringLiteral("01.23.45.67.89") << QStringLiteral("+33123456789");
    QTest::newRow("fixed, dashes") << QStringLiteral("04-91-00-00-00") << QStringLiteral("+33491000000");
    QTest::newRow("slashes") << QStringLiteral("05/56/00/00/00") << QStringLiteral("+33556000000");
    QTest::newRow("non-breaking spaces") << QStringLiteral("06\u00a012\u202f34 56 78")
                                         << QStringLiteral("+33612345678");
    QTest::newRow("+33") << QStringLiteral("+33 6 12 34 56 78") << QStringLiteral("+33612345678");
    QTest::newRow("+33 (0)") << QStringLiteral("+33 (0)1 23 45 67 89") << QStringLiteral("+33123456789");
    QTest::newRow("0033") << QStringLiteral("0033 6 12 34 56 78") << QStringLiteral("+33612345678");
    QTest::newRow("09 box line") << QStringLiteral("09 70 12 34 56") << QStringLiteral("+33970123456");
    QTest::newRow("premium 08") << QStringLiteral("08 92 12 34 56") << QStringLiteral("+33892123456");
    QTest::newRow("freephone 0800") << QStringLiteral("0800 123 456") << QStringLiteral("+33800123456");
    QTest::newRow("Réunion fixed") << QStringLiteral("0262 12 34 56") << QStringLiteral("+262262123456");
    QTest::newRow("Réunion mobile 0692") << QStringLiteral("0692 12 34 56") << QStringLiteral("+262692123456");
    QTest::newRow("Réunion mobile 0693") << QStringLiteral("0693 12 34 56") << QStringLiteral("+262693123456");
    QTest::newRow("Mayotte fixed") << QStringLiteral("0269 61 23 45") << QStringLiteral("+262269612345");
    QTest::newRow("Mayotte mobile") << QStringLiteral("0639 12 34 56") << QStringLiteral("+262639123456");
    QTest::newRow("Guadeloupe fixed") << QStringLiteral("0590 12 34 56") << QStringLiteral("+590590123456");
    QTest::newRow("Guadeloupe mobile 0691") << QStringLiteral("0691 12 34 56") << QStringLiteral("+590691123456");
    QTest::newRow("Guyane") << QStringLiteral("0594 12 34 56") << QStringLiteral("+594594123456");
    QTest::newRow("Guyane mobile") << QStringLiteral("0694 12 34 56") << QStringLiteral("+594694123456");
    QTest::newRow("Martinique") << QStringLiteral("0596 12 34 56") << QStringLiteral("+596596123456");
    QTest::newRow("Martinique mobile 0697") << QStringLiteral("0697 12 34 56") << QStringLiteral("+596697123456");
    QTest::newRow("+262 692") << QStringLiteral("+262 692 12 34 56") << QStringLiteral("+262692123456");
    QTest::newRow("00590 690") << QStringLiteral("00590 690 12 34 56") << QStringLiteral("+590690123456");
    QTest::newRow("+596 (0)696") << QStringLiteral("+596 (0)696 12 34 56") << QStringLiteral("+596696123456");
    QTest::newRow("+33 written for Réunion") << QStringLiteral("+33 692 12 34 56") << QStringLiteral("+262692123456");
    QTest::newRow("Saint-Pierre-et-Miquelon") << QStringLiteral("+508 41 23 45") << QStringLiteral("+508412345");
    QTest::newRow("Nouvelle-Calédonie") << QStringLiteral("+687 12 34 56") << QStringLiteral("+687123456");
    QTest::newRow("Polynésie (8 digits)") << QStringLiteral("+689 87 12 34 56") << QStringLiteral("+68987123456");
    QTest::newRow("Wallis-et-Futuna") << QStringLiteral("00681 72 12 34") << QStringLiteral("+681721234");
}

void TestPhoneValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    const auto result = Validators::frenchPhone(input);
    RELAIS_VERIFY_ACCEPTED(result, e164);
    QVERIFY(Validators::frenchPhone(result.normalized).ok);
}

void TestPhoneValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter a phone number");
    QTest::newRow("9 digits") << QStringLiteral("06 12 34 56 7") << QStringLiteral("this one has 9");
    QTest::newRow("11 digits") << QStringLiteral("06 12 34 56 789") << QStringLiteral("this one has 11");
    QTest::newRow("short number 3631") << QStringLiteral("3631") << QStringLiteral("10 digits");
    QTest::newRow("no leading 0") << QStringLiteral("6123456789") << QStringLiteral("starts with 0");
    QTest::newRow("00 then 8 digits") << QStringLiteral("0012345678") << QStringLiteral("starts with 0");
    QTest::newRow("letters") << QStringLiteral("06 12 34 AB 78") << QStringLiteral("only contains digits");
    QTest::newRow("+33 too short") << QStringLiteral("+33 6 12 34 56") << QStringLiteral("number of digits");
    QTest::newRow("+33 then 0 then 8") << QStringLiteral("+33 0612 3456") << QStringLiteral("number of digits");
    QTest::newRow("+33 then 00") << QStringLiteral("+33 0 0612 3456") << QStringLiteral("without its first 0");
    QTest::newRow("foreign (Belgium)") << QStringLiteral("+32 470 12 34 56") << QStringLiteral("Only French");
    QTest::newRow("foreign via 00") << QStringLiteral("0044 20 7946 0000") << QStringLiteral("Only French");
    QTest::newRow("+262 metropolitan number") << QStringLiteral("+262 612 34 56 78") << QStringLiteral("territory");
    QTest::newRow("+590 Réunion number") << QStringLiteral("+590 692 12 34 56") << QStringLiteral("territory");
    QTest::newRow("Polynésie 6 digits") << QStringLiteral("+689 12 34 56") << QStringLiteral("number of digits");
    QTest::newRow("plus in the middle") << QStringLiteral("06 12 +34 56 78") << QStringLiteral("only contains digits");
}

void TestPhoneValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::frenchPhone(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

void TestPhoneValidator::shownAsDialled_data()
{
    QTest::addColumn<QString>("kept");
    QTest::addColumn<QString>("shown");
    QTest::newRow("metropolitan mobile") << QStringLiteral("+33612345678") << QStringLiteral("06 12 34 56 78");
    QTest::newRow("metropolitan fixed") << QStringLiteral("+33123456789") << QStringLiteral("01 23 45 67 89");
    QTest::newRow("Mayotte mobile (the fiction range)")
        << QStringLiteral("+262639980774") << QStringLiteral("06 39 98 07 74");
    QTest::newRow("Mayotte fixed") << QStringLiteral("+262269612345") << QStringLiteral("02 69 61 23 45");
    QTest::newRow("Réunion") << QStringLiteral("+262692123456") << QStringLiteral("06 92 12 34 56");
    QTest::newRow("Guadeloupe") << QStringLiteral("+590690123456") << QStringLiteral("06 90 12 34 56");
    QTest::newRow("Guyane") << QStringLiteral("+594594123456") << QStringLiteral("05 94 12 34 56");
    QTest::newRow("Martinique") << QStringLiteral("+596696123456") << QStringLiteral("06 96 12 34 56");
    // Only reachable in international form: shown as kept.
    QTest::newRow("Nouvelle-Calédonie") << QStringLiteral("+687123456") << QStringLiteral("+687123456");
    QTest::newRow("Polynésie") << QStringLiteral("+68987123456") << QStringLiteral("+68987123456");
    // Not a number of a territory's plan (+262 then a metropolitan number): not turned into a wrong 0…
    QTest::newRow("+262 outside its plan") << QStringLiteral("+262612345678") << QStringLiteral("+262612345678");
    QTest::newRow("typed text kept as it is") << QStringLiteral("06 12") << QStringLiteral("06 12");
}

void TestPhoneValidator::shownAsDialled()
{
    QFETCH(QString, kept);
    QFETCH(QString, shown);
    QCOMPARE(Validators::phoneForDisplay(kept), shown);
    const auto readBack = Validators::frenchPhone(shown);
    if (readBack.ok)
        QCOMPARE(readBack.normalized, kept);
}

QTEST_GUILESS_MAIN(TestPhoneValidator)
#include "TestPhoneValidator.moc"
