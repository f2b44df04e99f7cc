// relais-admin seed-demo, run as scripts/demo runs it: synthetic people in a demo store only, counts printed,
// never a name on the terminal.
#include "AdminRun.h"
#include "TempStoreDir.h"

#include "domain/DemoData.h"

#include <QDate>
#include <QRegularExpression>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

const QString AdminPassword = QStringLiteral("demo-admin-relais");

// Seeding a few hundred people takes longer than the other commands.
Run admin(const QStringList &args, const QString &stdinText)
{
    return runAdmin(args, stdinText, 120000);
}

bool init(const QString &dir, bool demo)
{
    QStringList args = {QStringLiteral("init"),        QStringLiteral("--data-dir"),      dir,
                        QStringLiteral("--structure"), QStringLiteral("MFS Test"),        QStringLiteral("--admin"),
                        QStringLiteral("admin"),       QStringLiteral("--password-stdin")};
    if (demo)
        args << QStringLiteral("--demo");
    return admin(args, AdminPassword + QLatin1Char('\n')).code == 0;
}

Run seed(const QString &dir, const QString &count)
{
    return admin({QStringLiteral("seed-demo"), QStringLiteral("--data-dir"), dir, QStringLiteral("--as"),
                  QStringLiteral("admin"), QStringLiteral("--citizens"), count, QStringLiteral("--password-stdin")},
                 AdminPassword + QLatin1Char('\n'));
}

// Every surname and given name the generator can produce, as whole words (short ones such as "Roy" or "Jean" too).
QStringList leakedNames(const QString &text)
{
    QStringList leaked;
    for (const QStringList *list :
         {&DemoData::surnames(), &DemoData::femaleGivenNames(), &DemoData::maleGivenNames()}) {
        for (const QString &name : *list) {
            const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::UseUnicodePropertiesOption);
            if (word.match(text).hasMatch())
                leaked << name;
        }
    }
    return leaked;
}

} // namespace

class TestSeedDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsADemoStoreAndPrintsCountsOnly();
    void refusesAStoreThatIsNotADemo();
    void refusesABadCount();
};

void TestSeedDemo::seedsADemoStoreAndPrintsCountsOnly()
{
    TempStoreDir dir;
    QVERIFY(init(dir.path(), true));
    const Run r = seed(dir.path(), QStringLiteral("50"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto m =
        QRegularExpression(QStringLiteral("Demo data added: (\\d+) people, (\\d+) consents, (\\d+) mandates, "
                                          "(\\d+) drafts, (\\d+) démarches waiting to be sent\\."))
            .match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    QCOMPARE(m.captured(1).toInt(), 50);
    QVERIFY(m.captured(2).toInt() > 0);
    QVERIFY(m.captured(4).toInt() + m.captured(5).toInt() > 0);
    // Counts only: no name of the people just created, no e-mail, no phone number.
    const QString printed = r.out + r.err;
    const QStringList leaked = leakedNames(printed);
    QVERIFY2(leaked.isEmpty(), qPrintable(leaked.join(QLatin1String(", "))));
    QVERIFY(!printed.contains(QLatin1String("example.")));
    QVERIFY(!printed.contains(QRegularExpression(QStringLiteral("\\d{6}"))));

    // Retention from the command line (for fleets, e.g. a nightly timer): nothing is due in a fresh store.
    const QStringList as = {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"), QStringLiteral("admin"),
                            QStringLiteral("--password-stdin")};
    const Run dry = admin(QStringList{QStringLiteral("purge"), QStringLiteral("--dry-run")} + as,
                          AdminPassword + QLatin1Char('\n'));
    QVERIFY2(dry.code == 0, qPrintable(dry.err));
    QVERIFY2(dry.out.contains(QLatin1String("Due now: 0.")), qPrintable(dry.out));
    const Run purge = admin(QStringList{QStringLiteral("purge")} + as, AdminPassword + QLatin1Char('\n'));
    QVERIFY2(purge.code == 0, qPrintable(purge.err));
    QVERIFY2(purge.out.contains(QLatin1String("Files erased: 0.")), qPrintable(purge.out));

    // The store is sound afterwards, and its journal says what was done.
    const Run check = admin({QStringLiteral("check"), QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--as"),
                             QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                            AdminPassword + QLatin1Char('\n'));
    QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
    QVERIFY(check.out.contains(QLatin1String("chain intact")));
}

void TestSeedDemo::refusesAStoreThatIsNotADemo()
{
    TempStoreDir dir;
    QVERIFY(init(dir.path(), false));
    const Run r = seed(dir.path(), QStringLiteral("50"));
    QVERIFY(r.code != 0);
    QVERIFY(r.out.isEmpty());
    const QString e = r.err.trimmed();
    QVERIFY2(e.startsWith(QLatin1String("relais-admin: ")) && !e.contains(QLatin1Char('\n')), qPrintable(e));
    QVERIFY(e.contains(QLatin1String("--demo")));
}

void TestSeedDemo::refusesABadCount()
{
    TempStoreDir dir;
    QVERIFY(init(dir.path(), true));
    for (const QString &count : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("many")}) {
        const Run r = seed(dir.path(), count);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--citizens")));
    }
}

QTEST_GUILESS_MAIN(TestSeedDemo)
#include "TestSeedDemo.moc"
