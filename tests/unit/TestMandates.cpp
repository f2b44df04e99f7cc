// Mandates (Aidants Connect): end dates per duration, coverage by scope and time, revocation of one scope,
// and the printed attestation carrying the fingerprint of its content.
#include "FakeClock.h"
#include "PdfText.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/CitizenRepository.h"
#include "domain/Mandates.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QCryptographicHash>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {
const QString Structure = QStringLiteral("MFS de Millau");
const QString Mediator = QStringLiteral("Alice Durand");

QString sha256Hex(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestMandates : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase db() const { return m_vault->database()->connection(); }
    Mandates mandates() { return Mandates(db(), &m_vault->journal(), &m_clock); }
    Result<Mandate> create(const QStringList &scopes, MandateDuration duration = MandateDuration::OneMonth)
    {
        return mandates().create(m_admin, m_helene, scopes, duration, Structure, Mediator);
    }
    bool covered(const QString &scope)
    {
        const Result<Mandate> m = mandates().activeFor(m_admin, m_helene.id, scope);
        return m && m->id != 0;
    }

    std::unique_ptr<TempStoreDir> m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;
    Citizen m_helene;

private Q_SLOTS:
    void init();
    void cleanup();
    void identifiersAndLabels();
    void endDateFollowsDuration_data();
    void endDateFollowsDuration();
    void activeUntilTheEndOnly();
    void revokingOneScopeKeepsTheOthers();
    void revokingTwiceOrUnknownIsRefused();
    void createRefusesBadScopesAndVolunteers();
    void attestationCarriesTheStoredFingerprint();
    void attestationContentIsCanonical();
};

void TestMandates::init()
{
    m_dir = std::make_unique<TempStoreDir>();
    m_clock = FakeClock(QDateTime(QDate(2026, 1, 31), QTime(9, 15, 42), Qt::UTC));
    m_vault = std::make_unique<Vault>(m_dir->path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, Structure));
    m_admin = m_vault->account(aliceLogin()).value();
    Citizen c;
    c.birthName = QStringLiteral("Lefèvre");
    c.usageName = QStringLiteral("Martin");
    c.givenNames = QStringLiteral("Hélène Marie");
    c.birthDate = QDate(1958, 7, 14);
    c.birthPlace = QStringLiteral("Rodez");
    const Result<Citizen> created = CitizenRepository(db(), &m_vault->journal(), &m_clock).create(m_admin, c);
    QVERIFY2(created, qPrintable(created.message()));
    m_helene = created.value();
}

void TestMandates::cleanup()
{
    m_vault.reset();
    m_dir.reset();
}

void TestMandates::identifiersAndLabels()
{
    QCOMPARE(Mandates::allScopes().size(), 10);
    QStringList labels;
    for (const QString &scope : Mandates::allScopes()) {
        QVERIFY(!Mandates::scopeLabel(scope).isEmpty());
        QVERIFY2(Mandates::scopeLabel(scope) != scope, qPrintable(scope)); // words for people, not an id
        labels << Mandates::scopeLabel(scope);
    }
    labels.removeDuplicates();
    QCOMPARE(labels.size(), 10);
    for (const MandateDuration d :
         {MandateDuration::OneDay, MandateDuration::OneMonth, MandateDuration::SixMonths, MandateDuration::OneYear}) {
        MandateDuration back = MandateDuration::OneDay;
        QVERIFY(Mandates::durationFromId(Mandates::durationId(d), &back));
        QCOMPARE(back, d);
        QVERIFY(!Mandates::durationLabel(d).isEmpty());
    }
    QCOMPARE(Mandates::durationId(MandateDuration::SixMonths), QStringLiteral("six_months"));
    QVERIFY(!Mandates::durationFromId(QStringLiteral("week"), nullptr));
}

void TestMandates::endDateFollowsDuration_data()
{
    QTest::addColumn<int>("duration");
    QTest::addColumn<QDateTime>("end");
    // From 31 January 2026 09:15:42 UTC: a month later is the last day of February.
    QTest::newRow("day") << int(MandateDuration::OneDay) << QDateTime(QDate(2026, 2, 1), QTime(9, 15, 42), Qt::UTC);
    QTest::newRow("month") << int(MandateDuration::OneMonth)
                           << QDateTime(QDate(2026, 2, 28), QTime(9, 15, 42), Qt::UTC);
    QTest::newRow("six_months") << int(MandateDuration::SixMonths)
                                << QDateTime(QDate(2026, 7, 31), QTime(9, 15, 42), Qt::UTC);
    QTest::newRow("year") << int(MandateDuration::OneYear) << QDateTime(QDate(2027, 1, 31), QTime(9, 15, 42), Qt::UTC);
}

void TestMandates::endDateFollowsDuration()
{
    QFETCH(int, duration);
    QFETCH(QDateTime, end);
    const Result<Mandate> m = create({QStringLiteral("housing")}, MandateDuration(duration));
    QVERIFY2(m, qPrintable(m.message()));
    QCOMPARE(m->startsAt, m_clock.now());
    QCOMPARE(m->endsAt, end);
    QCOMPARE(Mandates::endOf(m_clock.now(), MandateDuration(duration)), end);
    // What was stored is what was returned.
    const QList<Mandate> stored = mandates().forCitizen(m_admin, m_helene.id).value();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, m->id);
    QCOMPARE(stored.first().uuid, m->uuid);
    QCOMPARE(int(stored.first().duration), duration);
    QCOMPARE(stored.first().startsAt, m->startsAt);
    QCOMPARE(stored.first().endsAt, end);
    QCOMPARE(stored.first().createdBy, m_admin.id);
    QCOMPARE(stored.first().attestationSha256, m->attestationSha256);
    QCOMPARE(stored.first().scopesInForce(), QStringList{QStringLiteral("housing")});
    // Journaled by the mandate's uuid only.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, object FROM journal WHERE action = 'mandate_created'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), aliceLogin());
    QCOMPARE(q.value(1).toString(), m->uuid);
    QVERIFY(!q.next());
}

void TestMandates::activeUntilTheEndOnly()
{
    const Result<Mandate> m =
        create({QStringLiteral("social_health"), QStringLiteral("work")}, MandateDuration::OneDay);
    QVERIFY(m);
    QVERIFY(covered(QStringLiteral("social_health")));
    QCOMPARE(mandates().activeFor(m_admin, m_helene.id, QStringLiteral("work"))->uuid, m->uuid);
    QVERIFY(!covered(QStringLiteral("justice"))); // not one of its scopes
    // One second before the end, still in force; at the end and one second after, no longer.
    m_clock.advanceSecs(86400 - 1);
    QVERIFY(covered(QStringLiteral("social_health")));
    QVERIFY(m->activeAt(m_clock.now()));
    m_clock.advanceSecs(1);
    QVERIFY(!covered(QStringLiteral("social_health")));
    m_clock.advanceSecs(1);
    QVERIFY(!covered(QStringLiteral("social_health")));
    QVERIFY(!covered(QStringLiteral("work")));
    QVERIFY(!m->activeAt(m_clock.now()));
    const Result<Mandate> none = mandates().activeFor(m_admin, m_helene.id, QStringLiteral("work"));
    QVERIFY(none);
    QCOMPARE(none->id, 0);
    // Another person is never covered by Hélène's mandate.
    m_clock.advanceSecs(-2);
    QVERIFY(covered(QStringLiteral("work")));
    QCOMPARE(mandates().activeFor(m_admin, m_helene.id + 1000, QStringLiteral("work"))->id, 0);
}

void TestMandates::revokingOneScopeKeepsTheOthers()
{
    const Result<Mandate> m = create({QStringLiteral("housing"), QStringLiteral("family"), QStringLiteral("work")});
    QVERIFY(m);
    m_clock.advanceSecs(600);
    const Status revoked = mandates().revokeScope(m_admin, m->id, QStringLiteral("family"));
    QVERIFY2(revoked, qPrintable(revoked.message()));
    QVERIFY(!covered(QStringLiteral("family")));
    QVERIFY(covered(QStringLiteral("housing")));
    QVERIFY(covered(QStringLiteral("work")));
    const Mandate stored = mandates().forCitizen(m_admin, m_helene.id)->first();
    QCOMPARE(stored.scopesInForce(), (QStringList{QStringLiteral("work"), QStringLiteral("housing")}));
    QCOMPARE(stored.scopes.size(), 3);
    for (const MandateScope &scope : stored.scopes) {
        if (scope.id == QLatin1String("family")) {
            QCOMPARE(scope.revokedAt, m_clock.now());
            QCOMPARE(scope.revokedBy, m_admin.id);
        } else {
            QVERIFY(!scope.revokedAt.isValid());
        }
    }
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT object FROM journal WHERE action = 'mandate_scope_revoked'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), m->uuid + QStringLiteral(":family"));
    // Revoking every scope leaves nothing covered.
    QVERIFY(mandates().revokeScope(m_admin, m->id, QStringLiteral("housing")));
    QVERIFY(mandates().revokeScope(m_admin, m->id, QStringLiteral("work")));
    QVERIFY(mandates().forCitizen(m_admin, m_helene.id)->first().scopesInForce().isEmpty());
    QVERIFY(!covered(QStringLiteral("work")));
}

void TestMandates::revokingTwiceOrUnknownIsRefused()
{
    const Result<Mandate> m = create({QStringLiteral("housing"), QStringLiteral("transport")});
    QVERIFY(m);
    QVERIFY(mandates().revokeScope(m_admin, m->id, QStringLiteral("transport")));
    const Status twice = mandates().revokeScope(m_admin, m->id, QStringLiteral("transport"));
    QVERIFY(!twice);
    QCOMPARE(twice.code(), ErrorCode::InvalidInput);
    QVERIFY2(twice.message().contains(QStringLiteral("already revoked")), qPrintable(twice.message()));
    const Status notCovered = mandates().revokeScope(m_admin, m->id, QStringLiteral("justice"));
    QVERIFY(!notCovered);
    QVERIFY2(notCovered.message().contains(QStringLiteral("does not cover")), qPrintable(notCovered.message()));
    const Status unknown = mandates().revokeScope(m_admin, m->id, QStringLiteral("holidays"));
    QVERIFY(!unknown);
    QVERIFY2(unknown.message().contains(QStringLiteral("holidays")), qPrintable(unknown.message()));
    QVERIFY(!mandates().revokeScope(m_admin, m->id + 1000, QStringLiteral("housing")));
    QVERIFY(covered(QStringLiteral("housing")));
    // One journal row for the one revocation that happened.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM journal WHERE action = 'mandate_scope_revoked'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestMandates::createRefusesBadScopesAndVolunteers()
{
    QCOMPARE(create({}).code(), ErrorCode::InvalidInput);
    const Result<Mandate> unknown = create({QStringLiteral("housing"), QStringLiteral("holidays")});
    QVERIFY(!unknown);
    QVERIFY2(unknown.message().contains(QStringLiteral("holidays")), qPrintable(unknown.message()));
    QVERIFY(mandates().forCitizen(m_admin, m_helene.id)->isEmpty());

    QVERIFY(m_vault->addAccount(m_admin, QStringLiteral("vera"), QStringLiteral("Vera"), Role::Volunteer,
                                secret("volunteer password 42")));
    const Account vera = m_vault->account(QStringLiteral("vera")).value();
    const Result<Mandate> byVolunteer =
        mandates().create(vera, m_helene, {QStringLiteral("housing")}, MandateDuration::OneDay, Structure, Mediator);
    QCOMPARE(byVolunteer.code(), ErrorCode::PermissionDenied);
    QVERIFY(mandates().forCitizen(m_admin, m_helene.id)->isEmpty());
    QVERIFY(create({QStringLiteral("housing")}));
    // Nor does she read who may act for a person whose file she did not create.
    const Result<QList<Mandate>> listed = mandates().forCitizen(vera, m_helene.id);
    QCOMPARE(listed.code(), ErrorCode::PermissionDenied);
    QCOMPARE(listed.message(), CitizenRepository::tr("Volunteers can only open the files they created."));
    QCOMPARE(mandates().activeFor(vera, m_helene.id, QStringLiteral("housing")).code(), ErrorCode::PermissionDenied);
    QVERIFY(mandates().activeFor(m_admin, m_helene.id, QStringLiteral("housing"))->id != 0);

    // The same scope ticked twice is one scope.
    const Result<Mandate> twice = create({QStringLiteral("work"), QStringLiteral("work")});
    QVERIFY(twice);
    QCOMPARE(twice->scopes.size(), 1);
}

void TestMandates::attestationCarriesTheStoredFingerprint()
{
    const Result<Mandate> m =
        create({QStringLiteral("social_health"), QStringLiteral("housing")}, MandateDuration::SixMonths);
    QVERIFY(m);
    QCOMPARE(m->attestationSha256.size(), 64);
    const Mandate stored = mandates().forCitizen(m_admin, m_helene.id)->first();
    QCOMPARE(stored.attestationSha256, m->attestationSha256);
    // Re-hashing the same mandate, read back from the store, gives the stored fingerprint.
    QCOMPARE(sha256Hex(Mandates::attestationContent(stored, m_helene, Structure, Mediator)), stored.attestationSha256);

    const QString path = m_dir->file(QStringLiteral("mandate.pdf"));
    const Status printed = mandates().printAttestation(stored, m_helene, Structure, Mediator, path);
    QVERIFY2(printed, qPrintable(printed.message()));
    const PdfText pdf = readPdf(path);
    QCOMPARE(pdf.error, QPdfDocument::Error::None);
    QVERIFY(pdf.pages >= 1);
    const QString text = pdf.flat();
    static const QRegularExpression fingerprint(QStringLiteral("Document fingerprint \\(SHA-256\\): ([0-9a-f]{64})"));
    const QRegularExpressionMatch match = fingerprint.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text.right(300)));
    QCOMPARE(match.captured(1), stored.attestationSha256);
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("[0-9a-f]{64}"))), 1);
    // What the person signs: who, for what, until when, and what the mediator may and may not do.
    for (const QString &expected :
         {Structure, Mediator, QStringLiteral("MARTIN Hélène Marie"), QStringLiteral("Rodez"),
          Mandates::scopeLabel(QStringLiteral("social_health")), Mandates::scopeLabel(QStringLiteral("housing")),
          Mandates::durationLabel(MandateDuration::SixMonths), QStringLiteral("may not"),
          QStringLiteral("Signature of the person"), stored.uuid})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    QVERIFY(!text.contains(Mandates::scopeLabel(QStringLiteral("justice"))));

    // A reprint with other words than those fingerprinted is refused rather than misleading.
    const Status otherMediator = mandates().printAttestation(stored, m_helene, Structure, QStringLiteral("Bob"),
                                                             m_dir->file(QStringLiteral("other.pdf")));
    QVERIFY(!otherMediator);
    QVERIFY(!QFile::exists(m_dir->file(QStringLiteral("other.pdf"))));
}

void TestMandates::attestationContentIsCanonical()
{
    const Result<Mandate> m = create({QStringLiteral("housing"), QStringLiteral("family")});
    QVERIFY(m);
    Mandate mandate = m.value();
    const QByteArray content = Mandates::attestationContent(mandate, m_helene, Structure, Mediator);
    // Stable: same mandate, same bytes; the order the scopes were ticked in does not matter.
    QCOMPARE(Mandates::attestationContent(mandate, m_helene, Structure, Mediator), content);
    Mandate reordered = mandate;
    std::reverse(reordered.scopes.begin(), reordered.scopes.end());
    QCOMPARE(Mandates::attestationContent(reordered, m_helene, Structure, Mediator), content);
    // Explicit fields, UTC ISO dates.
    QVERIFY(content.contains("starts_at: 2026-01-31T09:15:42Z\n"));
    QVERIFY(content.contains("ends_at: 2026-02-28T09:15:42Z\n"));
    QVERIFY(content.contains("scopes: family,housing\n"));
    QVERIFY(content.contains(QByteArray("mandate: " + mandate.uuid.toUtf8() + "\n")));
    // The same instant in another time zone is the same content.
    Mandate shifted = mandate;
    shifted.startsAt = mandate.startsAt.toOffsetFromUtc(3600);
    shifted.endsAt = mandate.endsAt.toOffsetFromUtc(3600);
    QCOMPARE(Mandates::attestationContent(shifted, m_helene, Structure, Mediator), content);

    // A changed scope list changes the fingerprint.
    Mandate more = mandate;
    more.scopes.append(MandateScope{QStringLiteral("justice"), QDateTime(), 0});
    QVERIFY(sha256Hex(Mandates::attestationContent(more, m_helene, Structure, Mediator)) != mandate.attestationSha256);
    Mandate fewer = mandate;
    fewer.scopes.removeLast();
    QVERIFY(sha256Hex(Mandates::attestationContent(fewer, m_helene, Structure, Mediator)) != mandate.attestationSha256);
    // So does another person, end date or mediator; a value cannot pass for another field.
    Citizen other = m_helene;
    other.givenNames = QStringLiteral("Hélène");
    QVERIFY(Mandates::attestationContent(mandate, other, Structure, Mediator) != content);
    Mandate longer = mandate;
    longer.endsAt = longer.endsAt.addSecs(1);
    QVERIFY(Mandates::attestationContent(longer, m_helene, Structure, Mediator) != content);
    QVERIFY(Mandates::attestationContent(mandate, m_helene, Structure, QStringLiteral("Bob")) != content);
    QVERIFY(Mandates::attestationContent(mandate, m_helene, Structure + QStringLiteral("\nmediator: X"), Mediator)
                .count('\n') == content.count('\n'));
}

QTEST_MAIN(TestMandates)
#include "TestMandates.moc"
