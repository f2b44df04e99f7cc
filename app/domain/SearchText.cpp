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
    bool digitsOnly = !typed.trimmed().isEmpty();
    QString digits;
    for (const QChar c : typed) {
        if (c.isDigit())
            digits += c;
        else if (!(c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('.') || c == QLatin1Char('-') ||
                   c == QLatin1Char('+')))
            digitsOnly = false;
    }
    if (digitsOnly && !digits.isEmpty()) {
        // "+33 6 12…" is searched as the national number "06 12…".
        if (typed.trimmed().startsWith(QLatin1Char('+')) && digits.startsWith(QLatin1String("33")))
            digits = QLatin1Char('0') + digits.mid(2);
        query.joinedDigits = digits;
    }
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
