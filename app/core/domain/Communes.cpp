#include "Communes.h"

#include "SearchText.h"
#include "common/Logging.h"

#include <QByteArrayView>
#include <QHash>
#include <QResource>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace relais {

namespace {

Commune::Kind kindOf(char c)
{
    switch (c) {
    case 'd':
        return Commune::Kind::Delegated;
    case 'a':
        return Commune::Kind::Associated;
    case 'm':
        return Commune::Kind::Arrondissement;
    default:
        return Commune::Kind::Current;
    }
}

// Where a commune of this kind comes in a list: the commune people write on an envelope first.
int rank(Commune::Kind kind)
{
    switch (kind) {
    case Commune::Kind::Current:
        return 0;
    case Commune::Kind::Arrondissement:
        return 1;
    case Commune::Kind::Delegated:
        return 2;
    case Commune::Kind::Associated:
        return 3;
    }
    return 4;
}

// A French postal code as a number (five digits, a space typed inside aside); -1 when it is not one.
int postalCodeNumber(QStringView postalCode)
{
    int value = 0;
    int digits = 0;
    for (const QChar c : postalCode) {
        if (!c.isDigit())
            continue;
        if (++digits > 5)
            return -1;
        value = value * 10 + c.digitValue();
    }
    return digits == 5 ? value : -1;
}

int postalCodeNumber(QByteArrayView code)
{
    return postalCodeNumber(QString::fromLatin1(code.data(), code.size()));
}

constexpr int ColumnCount = 7; // kind, INSEE, name, department, postal codes, parent INSEE, population
using Columns = std::array<QByteArrayView, ColumnCount>;

// The columns of the line starting at `offset` (the bytes stay where they are); false when it has fewer than seven.
bool columnsAt(const QByteArray &data, qsizetype offset, Columns &columns)
{
    const char *p = data.constData() + offset;
    const char *end = data.constData() + data.size();
    const char *lineEnd = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
    if (!lineEnd)
        lineEnd = end;
    int n = 0;
    while (n < ColumnCount) {
        const char *tab = static_cast<const char *>(std::memchr(p, '\t', size_t(lineEnd - p)));
        const char *stop = tab ? tab : lineEnd;
        columns[size_t(n++)] = QByteArrayView(p, stop - p);
        if (!tab)
            break;
        p = tab + 1;
    }
    return n == ColumnCount;
}

QStringList postalCodesOf(QByteArrayView column)
{
    return QString::fromLatin1(column.data(), column.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

struct Communes::Index
{
    struct Record
    {
        quint32 offset = 0; // where its line starts in `data`
        qint32 parent = -1; // record of the current commune a delegated one or an arrondissement belongs to
        qint32 population = 0;
        Commune::Kind kind = Commune::Kind::Current;
    };
    struct ByCode
    {
        qint32 code;
        qint32 record;
        bool operator<(const ByCode &o) const { return code != o.code ? code < o.code : record < o.record; }
    };
    struct ByName
    {
        quint32 key; // offset of its name key, NUL-terminated, in `keys`
        qint32 record;
    };

    QByteArray data; // the TSV as given: for the bundled list, the resource's own (mapped) bytes
    std::vector<Record> records;
    std::vector<ByCode> byCode;
    QByteArray keys;            // the name keys, UTF-8, one after the other
    std::vector<ByName> byName; // sorted by key
    QHash<QByteArray, QString> departments;

    const char *keyOf(const ByName &entry) const { return keys.constData() + entry.key; }
    Columns columns(int record) const
    {
        Columns c;
        const bool complete = columnsAt(data, records[size_t(record)].offset, c);
        Q_ASSERT(complete); // only complete lines are records
        Q_UNUSED(complete);
        return c;
    }
    // A delegated or associated commune is written without postal codes: it has its parent's.
    QByteArrayView postalCodesColumn(int record) const
    {
        const QByteArrayView own = columns(record)[4];
        const int parent = records[size_t(record)].parent;
        return own.isEmpty() && parent >= 0 ? columns(parent)[4] : own;
    }
    Commune commune(int record) const;
    std::pair<std::vector<ByName>::const_iterator, std::vector<ByName>::const_iterator>
    namesWithPrefix(const QByteArray &prefix) const;
    bool hasPostalCode(int code) const;
};

Commune Communes::Index::commune(int record) const
{
    const Record &r = records[size_t(record)];
    const Columns cols = columns(record);
    Commune c;
    c.kind = r.kind;
    c.insee = QString::fromUtf8(cols[1]);
    c.name = QString::fromUtf8(cols[2]);
    c.department = QString::fromUtf8(cols[3]);
    c.departmentName = departments.value(cols[3].toByteArray());
    c.postalCodes = postalCodesOf(postalCodesColumn(record));
    if (r.parent >= 0)
        c.parentName = QString::fromUtf8(columns(r.parent)[2]);
    c.population = r.population;
    return c;
}

std::pair<std::vector<Communes::Index::ByName>::const_iterator, std::vector<Communes::Index::ByName>::const_iterator>
Communes::Index::namesWithPrefix(const QByteArray &prefix) const
{
    const auto first =
        std::lower_bound(byName.begin(), byName.end(), prefix, [this](const ByName &e, const QByteArray &p) {
            return std::strcmp(keyOf(e), p.constData()) < 0;
        });
    auto last = first;
    while (last != byName.end() && std::strncmp(keyOf(*last), prefix.constData(), size_t(prefix.size())) == 0)
        ++last;
    return {first, last};
}

bool Communes::Index::hasPostalCode(int code) const
{
    const auto it = std::lower_bound(byCode.begin(), byCode.end(), ByCode{code, -1});
    return it != byCode.end() && it->code == code;
}

namespace {

// An INSEE code ("01033", "2A004") as one integer, to find a parent without a hash of strings.
quint64 inseeKey(QByteArrayView insee)
{
    quint64 key = 0;
    for (qsizetype i = 0; i < insee.size() && i < 8; ++i)
        key = (key << 8) | quint8(insee.at(i));
    return key;
}

std::shared_ptr<const Communes::Index> indexTsv(const QByteArray &tsv)
{
    auto index = std::make_shared<Communes::Index>();
    index->data = tsv;
    const QByteArray &data = index->data;
    // Reserved once: growing by doubling would leave the freed halves in the heap, resident.
    const qsizetype lines = data.count('\n') + 1;
    index->records.reserve(size_t(lines));
    std::vector<std::pair<quint64, int>> currentByInsee;
    currentByInsee.reserve(size_t(lines));
    Columns cols;
    for (qsizetype offset = 0; offset < data.size();) {
        qsizetype next = data.indexOf('\n', offset);
        if (next < 0)
            next = data.size();
        const qsizetype start = offset;
        offset = next + 1;
        if (next == start || data.at(start) == '#')
            continue;
        if (data.at(start) == 'D' && next - start > 1 && data.at(start + 1) == '\t') {
            const QList<QByteArray> d = data.mid(start, next - start).split('\t');
            if (d.size() >= 3)
                index->departments.insert(d[1], QString::fromUtf8(d[2]));
            continue;
        }
        if (!columnsAt(data, start, cols) || cols[0].size() != 1)
            continue;
        Communes::Index::Record r;
        r.offset = quint32(start);
        r.kind = kindOf(cols[0].at(0));
        r.population = QByteArray::fromRawData(cols[6].data(), cols[6].size()).toInt();
        if (r.kind == Commune::Kind::Current)
            currentByInsee.emplace_back(inseeKey(cols[1]), int(index->records.size()));
        index->records.push_back(r);
    }
    std::sort(currentByInsee.begin(), currentByInsee.end());
    for (int i = 0; i < int(index->records.size()); ++i) {
        Communes::Index::Record &r = index->records[size_t(i)];
        if (r.kind == Commune::Kind::Current)
            continue;
        const quint64 parent = inseeKey(index->columns(i)[5]);
        const auto it = std::lower_bound(currentByInsee.begin(), currentByInsee.end(), std::make_pair(parent, -1));
        if (it != currentByInsee.end() && it->first == parent)
            r.parent = it->second;
    }
    currentByInsee = {};

    index->byCode.reserve(index->records.size() + index->records.size() / 4);
    index->byName.reserve(index->records.size());
    index->keys.reserve(data.size() / 2);
    for (int i = 0; i < int(index->records.size()); ++i) {
        const QByteArrayView codes = index->postalCodesColumn(i);
        for (const QByteArrayView code : QByteArrayView(codes).toByteArray().split(' ')) {
            const int number = postalCodeNumber(code);
            if (number >= 0)
                index->byCode.push_back({number, i});
        }
        const QByteArray key = Communes::nameKey(QString::fromUtf8(index->columns(i)[2])).toUtf8();
        index->byName.push_back({quint32(index->keys.size()), i});
        index->keys.append(key);
        index->keys.append('\0');
    }
    std::sort(index->byCode.begin(), index->byCode.end());
    const Communes::Index &ix = *index;
    std::sort(index->byName.begin(), index->byName.end(), [&ix](const auto &a, const auto &b) {
        const int c = std::strcmp(ix.keyOf(a), ix.keyOf(b));
        return c != 0 ? c < 0 : a.record < b.record;
    });
    index->records.shrink_to_fit();
    index->byCode.shrink_to_fit();
    index->byName.shrink_to_fit();
    index->keys.squeeze();
    return index;
}

// The bundled list, indexed on first use; a function-local static is built once even when threads race to it.
const Communes::Index &bundledIndex()
{
    static const std::shared_ptr<const Communes::Index> index = [] {
        const QResource resource(QStringLiteral(":/data/communes.tsv"));
        if (!resource.isValid()) {
            qCWarning(lcDomain) << "communes: the bundled list cannot be read";
            return indexTsv(QByteArray());
        }
        // Stored uncompressed (app/core/CMakeLists.txt): the bytes are the program's own, mapped, never copied.
        if (resource.compressionAlgorithm() == QResource::NoCompression)
            return indexTsv(
                QByteArray::fromRawData(reinterpret_cast<const char *>(resource.data()), qsizetype(resource.size())));
        return indexTsv(resource.uncompressedData());
    }();
    return *index;
}

} // namespace

QString Communes::nameKey(const QString &name)
{
    QStringList w = search::words(name);
    // "Paris Cedex 07", "Lyon cedex": the CEDEX mention is the post office's, not the commune's name.
    const int cedex = int(w.indexOf(QStringLiteral("cedex")));
    if (cedex > 0)
        w = w.mid(0, cedex);
    for (QString &word : w) {
        if (word == QLatin1String("st"))
            word = QStringLiteral("saint");
        else if (word == QLatin1String("ste"))
            word = QStringLiteral("sainte");
    }
    return w.join(QLatin1Char(' '));
}

Communes::Communes() = default;
Communes::~Communes() = default;

Communes::Communes(std::shared_ptr<const Index> index) : m_index(std::move(index)) {}

const Communes &Communes::bundled()
{
    // Nothing is read here: the list is indexed on the first question (a page with an address may never ask).
    static const Communes communes = [] {
        Communes c;
        c.m_bundled = true;
        return c;
    }();
    return communes;
}

Communes Communes::fromTsv(const QByteArray &tsv)
{
    return Communes(indexTsv(tsv));
}

const Communes::Index &Communes::index() const
{
    if (m_bundled)
        return bundledIndex();
    static const Index empty;
    return m_index ? *m_index : empty;
}

int Communes::size() const
{
    return int(index().records.size());
}

QList<Commune> Communes::forPostalCode(const QString &postalCode) const
{
    const Index &ix = index();
    const int code = postalCodeNumber(postalCode);
    QList<Commune> result;
    if (code < 0)
        return result;
    for (auto it = std::lower_bound(ix.byCode.begin(), ix.byCode.end(), Index::ByCode{code, -1});
         it != ix.byCode.end() && it->code == code; ++it)
        result.append(ix.commune(it->record));
    std::sort(result.begin(), result.end(), [](const Commune &x, const Commune &y) {
        if (rank(x.kind) != rank(y.kind))
            return rank(x.kind) < rank(y.kind);
        return x.name.localeAwareCompare(y.name) < 0;
    });
    return result;
}

QList<Commune> Communes::matching(const QString &typed, int limit) const
{
    const QByteArray prefix = nameKey(typed).toUtf8();
    if (prefix.isEmpty())
        return {};
    const Index &ix = index();
    struct Found
    {
        int record;
        bool exact;
    };
    std::vector<Found> found;
    const auto [first, last] = ix.namesWithPrefix(prefix);
    for (auto it = first; it != last; ++it)
        found.push_back({it->record, ix.keyOf(*it)[prefix.size()] == '\0'});
    const auto before = [&ix](const Found &a, const Found &b) {
        if (a.exact != b.exact)
            return a.exact;
        const Index::Record &x = ix.records[size_t(a.record)];
        const Index::Record &y = ix.records[size_t(b.record)];
        if (rank(x.kind) != rank(y.kind))
            return rank(x.kind) < rank(y.kind);
        if (x.population != y.population)
            return x.population > y.population;
        return ix.columns(a.record)[1] < ix.columns(b.record)[1];
    };
    const size_t kept = std::min(found.size(), size_t(std::max(0, limit)));
    std::partial_sort(found.begin(), found.begin() + std::ptrdiff_t(kept), found.end(), before);
    QList<Commune> result;
    result.reserve(qsizetype(kept));
    for (size_t i = 0; i < kept; ++i)
        result.append(ix.commune(found[i].record));
    return result;
}

bool Communes::knowsName(const QString &communeName) const
{
    const QByteArray key = nameKey(communeName).toUtf8();
    if (key.isEmpty())
        return false;
    const Index &ix = index();
    const auto [first, last] = ix.namesWithPrefix(key);
    return std::any_of(first, last, [&](const Index::ByName &e) { return ix.keyOf(e)[key.size()] == '\0'; });
}

bool Communes::knowsPostalCode(const QString &postalCode) const
{
    const int code = postalCodeNumber(postalCode);
    return code >= 0 && index().hasPostalCode(code);
}

bool Communes::postalCodeMatches(const QString &postalCode, const QString &communeName) const
{
    const Index &ix = index();
    const int code = postalCodeNumber(postalCode);
    const QByteArray key = nameKey(communeName).toUtf8();
    if (code < 0 || !ix.hasPostalCode(code) || !knowsName(communeName))
        return true;
    const auto [first, last] = ix.namesWithPrefix(key);
    for (auto it = first; it != last; ++it) {
        if (ix.keyOf(*it)[key.size()] != '\0')
            continue;
        for (const QByteArray &own : ix.postalCodesColumn(it->record).toByteArray().split(' '))
            if (postalCodeNumber(own) == code)
                return true;
    }
    return false;
}

} // namespace relais
