#include "Workspace.h"

#include "common/Logging.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenExport.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/Mandates.h"
#include "domain/Retention.h"
#include "domain/SubmissionRepository.h"
#include "security/Journal.h"
#include "security/Vault.h"
#include "store/Database.h"
#include "store/SqlCipherDriver.h"

#include <QSqlQuery>

namespace relais {

namespace {

// Beyond this many rows of one table in one commit, one "re-read everything" signal (id 0) says it.
constexpr int MostAnnouncedRows = 32;

} // namespace

Workspace::Workspace(Vault *vault, Account account, QObject *parent)
    : QObject(parent), m_vault(vault), m_account(std::move(account))
{
    Q_ASSERT(vault && vault->isOpen());
    const QSqlDatabase db = vault->database()->connection();
    Journal *journal = &vault->journal();
    const Clock *clock = vault->clock();
    m_citizens = std::make_unique<CitizenRepository>(db, journal, clock);
    m_submissions = std::make_unique<SubmissionRepository>(db, journal, clock);
    m_consents = std::make_unique<Consents>(db, journal, clock);
    m_mandates = std::make_unique<Mandates>(db, journal, clock);
    m_attachments = std::make_unique<AttachmentStore>(db, clock);

    // This process's own commits: told by the connection's driver as they happen, announced from the event loop.
    m_driver = qobject_cast<SqlCipherDriver *>(db.driver());
    if (m_driver)
        m_commitListener = m_driver->addCommitListener(
            [this](const SqlCipherDriver::CommittedRows &committed) { noteCommitted(committed); });
    // Everyone else's: data_version moves when another connection (another program, another thread) commits.
    m_dataVersion = dataVersion();
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &Workspace::pollDataVersion);
    m_poll.start();
}

Workspace::~Workspace()
{
    if (m_driver)
        m_driver->removeCommitListener(m_commitListener);
}

Journal &Workspace::journal() const
{
    return m_vault->journal();
}

const Clock *Workspace::clock() const
{
    return m_vault->clock();
}

Retention Workspace::retention(const catalogue::Catalogue *catalogue) const
{
    return Retention(m_vault->database()->connection(), &m_vault->journal(), m_vault->clock(), catalogue);
}

std::unique_ptr<CitizenExport> Workspace::citizenExport(const catalogue::Catalogue *catalogue) const
{
    return std::make_unique<CitizenExport>(m_vault->database()->connection(), &m_vault->journal(), m_vault->clock(),
                                           catalogue);
}

Database *Workspace::database(SyncKey) const
{
    return m_vault->database();
}

void Workspace::noteCommitted(const QHash<QString, QSet<qint64>> &committed)
{
    for (auto it = committed.cbegin(); it != committed.cend(); ++it)
        m_pending[it.key()].unite(it.value());
    if (!std::exchange(m_announceQueued, true))
        QMetaObject::invokeMethod(this, &Workspace::announce, Qt::QueuedConnection);
}

void Workspace::announce()
{
    m_announceQueued = false;
    const QHash<QString, QSet<qint64>> changed = std::exchange(m_pending, {});
    auto each = [&changed](const QString &table, const auto &emitOne) {
        const auto it = changed.constFind(table);
        if (it == changed.cend())
            return;
        if (it->size() > MostAnnouncedRows || it->contains(SqlCipherDriver::TooManyRows)) {
            emitOne(0);
            return;
        }
        for (const qint64 id : *it)
            emitOne(id);
    };
    each(QStringLiteral("citizens"), [this](qint64 id) { Q_EMIT citizenChanged(id); });
    each(QStringLiteral("submissions"), [this](qint64 id) { Q_EMIT submissionChanged(id); });
    each(QStringLiteral("mandates"), [this](qint64 id) { Q_EMIT mandateChanged(id); });
    if (changed.contains(QStringLiteral("mandate_scopes")) && !changed.contains(QStringLiteral("mandates")))
        Q_EMIT mandateChanged(0);
    each(QStringLiteral("consents"), [this](qint64 id) { Q_EMIT consentChanged(id); });
    each(QStringLiteral("attachments"), [this](qint64 id) { Q_EMIT attachmentChanged(id); });
    const bool syncTables =
        changed.contains(QStringLiteral("sync_items")) || changed.contains(QStringLiteral("uploads")) ||
        changed.contains(QStringLiteral("status_updates")) || changed.contains(QStringLiteral("journal_receipts"));
    if (changed.contains(QStringLiteral("submissions")) || changed.contains(QStringLiteral("sync_items")))
        Q_EMIT queueChanged();
    // The sync module keeps its enrolment and its last round among the settings.
    if (changed.contains(QStringLiteral("settings")))
        Q_EMIT settingsChanged();
    if (syncTables || changed.contains(QStringLiteral("settings")))
        Q_EMIT syncStateChanged();
    if (changed.contains(QStringLiteral("accounts")))
        Q_EMIT accountsChanged();
}

qint64 Workspace::dataVersion() const
{
    if (!m_vault->isOpen())
        return -1;
    QSqlQuery q(m_vault->database()->connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void Workspace::pollDataVersion()
{
    const qint64 version = dataVersion();
    if (version < 0 || version == m_dataVersion)
        return;
    m_dataVersion = version;
    qCDebug(lcDomain) << "store changed by another connection";
    // Which rows is not known: everything shown is read again.
    Q_EMIT changedElsewhere();
    Q_EMIT citizenChanged(0);
    Q_EMIT submissionChanged(0);
    Q_EMIT mandateChanged(0);
    Q_EMIT consentChanged(0);
    Q_EMIT attachmentChanged(0);
    Q_EMIT queueChanged();
    Q_EMIT settingsChanged();
    Q_EMIT syncStateChanged();
    Q_EMIT accountsChanged();
}

} // namespace relais
