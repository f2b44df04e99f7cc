#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

// Synthetic numbers only: each key is computed here, independently of Validators.cpp, with 64-bit arithmetic.
namespace {

QString withKey(const QString &thirteen)
{
    QString digits = thirteen;
    if (digits.mid(5, 2) == QLatin1String("2A"))
        digits.replace(5, 2, QStringLiteral("19"));
    else if (digits.mid(5, 2) == QLatin1String("2B"))
        digits.replace(5, 2, QStringLiteral("18"));
    const qint64 number = digits.toLongLong();
    return thirteen + QStringLiteral("%1").arg(97 - number % 97, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestNirValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void corsicaKeyIsNumberMinusOneOrTwoMillion();
    void messageNeverRepeatsTheNumber();
};

void TestNirValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    const QString man = withKey(QStringLiteral("1850575123456"));
    QTest::newRow("man, Paris") << man << man;
    QTest::newRow("with spaces") << QStringLiteral("1 85 05 75 123 456 ") + man.right(2) << man;
    QTest::newRow("python-stdnum example, abroad")
        << QStringLiteral("2 95 10 99 126 111 93") << QStringLiteral("295109912611193");
    QTest::newRow("Corse-du-Sud 2A") << QStringLiteral("253072A07300443") << QStringLiteral("253072A07300443");
    QTest::newRow("Haute-Corse 2B, lower case")
        << QStringLiteral("2 53 07 2b 073 004 70") << QStringLiteral("253072B07300470");
    const QString computed2A = withKey(QStringLiteral("192112A010001"));
    QTest::newRow("Corsica computed key") << computed2A << computed2A.toUpper();
    const QString overseas = withKey(QStringLiteral("1901297123045"));
    QTest::newRow("born in Guadeloupe (971)") << overseas << overseas;
    const QString unknownMonth = withKey(QStringLiteral("1602075123456"));
    QTest::newRow("unknown month 20") << unknownMonth << unknownMonth;
    const QString month50 = withKey(QStringLiteral("1855098765432"));
    QTest::newRow("unknown month 50, born in 98x") << month50 << month50;
    const QString temporary = withKey(QStringLiteral("7850575123456"));
    QTest::newRow("temporary number (7)") << temporary << temporary;
    const QString foreignBorn = withKey(QStringLiteral("3990599100001"));
    QTest::newRow("being registered (3)") << foreignBorn << foreignBorn;
    const QString keyOf97 = QStringLiteral("1000101001003");
    QTest::newRow("two-digit key computed") << withKey(keyOf97) << withKey(keyOf97);
    QTest::newRow("non-breaking spaces") << QStringLiteral("1\u00a085\u202f05 75 123 456 ") + man.right(2) << man;
}

void TestNirValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::nir(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestNirValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // a piece of the explanation shown next to the field
    const QString man = withKey(QStringLiteral("1850575123456"));
    QString wrongKey = man;
    wrongKey[14] = QLatin1Char(wrongKey.at(14) == QLatin1Char('0') ? '1' : '0');
    QTest::newRow("empty") << QString() << QStringLiteral("15 digits");
    QTest::newRow("13 digits") << man.left(13) << QStringLiteral("this one has 13");
    QTest::newRow("16 digits") << man + QLatin1Char('1') << QStringLiteral("this one has 16");
    QTest::newRow("wrong key") << wrongKey << QStringLiteral("key");
    QString swapped = man;
    std::swap(swapped[7], swapped[8]);
    QTest::newRow("two digits swapped") << swapped << QStringLiteral("key");
    QTest::newRow("python-stdnum bad key") << QStringLiteral("295109912611199") << QStringLiteral("key");
    QTest::newRow("2A with the 2B key") << QStringLiteral("253072A07300470") << QStringLiteral("key");
    QTest::newRow("2C is not Corsica") << QStringLiteral("253072C07300443") << QStringLiteral("only contains digits");
    QTest::newRow("letter elsewhere") << QStringLiteral("1850A75123456") + man.right(2)
                                      << QStringLiteral("only contains digits");
    QTest::newRow("sex 5") << withKey(QStringLiteral("5850575123456")) << QStringLiteral("first digit");
    QTest::newRow("sex 0") << withKey(QStringLiteral("0850575123456")) << QStringLiteral("first digit");
    QTest::newRow("month 00") << withKey(QStringLiteral("1850075123456")) << QStringLiteral("month");
    QTest::newRow("month 13") << withKey(QStringLiteral("1851375123456")) << QStringLiteral("month");
    QTest::newRow("month 45") << withKey(QStringLiteral("1854575123456")) << QStringLiteral("month");
    QTest::newRow("département 00") << withKey(QStringLiteral("1850500123456")) << QStringLiteral("place of birth");
    QTest::newRow("commune 000") << withKey(QStringLiteral("1850575000456")) << QStringLiteral("place of birth");
    QTest::newRow("overseas commune 00") << withKey(QStringLiteral("1850597100456"))
                                         << QStringLiteral("place of birth");
    QTest::newRow("punctuation") << QStringLiteral("1-85-05-75-123-456-") + man.right(2) << QStringLiteral("digits");
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("\u0661\u0668\u0665\u0660\u0665\u0667\u0665\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0663")
        << QStringLiteral("only contains digits");
}

void TestNirValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::nir(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

void TestNirValidator::corsicaKeyIsNumberMinusOneOrTwoMillion()
{
    // The same person's number with 2A and with 19 in place of it has the same key (INSEE: 2A -> 19, 2B -> 18),
    // i.e. the 13-digit number of "20" minus 1 000 000 (2A) or 2 000 000 (2B).
    const qint64 base = QStringLiteral("1921120010001").toLongLong();
    const QString keyA = QStringLiteral("%1").arg(97 - (base - 1000000) % 97, 2, 10, QLatin1Char('0'));
    const QString keyB = QStringLiteral("%1").arg(97 - (base - 2000000) % 97, 2, 10, QLatin1Char('0'));
    QVERIFY(Validators::nir(QStringLiteral("192112A010001") + keyA).ok);
    QVERIFY(Validators::nir(QStringLiteral("192112B010001") + keyB).ok);
    QVERIFY(Validators::nir(QStringLiteral("1921119010001") + keyA).ok);
    if (keyA != keyB)
        QVERIFY(!Validators::nir(QStringLiteral("192112B010001") + keyA).ok);
}

void TestNirValidator::messageNeverRepeatsTheNumber()
{
    const QString man = withKey(QStringLiteral("1850575123456"));
    const QString wrong =
        man.left(13) + (man.right(2) == QLatin1String("00") ? QStringLiteral("01") : QStringLiteral("00"));
    const auto result = Validators::nir(wrong);
    QVERIFY(!result.ok);
    QVERIFY(!result.message.contains(wrong.left(7)));
}

QTEST_GUILESS_MAIN(TestNirValidator)
#include "TestNirValidator.moc"
