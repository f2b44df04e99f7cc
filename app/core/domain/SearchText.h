#pragma once

#include <QString>
#include <QStringList>

namespace relais::search {

// Text folded for search: lower case, accents and ligatures removed (é → e, œ → oe, ß → ss).
QString fold(const QString &text);

// The words of a text once folded: "Le Gall-N'Diaye" → le, gall, n, diaye.
QStringList words(const QString &text);

// The search entries of a name: its words, plus the name written without its spaces, hyphens and
// apostrophes when it has several ("legallndiaye"), so that "ndiaye" and "le gall" both find it.
QStringList nameTokens(const QString &name);

// What the mediator typed, as prefixes that must all match (an AND of prefixes). Digits and separators
// only ("06 12 34", "12/03/1985") are read in order, as one prefix of the digits joined (a phone number or
// a date); a single group of digits ("1985") may also match a year or a day on its own.
struct Query
{
    QStringList prefixes;
    QString joinedDigits; // empty unless the input is digits and separators only; matches on its own
    bool isEmpty() const { return prefixes.isEmpty() && joinedDigits.isEmpty(); }
};
Query parseQuery(const QString &typed);

// The smallest string greater than every string starting with `prefix` (for a range scan).
QString prefixUpperBound(const QString &prefix);

} // namespace relais::search
