#pragma once

#include "common/PaperOutput.h"
#include "security/Account.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace relais {
struct RecepisseContent;
class Vault;
class Workspace;
namespace catalogue {
class CatalogueStore;
}
namespace sync {
class SyncEngine;
struct RoundSummary;
} // namespace sync
} // namespace relais

namespace relais::ui {

class Accompaniment;
class OutboxModel;

// « Envois »: what waits to leave, what left, and what the platform answered. The mediator synchronises now,
// follows the upload under way (and may stop it), reads why the platform refused a démarche, corrects and
// resends it or discards it (journaled), and sees the status updates the instructing service sent back.
class OutboxPage : public QWidget
{
    Q_OBJECT
public:
    OutboxPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent = nullptr);

    // The session's workspace (nullptr when it ends): its account, and the changes that redraw the table.
    void setWorkspace(Workspace *workspace);
    // The engine of the open store (nullptr once it closes).
    void setEngine(sync::SyncEngine *engine);
    // The person in context (DESIGN §7): while one is, only their démarches are listed, never another name.
    void setAccompaniment(Accompaniment *accompaniment);
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
    // The selected démarche's person: their file opens (Citizens), shown only when the row has one.
    QPushButton *openFileButton() const { return m_openFile; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *detailLabel() const { return m_detail; }
    QListWidget *updatesList() const { return m_updates; }
    // A démarche the organisation received: its récépissé, now with the platform's reference, printed again.
    QPushButton *printReceiptButton() const { return m_printReceipt; }
    bool printReceiptOfSelected();
    bool saveReceiptOfSelected();
    PaperOutput &paperOutput() { return m_paper; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // "Correct and resend": the démarche is a draft again; the shell opens it in the form.
    void correctRequested(qint64 submissionId);
    // "Open the person's file" on a row: the shell shows the file in Citizens.
    void openFileRequested(qint64 citizenId);

private:
    // The short columns (person, date, documents, reference) take their text's width while the three sentences get
    // the rest to wrap in; at 200 % every column wraps down to its longest word, never cutting one (the platform
    // reference keeps its whole width), and only when even that does not fit does the table scroll sideways.
    void fitColumns();
    void showSelected();
    // The selected démarche in words (selectable, for a reference to copy); hidden while it says nothing.
    void showDetail(const QString &text);
    void roundStarted();
    void roundFinished(const sync::RoundSummary &summary);
    void resendSelected();
    void discardSelected();
    qint64 selectedId() const;
    // Several changes of one commit (or of another program's) make one refresh, from the event loop.
    void queueRefresh();
    // The récépissé of the selected démarche once delivered; false (said on the page) when it cannot be made.
    bool receiptOfSelected(RecepisseContent *content);

    Vault *m_vault;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    bool m_hidden = false;
    bool m_refreshQueued = false;
    sync::SyncEngine *m_engine = nullptr;
    QPointer<Accompaniment> m_accompaniment;
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
    QPushButton *m_printReceipt;
    QPushButton *m_saveReceipt;
    QPushButton *m_openFile;
    const catalogue::CatalogueStore *m_catalogue;
    PaperOutput m_paper;
};

} // namespace relais::ui
