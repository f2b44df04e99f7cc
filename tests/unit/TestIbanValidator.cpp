#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

namespace {

// Independent ISO 7064 MOD 97-10 over the rearranged IBAN, 7 digits at a time (the textbook piecewise method).
int ibanRemainder(const QString &iban)
{
    QString numeric;
    const QString rearranged = iban.mid(4) + iban.left(4);
    for (const QChar c : rearranged)
        numeric += c.isDigit() ? QString(c) : QString::number(c.unicode() - 'A' + 10);
    int remainder = 0;
    while (!numeric.isEmpty()) {
        const QString chunk = QString::number(remainder) + numeric.left(7);
        numeric.remove(0, 7);
        remainder = int(chunk.toLongLong() % 97);
    }
    return remainder;
}

// A synthetic IBAN for `country` and `bban` with its check digits computed.
QString makeIban(const QString &country, const QString &bban)
{
    const int check = 98 - ibanRemainder(country + QStringLiteral("00") + bban);
    return country + QStringLiteral("%1").arg(check, 2, 10, QLatin1Char('0')) + bban;
}

} // namespace

class TestIbanValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void independentCheckAgreesOnPublishedExamples();
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestIbanValidator::independentCheckAgreesOnPublishedExamples()
{
    QCOMPARE(ibanRemainder(QStringLiteral("FR7630006000011234567890189")), 1);
    QCOMPARE(ibanRemainder(QStringLiteral("GB29NWBK60161331926819")), 1);
    QCOMPARE(makeIban(QStringLiteral("FR"), QStringLiteral("30006000011234567890189")),
             QStringLiteral("FR7630006000011234567890189"));
}

void TestIbanValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    const QString fr = QStringLiteral("FR7630006000011234567890189");
    QTest::newRow("French classic example, grouped") << QStringLiteral("FR76 3000 6000 0112 3456 7890 189") << fr;
    QTest::newRow("lower case, no spaces") << fr.toLower() << fr;
    QTest::newRow("dashes and tabs") << QStringLiteral("FR76-3000-6000\t0112-3456-7890-189") << fr;
    QTest::newRow("non-breaking spaces") << QStringLiteral("FR76\u00a03000\u202f6000 0112 3456 7890 189") << fr;
    const QString computedFr = makeIban(QStringLiteral("FR"), QStringLiteral("20041010050500013M02606"));
    QTest::newRow("French, computed, letter in account") << computedFr << computedFr;
    QTest::newRow("DE 22") << QStringLiteral("DE89 3704 0044 0532 0130 00") << QStringLiteral("DE89370400440532013000");
    QTest::newRow("BE 16") << QStringLiteral("BE68539007547034") << QStringLiteral("BE68539007547034");
    QTest::newRow("ES 24") << QStringLiteral("ES9121000418450200051332") << QStringLiteral("ES9121000418450200051332");
    QTest::newRow("IT 27") << QStringLiteral("IT60X0542811101000000123456")
                           << QStringLiteral("IT60X0542811101000000123456");
    QTest::newRow("PT 25") << QStringLiteral("PT50000201231234567890154")
                           << QStringLiteral("PT50000201231234567890154");
    QTest::newRow("LU 20") << QStringLiteral("LU280019400644750000") << QStringLiteral("LU280019400644750000");
    QTest::newRow("CH 21") << QStringLiteral("CH9300762011623852957") << QStringLiteral("CH9300762011623852957");
    QTest::newRow("MC 27") << QStringLiteral("MC5811222000010123456789030")
                           << QStringLiteral("MC5811222000010123456789030");
    QTest::newRow("GB 22") << QStringLiteral("GB29NWBK60161331926819") << QStringLiteral("GB29NWBK60161331926819");
    QTest::newRow("NL 18") << QStringLiteral("NL91ABNA0417164300") << QStringLiteral("NL91ABNA0417164300");
    QTest::newRow("country not in the table")
        << QStringLiteral("SA03 8000 0000 6080 1016 7519") << QStringLiteral("SA0380000000608010167519");
    const QString reunion = makeIban(QStringLiteral("RE"), QStringLiteral("12345123450000000001234"));
    QTest::newRow("Réunion code RE, 27") << reunion << reunion;
}

void TestIbanValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::iban(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestIbanValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("Enter the IBAN");
    QTest::newRow("last digit wrong") << QStringLiteral("FR7630006000011234567890188")
                                      << QStringLiteral("check digits");
    QTest::newRow("two digits swapped") << QStringLiteral("FR7630006000011234567809189")
                                        << QStringLiteral("check digits");
    QTest::newRow("check digits wrong") << QStringLiteral("FR7730006000011234567890189")
                                        << QStringLiteral("check digits");
    QTest::newRow("French too short") << QStringLiteral("FR76 3000 6000 0112 3456 7890 18")
                                      << QStringLiteral("this one has 26");
    QTest::newRow("French too long") << QStringLiteral("FR76300060000112345678901890")
                                     << QStringLiteral("27 characters");
    QTest::newRow("German wrong length") << makeIban(QStringLiteral("DE"), QStringLiteral("37040044053201300"))
                                         << QStringLiteral("has 22 characters");
    QTest::newRow("unknown country too short")
        << makeIban(QStringLiteral("ZZ"), QStringLiteral("12345678")) << QStringLiteral("between 15 and 34");
    QTest::newRow("unknown country too long")
        << makeIban(QStringLiteral("ZZ"), QString(31, QLatin1Char('1'))) << QStringLiteral("between 15 and 34");
    QTest::newRow("starts with digits") << QStringLiteral("7630006000011234567890189") << QStringLiteral("2 letters");
    QTest::newRow("no check digits") << QStringLiteral("FRAB30006000011234567890189")
                                     << QStringLiteral("check digits after");
    QTest::newRow("punctuation") << QStringLiteral("FR76.3000.6000.0112.3456.7890.189")
                                 << QStringLiteral("letters and digits");
    QTest::newRow("accented letter") << QStringLiteral("FR763000600001123456789018\u00e9")
                                     << QStringLiteral("letters and digits");
    QTest::newRow("German sharp s") << QStringLiteral("DE89370400440532013\u00df")
                                    << QStringLiteral("letters and digits");
    QTest::newRow("RIB only") << QStringLiteral("30006 00001 12345678901 89") << QStringLiteral("2 letters");
}

void TestIbanValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::iban(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestIbanValidator)
#include "TestIbanValidator.moc"
