// DemoData: synthetic people that look real (accents, compound names, usage names, valid NIRs and phones), the same
// for the same seed, and that a mediator finds by typing as usual once they are in a store.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "catalogue/Validators.h"
#include "domain/CitizenRepository.h"
#include "domain/DemoData.h"
#include "domain/SearchText.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

class TestDemoData : public QObject
{
    Q_OBJECT

private:
    const QDate m_today{2026, 1, 5};

private Q_SLOTS:
    void sameSeedSamePeople();
    void everyPersonPassesTheFileChecks();
    void namesLookFrenchInTheExpectedProportions();
    void nirsAreValidAndMatchThePerson();
    void contactsAreReservedForFiction();
    void bulkCreationIsFoundByAnAccentlessPrefix();
    void seedRefusesAStoreThatIsNotADemo();
    void seedPopulatesADemoStore();
};

void TestDemoData::sameSeedSamePeople()
{
    DemoData a(42, m_today);
    DemoData b(42, m_today);
    DemoData other(43, m_today);
    int differences = 0;
    for (int i = 0; i < 200; ++i) {
        const Citizen x = a.nextPerson().citizen;
        const Citizen y = b.nextPerson().citizen;
        const Citizen z = other.nextPerson().citizen;
        QCOMPARE(x.displayName(), y.displayName());
        QCOMPARE(x.birthDate, y.birthDate);
        QCOMPARE(x.phone, y.phone);
        QCOMPARE(x.nir, y.nir);
        QCOMPARE(x.street, y.street);
        if (x.displayName() != z.displayName() || x.birthDate != z.birthDate)
            ++differences;
    }
    QVERIFY2(differences > 190, "another seed must give other people");
}

void TestDemoData::everyPersonPassesTheFileChecks()
{
    DemoData data(DemoData::DefaultSeed, m_today);
    for (int i = 0; i < 3000; ++i) {
        Citizen c = data.nextPerson().citizen;
        const QList<FieldProblem> problems = CitizenRepository::check(&c, m_today);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("person %1: field %2 refused")
                                                    .arg(i)
                                                    .arg(problems.isEmpty() ? QString() : problems.first().field)));
        QVERIFY(c.birthDate >= QDate(1935, 1, 1) && c.birthDate <= QDate(2007, 12, 31));
    }
}

void TestDemoData::namesLookFrenchInTheExpectedProportions()
{
    QVERIFY(DemoData::surnames().size() >= 140);
    QVERIFY(DemoData::femaleGivenNames().size() + DemoData::maleGivenNames().size() >= 115);
    for (const char *name : {"Lefèvre", "Bérard", "Gauthier", "Hébert", "Martin-Dubois", "Le Gall", "Le Goff",
                             "N'Diaye", "Da Silva", "De Sousa", "Saint-Jean", "Lemaître"})
        QVERIFY2(DemoData::surnames().contains(QString::fromUtf8(name)), name);
    for (const char *name :
         {"Hélène", "Élodie", "Zoé", "Chloé", "Noémie", "Gaëlle", "Anaïs", "Maëlys", "Marie-Hélène", "Anne-Sophie"})
        QVERIFY2(DemoData::femaleGivenNames().contains(QString::fromUtf8(name)), name);
    for (const char *name : {"Jérôme", "François", "Benoît", "Joël", "Loïc", "Jean-Pierre"})
        QVERIFY2(DemoData::maleGivenNames().contains(QString::fromUtf8(name)), name);

    DemoData data(7, m_today);
    const int n = 5000;
    int women = 0, womenWithUsageName = 0, menWithUsageName = 0, accented = 0, hyphenatedOrSpaced = 0;
    QHash<QString, int> bySurname;
    for (int i = 0; i < n; ++i) {
        const DemoPerson p = data.nextPerson();
        const Citizen &c = p.citizen;
        if (p.female) {
            ++women;
            if (!c.usageName.isEmpty())
                ++womenWithUsageName;
        } else if (!c.usageName.isEmpty()) {
            ++menWithUsageName;
        }
        const QString names = c.birthName + c.usageName + c.givenNames;
        if (search::fold(names) != names.toLower())
            ++accented;
        if (c.birthName.contains(QLatin1Char('-')) || c.birthName.contains(QLatin1Char(' ')) ||
            c.birthName.contains(QLatin1Char('\'')) || c.givenNames.contains(QLatin1Char('-')))
            ++hyphenatedOrSpaced;
        ++bySurname[c.birthName];
    }
    QVERIFY(women > n * 0.45 && women < n * 0.55);
    // About a quarter of women use a spouse's name; men here never do.
    QVERIFY2(womenWithUsageName > women * 0.20 && womenWithUsageName < women * 0.30,
             qPrintable(QString::number(womenWithUsageName)));
    QCOMPARE(menWithUsageName, 0);
    QVERIFY2(accented > n * 0.15, qPrintable(QString::number(accented)));
    QVERIFY2(hyphenatedOrSpaced > n * 0.02, qPrintable(QString::number(hyphenatedOrSpaced)));
    // Zipf-like: the most common name is far more frequent than a rare one, and many names are used.
    QVERIFY(bySurname.value(QStringLiteral("Martin")) > 5 * std::max(1, bySurname.value(QStringLiteral("Cordier"))));
    QVERIFY(bySurname.size() > 120);
}

void TestDemoData::nirsAreValidAndMatchThePerson()
{
    DemoData data(11, m_today);
    const int n = 2000;
    int withNir = 0;
    for (int i = 0; i < n; ++i) {
        const DemoPerson p = data.nextPerson();
        const Citizen &c = p.citizen;
        if (c.nir.isEmpty())
            continue;
        ++withNir;
        QVERIFY2(catalogue::Validators::nir(c.nir).ok, "a generated NIR must have a valid key");
        QCOMPARE(c.nir.at(0), p.female ? QLatin1Char('2') : QLatin1Char('1'));
        QCOMPARE(c.nir.mid(1, 2), c.birthDate.toString(QStringLiteral("yy")));
        QCOMPARE(c.nir.mid(3, 2), c.birthDate.toString(QStringLiteral("MM")));
    }
    QVERIFY2(withNir > n * 0.25 && withNir < n * 0.35, qPrintable(QString::number(withNir)));
}

void TestDemoData::contactsAreReservedForFiction()
{
    static const QStringList fiction = {QStringLiteral("063998"), QStringLiteral("019900"), QStringLiteral("026191"),
                                        QStringLiteral("035301"), QStringLiteral("046571"), QStringLiteral("053649"),
                                        QStringLiteral("097210")};
    DemoData data(3, m_today);
    int phones = 0, emails = 0;
    for (int i = 0; i < 2000; ++i) {
        const Citizen c = data.nextPerson().citizen;
        if (!c.phone.isEmpty()) {
            ++phones;
            QVERIFY(catalogue::Validators::frenchPhone(c.phone).ok);
            QVERIFY2(fiction.contains(c.phone.left(6)), "only numbers ARCEP keeps for fiction");
        }
        if (!c.email.isEmpty()) {
            ++emails;
            QVERIFY(catalogue::Validators::email(c.email).ok);
            QVERIFY(c.email.endsWith(QLatin1String("@example.org")) || c.email.endsWith(QLatin1String("@example.net")));
        }
        if (!c.postalCode.isEmpty())
            QVERIFY(catalogue::Validators::postalCode(c.postalCode).ok);
    }
    QVERIFY(phones > 1500);
    QVERIFY(emails > 1000);
}

void TestDemoData::bulkCreationIsFoundByAnAccentlessPrefix()
{
    TempStoreDir dir;
    FakeClock clock(QDateTime(m_today, QTime(9, 0), Qt::UTC));
    Vault vault(dir.path(), &clock);
    QVERIFY(openAsAlice(vault));
    const auto alice = vault.account(aliceLogin());
    QVERIFY(alice);
    CitizenRepository repository(vault.database()->connection(), &vault.journal(), &clock);
    const qint64 journalBefore = vault.journal().verify().rows;

    const auto seeded = DemoData::seedCitizens(repository, alice.value(), 1200, 99, m_today);
    QVERIFY2(seeded, qPrintable(seeded.message()));
    QCOMPARE(seeded.value(), 1200);
    QCOMPARE(repository.count(), 1200);
    // Each file is journaled like one created at the counter, and the chain holds.
    const Journal::Verification v = vault.journal().verify();
    QVERIFY(v.intact);
    QCOMPARE(v.rows, journalBefore + 1200);

    // Someone with an accent in the name, typed without it, with the first letters of the given name.
    DemoData again(99, m_today);
    Citizen wanted;
    for (int i = 0; i < 1200 && wanted.birthName.isEmpty(); ++i) {
        const Citizen c = again.nextPerson().citizen;
        const QString name = c.usageName.isEmpty() ? c.birthName : c.usageName;
        if (search::fold(name) != name.toLower() && !name.contains(QLatin1Char(' ')))
            wanted = c;
    }
    QVERIFY(!wanted.birthName.isEmpty());
    const QString name = wanted.usageName.isEmpty() ? wanted.birthName : wanted.usageName;
    const QString typed = search::fold(name).left(4) + QLatin1Char(' ') + search::fold(wanted.givenNames).left(2);
    QVERIFY(search::fold(typed) == typed); // nothing accented in what is typed
    const auto found = repository.search(alice.value(), typed);
    QVERIFY2(found, qPrintable(found.message()));
    const bool there = std::any_of(found->begin(), found->end(), [&](const Citizen &c) {
        return c.birthName == wanted.birthName && c.givenNames == wanted.givenNames && c.birthDate == wanted.birthDate;
    });
    QVERIFY(there);

    // A batch with one refused file creates nothing.
    QList<Citizen> batch = DemoData(5, m_today).nextCitizens(3);
    batch[1].phone = QStringLiteral("12");
    const auto refused = repository.createMany(alice.value(), batch);
    QVERIFY(!refused);
    QVERIFY(refused.message().contains(QLatin1String("2")));
    QCOMPARE(repository.count(), 1200);
}

void TestDemoData::seedRefusesAStoreThatIsNotADemo()
{
    TempStoreDir dir;
    Vault vault(dir.path(), SystemClock::instance());
    QVERIFY(openAsAlice(vault)); // a real store (demo = false)
    const auto alice = vault.account(aliceLogin());
    QVERIFY(alice);
    const auto seeded = DemoData::seed(vault, alice.value(), 10);
    QVERIFY(!seeded);
    QVERIFY(seeded.message().contains(QLatin1String("demo")));
    CitizenRepository repository(vault.database()->connection(), &vault.journal(), vault.clock());
    QCOMPARE(repository.count(), 0);
}

void TestDemoData::seedPopulatesADemoStore()
{
    TempStoreDir dir;
    Vault vault(dir.path(), SystemClock::instance());
    QVERIFY(vault.initialize(QStringLiteral("MFS démo"), aliceLogin(), QStringLiteral("Alice"), secret(alicePassword()),
                             true, KdfParams::interactive()));
    const auto alice = vault.account(aliceLogin());
    QVERIFY(alice);
    QVERIFY(vault.addAccount(alice.value(), QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                             secret("volunteer password 42")));
    const auto seeded = DemoData::seed(vault, alice.value(), 120);
    QVERIFY2(seeded, qPrintable(seeded.message()));
    QCOMPARE(seeded->citizens, 120);
    QVERIFY(seeded->consents > 50);
    QVERIFY(seeded->drafts + seeded->queued > 10);
    QVERIFY(seeded->queued > 0);

    QSqlQuery q(vault.database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT state, count(*) FROM submissions WHERE citizen_id IS NOT NULL"
                                  " GROUP BY state")));
    QHash<QString, int> states;
    while (q.next())
        states.insert(q.value(0).toString(), q.value(1).toInt());
    QCOMPARE(states.value(QStringLiteral("queued")), seeded->queued);
    QCOMPARE(states.value(QStringLiteral("draft")), seeded->drafts);
    // The volunteer has a few files of her own, so her restricted view is not empty.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM citizens c JOIN accounts a ON a.id = c.created_by"
                                  " WHERE a.login = 'vera'")));
    QVERIFY(q.next() && q.value(0).toInt() > 0);
    // Journaled with counts only; the chain holds.
    QVERIFY(q.exec(QStringLiteral("SELECT actor, object FROM journal WHERE action = 'demo_data_seeded'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), aliceLogin());
    QVERIFY(q.value(1).toString().startsWith(QLatin1String("citizens=120 ")));
    QVERIFY(vault.journal().verify().intact);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "TestDemoData.moc"
