#pragma once
// The personal data a demo seed put in a store, read back through the repositories, and a search for it in text
// that must hold none (logs, support bundles).

#include "AdminRun.h"
#include "TestStore.h"

#include "domain/CitizenRepository.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace relais::test {

// relais-admin as the demo store's administrator (the test account, its password on standard input).
inline Run runAsDemoAdmin(const QStringList &command, const QString &dir)
{
    return runAdmin(command + QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--as"), aliceLogin(),
                                          QStringLiteral("--password-stdin")},
                    QString::fromLatin1(alicePassword()) + QLatin1Char('\n'), 120000);
}

// A demo store with the fast test KDF; returns its recovery code (empty on failure).
inline QString makeDemoStore(const QString &dir)
{
    Vault vault(dir, SystemClock::instance());
    const auto made = vault.initialize(QStringLiteral("MFS Test"), aliceLogin(), QStringLiteral("Alice"),
                                       secret(alicePassword()), true, KdfParams::interactive());
    return made ? made->recoveryCode : QString();
}

struct SeededPersonalData
{
    QSet<QString> names; // surnames and given names, each word of them
    QSet<QString> nirs;
    QSet<QString> ibans;
    QSet<QString> emails;
    QSet<QString> phones;

    // Enough was read back to make a search meaningful, and the search finds what it looks for (a planted name in a
    // sentence, an IBAN): a search for nothing would pass every test of "no personal data".
    bool searchFindsWhatItSeeks() const
    {
        return names.size() > 20 && !nirs.isEmpty() && !ibans.isEmpty() && !emails.isEmpty() &&
               !foundIn(QStringLiteral("x %1 x").arg(*names.cbegin())).isEmpty() && !foundIn(*ibans.cbegin()).isEmpty();
    }

    // The values found in `text`, without saying them twice; a name counts as a whole word only.
    QStringList foundIn(const QString &text) const
    {
        QStringList found;
        for (const QSet<QString> *exact : {&nirs, &ibans, &emails, &phones}) {
            for (const QString &value : *exact) {
                if (text.contains(value, Qt::CaseInsensitive))
                    found << value;
            }
        }
        for (const QString &name : names) {
            const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::UseUnicodePropertiesOption);
            if (word.match(text).hasMatch())
                found << name;
        }
        return found;
    }
};

namespace detail {

inline void collectAnswers(const QJsonValue &value, SeededPersonalData *out)
{
    static const QRegularExpression iban(QStringLiteral("^FR\\d{25}$"));
    static const QRegularExpression nir(QStringLiteral("^[12]\\d{12,14}$"));
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectAnswers(it.value(), out);
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectAnswers(item, out);
    } else if (value.isString()) {
        const QString text = value.toString();
        if (iban.match(text).hasMatch())
            out->ibans.insert(text);
        else if (nir.match(text).hasMatch())
            out->nirs.insert(text);
        else if (text.contains(QLatin1Char('@')))
            out->emails.insert(text);
    }
}

} // namespace detail

// Every person of the store (ids 1 to `people`) and the answers of their démarches, as `login` sees them.
inline SeededPersonalData readSeededPersonalData(const QString &dataDir, const QString &login,
                                                 const QByteArray &password, int people)
{
    SeededPersonalData data;
    Vault vault(dataDir, SystemClock::instance());
    const auto actor = vault.signIn(login, secret(password));
    if (!actor)
        return data;
    CitizenRepository citizens(vault.database()->connection(), &vault.journal(), vault.clock());
    SubmissionRepository submissions(vault.database()->connection(), &vault.journal(), vault.clock());
    static const QRegularExpression separators(QStringLiteral("[\\s-]+"));
    for (qint64 id = 1; id <= people; ++id) {
        const auto c = citizens.load(actor.value(), id);
        if (!c)
            continue;
        for (const QString &field : {c->birthName, c->usageName, c->givenNames}) {
            for (const QString &word : field.split(separators, Qt::SkipEmptyParts)) {
                if (word.size() >= 3)
                    data.names.insert(word);
            }
        }
        if (!c->nir.isEmpty())
            data.nirs.insert(c->nir);
        if (!c->email.isEmpty())
            data.emails.insert(c->email);
        if (!c->phone.isEmpty())
            data.phones.insert(c->phone);
        const auto list = citizens.submissions(actor.value(), id);
        if (!list)
            continue;
        for (const Submission &s : list.value()) {
            const auto full = submissions.load(actor.value(), s.id);
            if (full)
                detail::collectAnswers(full->answers, &data);
        }
    }
    return data;
}

} // namespace relais::test
