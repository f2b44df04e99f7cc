// `relais-bench citizens`: search as the mediator types, in an encrypted store holding many synthetic people (the
// same generator as `relais-admin seed-demo`), through CitizenRepository::search, then the kiosk's Usagers page.
#include "BenchSuite.h"

#include "catalogue/Catalogue.h"
#include "citizens/CitizensPage.h"
#include "domain/CitizenRepository.h"
#include "domain/Communes.h"
#include "domain/DemoData.h"
#include "domain/Workspace.h"
#include "security/Vault.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace relais::bench {
namespace {

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

double percentile(QVector<double> samples, double p)
{
    if (samples.isEmpty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qsizetype(std::ceil(p * double(samples.size()))) - 1;
    return samples.at(std::clamp<qsizetype>(rank, 0, samples.size() - 1));
}

// Resident memory of this process (VmRSS), in MiB; -1 where /proc is not there.
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// What the address fields ask of the communes as a person types (CommuneAssist): names letter by letter, postal
// codes, and the check of a pair. Returns each question's time in ms; the first question indexes the list.
QVector<double> communeLookups()
{
    const Communes &communes = Communes::bundled();
    QVector<double> times;
    const auto timed = [&times](const auto &ask) {
        QElapsedTimer t;
        t.start();
        ask();
        times << double(t.nsecsElapsed()) / 1e6;
    };
    for (const QString &name : {QStringLiteral("Saint-Étienne"), QStringLiteral("marseille"), QStringLiteral("Lyon"),
                                QStringLiteral("chatillon sur chalaronne"), QStringLiteral("Le Tampon"),
                                QStringLiteral("Bellegarde-sur-Valserine"), QStringLiteral("Ajaccio")}) {
        for (qsizetype n = 1; n <= name.size(); ++n)
            timed([&] { (void)communes.matching(name.left(n), 20); });
    }
    for (const QString &code :
         {QStringLiteral("01400"), QStringLiteral("75011"), QStringLiteral("69003"), QStringLiteral("13008"),
          QStringLiteral("20000"), QStringLiteral("97430"), QStringLiteral("42000"), QStringLiteral("01200")}) {
        timed([&] { (void)communes.forPostalCode(code); });
        timed([&] { (void)communes.postalCodeMatches(code, QStringLiteral("Saint-Étienne")); });
    }
    return times;
}

// "0639981234" as a person types it: "06 39 98 12 34".
QString spacedPhone(const QString &national)
{
    QString spaced;
    for (qsizetype i = 0; i < national.size(); i += 2)
        spaced += (spaced.isEmpty() ? QString() : QStringLiteral(" ")) + national.mid(i, 2);
    return spaced;
}

// What is typed to find one person, keystroke by keystroke (from 2 characters on), by kind of search.
struct Typing
{
    const char *kind;
    QStringList keystrokes;
};

QStringList progressive(const QString &text, int from)
{
    QStringList steps;
    for (qsizetype n = from; n <= text.size(); ++n) {
        if (!text.at(n - 1).isSpace())
            steps << text.left(n);
    }
    return steps;
}

QVector<Typing> typingsFor(const Citizen &c, bool useUsageName)
{
    const QString name = useUsageName && !c.usageName.isEmpty() ? c.usageName : c.birthName;
    const QString given = c.givenNames.section(QLatin1Char(' '), 0, 0);
    QVector<Typing> typings;
    typings.append({"name", progressive(name.toLower(), 2)});
    QStringList withGiven;
    for (qsizetype n = 1; n <= std::min<qsizetype>(3, given.size()); ++n)
        withGiven << name.toLower() + QLatin1Char(' ') + given.left(n).toLower();
    typings.append({"name_given", withGiven});
    if (c.birthDate.isValid())
        typings.append({"date", progressive(c.birthDate.toString(QStringLiteral("dd/MM/yyyy")), 2)});
    if (!c.phone.isEmpty())
        typings.append({"phone", progressive(spacedPhone(c.phone), 2)});
    return typings;
}

int runCitizens(const QStringList &options)
{
    QHash<QString, int> values{
        {QStringLiteral("citizens"), 100000}, {QStringLiteral("people"), 200}, {QStringLiteral("page-people"), 20}};
    if (!parseIntOptions(options, values.keys(), values)) {
        log() << "usage: relais-bench citizens [--citizens N] [--people N] [--page-people N]" << Qt::endl;
        return 2;
    }
    const int count = values.value(QStringLiteral("citizens"));
    const int people = std::min(values.value(QStringLiteral("people")), count);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        log() << "citizens bench: no temporary directory" << Qt::endl;
        return 1;
    }
    // A fresh encrypted store, as `relais-admin init` makes it (the fast KDF: unlocking is not measured here).
    Vault vault(dir.path(), SystemClock::instance());
    const QByteArray password = "bench password of decent length";
    const auto init =
        vault.initialize(QStringLiteral("Bench"), QStringLiteral("bench"), QStringLiteral("Bench"),
                         SecureBytes(password.constData(), int(password.size())), true, KdfParams::interactive());
    const auto admin = vault.account(QStringLiteral("bench"));
    if (!init || !admin) {
        log() << "citizens bench: cannot create the store: " << (init ? admin.message() : init.message()) << Qt::endl;
        return 1;
    }
    CitizenRepository repository(vault.database()->connection(), &vault.journal(), vault.clock());
    const QDate today = vault.clock()->now().date();

    log() << "citizens bench: seeding " << count << " people" << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    const auto seeded = DemoData::seedCitizens(repository, admin.value(), count, DemoData::DefaultSeed, today,
                                               [](int done) { log() << "  " << done << Qt::endl; });
    const double seedSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!seeded) {
        log() << "citizens bench: seeding failed: " << seeded.message() << Qt::endl;
        return 1;
    }

    // The same generator and seed give the same people: sample them evenly over the store.
    DemoData again(DemoData::DefaultSeed, today);
    QList<Citizen> sample;
    const int step = std::max(1, count / people);
    for (int i = 0; i < count && sample.size() < people; ++i) {
        Citizen c = again.nextPerson().citizen;
        if (i % step == 0)
            sample << c;
    }

    QVector<double> all;
    QHash<QString, QVector<double>> byKind;
    QHash<QString, int> typed;
    QHash<QString, int> found; // the person is among the results once everything is typed
    for (qsizetype i = 0; i < sample.size(); ++i) {
        const Citizen &person = sample.at(i);
        for (const Typing &typing : typingsFor(person, i % 2 == 0)) {
            bool seen = false;
            for (const QString &text : typing.keystrokes) {
                QElapsedTimer t;
                t.start();
                const auto result = repository.search(admin.value(), text);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                if (!result) {
                    log() << "citizens bench: search failed: " << result.message() << Qt::endl;
                    return 1;
                }
                all << ms;
                byKind[QString::fromLatin1(typing.kind)] << ms;
                seen = std::any_of(result->begin(), result->end(), [&](const Citizen &c) {
                    return c.birthName == person.birthName && c.givenNames == person.givenNames &&
                           c.birthDate == person.birthDate;
                });
            }
            ++typed[QString::fromLatin1(typing.kind)];
            if (seen)
                ++found[QString::fromLatin1(typing.kind)];
        }
    }

    // The communes' own cost, before the page (which asks them for its address fields) is made.
    const double rssBeforeCommunes = residentMb();
    QElapsedTimer communesTimer;
    communesTimer.start();
    (void)Communes::bundled().size();
    const double communesFirstMs = double(communesTimer.nsecsElapsed()) / 1e6;
    const double communesRssMb = residentMb() - rssBeforeCommunes;
    const QVector<double> communeTimes = communeLookups();

    // The kiosk's Usagers page on the same store: what a mediator's session holds in memory.
    catalogue::CatalogueStore catalogue;
    catalogue.load(catalogue::Catalogue::bundledPath());
    {
        ui::CitizensPage page(&vault, &catalogue);
        Workspace workspace(&vault, admin.value());
        page.setWorkspace(&workspace);
        page.resize(1200, 800);
        page.show();
        for (int i = 0; i < std::min<int>(values.value(QStringLiteral("page-people")), int(sample.size())); ++i) {
            const QVector<Typing> typings = typingsFor(sample.at(i), true);
            for (const QString &text : typings.first().keystrokes) {
                page.searchField()->setText(text);
                page.searchNow();
                QApplication::processEvents();
            }
        }
        printFigure("rss_mb", residentMb());
    }

    printFigure("communes_rss_mb", communesRssMb);
    printFigure("communes_first_ms", communesFirstMs);
    printFigure("commune_lookup_p50_ms", percentile(communeTimes, 0.50));
    printFigure("commune_lookup_p95_ms", percentile(communeTimes, 0.95));
    printFigure("seed_seconds", seedSeconds);
    printFigure("search_p50_ms", percentile(all, 0.50));
    printFigure("search_p95_ms", percentile(all, 0.95));
    printFigure("search_max_ms", percentile(all, 1.0));
    printFigure("searches", double(all.size()));
    for (const char *kind : {"name", "name_given", "date", "phone"}) {
        const QString k = QString::fromLatin1(kind);
        printFigure(QStringLiteral("search_%1_p95_ms").arg(k).toLatin1().constData(),
                    percentile(byKind.value(k), 0.95));
        printFigure(QStringLiteral("found_%1_pct").arg(k).toLatin1().constData(),
                    typed.value(k) ? 100.0 * found.value(k) / typed.value(k) : 0.0);
    }
    return 0;
}

const SuiteRegistration registration("citizens",
                                     "search as one types among many synthetic people (encrypted store), Usagers page",
                                     runCitizens, SuiteNeeds::Widgets);

} // namespace
} // namespace relais::bench
