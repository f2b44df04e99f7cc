#include "CitizenExport.h"

#include "AttachmentStore.h"
#include "CitizenRepository.h"
#include "Consents.h"
#include "Mandates.h"
#include "catalogue/Catalogue.h"
#include "catalogue/Validators.h"
#include "common/AtomicFile.h"
#include "common/DataSize.h"
#include "common/PrintedDocument.h"
#include "common/Translations.h"
#include "security/Journal.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace relais {

namespace {

QString iso(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

struct Gathered
{
    Citizen citizen;
    QList<Consent> consents;
    QList<Mandate> mandates;
    QList<Submission> submissions;
    QList<AttachmentInfo> documents;      // of the démarches and kept in the file
    QHash<qint64, QString> documentOwner; // attachment id -> démarche uuid, empty when kept in the file
};

} // namespace

CitizenExport::CitizenExport(QSqlDatabase db, Journal *journal, const Clock *clock,
                             const catalogue::Catalogue *catalogue)
    : m_db(std::move(db)), m_journal(journal), m_clock(clock), m_catalogue(catalogue)
{}

static Result<Gathered> gather(QSqlDatabase db, Journal *journal, const Clock *clock, const Account &actor,
                               qint64 citizenId)
{
    Gathered g;
    CitizenRepository citizens(db, journal, clock);
    Result<Citizen> citizen = citizens.load(actor, citizenId);
    if (!citizen)
        return citizen.error();
    g.citizen = citizen.value();
    Result<QList<Consent>> consents = Consents(db, journal, clock).history(actor, citizenId);
    if (!consents)
        return consents.error();
    g.consents = consents.value();
    Result<QList<Mandate>> mandates = Mandates(db, journal, clock).forCitizen(actor, citizenId);
    if (!mandates)
        return mandates.error();
    g.mandates = mandates.value();
    Result<QList<Submission>> submissions = citizens.submissions(actor, citizenId);
    if (!submissions)
        return submissions.error();
    g.submissions = submissions.value();
    AttachmentStore attachments(db, clock);
    for (const Submission &s : g.submissions) {
        Result<QList<AttachmentInfo>> list = attachments.list(actor, s.id);
        if (!list)
            return list.error();
        for (const AttachmentInfo &a : list.value()) {
            g.documents.append(a);
            g.documentOwner.insert(a.id, s.uuid);
        }
    }
    // Documents kept in the file for reuse (those still attached to a démarche are listed with it).
    Result<QList<AttachmentInfo>> kept = attachments.listKept(actor, citizenId);
    if (!kept)
        return kept.error();
    for (const AttachmentInfo &a : kept.value()) {
        if (g.documentOwner.contains(a.id))
            continue;
        g.documents.append(a);
        g.documentOwner.insert(a.id, QString());
    }
    return g;
}

static QJsonObject toJson(const Gathered &g, const QDateTime &exportedAt)
{
    const Citizen &c = g.citizen;
    QJsonObject person{{QStringLiteral("id"), c.uuid},
                       {QStringLiteral("birth_name"), c.birthName},
                       {QStringLiteral("usage_name"), c.usageName},
                       {QStringLiteral("given_names"), c.givenNames},
                       {QStringLiteral("birth_date"), c.birthDate.toString(Qt::ISODate)},
                       {QStringLiteral("birth_place"), c.birthPlace},
                       {QStringLiteral("phone"), c.phone},
                       {QStringLiteral("email"), c.email},
                       {QStringLiteral("street"), c.street},
                       {QStringLiteral("postal_code"), c.postalCode},
                       {QStringLiteral("commune"), c.commune},
                       {QStringLiteral("nir"), c.nir},
                       {QStringLiteral("note"), c.note},
                       {QStringLiteral("created_at"), iso(c.createdAt)},
                       {QStringLiteral("updated_at"), iso(c.updatedAt)},
                       {QStringLiteral("last_activity_at"), iso(c.lastActivityAt)}};
    QJsonArray consents;
    for (const Consent &k : g.consents)
        consents.append(QJsonObject{{QStringLiteral("purpose"), Consents::purposeId(k.purpose)},
                                    {QStringLiteral("text_version"), k.textVersion},
                                    {QStringLiteral("given_at"), iso(k.givenAt)},
                                    {QStringLiteral("withdrawn_at"), iso(k.withdrawnAt)}});
    QJsonArray mandates;
    for (const Mandate &m : g.mandates) {
        QJsonArray scopes;
        for (const MandateScope &s : m.scopes)
            scopes.append(
                QJsonObject{{QStringLiteral("scope"), s.id}, {QStringLiteral("revoked_at"), iso(s.revokedAt)}});
        mandates.append(QJsonObject{{QStringLiteral("id"), m.uuid},
                                    {QStringLiteral("duration"), Mandates::durationId(m.duration)},
                                    {QStringLiteral("starts_at"), iso(m.startsAt)},
                                    {QStringLiteral("ends_at"), iso(m.endsAt)},
                                    {QStringLiteral("attestation_sha256"), m.attestationSha256},
                                    {QStringLiteral("scopes"), scopes}});
    }
    QJsonArray demarches;
    for (const Submission &s : g.submissions)
        demarches.append(QJsonObject{{QStringLiteral("id"), s.uuid},
                                     {QStringLiteral("demarche"), s.demarcheId},
                                     {QStringLiteral("demarche_version"), s.demarcheVersion},
                                     {QStringLiteral("state"), SubmissionLifecycle::name(s.state)},
                                     {QStringLiteral("created_at"), iso(s.createdAt)},
                                     {QStringLiteral("queued_at"), iso(s.queuedAt)},
                                     {QStringLiteral("delivered_at"), iso(s.deliveredAt)},
                                     {QStringLiteral("decided_at"), iso(s.decidedAt)},
                                     {QStringLiteral("answers"), s.answers},
                                     {QStringLiteral("receipt"), s.receipt}});
    QJsonArray documents;
    for (const AttachmentInfo &a : g.documents)
        documents.append(QJsonObject{{QStringLiteral("filename"), a.filename},
                                     {QStringLiteral("content_type"), a.contentType},
                                     {QStringLiteral("size"), a.size},
                                     {QStringLiteral("sha256"), QString::fromLatin1(a.sha256.toHex())},
                                     {QStringLiteral("demarche"), g.documentOwner.value(a.id)}});
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("relais-citizen-export/1")},
                       {QStringLiteral("exported_at"), iso(exportedAt)},
                       {QStringLiteral("person"), person},
                       {QStringLiteral("consents"), consents},
                       {QStringLiteral("mandates"), mandates},
                       {QStringLiteral("demarches"), demarches},
                       {QStringLiteral("documents"), documents}};
}

static QString answerText(const QJsonValue &v)
{
    if (v.isArray() || v.isObject())
        return QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? CitizenExport::tr("yes") : CitizenExport::tr("no");
    return v.toVariant().toString();
}

static QString toHtml(const Gathered &g, const catalogue::Catalogue *catalogue)
{
    const QString language = currentLanguage();
    const auto e = &PrintedDocument::escape;
    const auto row = [&](const QString &label, const QString &value) {
        return value.isEmpty() ? QString()
                               : QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>").arg(e(label), e(value));
    };
    const Citizen &c = g.citizen;
    QString html = QStringLiteral("<p>%1</p>")
                       .arg(e(CitizenExport::tr("This document lists everything Relais holds about you in this "
                                                "structure (right of access). A machine-readable copy (JSON) "
                                                "was made at the same time.")));
    html += QStringLiteral("<h2>%1</h2><table cellpadding=3>").arg(e(CitizenExport::tr("Identity and contact")));
    html += row(CitizenExport::tr("Birth name"), c.birthName) + row(CitizenExport::tr("Usage name"), c.usageName) +
            row(CitizenExport::tr("Given names"), c.givenNames) +
            row(CitizenExport::tr("Date of birth"), PrintedDocument::formatDate(c.birthDate)) +
            row(CitizenExport::tr("Place of birth"), c.birthPlace) +
            row(CitizenExport::tr("Phone"), catalogue::Validators::phoneForDisplay(c.phone)) +
            row(CitizenExport::tr("E-mail"), c.email) +
            row(CitizenExport::tr("Address"),
                QStringList{c.street, c.postalCode, c.commune}.join(QLatin1Char(' ')).simplified()) +
            row(CitizenExport::tr("Social security number"), c.nir) + row(CitizenExport::tr("Note"), c.note) +
            row(CitizenExport::tr("File created"), PrintedDocument::formatDateTime(c.createdAt)) +
            QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(e(CitizenExport::tr("Consents")));
    if (g.consents.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(CitizenExport::tr("None recorded.")));
    for (const Consent &k : g.consents) {
        const QString state =
            k.inForce() ? CitizenExport::tr("in force")
                        : CitizenExport::tr("withdrawn on %1").arg(PrintedDocument::formatDateTime(k.withdrawnAt));
        html += QStringLiteral("<p><b>%1</b> — %2 (%3, %4)</p>")
                    .arg(e(Consents::currentText(k.purpose).title), e(state),
                         e(CitizenExport::tr("given on %1").arg(PrintedDocument::formatDateTime(k.givenAt))),
                         e(CitizenExport::tr("text version %1").arg(k.textVersion)));
    }

    html += QStringLiteral("<h2>%1</h2>").arg(e(CitizenExport::tr("Mandates")));
    if (g.mandates.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(CitizenExport::tr("None.")));
    for (const Mandate &m : g.mandates) {
        QStringList scopes;
        for (const MandateScope &s : m.scopes)
            scopes << (s.revokedAt.isValid() ? CitizenExport::tr("%1 (revoked)").arg(Mandates::scopeLabel(s.id))
                                             : Mandates::scopeLabel(s.id));
        html += QStringLiteral("<p><b>%1</b> %2<br>%3</p>")
                    .arg(e(CitizenExport::tr("From %1 to %2")
                               .arg(PrintedDocument::formatDateTime(m.startsAt),
                                    PrintedDocument::formatDateTime(m.endsAt))),
                         e(Mandates::durationLabel(m.duration)), e(scopes.join(QStringLiteral(", "))));
    }

    html += QStringLiteral("<h2>%1</h2>").arg(e(CitizenExport::tr("Démarches")));
    if (g.submissions.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(CitizenExport::tr("None.")));
    for (const Submission &s : g.submissions) {
        const catalogue::DemarchePtr demarche = catalogue ? catalogue->demarche(s.demarcheId) : nullptr;
        html += QStringLiteral("<h3>%1</h3><table cellpadding=2>")
                    .arg(e(demarche ? demarche->title.text(language) : s.demarcheId));
        html += row(CitizenExport::tr("State"), SubmissionRepository::stateLabel(s.state)) +
                row(CitizenExport::tr("Started"), PrintedDocument::formatDateTime(s.createdAt)) +
                row(CitizenExport::tr("Sent"), PrintedDocument::formatDateTime(s.queuedAt)) +
                row(CitizenExport::tr("Delivered"), PrintedDocument::formatDateTime(s.deliveredAt)) +
                row(CitizenExport::tr("Platform reference"), s.receipt.value(QStringLiteral("reference")).toString());
        for (auto it = s.answers.begin(); it != s.answers.end(); ++it)
            if (!it.key().startsWith(QLatin1Char('$'))) {
                const int field = demarche ? demarche->fieldIndex(it.key()) : -1;
                html += row(field >= 0 ? demarche->fields.at(field).label.text(language) : it.key(),
                            answerText(it.value()));
            }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h2>%1</h2>").arg(e(CitizenExport::tr("Documents")));
    if (g.documents.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(CitizenExport::tr("None.")));
    for (const AttachmentInfo &a : g.documents)
        html += QStringLiteral("<p>%1 — %2 (%3)</p>").arg(e(a.filename), e(a.contentType), e(DataSize::format(a.size)));
    return html;
}

Result<QByteArray> CitizenExport::json(const Account &actor, qint64 citizenId) const
{
    const Result<Gathered> g = gather(m_db, m_journal, m_clock, actor, citizenId);
    if (!g)
        return g.error();
    return QJsonDocument(toJson(g.value(), m_clock->now())).toJson(QJsonDocument::Indented);
}

Status CitizenExport::write(const Account &actor, qint64 citizenId, const QString &structureName,
                            const QString &basePath)
{
    const Result<Gathered> g = gather(m_db, m_journal, m_clock, actor, citizenId);
    if (!g)
        return g.error();
    const QDateTime now = m_clock->now();
    const QByteArray json = QJsonDocument(toJson(g.value(), now)).toJson(QJsonDocument::Indented);
    if (Status s = writeFileAtomically(basePath + QStringLiteral(".json"), json); !s)
        return s;
    if (Status s = PrintedDocument::writePdf(basePath + QStringLiteral(".pdf"),
                                             tr("Data held about %1").arg(g->citizen.displayName()), structureName,
                                             toHtml(g.value(), m_catalogue), now);
        !s)
        return s;
    return Database::inTransaction(m_db, [&]() -> Status {
        return m_journal->append(actor.login, QStringLiteral("citizen_exported"), g->citizen.uuid);
    });
}

Status CitizenExport::print(const Account &actor, qint64 citizenId, const QString &structureName,
                            QPagedPaintDevice *device)
{
    const Result<Gathered> g = gather(m_db, m_journal, m_clock, actor, citizenId);
    if (!g)
        return g.error();
    if (Status s = PrintedDocument::print(device, tr("Data held about %1").arg(g->citizen.displayName()), structureName,
                                          toHtml(g.value(), m_catalogue), m_clock->now());
        !s)
        return s;
    return Database::inTransaction(m_db, [&]() -> Status {
        return m_journal->append(actor.login, QStringLiteral("citizen_exported"), g->citizen.uuid);
    });
}

} // namespace relais
