#include "domain/Communes.h"

#include <QTest>

#include <thread>
#include <vector>

using relais::Commune;
using relais::Communes;

// The bundled 2026 data (resources/data/communes.tsv), asked as the address fields ask it.
class TestCommunes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBundledDataIsComplete();
    void severalCommunesShareAPostalCode();
    void corsicaIsTwoDepartments();
    void overseasDepartments_data();
    void overseasDepartments();
    void parisLyonMarseilleHaveArrondissements();
    void aDelegatedCommuneIsItsParentsPostalCode();
    void namesAreFoundWhateverTheAccentsCaseOrHyphens();
    void aMismatchIsOnlyAKnownPairThatDisagrees();
    void theFormatWrittenByTheScriptIsRead();
    void manyThreadsAskAtOnce();

private:
    static QStringList names(const QList<Commune> &communes)
    {
        QStringList out;
        for (const Commune &c : communes)
            out << c.name;
        return out;
    }
};

void TestCommunes::theBundledDataIsComplete()
{
    const Communes &all = Communes::bundled();
    // 34 969 current communes on 1 January 2026, plus arrondissements, delegated and associated communes.
    QVERIFY2(all.size() > 37000, qPrintable(QString::number(all.size())));
}

void TestCommunes::severalCommunesShareAPostalCode()
{
    const QList<Commune> found = Communes::bundled().forPostalCode(QStringLiteral("01400"));
    const QStringList n = names(found);
    QCOMPARE(n.size(), 10);
    QVERIFY(n.contains(QStringLiteral("Châtillon-sur-Chalaronne")));
    QVERIFY(n.contains(QStringLiteral("L'Abergement-Clémenciat")));
    for (const Commune &c : found) {
        QCOMPARE(c.department, QStringLiteral("01"));
        QCOMPARE(c.departmentName, QStringLiteral("Ain"));
    }
    // Sorted by name, as a person reads a list.
    QCOMPARE(n.first(), QStringLiteral("Chanoz-Châtenay"));
    // Typed with a space, as on some envelopes.
    QCOMPARE(names(Communes::bundled().forPostalCode(QStringLiteral("01 400"))), n);
    QVERIFY(Communes::bundled().forPostalCode(QStringLiteral("99999")).isEmpty());
}

void TestCommunes::corsicaIsTwoDepartments()
{
    const QList<Commune> ajaccio = Communes::bundled().forPostalCode(QStringLiteral("20000"));
    QCOMPARE(names(ajaccio), QStringList{QStringLiteral("Ajaccio")});
    QCOMPARE(ajaccio.first().department, QStringLiteral("2A"));
    QCOMPARE(ajaccio.first().departmentName, QStringLiteral("Corse-du-Sud"));
    QCOMPARE(ajaccio.first().insee, QStringLiteral("2A004"));

    const QList<Commune> bastia = Communes::bundled().forPostalCode(QStringLiteral("20200"));
    QCOMPARE(names(bastia),
             (QStringList{QStringLiteral("Bastia"), QStringLiteral("San-Martino-di-Lota"),
                          QStringLiteral("Santa-Maria-di-Lota"), QStringLiteral("Ville-di-Pietrabugno")}));
    QCOMPARE(bastia.first().department, QStringLiteral("2B"));
    QCOMPARE(bastia.first().departmentName, QStringLiteral("Haute-Corse"));
}

void TestCommunes::overseasDepartments_data()
{
    QTest::addColumn<QString>("postalCode");
    QTest::addColumn<QString>("commune");
    QTest::addColumn<QString>("department");
    QTest::addColumn<QString>("departmentName");
    QTest::newRow("971") << "97139"
                         << "Les Abymes"
                         << "971"
                         << "Guadeloupe";
    QTest::newRow("972") << "97200"
                         << "Fort-de-France"
                         << "972"
                         << "Martinique";
    QTest::newRow("973") << "97300"
                         << "Cayenne"
                         << "973"
                         << "Guyane";
    QTest::newRow("974") << "97400"
                         << "Saint-Denis"
                         << "974"
                         << "La Réunion";
    QTest::newRow("975") << "97500"
                         << "Saint-Pierre"
                         << "975"
                         << "Saint-Pierre-et-Miquelon";
    QTest::newRow("976") << "97600"
                         << "Mamoudzou"
                         << "976"
                         << "Mayotte";
}

void TestCommunes::overseasDepartments()
{
    QFETCH(QString, postalCode);
    QFETCH(QString, commune);
    QFETCH(QString, department);
    QFETCH(QString, departmentName);
    const QList<Commune> found = Communes::bundled().forPostalCode(postalCode);
    const QStringList n = names(found);
    QVERIFY2(n.contains(commune), qPrintable(n.join(QLatin1String(", "))));
    const Commune c = found.at(int(n.indexOf(commune)));
    QCOMPARE(c.department, department);
    QCOMPARE(c.departmentName, departmentName);
    QVERIFY(Communes::bundled().postalCodeMatches(postalCode, commune));
}

void TestCommunes::parisLyonMarseilleHaveArrondissements()
{
    // The commune first (what people write), then its arrondissement.
    QCOMPARE(names(Communes::bundled().forPostalCode(QStringLiteral("75011"))),
             (QStringList{QStringLiteral("Paris"), QStringLiteral("Paris 11e Arrondissement")}));
    const QList<Commune> lyon = Communes::bundled().forPostalCode(QStringLiteral("69003"));
    QCOMPARE(names(lyon), (QStringList{QStringLiteral("Lyon"), QStringLiteral("Lyon 3e Arrondissement")}));
    QCOMPARE(lyon.at(1).kind, Commune::Kind::Arrondissement);
    QCOMPARE(lyon.at(1).parentName, QStringLiteral("Lyon"));
    QCOMPARE(names(Communes::bundled().forPostalCode(QStringLiteral("13008"))),
             (QStringList{QStringLiteral("Marseille"), QStringLiteral("Marseille 8e Arrondissement")}));
    // Paris 16e has two postal codes; the arrondissement is written with either, the commune too.
    QVERIFY(Communes::bundled().postalCodeMatches(QStringLiteral("75116"), QStringLiteral("Paris")));
    QVERIFY(Communes::bundled().postalCodeMatches(QStringLiteral("69003"), QStringLiteral("Lyon 3e Arrondissement")));
    QVERIFY(!Communes::bundled().postalCodeMatches(QStringLiteral("69003"), QStringLiteral("Lyon 4e Arrondissement")));
    QVERIFY(!Communes::bundled().postalCodeMatches(QStringLiteral("69003"), QStringLiteral("Marseille")));
}

void TestCommunes::aDelegatedCommuneIsItsParentsPostalCode()
{
    // Bellegarde-sur-Valserine has been a delegated commune of Valserhône since 2019; people still write it.
    const QList<Commune> found = Communes::bundled().forPostalCode(QStringLiteral("01200"));
    const QStringList n = names(found);
    QVERIFY(n.contains(QStringLiteral("Valserhône")));
    const int i = int(n.indexOf(QStringLiteral("Bellegarde-sur-Valserine")));
    QVERIFY2(i > n.indexOf(QStringLiteral("Valserhône")), "the current commune comes before its delegated ones");
    QCOMPARE(found.at(i).kind, Commune::Kind::Delegated);
    QCOMPARE(found.at(i).parentName, QStringLiteral("Valserhône"));
    QVERIFY(Communes::bundled().postalCodeMatches(QStringLiteral("01200"), QStringLiteral("Bellegarde-sur-Valserine")));
    QVERIFY(
        !Communes::bundled().postalCodeMatches(QStringLiteral("01400"), QStringLiteral("Bellegarde sur Valserine")));
    // Arbignieu shares its INSEE code with its parent, Arboys en Bugey.
    QVERIFY(Communes::bundled().postalCodeMatches(QStringLiteral("01300"), QStringLiteral("Arbignieu")));
}

void TestCommunes::namesAreFoundWhateverTheAccentsCaseOrHyphens()
{
    const Communes &all = Communes::bundled();
    QList<Commune> found = all.matching(QStringLiteral("st etienne"));
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.first().name, QStringLiteral("Saint-Étienne")); // the exact name first
    QCOMPARE(found.first().department, QStringLiteral("42"));
    found = all.matching(QStringLiteral("CHATILLON SUR CHAL"));
    QCOMPARE(names(found), QStringList{QStringLiteral("Châtillon-sur-Chalaronne")});
    // A prefix: the largest commune first; a commune named exactly as typed before it.
    found = all.matching(QStringLiteral("marse"));
    QCOMPARE(found.first().name, QStringLiteral("Marseille"));
    found = all.matching(QStringLiteral("mars"));
    QCOMPARE(found.first().name, QStringLiteral("Mars"));
    for (const Commune &c : found) {
        if (c.name == QLatin1String("Mars"))
            continue;
        QCOMPARE(c.name, QStringLiteral("Marseille"));
        break;
    }
    // Several communes with one name: each with its department.
    found = all.matching(QStringLiteral("Saint-Pierre"), 100);
    QStringList departments;
    for (const Commune &c : found)
        if (c.name == QLatin1String("Saint-Pierre"))
            departments << c.department;
    QVERIFY(departments.contains(QStringLiteral("974")));
    QVERIFY(departments.contains(QStringLiteral("975")));
    QVERIFY(departments.contains(QStringLiteral("972")));
    QVERIFY(all.matching(QStringLiteral("a"), 5).size() == 5);
    QVERIFY(all.matching(QStringLiteral("   ")).isEmpty());
    QVERIFY(all.knowsName(QStringLiteral("l'abergement clemenciat")));
}

void TestCommunes::aMismatchIsOnlyAKnownPairThatDisagrees()
{
    const Communes &all = Communes::bundled();
    QVERIFY(!all.postalCodeMatches(QStringLiteral("75011"), QStringLiteral("Lyon")));
    QVERIFY(all.postalCodeMatches(QStringLiteral("75011"), QStringLiteral("paris")));
    QVERIFY(all.postalCodeMatches(QStringLiteral("75011"), QStringLiteral("PARIS CEDEX 11")));
    QVERIFY(all.postalCodeMatches(QStringLiteral("42000"), QStringLiteral("St-Étienne")));
    // A CEDEX code or a name not in the list is not flagged: the list cannot know every post office.
    QVERIFY(all.postalCodeMatches(QStringLiteral("75700"), QStringLiteral("Paris")));
    QVERIFY(all.postalCodeMatches(QStringLiteral("75011"), QStringLiteral("Lieu-dit des Chênes")));
    QVERIFY(!all.knowsPostalCode(QStringLiteral("75700")));
}

void TestCommunes::theFormatWrittenByTheScriptIsRead()
{
    const QByteArray tsv = "# comment\n"
                           "D\t01\tAin\n"
                           "c\t01033\tValserhône\t01\t01200\t\t16000\n"
                           "d\t01033\tBellegarde-sur-Valserine\t01\t\t01033\t0\n";
    const Communes small = Communes::fromTsv(tsv);
    QCOMPARE(small.size(), 2);
    const QList<Commune> found = small.forPostalCode(QStringLiteral("01200"));
    QCOMPARE(names(found), (QStringList{QStringLiteral("Valserhône"), QStringLiteral("Bellegarde-sur-Valserine")}));
    QCOMPARE(found.at(1).postalCodes, QStringList{QStringLiteral("01200")});
    QCOMPARE(found.at(0).population, 16000);
}

void TestCommunes::manyThreadsAskAtOnce()
{
    // The list is shared by every address field and indexed on the first question, whichever thread asks it.
    std::vector<QStringList> answers(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < answers.size(); ++i)
        threads.emplace_back([&answers, i] {
            answers[i] = names(Communes::bundled().forPostalCode(QStringLiteral("01400"))) +
                         names(Communes::bundled().matching(QStringLiteral("st etienne"), 5));
        });
    for (std::thread &t : threads)
        t.join();
    for (const QStringList &a : answers) {
        QCOMPARE(a.size(), 15);
        QCOMPARE(a, answers.front());
    }
}

QTEST_GUILESS_MAIN(TestCommunes)
#include "TestCommunes.moc"
