#include "ValidationChecks.h"
#include "catalogue/Validators.h"

#include <QTest>

using relais::catalogue::Validators;

class TestEmailValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestEmailValidator::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("simple") << QStringLiteral("prenom.nom@example.fr") << QStringLiteral("prenom.nom@example.fr");
    QTest::newRow("domain lower-cased, local kept")
        << QStringLiteral("Jean.Dupont@Example.COM") << QStringLiteral("Jean.Dupont@example.com");
    QTest::newRow("surrounding spaces") << QStringLiteral("  a@example.fr ") << QStringLiteral("a@example.fr");
    QTest::newRow("plus tag") << QStringLiteral("marie+caf@example.org") << QStringLiteral("marie+caf@example.org");
    QTest::newRow("subdomain, dash") << QStringLiteral("x_y@mail.my-host.example.fr")
                                     << QStringLiteral("x_y@mail.my-host.example.fr");
    QTest::newRow("accented domain") << QStringLiteral("marie@Café.example.fr")
                                     << QStringLiteral("marie@café.example.fr");
    QTest::newRow("digits in domain") << QStringLiteral("a@123.example.fr") << QStringLiteral("a@123.example.fr");
}

void TestEmailValidator::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto result = Validators::email(input);
    RELAIS_VERIFY_ACCEPTED(result, normalized);
}

void TestEmailValidator::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter an e-mail");
    QTest::newRow("no @") << QStringLiteral("prenom.nom.example.fr") << QStringLiteral("one @");
    QTest::newRow("two @") << QStringLiteral("a@b@example.fr") << QStringLiteral("one @");
    QTest::newRow("space inside") << QStringLiteral("jean dupont@example.fr") << QStringLiteral("no spaces");
    QTest::newRow("no dot in domain") << QStringLiteral("name@localhost") << QStringLiteral("needs a dot");
    QTest::newRow("nothing before @") << QStringLiteral("@example.fr") << QStringLiteral("before the @");
    QTest::newRow("double dot") << QStringLiteral("jean..dupont@example.fr") << QStringLiteral("two dots");
    QTest::newRow("dot at end of local") << QStringLiteral("jean.@example.fr") << QStringLiteral("dot");
    QTest::newRow("empty label") << QStringLiteral("a@example..fr") << QStringLiteral("empty");
    QTest::newRow("trailing dot") << QStringLiteral("a@example.fr.") << QStringLiteral("empty");
    QTest::newRow("comma typo") << QStringLiteral("a@example,fr") << QStringLiteral("cannot have");
    QTest::newRow("dash next to dot") << QStringLiteral("a@-example.fr") << QStringLiteral("dash");
    QTest::newRow("one-letter ending") << QStringLiteral("a@example.f") << QStringLiteral(".fr or .com");
    QTest::newRow("numeric ending") << QStringLiteral("a@192.168.1.1") << QStringLiteral(".fr or .com");
    QTest::newRow("quote in local") << QStringLiteral("\"a\"@example.fr") << QStringLiteral("cannot have");
    QTest::newRow("too long") << QString(250, QLatin1Char('a')) + QStringLiteral("@example.fr")
                              << QStringLiteral("254");
    QTest::newRow("local over 64") << QString(65, QLatin1Char('a')) + QStringLiteral("@example.fr")
                                   << QStringLiteral("too long");
    QTest::newRow("control character") << QStringLiteral("a\u0007b@example.fr") << QStringLiteral("no spaces");
}

void TestEmailValidator::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = Validators::email(input);
    RELAIS_VERIFY_REFUSED(result, expected);
}

QTEST_GUILESS_MAIN(TestEmailValidator)
#include "TestEmailValidator.moc"
