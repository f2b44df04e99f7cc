#pragma once

#include "security/Account.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace relais {

class AttachmentStore;
class CitizenExport;
class CitizenRepository;
class Clock;
class Consents;
class Database;
class Journal;
class Mandates;
class Retention;
class SqlCipherDriver;
class SubmissionRepository;
class Vault;
namespace catalogue {
class Catalogue;
}
namespace sync {
class StoreAccess;
}

// The session of one person on an unlocked store (DESIGN §2): made when someone signs in, destroyed when the session
// ends, before the store closes. It owns the session's repositories and knows the acting account; pages, dialogs,
// the sync engine and relais-admin work through it and never hold a database connection of their own.
//
// It also says what changed: after each commit of this process's store connection (the repositories' and the sync
// engine's, on the GUI thread), and, by polling SQLite's data_version on that connection, after commits made by
// another program on the same store (relais-admin, a scheduled sync) or by another thread. The signals come from
// the event loop, never in the middle of the change that caused them. An id of 0 means "one or more, not known
// which" (a change made elsewhere, or too many rows to list): re-read what is shown.
class Workspace : public QObject
{
    Q_OBJECT
public:
    // `vault` must be open and outlive this object.
    Workspace(Vault *vault, Account account, QObject *parent = nullptr);
    ~Workspace() override;
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    const Account &account() const { return m_account; }
    // A colleague takes over the session on the same kiosk (the store stays open).
    void setAccount(const Account &account) { m_account = account; }
    Vault &vault() const { return *m_vault; }
    Journal &journal() const;
    const Clock *clock() const;

    CitizenRepository &citizens() const { return *m_citizens; }
    SubmissionRepository &submissions() const { return *m_submissions; }
    Consents &consents() const { return *m_consents; }
    Mandates &mandates() const { return *m_mandates; }
    AttachmentStore &attachments() const { return *m_attachments; }
    // These read the catalogue in force, which the caller keeps (it changes when the platform sends a newer one).
    Retention retention(const catalogue::Catalogue *catalogue) const;
    std::unique_ptr<CitizenExport> citizenExport(const catalogue::Catalogue *catalogue) const;

    // How often another program's changes are looked for (SQLite's data_version, one cheap PRAGMA).
    static constexpr int PollIntervalMs = 500;

    // The sync module's tables and its worker thread's connection are its own (relais-sync builds on the core, so
    // the core cannot hold a SyncStore): only sync::StoreAccess can name this key, and so reach the store.
    class SyncKey
    {
        friend class sync::StoreAccess;
        SyncKey() = default;
    };
    Database *database(SyncKey) const;

Q_SIGNALS:
    void citizenChanged(qint64 citizenId);
    void submissionChanged(qint64 submissionId);
    void mandateChanged(qint64 mandateId);
    void consentChanged(qint64 consentId);
    void attachmentChanged(qint64 attachmentId);
    // Submissions entered or left the queue, or moved in it: the counts of what waits may have changed.
    void queueChanged();
    // The sync module's state: enrolment, uploads under way, status updates, the last round.
    void syncStateChanged();
    void settingsChanged();
    void accountsChanged();
    // Another program (or thread) committed to the store; the typed signals above follow with id 0.
    void changedElsewhere();

private:
    void noteCommitted(const QHash<QString, QSet<qint64>> &committed);
    void announce();
    void pollDataVersion();
    qint64 dataVersion() const;

    Vault *m_vault;
    Account m_account;
    std::unique_ptr<CitizenRepository> m_citizens;
    std::unique_ptr<SubmissionRepository> m_submissions;
    std::unique_ptr<Consents> m_consents;
    std::unique_ptr<Mandates> m_mandates;
    std::unique_ptr<AttachmentStore> m_attachments;
    QPointer<SqlCipherDriver> m_driver;
    int m_commitListener = 0;
    QHash<QString, QSet<qint64>> m_pending; // committed here, not yet announced
    bool m_announceQueued = false;
    QTimer m_poll;
    qint64 m_dataVersion = -1;
};

} // namespace relais
