#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace relais::catalogue {

// The outcome of checking one answer: valid (with its normalised form, e.g. an E.164 phone number or
// an IBAN without spaces) or invalid with a plain-words explanation shown next to the field.
struct Validation
{
    bool ok = false;
    QString normalized;
    QString message; // translated; empty when ok; never repeats the value itself

    static Validation valid(const QString &normalized) { return {true, normalized, QString()}; }
    static Validation invalid(const QString &message) { return {false, QString(), message}; }
};

// Exact validators for French administrative identifiers and common answers (DESIGN §5). Pure
// functions: no I/O, no global state; the form engine is their only caller in the product.
class Validators
{
    Q_DECLARE_TR_FUNCTIONS(relais::catalogue::Validators)

public:
    // NIR (numéro de sécurité sociale): 13 characters + 2-digit key = 97 - (number mod 97); Corsica
    // 2A/2B read as 19/18 for the key. Spaces allowed in input.
    static Validation nir(const QString &input);
    // IBAN (ISO 13616, mod 97); French IBANs (FR) must be 27 characters.
    static Validation iban(const QString &input);
    // SIREN (9 digits) and SIRET (14 digits): Luhn, with La Poste's exception (SIREN 356000000).
    static Validation siren(const QString &input);
    static Validation siret(const QString &input);
    // Numéro fiscal (SPI): 13 digits, first digit 0-3, with its check (13 digits mod 511 rule).
    static Validation spi(const QString &input);
    // French phone numbers (metropolitan and overseas) normalised to E.164 (+33…, +262…, …).
    static Validation frenchPhone(const QString &input);
    // A number kept in E.164 read back as it is dialled in France: "+33612345678" and "+262639980774" become
    // "0612345678" and "0639980774"; empty for any other number (a foreign one is only reachable as +…).
    static QString nationalPhone(const QString &e164);
    // How a kept number is shown to a mediator: the national form in pairs ("06 39 98 07 74") when there is one,
    // the kept text as it is otherwise.
    static QString phoneForDisplay(const QString &stored);
    // Postal code: 5 digits, a département that exists (incl. 97x/98x overseas, 20 for Corsica).
    static Validation postalCode(const QString &input);
    static Validation email(const QString &input);
    // A date typed as DD/MM/YYYY (day and month of one or two digits) or YYYY-MM-DD, normalised to YYYY-MM-DD. A
    // well-formed date that is not in the calendar (31/02/1980, 29/02/2023) is told apart from a mistyped one.
    static Validation dateText(const QString &input);
    // A date of birth: not in the future, age at most 130 years.
    static Validation birthDate(const QDate &date, const QDate &today);
    // A date within [earliest, latest] (invalid bounds mean unbounded).
    static Validation dateInRange(const QDate &date, const QDate &earliest, const QDate &latest);
    // An amount in euros ("1 234,56", "1234.5", "12 €"): at most 2 decimals, within [min, max];
    // normalised to a plain decimal with a dot ("1234.56").
    static Validation amount(const QString &input, double min, double max);
};

} // namespace relais::catalogue
