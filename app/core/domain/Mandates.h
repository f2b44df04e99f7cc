#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "security/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace relais {

class Journal;
struct Citizen;

// Mandates modelled on Aidants Connect: the citizen allows the structure's mediators to act for them,
// for some areas (scopes), for a set duration; each scope can be revoked on its own.
enum class MandateDuration
{
    OneDay,    // "day"
    OneMonth,  // "month"
    SixMonths, // "six_months"
    OneYear,   // "year"
};

struct MandateScope
{
    QString id;          // stable identifier, see Mandates::allScopes()
    QDateTime revokedAt; // invalid while in force
    qint64 revokedBy = 0;
};

struct Mandate
{
    qint64 id = 0;
    QString uuid;
    qint64 citizenId = 0;
    MandateDuration duration = MandateDuration::OneMonth;
    QDateTime startsAt;
    QDateTime endsAt;
    qint64 createdBy = 0;
    QString attestationSha256; // hex of the attestation's content hash, printed on it
    QList<MandateScope> scopes;

    bool activeAt(const QDateTime &when) const { return when >= startsAt && when < endsAt; }
    // The scopes still in force (not revoked); empty once every scope is revoked.
    QStringList scopesInForce() const;
};

class Mandates
{
    Q_DECLARE_TR_FUNCTIONS(relais::Mandates)

public:
    Mandates(QSqlDatabase db, Journal *journal, const Clock *clock);

    // "social_health", "work", "family", "housing", "transport", "money_taxes", "papers_citizenship",
    // "foreigners", "leisure", "justice" (the ten areas of Aidants Connect).
    static QStringList allScopes();
    static QString scopeLabel(const QString &scope); // translated, for people
    static QString durationId(MandateDuration duration);
    static bool durationFromId(const QString &id, MandateDuration *duration);
    static QString durationLabel(MandateDuration duration); // translated
    static QDateTime endOf(const QDateTime &start, MandateDuration duration);

    // A new mandate from now on (whole seconds); refuses no scope or an unknown one, and volunteers (acting for
    // someone is for trained staff). Journaled "mandate_created".
    Result<Mandate> create(const Account &actor, const Citizen &citizen, const QStringList &scopes,
                           MandateDuration duration, const QString &structureName, const QString &mediatorName);
    // Revokes one scope of a mandate (journaled "mandate_scope_revoked"); the others stay in force.
    Status revokeScope(const Account &actor, qint64 mandateId, const QString &scope);
    // Reading a person's mandates follows their file (a volunteer: only the files they created).
    Result<QList<Mandate>> forCitizen(const Account &actor, qint64 citizenId) const;
    // The mandate in force now that covers `scope`, if any (id 0 when none).
    Result<Mandate> activeFor(const Account &actor, qint64 citizenId, const QString &scope) const;

    // The canonical content of the attestation (structure, mediator, person, scopes, dates) and its hash.
    static QByteArray attestationContent(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                         const QString &mediatorName);
    // The printed attestation (PDF) carrying the hash of its content. Written to `pdfPath`. Refused when the content
    // no longer hashes to mandate.attestationSha256 (file rectified since, other structure or mediator name): pass
    // the names used when the mandate was made.
    Status printAttestation(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                            const QString &mediatorName, const QString &pdfPath) const;
    // The same attestation sent to a printer: no file of it anywhere.
    Status printAttestation(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                            const QString &mediatorName, QPagedPaintDevice *device) const;

    // Inside the caller's transaction: two files merged, the mandates of `fromCitizenId` now belong to `toCitizenId`.
    static Status moveToCitizen(QSqlDatabase db, qint64 fromCitizenId, qint64 toCitizenId);

private:
    // The attestation's HTML, refused when its content no longer hashes to the recorded fingerprint.
    static Result<QString> attestationHtml(const Mandate &mandate, const Citizen &citizen, const QString &structureName,
                                           const QString &mediatorName);

    QSqlDatabase m_db;
    Journal *m_journal;
    const Clock *m_clock;
};

} // namespace relais
