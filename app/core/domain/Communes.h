#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace relais {

// One place a French address can name: a commune, or a delegated/associated commune or a municipal arrondissement
// (which belong to a current commune, their parent).
struct Commune
{
    enum class Kind
    {
        Current,
        Delegated,
        Associated,
        Arrondissement
    };
    Kind kind = Kind::Current;
    QString insee;
    QString name;
    QString department;      // "75", "2A", "971"
    QString departmentName;  // "Paris", "Corse-du-Sud", "Guadeloupe"
    QStringList postalCodes; // a delegated or associated commune has its parent's
    QString parentName;      // empty for a current commune
    int population = 0;
};

// The communes of France and their postal codes (resources/data/communes.tsv, built by scripts/build-communes from
// the Code officiel géographique 2026 and La Poste's postal codes). The bundled list is indexed once, on the first
// question, and shared by every user; immutable afterwards, so it may be asked from any thread.
//
// Compact on purpose (every kiosk page with an address holds it): the TSV bytes stay as the resource has them, and
// the index is a few sorted arrays of offsets and integers; a Commune is only made for what is returned.
class Communes
{
public:
    Communes();
    ~Communes();
    Communes(const Communes &) = default;
    Communes &operator=(const Communes &) = default;

    // The bundled data, :/data/communes.tsv, indexed on the first question.
    static const Communes &bundled();
    // Reads the format written by scripts/build-communes (tests give their own small data).
    static Communes fromTsv(const QByteArray &tsv);

    bool isEmpty() const { return size() == 0; }
    int size() const;

    // The communes a postal code serves: current communes first (by name), then the municipal arrondissements,
    // then the delegated and associated communes that belong to them. Empty for an unknown (or CEDEX) code.
    QList<Commune> forPostalCode(const QString &postalCode) const;
    // Communes whose name starts with what was typed, accents, case, hyphens and apostrophes aside ("st etienne",
    // "ile d yeu"): an exact name first, then by population, at most `limit`.
    QList<Commune> matching(const QString &typed, int limit = 20) const;
    // Whether `postalCode` is one of the commune's (a delegated commune's parent's, a CEDEX suffix aside). True when
    // either is unknown here: only a known pair that disagrees is a mismatch.
    bool postalCodeMatches(const QString &postalCode, const QString &communeName) const;
    // Whether a commune (of any kind) has this name, accents and case aside.
    bool knowsName(const QString &communeName) const;
    // Whether some commune has this postal code.
    bool knowsPostalCode(const QString &postalCode) const;

    // The key names are compared on: folded words joined by one space, "st"/"ste" read as "saint"/"sainte", a
    // trailing "cedex" and its number dropped.
    static QString nameKey(const QString &name);

    struct Index; // Communes.cpp

private:
    explicit Communes(std::shared_ptr<const Index> index);
    const Index &index() const;

    // Null for the bundled list until its first question (then the shared, lazily built one is used).
    std::shared_ptr<const Index> m_index;
    bool m_bundled = false;
};

} // namespace relais
