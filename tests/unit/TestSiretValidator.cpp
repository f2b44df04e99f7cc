#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

namespace {

// Independent Luhn: double every second digit from the right.
bool luhn(const QString &digits)
{
    int sum = 0;
    for (int i = 0; i < digits.size(); ++i) {
        int d = digits.at(digits.size() - 1 - i).digitValue();
        if (i % 2)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return sum % 10 == 0;
}

QString completeLuhn(const QString &prefix)
{
    for (int d = 0; d < 10; ++d) {
        if (luhn(prefix + QString::number(d)))
            return prefix + QString::number(d);
    }
    return QString();
}

int digitSum(const QString &digits)
{
    int sum = 0;
    for (const QChar c : digits)
        sum += c.digitValue();
    return sum;
}

// A La Poste establishment: SIREN 356000000, NIC chosen so that the 14 digits add up to a multiple of 5.
QString laPoste(const QString &nicStart)
{
    for (int d = 0; d < 10; ++d) {
        const QString candidate = QStringLiteral("356000000") + nicStart + QString::number(d);
        if (digitSum(candidate) % 5 == 0)
            return candidate;
    }
    return QString();
}

} // namespace

class TestSiretValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sirenValid_data();
    void sirenValid();
    void sirenInvalid_data();
    void sirenInvalid();
    void siretValid_data();
    void siretValid();
    void siretInvalid_data();
    void siretInvalid();
};

void TestSiretValidator::sirenValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("python-stdnum example, spaced") << QStringLiteral("732 829 320") << QStringLiteral("732829320");
    QTest::newRow("dots") << QStringLiteral("552.100.554") << QStringLiteral("552100554");
    QTest::newRow("La Poste") << QStringLiteral("356 000 000") << QStringLiteral("356000000");
    const QString computed = completeLuhn(QStringLiteral("40483304"));
    QTest::newRow("computed") << computed << computed;
}

void TestSiretValidator::sirenValid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::siren(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestSiretValidator::sirenInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("9 digits");
    QTest::newRow("last digit wrong") << QStringLiteral("732829321") << QStringLiteral("does not exist");
    QTest::newRow("swapped") << QStringLiteral("738229320") << QStringLiteral("does not exist");
    QTest::newRow("all zeros") << QStringLiteral("000000000") << QStringLiteral("does not exist");
    QTest::newRow("8 digits") << QStringLiteral("73282932") << QStringLiteral("this one has 8");
    QTest::newRow("a SIRET") << QStringLiteral("73282932000074") << QStringLiteral("SIRET");
    QTest::newRow("letter") << QStringLiteral("73282932O") << QStringLiteral("only contains digits");
}

void TestSiretValidator::sirenInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::siren(input);
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(expected), qPrintable(result.message));
}

void TestSiretValidator::siretValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("python-stdnum example") << QStringLiteral("732 829 320 00074") << QStringLiteral("73282932000074");
    const QString computed = completeLuhn(QStringLiteral("5521005540001"));
    QTest::newRow("computed") << computed << computed;
    QTest::newRow("La Poste head office (Luhn)")
        << QStringLiteral("356 000 000 00048") << QStringLiteral("35600000000048");
    for (const char *nic : {"0001", "1234", "0467", "2011"}) {
        const QString poste = laPoste(QLatin1String(nic));
        QVERIFY(!luhn(poste)); // the exception is what makes these valid
        QTest::newRow(qPrintable(QStringLiteral("La Poste establishment ") + poste)) << poste << poste;
    }
}

void TestSiretValidator::siretValid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::siret(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestSiretValidator::siretInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("14 digits");
    QTest::newRow("python-stdnum bad") << QStringLiteral("73282932000079") << QStringLiteral("does not exist");
    QTest::newRow("a SIREN") << QStringLiteral("732829320") << QStringLiteral("SIREN");
    QTest::newRow("13 digits") << QStringLiteral("7328293200007") << QStringLiteral("this one has 13");
    QTest::newRow("letters") << QStringLiteral("732829320 0007A") << QStringLiteral("only contains digits");
    QString poste = laPoste(QStringLiteral("1234"));
    poste[13] = QLatin1Char(poste.at(13) == QLatin1Char('9') ? '8' : '9');
    QTest::newRow("La Poste, sum not a multiple of 5") << poste << QStringLiteral("does not exist");
    // Luhn over 14 digits holds but the SIREN part fails its own check.
    QString badSiren;
    for (int nic = 0; nic < 1000 && badSiren.isEmpty(); ++nic) {
        const QString candidate = completeLuhn(QStringLiteral("73282932100") +
                                               QStringLiteral("%1").arg(nic, 2, 10, QLatin1Char('0')).right(2));
        if (!luhn(candidate.left(9)))
            badSiren = candidate;
    }
    QTest::newRow("SIREN part wrong") << badSiren << QStringLiteral("does not exist");
    QTest::newRow("all zeros") << QStringLiteral("00000000000000") << QStringLiteral("does not exist");
}

void TestSiretValidator::siretInvalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::siret(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestSiretValidator)
#include "TestSiretValidator.moc"
