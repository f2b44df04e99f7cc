#include "SearchText.h"

namespace relais::search {

QString fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        switch (c.unicode()) {
        case 0x0153: // œ
        case 0x0152:
            out += QLatin1String("oe");
            break;
        case 0x00E6: // æ
        case 0x00C6:
            out += QLatin1String("ae");
            break;
        case 0x00DF: // ß
            out += QLatin1String("ss");
            break;
        default:
            out += c.toLower();
        }
    }
    return out;
}

QStringList words(const QString &text)
{
    QStringList result;
    QString current;
    for (const QChar c : fold(text)) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            result.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

QStringList nameTokens(const QString &name)
{
    QStringList tokens = words(name);
    if (tokens.size() > 1)
        tokens.append(tokens.join(QString()));
    tokens.removeDuplicates();
    return tokens;
}

Query parseQuery(const QString &typed)
{
    Query query;
    query.prefixes = words(typed);
    query.prefixes.removeDuplicates();
    const QString trimmed = typed.trimmed();
    bool digitsOnly = !trimmed.isEmpty();
    for (const QChar c : trimmed)
        if (!(c.isDigit() || c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('.') || c == QLatin1Char('-') ||
              c == QLatin1Char('+')))
            digitsOnly = false;
    if (!digitsOnly || query.prefixes.isEmpty())
        return query;
    // Digits with separators are a date or a phone number, read in order: "12/03/1985" must not find
    // someone born on 3 December. A day or month typed with one digit ("2/3/1985") counts as "02", "03".
    QStringList groups = query.prefixes;
    if (trimmed.contains(QLatin1Char('/')))
        for (int i = 0; i + 1 < groups.size(); ++i)
            if (groups[i].size() == 1)
                groups[i].prepend(QLatin1Char('0'));
    QString digits = groups.join(QString());
    if (trimmed.startsWith(QLatin1Char('+')) && digits.startsWith(QLatin1String("33")))
        digits = QLatin1Char('0') + digits.mid(2); // "+33 6 12…" is searched as the national "06 12…"
    query.joinedDigits = digits;
    // One group alone ("1985", "12") may also be a year or a day on its own.
    if (query.prefixes.size() > 1)
        query.prefixes.clear();
    return query;
}

QString prefixUpperBound(const QString &prefix)
{
    QString upper = prefix;
    // Strings are compared by code point (UTF-8 bytes under SQLite's BINARY collation): incrementing the
    // last character gives the first string past the prefix.
    while (!upper.isEmpty()) {
        const QChar last = upper.back();
        if (last.unicode() < 0xFFFF) {
            upper.back() = QChar(last.unicode() + 1);
            return upper;
        }
        upper.chop(1);
    }
    return QString(QChar(0xFFFF));
}

} // namespace relais::search
