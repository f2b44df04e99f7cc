// The submission state machine (sync/protocol/README.md §3), tried from every state with every transition.
#include "FakeClock.h"
#include "TempStoreDir.h"
#include "TestStore.h"

#include "domain/SubmissionLifecycle.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace relais;
using namespace relais::test;

Q_DECLARE_METATYPE(relais::SubmissionState)
Q_DECLARE_METATYPE(relais::SubmissionTransition)
Q_DECLARE_METATYPE(std::optional<relais::SubmissionState>)

namespace {

using S = SubmissionState;
using T = SubmissionTransition;

const char *transitionName(T t)
{
    switch (t) {
    case T::Queue:
        return "queue";
    case T::ClaimForSending:
        return "claim";
    case T::RecordProgress:
        return "progress";
    case T::Deliver:
        return "deliver";
    case T::Quarantine:
        return "quarantine";
    case T::ReopenForCorrection:
        return "reopen";
    case T::Discard:
        return "discard";
    case T::ApplyPlatformStatus:
        return "platform-status";
    }
    return "?";
}

// The protocol's state machine written out independently of SubmissionLifecycle::target(): where each allowed
// (state, transition) leads. Everything absent must be refused.
std::optional<S> expected(S from, T t, S platformStatus)
{
    const QList<S> afterDelivery = {S::Delivered, S::InReview, S::Accepted, S::RejectedByOperator, S::Incomplete};
    switch (t) {
    case T::Queue:
        return from == S::Draft ? std::optional<S>(S::Queued) : std::nullopt;
    case T::ClaimForSending:
        return from == S::Queued || from == S::Sending ? std::optional<S>(S::Sending) : std::nullopt;
    case T::RecordProgress:
        return from == S::Sending ? std::optional<S>(S::Sending) : std::nullopt;
    case T::Deliver:
        return from == S::Sending ? std::optional<S>(S::Delivered) : std::nullopt;
    case T::Quarantine:
        return from == S::Sending ? std::optional<S>(S::Quarantined) : std::nullopt;
    case T::ReopenForCorrection:
        return from == S::Quarantined ? std::optional<S>(S::Draft) : std::nullopt;
    case T::Discard:
        return from == S::Draft || from == S::Queued || from == S::Quarantined ? std::optional<S>(S::Discarded)
                                                                               : std::nullopt;
    case T::ApplyPlatformStatus:
        return afterDelivery.contains(from) ? std::optional<S>(platformStatus) : std::nullopt;
    }
    return std::nullopt;
}

} // namespace

class TestSubmissionLifecycle : public QObject
{
    Q_OBJECT

private:
    TempStoreDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<Vault> m_vault;
    Account m_admin;

    QSqlDatabase db() { return m_vault->database()->connection(); }
    SubmissionLifecycle lifecycle() { return SubmissionLifecycle(db(), &m_vault->journal(), &m_clock); }
    // A démarche put in `state` by hand, the way an earlier version or another program may have left it.
    qint64 submissionIn(S state);
    QString storedState(qint64 id);
    QString storedUuid(qint64 id);
    int journalRows();

private Q_SLOTS:
    // One store for all rows: each row makes its own démarche.
    void initTestCase();
    void cleanupTestCase() { m_vault.reset(); }
    void namesRoundTrip();
    void everyStateWithEveryTransition_data();
    void everyStateWithEveryTransition();
    void quarantineNeedsThePlatformsSentence();
    void reopenKeepsTheUuid();
    void refusalSaysTheStateInWords();
};

void TestSubmissionLifecycle::initTestCase()
{
    m_vault = std::make_unique<Vault>(m_dir.path(), &m_clock);
    QVERIFY(openAsAlice(*m_vault, QStringLiteral("MFS")));
    m_admin = m_vault->account(QStringLiteral("alice")).value();
}

qint64 TestSubmissionLifecycle::submissionIn(S state)
{
    SubmissionRepository repo(db(), &m_vault->journal(), &m_clock);
    const auto draft = repo.createDraft(m_admin, QStringLiteral("caf-changement-adresse"), 3);
    if (!draft)
        return 0;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE submissions SET state = ? WHERE id = ?"));
    q.addBindValue(SubmissionLifecycle::name(state));
    q.addBindValue(draft->id);
    return q.exec() ? draft->id : 0;
}

QString TestSubmissionLifecycle::storedState(qint64 id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT state FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString TestSubmissionLifecycle::storedUuid(qint64 id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT uuid FROM submissions WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

int TestSubmissionLifecycle::journalRows()
{
    QSqlQuery q(db());
    return q.exec(QStringLiteral("SELECT count(*) FROM journal")) && q.next() ? q.value(0).toInt() : -1;
}

void TestSubmissionLifecycle::namesRoundTrip()
{
    // The stored words are the schema's CHECK: every state has one, and it reads back as the same state.
    const QStringList schemaWords = {QStringLiteral("draft"),
                                     QStringLiteral("queued"),
                                     QStringLiteral("sending"),
                                     QStringLiteral("delivered"),
                                     QStringLiteral("in_review"),
                                     QStringLiteral("accepted"),
                                     QStringLiteral("rejected_by_operator"),
                                     QStringLiteral("incomplete"),
                                     QStringLiteral("quarantined"),
                                     QStringLiteral("discarded")};
    QStringList words;
    for (const S s : SubmissionLifecycle::allStates()) {
        words.append(SubmissionLifecycle::name(s));
        QCOMPARE(SubmissionLifecycle::fromName(SubmissionLifecycle::name(s)), std::optional<S>(s));
        QVERIFY(!SubmissionLifecycle::label(s).isEmpty());
    }
    QCOMPARE(words, schemaWords);
    QVERIFY(!SubmissionLifecycle::fromName(QStringLiteral("lost")).has_value());
    // Every one of them is accepted by the store (the CHECK), so the table-driven test below can set each.
    for (const S s : SubmissionLifecycle::allStates())
        QVERIFY(submissionIn(s) > 0);
}

void TestSubmissionLifecycle::everyStateWithEveryTransition_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<T>("transition");
    QTest::addColumn<S>("platformStatus");
    for (const S from : SubmissionLifecycle::allStates())
        for (const T t : SubmissionLifecycle::allTransitions()) {
            // A platform status is tried with every status the platform may send, and with words it may not.
            const QList<S> statuses =
                t == T::ApplyPlatformStatus ? SubmissionLifecycle::allStates() : QList<S>{S::InReview};
            for (const S status : statuses)
                QTest::addRow("%s-%s-%s", qPrintable(SubmissionLifecycle::name(from)), transitionName(t),
                              qPrintable(SubmissionLifecycle::name(status)))
                    << from << t << status;
        }
}

void TestSubmissionLifecycle::everyStateWithEveryTransition()
{
    QFETCH(S, from);
    QFETCH(T, transition);
    QFETCH(S, platformStatus);
    const qint64 id = submissionIn(from);
    QVERIFY(id > 0);
    const QString uuid = storedUuid(id);
    const int rowsBefore = journalRows();
    const std::optional<S> to = expected(
        from, transition, SubmissionLifecycle::isPlatformStatus(platformStatus) ? platformStatus : S::InReview);
    const bool allowed = to.has_value() && (transition != T::ApplyPlatformStatus ||
                                            SubmissionLifecycle::isPlatformStatus(platformStatus));

    SubmissionLifecycle life = lifecycle();
    const QJsonObject payload{{QStringLiteral("reference"), QStringLiteral("RLS-2026-000001")}};
    Status done;
    switch (transition) {
    case T::Queue:
        done = life.queue(m_admin.login, id, payload);
        break;
    case T::ClaimForSending:
        done = life.claimForSending(id);
        break;
    case T::RecordProgress:
        done = life.recordProgress(id);
        break;
    case T::Deliver:
        done = life.deliver(id, payload);
        break;
    case T::Quarantine:
        done = life.quarantine(id, QStringLiteral("La pièce jointe est illisible."));
        break;
    case T::ReopenForCorrection:
        done = life.reopenForCorrection(m_admin.login, id);
        break;
    case T::Discard:
        done = life.discard(m_admin.login, id);
        break;
    case T::ApplyPlatformStatus:
        done = life.applyPlatformStatus(id, platformStatus);
        break;
    }

    if (allowed) {
        QVERIFY2(done.ok(), qPrintable(done.message()));
        QCOMPARE(storedState(id), SubmissionLifecycle::name(*to));
        QCOMPARE(lifecycle().stateOf(id).value(), *to);
    } else {
        QVERIFY(!done.ok());
        QCOMPARE(done.code(), ErrorCode::InvalidInput);
        QVERIFY(!done.message().isEmpty());
        // Refused means untouched: the same state in the store, nothing journaled.
        QCOMPARE(storedState(id), SubmissionLifecycle::name(from));
        QCOMPARE(journalRows(), rowsBefore);
    }
    QCOMPARE(storedUuid(id), uuid); // no transition gives a démarche another number on the platform
}

void TestSubmissionLifecycle::quarantineNeedsThePlatformsSentence()
{
    const qint64 id = submissionIn(S::Sending);
    const Status s = lifecycle().quarantine(id, QStringLiteral("  "));
    QVERIFY(!s.ok());
    QCOMPARE(storedState(id), QStringLiteral("sending"));
}

void TestSubmissionLifecycle::reopenKeepsTheUuid()
{
    const qint64 id = submissionIn(S::Quarantined);
    const QString uuid = storedUuid(id);
    const int rowsBefore = journalRows();
    QVERIFY(lifecycle().reopenForCorrection(m_admin.login, id));
    QCOMPARE(storedState(id), QStringLiteral("draft"));
    QCOMPARE(storedUuid(id), uuid);
    QCOMPARE(journalRows(), rowsBefore + 1);
}

void TestSubmissionLifecycle::refusalSaysTheStateInWords()
{
    const qint64 id = submissionIn(S::Delivered);
    const Status s = lifecycle().discard(m_admin.login, id);
    QVERIFY(!s.ok());
    QVERIFY2(s.message().contains(SubmissionLifecycle::label(S::Delivered)), qPrintable(s.message()));
    QVERIFY(s.message().contains(SubmissionLifecycle::tr(
        "This démarche can no longer be discarded: it is being sent or was already delivered.")));
}

QTEST_GUILESS_MAIN(TestSubmissionLifecycle)
#include "TestSubmissionLifecycle.moc"
