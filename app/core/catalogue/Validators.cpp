#include "catalogue/Validators.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace relais::catalogue {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
}

int digitAt(const QString &s, qsizetype i)
{
    return s.at(i).unicode() - u'0';
}

bool allAsciiDigits(const QString &s)
{
    for (const QChar c : s) {
        if (!isAsciiDigit(c))
            return false;
    }
    return !s.isEmpty();
}

// Upper-cases a-z only (QString::toUpper would turn "ß" into "SS").
QString asciiUpper(QString s)
{
    for (QChar &c : s) {
        if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            c = QChar(c.unicode() - u'a' + u'A');
    }
    return s;
}

// Drops every Unicode space (incl. U+00A0 and U+202F) and each character of `extra`.
QString withoutSeparators(const QString &input, QLatin1String extra = QLatin1String(""))
{
    QString out;
    out.reserve(input.size());
    for (const QChar c : input) {
        if (c.isSpace() || (c.unicode() < 128 && extra.contains(c)))
            continue;
        out.append(c);
    }
    return out;
}

// Remainder of a long decimal string modulo m, digit by digit (no overflow whatever the length).
int decimalMod(const QString &digits, int m)
{
    int r = 0;
    for (const QChar c : digits)
        r = (r * 10 + (c.unicode() - u'0')) % m;
    return r;
}

bool luhnOk(const QString &digits)
{
    int sum = 0;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        int d = digitAt(digits, n - 1 - i);
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

int digitSum(const QString &digits)
{
    int sum = 0;
    for (qsizetype i = 0; i < digits.size(); ++i)
        sum += digitAt(digits, i);
    return sum;
}

int twoDigits(const QString &s, qsizetype at)
{
    return digitAt(s, at) * 10 + digitAt(s, at + 1);
}

// ISO 13616 registry lengths: the SEPA countries and the French overseas codes a citizen may give.
int ibanLength(const QString &country)
{
    static const struct
    {
        char code[3];
        int length;
    } lengths[] = {
        {"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"BL", 27}, {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
        {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22}, {"GF", 27}, {"GI", 23}, {"GP", 27},
        {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20},
        {"LV", 21}, {"MC", 27}, {"MF", 27}, {"MQ", 27}, {"MT", 31}, {"NC", 27}, {"NL", 18}, {"NO", 15}, {"PF", 27},
        {"PL", 28}, {"PM", 27}, {"PT", 25}, {"RE", 27}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
        {"TF", 27}, {"VA", 22}, {"WF", 27}, {"YT", 27},
    };
    for (const auto &entry : lengths) {
        if (country == QLatin1String(entry.code))
            return entry.length;
    }
    return 0;
}

struct PhonePlan
{
    const char *countryCode;
    int nsnLength;           // digits after the country code
    const char *prefixes[6]; // allowed starts of those digits; none = any
};

// French overseas numbers are part of the 10-digit national plan (0262…, 0690…) but have their own E.164
// country code (ARCEP numbering plan; ITU-T E.164 assignments for +262, +590, +594, +596).
const PhonePlan overseasPlans[] = {
    {"262", 9, {"262", "263", "692", "693", "269", "639"}}, // Réunion, Mayotte
    {"590", 9, {"590", "690", "691"}},                      // Guadeloupe, Saint-Barthélemy, Saint-Martin
    {"594", 9, {"594", "694"}},                             // Guyane
    {"596", 9, {"596", "696", "697"}},                      // Martinique
};

// Collectivités with their own short plans, only reachable in international form.
const PhonePlan collectivityPlans[] = {
    {"508", 6, {}}, // Saint-Pierre-et-Miquelon
    {"681", 6, {}}, // Wallis-et-Futuna
    {"687", 6, {}}, // Nouvelle-Calédonie
    {"689", 8, {}}, // Polynésie française
};

const PhonePlan *overseasPlanFor(const QString &nsn)
{
    for (const PhonePlan &plan : overseasPlans) {
        for (const char *prefix : plan.prefixes) {
            if (prefix && nsn.startsWith(QLatin1String(prefix)))
                return &plan;
        }
    }
    return nullptr;
}

QString formatEuros(double value)
{
    return QLocale().toString(value, 'f', 2);
}

bool isBound(double value)
{
    return std::isfinite(value) && std::fabs(value) < 1e15;
}

} // namespace

Validation Validators::nir(const QString &input)
{
    const QString n = asciiUpper(withoutSeparators(input));
    if (n.isEmpty())
        return Validation::invalid(tr("Enter the social security number (15 digits)."));
    if (n.size() != 15)
        return Validation::invalid(
            tr("The social security number has 15 digits; this one has %n.", nullptr, int(n.size())));
    const bool corsica = n.at(5) == QLatin1Char('2') && (n.at(6) == QLatin1Char('A') || n.at(6) == QLatin1Char('B'));
    for (qsizetype i = 0; i < n.size(); ++i) {
        if (!isAsciiDigit(n.at(i)) && !(corsica && i == 6))
            return Validation::invalid(
                tr("The social security number only contains digits (and 2A or 2B for people born in Corsica)."));
    }
    // 1/2: men/women in the RNIPP; 3/4: people born abroad being registered; 7/8: temporary numbers (NIA) given by
    // the CNAV/SANDIA before registration (INSEE, xml.insee.fr/schema/nir.html; same set as the Plateforme de
    // l'inclusion's NIR check).
    const QChar sex = n.at(0);
    if (sex != QLatin1Char('1') && sex != QLatin1Char('2') && sex != QLatin1Char('3') && sex != QLatin1Char('4') &&
        sex != QLatin1Char('7') && sex != QLatin1Char('8'))
        return Validation::invalid(tr("The first digit of the social security number must be 1 (man) or 2 (woman) "
                                      "(3, 4, 7 or 8 for a temporary number)."));
    // 01-12; 20-42 and 50-99 are given by INSEE when the civil status record has no month of birth.
    const int month = twoDigits(n, 3);
    if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50))
        return Validation::invalid(tr("Digits 4 and 5 of the social security number (month of birth) must be "
                                      "between 01 and 12."));
    // Place of birth (5 characters): département 01-96, 2A/2B, or 97x/98x overseas followed by a commune; 99 and a
    // country code for a birth abroad. Nothing is numbered 00, 000 (same rules as the Plateforme de l'inclusion).
    const int department = corsica ? 20 : twoDigits(n, 5);
    const bool overseas = department == 97 || department == 98;
    const bool noPlace = department == 0 || (overseas && twoDigits(n, 8) == 0) ||
                         (!overseas && twoDigits(n, 7) == 0 && digitAt(n, 9) == 0);
    if (noPlace)
        return Validation::invalid(tr("Digits 6 to 10 of the social security number (place of birth) are not a "
                                      "place: check them."));
    // Corsica: the key is computed with 2A read as 19 and 2B as 18 (INSEE), i.e. the number minus 1 000 000 or
    // 2 000 000.
    QString keyed = n.left(13);
    if (corsica)
        keyed.replace(5, 2, n.at(6) == QLatin1Char('A') ? QStringLiteral("19") : QStringLiteral("18"));
    const int expectedKey = 97 - decimalMod(keyed, 97);
    if (twoDigits(n, 13) != expectedKey)
        return Validation::invalid(tr("The key (last 2 digits) of the social security number does not match: check "
                                      "each digit."));
    return Validation::valid(n);
}

Validation Validators::iban(const QString &input)
{
    const QString compact = withoutSeparators(input, QLatin1String("-"));
    if (compact.isEmpty())
        return Validation::invalid(
            tr("Enter the IBAN (it starts with FR and has 27 characters for a French account)."));
    for (const QChar c : compact) {
        if (!isAsciiDigit(c) && !isAsciiLetter(c))
            return Validation::invalid(tr("An IBAN only contains letters and digits."));
    }
    const QString n = asciiUpper(compact);
    if (n.size() < 2 || !isAsciiLetter(n.at(0)) || !isAsciiLetter(n.at(1)))
        return Validation::invalid(tr("An IBAN starts with the 2 letters of the country (FR for France)."));
    if (n.size() < 4 || !isAsciiDigit(n.at(2)) || !isAsciiDigit(n.at(3)))
        return Validation::invalid(tr("An IBAN has 2 check digits after the country letters (FR76…)."));
    const QString country = n.left(2);
    const int expected = ibanLength(country);
    const int length = int(n.size());
    if (country == QLatin1String("FR") && length != 27)
        return Validation::invalid(tr("A French IBAN has 27 characters; this one has %n.", nullptr, length));
    if (expected && length != expected)
        return Validation::invalid(tr("An IBAN from this country (%1) has %2 characters; this one has %3.")
                                       .arg(country)
                                       .arg(expected)
                                       .arg(length));
    if (!expected && (length < 15 || length > 34))
        return Validation::invalid(tr("An IBAN has between 15 and 34 characters; this one has %n.", nullptr, length));
    // ISO 13616: move the first 4 characters to the end, letters become 10..35, the number mod 97 must be 1.
    int r = 0;
    const QString rearranged = n.mid(4) + n.left(4);
    for (const QChar c : rearranged) {
        if (isAsciiDigit(c)) {
            r = (r * 10 + (c.unicode() - u'0')) % 97;
        } else {
            r = (r * 100 + (c.unicode() - u'A' + 10)) % 97;
        }
    }
    if (r != 1)
        return Validation::invalid(tr("The IBAN's check digits do not match: check each character."));
    return Validation::valid(n);
}

Validation Validators::siren(const QString &input)
{
    const QString n = withoutSeparators(input, QLatin1String("."));
    if (n.isEmpty())
        return Validation::invalid(tr("Enter the SIREN number (9 digits)."));
    if (!allAsciiDigits(n))
        return Validation::invalid(tr("A SIREN number only contains digits."));
    if (n.size() == 14)
        return Validation::invalid(tr("This looks like a SIRET (14 digits); the SIREN is its first 9 digits."));
    if (n.size() != 9)
        return Validation::invalid(tr("A SIREN number has 9 digits; this one has %n.", nullptr, int(n.size())));
    if (digitSum(n) == 0 || !luhnOk(n))
        return Validation::invalid(tr("This SIREN number does not exist (its last digit does not match): check "
                                      "each digit."));
    return Validation::valid(n);
}

Validation Validators::siret(const QString &input)
{
    const QString n = withoutSeparators(input, QLatin1String("."));
    if (n.isEmpty())
        return Validation::invalid(tr("Enter the SIRET number (14 digits)."));
    if (!allAsciiDigits(n))
        return Validation::invalid(tr("A SIRET number only contains digits."));
    if (n.size() == 9)
        return Validation::invalid(tr("This looks like a SIREN (9 digits); the SIRET has 14 digits: the SIREN "
                                      "followed by the 5 digits of the establishment."));
    if (n.size() != 14)
        return Validation::invalid(tr("A SIRET number has 14 digits; this one has %n.", nullptr, int(n.size())));
    // La Poste (SIREN 356000000): its establishments' numbers do not follow Luhn; INSEE gives them numbers whose 14
    // digits add up to a multiple of 5. The head office 356 000 000 00048 follows Luhn. (fr.wikipedia "Système
    // d'identification du répertoire des établissements", python-stdnum fr.siret.)
    static const QString laPoste = QStringLiteral("356000000");
    bool ok = false;
    if (n.startsWith(laPoste) && n != QLatin1String("35600000000048"))
        ok = digitSum(n) % 5 == 0;
    else
        ok = luhnOk(n) && luhnOk(n.left(9)) && digitSum(n.left(9)) != 0;
    if (!ok)
        return Validation::invalid(tr("This SIRET number does not exist (its check digits do not match): check each "
                                      "digit."));
    return Validation::valid(n);
}

Validation Validators::spi(const QString &input)
{
    const QString n = withoutSeparators(input);
    if (n.isEmpty())
        return Validation::invalid(tr("Enter the tax number (13 digits, on the tax notice)."));
    if (!allAsciiDigits(n))
        return Validation::invalid(tr("The tax number only contains digits."));
    if (n.size() != 13)
        return Validation::invalid(tr("The tax number has 13 digits; this one has %n.", nullptr, int(n.size())));
    if (digitAt(n, 0) > 3)
        return Validation::invalid(tr("The tax number starts with 0, 1, 2 or 3."));
    if (digitSum(n) == 0)
        return Validation::invalid(tr("The tax number cannot be all zeros."));
    // The last 3 digits are the first 10 read as a number, modulo 511 (python-stdnum fr.nif; DGFiP SPI).
    const int key = digitAt(n, 10) * 100 + digitAt(n, 11) * 10 + digitAt(n, 12);
    if (decimalMod(n.left(10), 511) != key)
        return Validation::invalid(tr("The tax number's last 3 digits do not match the others: check each digit."));
    return Validation::valid(n);
}

QString Validators::nationalPhone(const QString &e164)
{
    if (!e164.startsWith(QLatin1Char('+')) || !allAsciiDigits(e164.mid(1)))
        return QString();
    if (e164.startsWith(QLatin1String("+33")) && e164.size() == 12 && e164.at(3) != QLatin1Char('0'))
        return QLatin1Char('0') + e164.mid(3);
    for (const PhonePlan &plan : overseasPlans) {
        const QString code = QLatin1Char('+') + QLatin1String(plan.countryCode);
        if (e164.startsWith(code) && e164.size() == code.size() + plan.nsnLength &&
            overseasPlanFor(e164.mid(code.size())) == &plan)
            return QLatin1Char('0') + e164.mid(code.size());
    }
    return QString();
}

QString Validators::phoneForDisplay(const QString &stored)
{
    const QString national = nationalPhone(stored);
    if (national.isEmpty())
        return stored;
    QStringList pairs;
    for (int i = 0; i < national.size(); i += 2)
        pairs << national.mid(i, 2);
    return pairs.join(QLatin1Char(' '));
}

Validation Validators::frenchPhone(const QString &input)
{
    QString n = withoutSeparators(input, QLatin1String(".-/()"));
    if (n.isEmpty())
        return Validation::invalid(tr("Enter a phone number (10 digits, for example 06 12 34 56 78)."));
    const bool international = n.startsWith(QLatin1Char('+'));
    if (international)
        n.remove(0, 1);
    if (!allAsciiDigits(n))
        return Validation::invalid(tr("A phone number only contains digits (and + before the country code)."));
    const int length = int(n.size());
    if (!international && n.startsWith(QLatin1String("00")) && n.size() > 10) {
        n.remove(0, 2);
    } else if (!international) {
        if (n.size() != 10)
            return Validation::invalid(tr("A French phone number has 10 digits (for example 06 12 34 56 78); this one "
                                          "has %n.",
                                          nullptr, length));
        if (n.at(0) != QLatin1Char('0') || n.at(1) == QLatin1Char('0'))
            return Validation::invalid(tr("A French phone number starts with 0 then a digit from 1 to 9."));
        const QString nsn = n.mid(1);
        if (const PhonePlan *plan = overseasPlanFor(nsn))
            return Validation::valid(QLatin1Char('+') + QLatin1String(plan->countryCode) + nsn);
        return Validation::valid(QStringLiteral("+33") + nsn);
    }

    // International form: +33 or an overseas/collectivité code, then the national number without its 0.
    const QString wrongLength = tr("This phone number does not have the right number of digits for its country code.");
    if (n.startsWith(QLatin1String("33"))) {
        QString nsn = n.mid(2);
        if (nsn.size() == 10 && nsn.at(0) == QLatin1Char('0')) // "+33 (0)6 …"
            nsn.remove(0, 1);
        if (nsn.size() != 9)
            return Validation::invalid(wrongLength);
        if (nsn.at(0) == QLatin1Char('0'))
            return Validation::invalid(tr("After +33 comes the number without its first 0 (+33 6 12 34 56 78)."));
        if (const PhonePlan *plan = overseasPlanFor(nsn))
            return Validation::valid(QLatin1Char('+') + QLatin1String(plan->countryCode) + nsn);
        return Validation::valid(QStringLiteral("+33") + nsn);
    }
    for (const PhonePlan &plan : overseasPlans) {
        if (!n.startsWith(QLatin1String(plan.countryCode)))
            continue;
        QString nsn = n.mid(3);
        if (nsn.size() == plan.nsnLength + 1 && nsn.at(0) == QLatin1Char('0'))
            nsn.remove(0, 1);
        if (nsn.size() != plan.nsnLength)
            return Validation::invalid(wrongLength);
        if (overseasPlanFor(nsn) != &plan)
            return Validation::invalid(tr("This number does not belong to the territory of its country code."));
        return Validation::valid(QLatin1Char('+') + QLatin1String(plan.countryCode) + nsn);
    }
    for (const PhonePlan &plan : collectivityPlans) {
        if (!n.startsWith(QLatin1String(plan.countryCode)))
            continue;
        const QString nsn = n.mid(3);
        if (nsn.size() != plan.nsnLength)
            return Validation::invalid(wrongLength);
        return Validation::valid(QLatin1Char('+') + QLatin1String(plan.countryCode) + nsn);
    }
    return Validation::invalid(tr("Only French phone numbers are accepted (metropolitan France and overseas)."));
}

Validation Validators::postalCode(const QString &input)
{
    const QString n = withoutSeparators(input);
    if (n.isEmpty())
        return Validation::invalid(tr("Enter the postal code (5 digits)."));
    if (!allAsciiDigits(n))
        return Validation::invalid(tr("A postal code only contains digits."));
    if (n.size() != 5)
        return Validation::invalid(tr("A postal code has 5 digits; this one has %n.", nullptr, int(n.size())));
    // 01-95 metropolitan départements (20 = Corsica, 20000-20999); 971-978 overseas (971 Guadeloupe … 976 Mayotte,
    // 977 Saint-Barthélemy, 978 Saint-Martin); 980 Monaco (French postal network), 984 TAAF, 986 Wallis-et-Futuna,
    // 987 Polynésie, 988 Nouvelle-Calédonie. 00 and 96 are not used.
    const int two = twoDigits(n, 0);
    const int third = digitAt(n, 2);
    bool ok = false;
    if (two >= 1 && two <= 95)
        ok = true;
    else if (two == 97)
        ok = third >= 1 && third <= 8;
    else if (two == 98)
        ok = third == 0 || third == 4 || third == 6 || third == 7 || third == 8;
    if (!ok)
        return Validation::invalid(tr("No French postal code starts like this: check the first digits."));
    return Validation::valid(n);
}

Validation Validators::email(const QString &input)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return Validation::invalid(tr("Enter an e-mail address (for example name@example.fr)."));
    if (trimmed.size() > 254)
        return Validation::invalid(tr("An e-mail address has at most 254 characters."));
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return Validation::invalid(tr("An e-mail address contains no spaces or invisible characters."));
    }
    if (trimmed.count(QLatin1Char('@')) != 1)
        return Validation::invalid(tr("An e-mail address contains exactly one @ (name@example.fr)."));
    const qsizetype at = trimmed.indexOf(QLatin1Char('@'));
    const QString local = trimmed.left(at);
    // Domains are case-insensitive: lower-case first, then check what will be stored.
    const QString domain = trimmed.mid(at + 1).toLower();
    if (local.isEmpty() || local.size() > 64)
        return Validation::invalid(tr("The part before the @ is missing or too long."));
    static const QLatin1String localSymbols("!#$%&'*+/=?^_`{|}~-.");
    for (const QChar c : local) {
        const bool symbol = c.unicode() < 128 && localSymbols.contains(c);
        if (!symbol && !c.isLetterOrNumber())
            return Validation::invalid(tr("The part before the @ contains a character an address cannot have."));
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QLatin1String("..")))
        return Validation::invalid(tr("The part before the @ cannot start or end with a dot, or have two dots in a "
                                      "row."));
    for (const QChar c : domain) {
        if (c != QLatin1Char('-') && c != QLatin1Char('.') && !c.isLetterOrNumber())
            return Validation::invalid(tr("The part after the @ contains a character a domain cannot have."));
    }
    const QStringList labels = domain.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return Validation::invalid(tr("The part after the @ needs a dot (example.fr, gmail.com)."));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63)
            return Validation::invalid(tr("The part after the @ has an empty or too long piece between dots."));
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return Validation::invalid(tr("The part after the @ cannot have a dash next to a dot."));
    }
    const QString &tld = labels.last();
    if (tld.size() < 2 || allAsciiDigits(tld))
        return Validation::invalid(tr("The address must end with a domain such as .fr or .com."));
    return Validation::valid(local + QLatin1Char('@') + domain);
}

Validation Validators::dateText(const QString &input)
{
    static const QRegularExpression dayFirst(QStringLiteral("^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$"));
    static const QRegularExpression iso(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QString text = input.trimmed();
    int day = 0;
    int month = 0;
    int year = 0;
    if (const QRegularExpressionMatch m = dayFirst.match(text); m.hasMatch()) {
        day = m.captured(1).toInt();
        month = m.captured(2).toInt();
        year = m.captured(3).toInt();
    } else if (const QRegularExpressionMatch i = iso.match(text); i.hasMatch()) {
        year = i.captured(1).toInt();
        month = i.captured(2).toInt();
        day = i.captured(3).toInt();
    } else {
        return Validation::invalid(tr("Enter a date as DD/MM/YYYY (for example 05/03/1980)."));
    }
    const QDate date(year, month, day);
    // The form was right: saying "type it as DD/MM/YYYY" would send the mediator looking for a typing mistake.
    if (!date.isValid() || year < 1)
        return Validation::invalid(tr("This date does not exist: check the day and the month."));
    return Validation::valid(date.toString(Qt::ISODate));
}

Validation Validators::birthDate(const QDate &date, const QDate &today)
{
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return Validation::invalid(tr("Enter a real date of birth (day, month, year)."));
    if (today.isValid() && date > today)
        return Validation::invalid(tr("A date of birth cannot be in the future."));
    if (today.isValid() && date < today.addYears(-130))
        return Validation::invalid(tr("This date of birth gives an age over 130 years: check the year."));
    return Validation::valid(date.toString(Qt::ISODate));
}

Validation Validators::dateInRange(const QDate &date, const QDate &earliest, const QDate &latest)
{
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return Validation::invalid(tr("Enter a real date (day, month, year)."));
    const QLocale locale;
    const bool early = earliest.isValid() && date < earliest;
    const bool late = latest.isValid() && date > latest;
    if ((early || late) && earliest.isValid() && latest.isValid())
        return Validation::invalid(
            tr("The date must be between %1 and %2.")
                .arg(locale.toString(earliest, QLocale::ShortFormat), locale.toString(latest, QLocale::ShortFormat)));
    if (early)
        return Validation::invalid(
            tr("The date must be on or after %1.").arg(locale.toString(earliest, QLocale::ShortFormat)));
    if (late)
        return Validation::invalid(
            tr("The date must be on or before %1.").arg(locale.toString(latest, QLocale::ShortFormat)));
    return Validation::valid(date.toString(Qt::ISODate));
}

Validation Validators::amount(const QString &input, double min, double max)
{
    QString s = input.trimmed();
    // The currency may be written before or after the number.
    static const QString euroSign(QChar(0x20AC));
    for (const QString &currency : {QStringLiteral("EUR"), euroSign}) {
        if (s.endsWith(currency, Qt::CaseInsensitive))
            s.chop(currency.size());
        else if (s.startsWith(currency, Qt::CaseInsensitive))
            s.remove(0, currency.size());
        s = s.trimmed();
    }
    if (s.isEmpty())
        return Validation::invalid(tr("Enter an amount in euros (for example 1 234,56)."));

    bool negative = false;
    if (s.startsWith(QLatin1Char('-')) || s.startsWith(QChar(0x2212))) {
        negative = true;
        s.remove(0, 1);
    } else if (s.startsWith(QLatin1Char('+'))) {
        s.remove(0, 1);
    }

    const qsizetype comma = s.indexOf(QLatin1Char(','));
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if ((comma >= 0 && dot >= 0) || s.count(QLatin1Char(',')) > 1 || s.count(QLatin1Char('.')) > 1)
        return Validation::invalid(tr("Write the amount with spaces between thousands and a comma before the cents, "
                                      "for example 1 234,56."));
    const qsizetype sep = comma >= 0 ? comma : dot;
    const QString whole = sep >= 0 ? s.left(sep) : s;
    const QString cents = sep >= 0 ? s.mid(sep + 1) : QString();

    // Thousands may be separated by spaces (incl. U+00A0 and U+202F); groups after the first have 3 digits.
    QString integerDigits;
    qsizetype group = -1; // digits in the current group; -1 before the first separator
    qsizetype firstGroup = 0;
    bool spaced = false;
    for (const QChar c : whole) {
        if (isAsciiDigit(c)) {
            integerDigits.append(c);
            if (spaced)
                ++group;
            else
                ++firstGroup;
        } else if (c.isSpace()) {
            if (integerDigits.isEmpty() || (spaced && group != 3))
                return Validation::invalid(tr("Spaces in an amount separate thousands (1 234 567): check the spaces."));
            spaced = true;
            group = 0;
        } else {
            return Validation::invalid(tr("An amount only contains digits, spaces between thousands and a comma "
                                          "before the cents."));
        }
    }
    if (integerDigits.isEmpty())
        return Validation::invalid(tr("Write the amount with at least one digit before the comma (0,50)."));
    if (spaced && (group != 3 || firstGroup > 3))
        return Validation::invalid(tr("Spaces in an amount separate thousands (1 234 567): check the spaces."));
    if (sep >= 0 && cents.isEmpty())
        return Validation::invalid(tr("Write the cents after the comma (12,50), or no comma at all."));
    if (!cents.isEmpty() && !allAsciiDigits(cents))
        return Validation::invalid(tr("Only digits may follow the comma (the cents)."));
    if (cents.size() > 2)
        return Validation::invalid(tr("An amount has at most 2 digits after the comma (the cents)."));

    qsizetype firstNonZero = 0;
    while (firstNonZero < integerDigits.size() - 1 && integerDigits.at(firstNonZero) == QLatin1Char('0'))
        ++firstNonZero;
    integerDigits = integerDigits.mid(firstNonZero);
    if (integerDigits.size() > 13)
        return Validation::invalid(tr("This amount is too large."));
    qint64 value = 0;
    for (const QChar c : integerDigits)
        value = value * 10 + (c.unicode() - u'0');
    value *= 100;
    if (!cents.isEmpty())
        value += cents.size() == 1 ? digitAt(cents, 0) * 10 : twoDigits(cents, 0);
    if (value == 0)
        negative = false;
    if (negative && !(min < 0))
        return Validation::invalid(tr("The amount cannot be negative."));
    if (negative)
        value = -value;

    const double euros = double(value) / 100.0;
    const bool belowMin = !std::isnan(min) && euros < min;
    const bool aboveMax = !std::isnan(max) && euros > max;
    if (belowMin || aboveMax) {
        if (isBound(min) && isBound(max))
            return Validation::invalid(
                tr("The amount must be between %1 € and %2 €.").arg(formatEuros(min), formatEuros(max)));
        if (belowMin && isBound(min))
            return Validation::invalid(tr("The amount must be at least %1 €.").arg(formatEuros(min)));
        if (aboveMax && isBound(max))
            return Validation::invalid(tr("The amount must be at most %1 €.").arg(formatEuros(max)));
        return Validation::invalid(tr("This amount is outside the accepted range."));
    }

    const qint64 magnitude = value < 0 ? -value : value;
    QString normalized = QString::number(magnitude / 100);
    if (magnitude % 100 != 0)
        normalized += QLatin1Char('.') + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    if (value < 0)
        normalized.prepend(QLatin1Char('-'));
    return Validation::valid(normalized);
}

} // namespace relais::catalogue
