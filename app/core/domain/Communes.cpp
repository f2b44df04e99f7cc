#include "Communes.h"

#include "SearchText.h"
#include "common/Logging.h"

#include <QFile>

#include <algorithm>

namespace relais {

namespace {

Commune::Kind kindOf(QChar c)
{
    switch (c.unicode()) {
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

QString digitsOf(const QString &postalCode)
{
    QString digits;
    for (const QChar c : postalCode)
        if (c.isDigit())
            digits += c;
    return digits;
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

const Communes &Communes::bundled()
{
    static const Communes communes = [] {
        QFile file(QStringLiteral(":/data/communes.tsv"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcDomain) << "communes: the bundled list cannot be read";
            return Communes();
        }
        return fromTsv(file.readAll());
    }();
    return communes;
}

Communes Communes::fromTsv(const QByteArray &tsv)
{
    Communes result;
    QHash<QString, QString> departments;
    QHash<QString, int> currentByInsee;
    struct Pending
    {
        int index;
        QString parent;
    };
    QVector<Pending> pending;
    const QList<QByteArray> lines = tsv.split('\n');
    result.m_all.reserve(lines.size());
    for (const QByteArray &raw : lines) {
        if (raw.isEmpty() || raw.startsWith('#'))
            continue;
        const QStringList cols = QString::fromUtf8(raw).split(QLatin1Char('\t'));
        if (cols.first() == QLatin1String("D") && cols.size() >= 3) {
            departments.insert(cols[1], cols[2]);
            continue;
        }
        if (cols.size() < 7 || cols.first().size() != 1)
            continue;
        Commune c;
        c.kind = kindOf(cols[0].at(0));
        c.insee = cols[1];
        c.name = cols[2];
        c.department = cols[3];
        c.departmentName = departments.value(c.department);
        c.postalCodes = cols[4].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        c.population = cols[6].toInt();
        const int index = int(result.m_all.size());
        if (c.kind == Commune::Kind::Current)
            currentByInsee.insert(c.insee, index);
        else
            pending.append({index, cols[5]});
        result.m_all.append(c);
    }
    // A delegated or associated commune is written with its parent's postal codes; an arrondissement keeps its own.
    for (const Pending &p : std::as_const(pending)) {
        const int parent = currentByInsee.value(p.parent, -1);
        if (parent < 0)
            continue;
        Commune &c = result.m_all[p.index];
        c.parentName = result.m_all[parent].name;
        if (c.postalCodes.isEmpty())
            c.postalCodes = result.m_all[parent].postalCodes;
    }
    result.m_sortedKeys.reserve(result.m_all.size());
    for (int i = 0; i < result.m_all.size(); ++i) {
        const Commune &c = result.m_all[i];
        for (const QString &code : c.postalCodes)
            result.m_byPostalCode.insert(code, i);
        const QString key = nameKey(c.name);
        result.m_byName.insert(key, i);
        result.m_sortedKeys.append({key, i});
    }
    std::sort(result.m_sortedKeys.begin(), result.m_sortedKeys.end());
    return result;
}

QList<Commune> Communes::forPostalCode(const QString &postalCode) const
{
    QList<int> indexes = m_byPostalCode.values(digitsOf(postalCode));
    std::sort(indexes.begin(), indexes.end(), [this](int a, int b) {
        const Commune &x = m_all[a];
        const Commune &y = m_all[b];
        if (rank(x.kind) != rank(y.kind))
            return rank(x.kind) < rank(y.kind);
        return x.name.localeAwareCompare(y.name) < 0;
    });
    QList<Commune> result;
    for (int i : std::as_const(indexes))
        result.append(m_all[i]);
    return result;
}

QList<Commune> Communes::matching(const QString &typed, int limit) const
{
    const QString prefix = nameKey(typed);
    if (prefix.isEmpty())
        return {};
    auto it = std::lower_bound(m_sortedKeys.begin(), m_sortedKeys.end(), qMakePair(prefix, -1));
    QList<int> found;
    for (; it != m_sortedKeys.end() && it->first.startsWith(prefix); ++it)
        found.append(it->second);
    std::sort(found.begin(), found.end(), [this, &prefix](int a, int b) {
        const Commune &x = m_all[a];
        const Commune &y = m_all[b];
        const bool xExact = nameKey(x.name) == prefix;
        const bool yExact = nameKey(y.name) == prefix;
        if (xExact != yExact)
            return xExact;
        if (rank(x.kind) != rank(y.kind))
            return rank(x.kind) < rank(y.kind);
        if (x.population != y.population)
            return x.population > y.population;
        return x.insee < y.insee;
    });
    QList<Commune> result;
    for (int i = 0; i < found.size() && i < limit; ++i)
        result.append(m_all[found[i]]);
    return result;
}

bool Communes::knowsName(const QString &communeName) const
{
    return m_byName.contains(nameKey(communeName));
}

bool Communes::knowsPostalCode(const QString &postalCode) const
{
    return m_byPostalCode.contains(digitsOf(postalCode));
}

bool Communes::postalCodeMatches(const QString &postalCode, const QString &communeName) const
{
    const QString code = digitsOf(postalCode);
    const QString key = nameKey(communeName);
    if (!m_byPostalCode.contains(code) || !m_byName.contains(key))
        return true;
    for (auto it = m_byName.constFind(key); it != m_byName.cend() && it.key() == key; ++it)
        if (m_all[it.value()].postalCodes.contains(code))
            return true;
    return false;
}

} // namespace relais
