#pragma once

#include "security/Account.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace relais {
class Vault;
namespace catalogue {
class CatalogueStore;
}
namespace sync {
class SyncEngine;
struct RoundSummary;
} // namespace sync
} // namespace relais

namespace relais::ui {

class OutboxModel;

// « Envois »: what waits to leave, what left, and what the platform answered. The mediator synchronises now,
// follows the upload under way (and may stop it), reads why the platform refused a démarche, corrects and
// resends it or discards it (journaled), and sees the status updates the instructing service sent back.
class OutboxPage : public QWidget
{
    Q_OBJECT
public:
    OutboxPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent = nullptr);

    void setAccount(const Account &account);
    // The engine of the open store (nullptr once it closes).
    void setEngine(sync::SyncEngine *engine);
    void refresh();
    // The session locks or ends: the table, the platform's answers and news leave the screen (they may quote the
    // person), and stay away while rounds go on behind the lock; resumeWork() shows them again.
    void hideWork();
    void resumeWork();

    QTableView *table() const { return m_table; }
    OutboxModel *model() const { return m_model; }
    QPushButton *syncNowButton() const { return m_syncNow; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *resendButton() const { return m_resend; }
    QPushButton *discardButton() const { return m_discard; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *detailLabel() const { return m_detail; }
    QListWidget *updatesList() const { return m_updates; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // "Correct and resend": the démarche is a draft again; the shell opens it in the form.
    void correctRequested(qint64 submissionId);

private:
    // The short columns (date, documents) take their text's width while the three sentences still get room to
    // wrap; when the text is too large for that (200 %), they share the width and wrap too, so that nothing goes
    // off the page. The platform reference always keeps its whole width.
    void fitColumns();
    void showSelected();
    // The selected démarche in words (selectable, for a reference to copy); hidden while it says nothing.
    void showDetail(const QString &text);
    void roundStarted();
    void roundFinished(const sync::RoundSummary &summary);
    void resendSelected();
    void discardSelected();
    qint64 selectedId() const;

    Vault *m_vault;
    bool m_hidden = false;
    sync::SyncEngine *m_engine = nullptr;
    Account m_account;
    OutboxModel *m_model;
    QTableView *m_table;
    QPushButton *m_syncNow;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_detail;
    QListWidget *m_updates;
    QPushButton *m_resend;
    QPushButton *m_discard;
};

} // namespace relais::ui
