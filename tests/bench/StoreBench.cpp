// `relais-bench store`: the same workload on an encrypted and on a plain database, both through
// relais::SqlCipherDriver, in one run; figures are encrypted/plain ratios plus the absolute times.
#include "BenchSuite.h"

#include "common/Clock.h"
#include "common/SecureBytes.h"
#include "store/Database.h"
#include "store/KeySlots.h"
#include "store/SqlCipherDriver.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <optional>

namespace relais::bench {
namespace {

struct Row
{
    QString ref; // the indexed column
    QString family;
    QString given;
    QString city;
    QString note;
    QString created;
};

struct Workload
{
    QVector<Row> rows;
    QVector<QString> lookupKeys;
    int plantedMatches = 0; // rows whose note contains "xyz"
};

struct Side
{
    const char *label;
    std::optional<SecureBytes> key;
    QString path;
};

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

QString syllables(QRandomGenerator &random, int count)
{
    static const char *const parts[] = {"ma",  "ri", "lo", "du",  "ven", "che", "bo",  "ta", "gui", "ler",
                                        "mon", "sa", "pe", "tit", "ga",  "ron", "bel", "fa", "nou", "vi"};
    QString word;
    for (int i = 0; i < count; ++i)
        word += QLatin1String(parts[random.bounded(20)]);
    word[0] = word[0].toUpper();
    return word;
}

// ~300 bytes a row of synthetic, French-looking text; no real person's data.
Workload makeWorkload(int rows, int lookups)
{
    static const char *const words[] = {"dossier",   "caf",         "retraite",     "demande",     "aide",
                                        "logement",  "pièce",       "justificatif", "rendez-vous", "impôts",
                                        "carte",     "grise",       "permis",       "santé",       "mutuelle",
                                        "courrier",  "attestation", "famille",      "emploi",      "formulaire",
                                        "signature", "envoi",       "rappel",       "suivi",       "accueil"};
    QRandomGenerator random(20260105);
    Workload workload;
    workload.rows.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        Row row;
        row.ref = QStringLiteral("R-%1").arg(random.bounded(100000000), 8, 10, QLatin1Char('0'));
        row.family = syllables(random, 2 + random.bounded(2));
        row.given = syllables(random, 2);
        row.city = syllables(random, 3) + QStringLiteral("-sur-") + syllables(random, 2);
        QString note;
        while (note.size() < 200)
            note += QLatin1String(words[random.bounded(25)]) + QLatin1Char(' ');
        if (i % 97 == 0) {
            note += QStringLiteral("réf xyz");
            ++workload.plantedMatches;
        }
        row.note = note;
        row.created = QStringLiteral("2026-%1-%2T%3:%4:00Z")
                          .arg(1 + random.bounded(12), 2, 10, QLatin1Char('0'))
                          .arg(1 + random.bounded(28), 2, 10, QLatin1Char('0'))
                          .arg(8 + random.bounded(10), 2, 10, QLatin1Char('0'))
                          .arg(random.bounded(60), 2, 10, QLatin1Char('0'));
        workload.rows.append(row);
    }
    for (int i = 0; i < lookups; ++i)
        workload.lookupKeys.append(workload.rows.at(random.bounded(rows)).ref);
    return workload;
}

QSqlDatabase addConnection(const Side &side, const QString &name)
{
    QSqlDatabase db = side.key ? QSqlDatabase::addDatabase(new SqlCipherDriver(*side.key), name)
                               : QSqlDatabase::addDatabase(QString::fromLatin1(SqlCipherDriver::Name), name);
    db.setDatabaseName(side.path);
    db.setConnectOptions(QStringLiteral("RELAIS_CREATE"));
    return db;
}

bool check(bool ok, const QString &what, const QSqlError &error)
{
    if (!ok)
        log() << "store bench: " << what << " failed: " << error.text() << Qt::endl;
    return ok;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

bool createSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return check(q.exec(QStringLiteral("CREATE TABLE records(id INTEGER PRIMARY KEY, ref TEXT NOT NULL, family TEXT, "
                                       "given TEXT, city TEXT, note TEXT, created TEXT)")),
                 QStringLiteral("create table"), q.lastError()) &&
           check(q.exec(QStringLiteral("CREATE INDEX records_ref ON records(ref)")), QStringLiteral("create index"),
                 q.lastError());
}

// One side's connection and prepared statements; the sides take turns chunk by chunk so that drift in the
// machine (page cache, writeback, CPU clock) falls on both alike.
class SideRun
{
public:
    SideRun(const Side &side, const QString &connection) : m_db(addConnection(side, connection)) {}

    bool open()
    {
        if (!check(m_db.open(), QStringLiteral("open"), m_db.lastError()) ||
            !check(!Database::applyConnectionSettings(m_db).isValid(), QStringLiteral("settings"), m_db.lastError()) ||
            !createSchema(m_db))
            return false;
        m_insert = QSqlQuery(m_db);
        m_lookup = QSqlQuery(m_db);
        m_lookup.setForwardOnly(true);
        return check(m_insert.prepare(QStringLiteral("INSERT INTO records(ref, family, given, city, note, created) "
                                                     "VALUES (?, ?, ?, ?, ?, ?)")),
                     QStringLiteral("prepare insert"), m_insert.lastError()) &&
               check(m_lookup.prepare(QStringLiteral("SELECT id, family, note FROM records WHERE ref = ?")),
                     QStringLiteral("prepare lookup"), m_lookup.lastError());
    }

    // Inserts rows [start, end) in one transaction.
    bool insertBatch(const Workload &workload, qsizetype start, qsizetype end)
    {
        QElapsedTimer timer;
        timer.start();
        if (!check(m_db.transaction(), QStringLiteral("begin"), m_db.lastError()))
            return false;
        for (qsizetype i = start; i < end; ++i) {
            const Row &row = workload.rows.at(i);
            m_insert.bindValue(0, row.ref);
            m_insert.bindValue(1, row.family);
            m_insert.bindValue(2, row.given);
            m_insert.bindValue(3, row.city);
            m_insert.bindValue(4, row.note);
            m_insert.bindValue(5, row.created);
            if (!check(m_insert.exec(), QStringLiteral("insert"), m_insert.lastError()))
                return false;
        }
        if (!check(m_db.commit(), QStringLiteral("commit"), m_db.lastError()))
            return false;
        insertMs += elapsedMs(timer);
        return true;
    }

    bool lookupChunk(const Workload &workload, qsizetype start, qsizetype end)
    {
        qsizetype found = 0;
        QElapsedTimer timer;
        timer.start();
        for (qsizetype i = start; i < end; ++i) {
            m_lookup.bindValue(0, workload.lookupKeys.at(i));
            if (!check(m_lookup.exec(), QStringLiteral("lookup"), m_lookup.lastError()))
                return false;
            if (m_lookup.next() && m_lookup.value(0).toLongLong() > 0)
                ++found;
        }
        lookupMs += elapsedMs(timer);
        return check(found == end - start, QStringLiteral("lookup result"), QSqlError());
    }

    bool scan(const Workload &workload)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        int matches = 0;
        QElapsedTimer timer;
        timer.start();
        if (!check(query.exec(QStringLiteral("SELECT id, note FROM records WHERE note LIKE '%xyz%'")),
                   QStringLiteral("scan"), query.lastError()))
            return false;
        while (query.next())
            ++matches;
        scanSamples.append(elapsedMs(timer));
        return check(matches == workload.plantedMatches, QStringLiteral("scan result"), QSqlError());
    }

    void close()
    {
        m_insert = QSqlQuery();
        m_lookup = QSqlQuery();
        m_db.close();
        m_db = QSqlDatabase();
    }

    double insertMs = 0;
    double lookupMs = 0;
    QVector<double> scanSamples;

private:
    QSqlDatabase m_db;
    QSqlQuery m_insert;
    QSqlQuery m_lookup;
};

// Median time of QSqlDatabase::open on the existing file: key applied, page size set, key proven.
std::optional<double> openMs(const Side &side, int opens)
{
    QVector<double> samples;
    for (int i = 0; i < opens; ++i) {
        const QString name = QStringLiteral("bench-open-%1-%2").arg(QLatin1String(side.label)).arg(i);
        {
            QSqlDatabase db = addConnection(side, name);
            QElapsedTimer timer;
            timer.start();
            const bool ok = db.open();
            samples.append(elapsedMs(timer));
            if (!check(ok, QStringLiteral("open"), db.lastError()))
                return std::nullopt;
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    return median(samples);
}

// `unlock_slot_ms`: reading keyslots.json and unwrapping the data key from a password slot with the
// production cost (Argon2id moderate + XChaCha20-Poly1305), median of 3, as a sign-in does.
std::optional<double> unlockSlotMs(const QString &workDir)
{
    const QString path = workDir + QStringLiteral("/keyslots.json");
    const QByteArray password = "bench password of decent length";
    const SecureBytes secret(password.constData(), int(password.size()));
    const SecureBytes dataKey = SecureBytes::random(KeySlots::DataKeySize);
    KeySlots keySlots = KeySlots::createNew(QStringLiteral("Bench"), SystemClock::instance());
    if (!keySlots.setPasswordSlot(QStringLiteral("bench"), QStringLiteral("Bench"), secret, dataKey) ||
        !keySlots.save(path, dataKey))
        return std::nullopt;
    QVector<double> samples;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto loaded = KeySlots::load(path, SystemClock::instance());
        if (!loaded)
            return std::nullopt;
        auto key = loaded->unlockWithPassword(QStringLiteral("bench"), secret);
        const double ms = elapsedMs(timer);
        if (!key || key.value() != dataKey)
            return std::nullopt;
        samples.append(ms);
    }
    return median(samples);
}

int runStore(const QStringList &options)
{
    QHash<QString, int> values{{QStringLiteral("rows"), 100000},
                               {QStringLiteral("lookups"), 10000},
                               {QStringLiteral("batch"), 1000},
                               {QStringLiteral("opens"), 21},
                               {QStringLiteral("scans"), 3}};
    if (!parseIntOptions(options, values.keys(), values)) {
        log() << "usage: relais-bench store [--rows N] [--lookups N] [--batch N] [--opens N] [--scans N]" << Qt::endl;
        return 2;
    }
    SqlCipherDriver::registerDriver();
    log() << "store bench: SQLCipher " << SqlCipherDriver::cipherVersion() << ", "
          << values.value(QStringLiteral("rows")) << " rows" << Qt::endl;

    QTemporaryDir dir;
    if (!dir.isValid()) {
        log() << "store bench: no temporary directory" << Qt::endl;
        return 1;
    }
    const Workload workload =
        makeWorkload(values.value(QStringLiteral("rows")), values.value(QStringLiteral("lookups")));
    Side cipher{"cipher", SecureBytes::random(SqlCipherDriver::KeySize), dir.filePath(QStringLiteral("cipher.db"))};
    Side plain{"plain", std::nullopt, dir.filePath(QStringLiteral("plain.db"))};

    struct Times
    {
        double insert = 0;
        double lookup = 0;
        double scan = 0;
    };
    QVector<Times> times;
    const int batch = values.value(QStringLiteral("batch"));
    {
        SideRun runs[2] = {SideRun(cipher, QStringLiteral("bench-cipher")),
                           SideRun(plain, QStringLiteral("bench-plain"))};
        if (!runs[0].open() || !runs[1].open())
            return 1;
        // Which side goes first alternates from one chunk to the next.
        int turn = 0;
        for (qsizetype start = 0; start < workload.rows.size(); start += batch, ++turn) {
            const qsizetype end = std::min(workload.rows.size(), start + batch);
            for (int k = 0; k < 2; ++k) {
                if (!runs[(turn + k) % 2].insertBatch(workload, start, end))
                    return 1;
            }
        }
        const qsizetype chunk = 1000;
        for (qsizetype start = 0; start < workload.lookupKeys.size(); start += chunk, ++turn) {
            const qsizetype end = std::min(workload.lookupKeys.size(), start + chunk);
            for (int k = 0; k < 2; ++k) {
                if (!runs[(turn + k) % 2].lookupChunk(workload, start, end))
                    return 1;
            }
        }
        for (int i = 0; i < values.value(QStringLiteral("scans")); ++i, ++turn) {
            for (int k = 0; k < 2; ++k) {
                if (!runs[(turn + k) % 2].scan(workload))
                    return 1;
            }
        }
        for (SideRun &run : runs) {
            times.append({run.insertMs, run.lookupMs, median(run.scanSamples)});
            run.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-cipher"));
    QSqlDatabase::removeDatabase(QStringLiteral("bench-plain"));
    const auto openCipher = openMs(cipher, values.value(QStringLiteral("opens")));
    const auto openPlain = openMs(plain, values.value(QStringLiteral("opens")));
    if (!openCipher || !openPlain)
        return 1;

    printFigure("insert_cipher_ms", times[0].insert);
    printFigure("insert_plain_ms", times[1].insert);
    printFigure("insert_ratio", ratio(times[0].insert, times[1].insert));
    printFigure("lookup_cipher_ms", times[0].lookup);
    printFigure("lookup_plain_ms", times[1].lookup);
    printFigure("lookup_ratio", ratio(times[0].lookup, times[1].lookup));
    printFigure("scan_cipher_ms", times[0].scan);
    printFigure("scan_plain_ms", times[1].scan);
    printFigure("scan_ratio", ratio(times[0].scan, times[1].scan));
    printFigure("open_rawkey_ms", *openCipher);
    printFigure("open_plain_ms", *openPlain);
    if (const auto unlock = unlockSlotMs(dir.path()))
        printFigure("unlock_slot_ms", *unlock);
    return 0;
}

const SuiteRegistration registration("store", "encrypted vs plain store: inserts, indexed lookups, LIKE scan, open",
                                     runStore);

} // namespace
} // namespace relais::bench
