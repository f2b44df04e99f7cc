#pragma once

#include "security/Journal.h"

#include <QAbstractTableModel>
#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace relais {
class Session;
class Vault;
} // namespace relais

namespace relais::ui {

// The journal's rows for a filter, newest first, fetched a page at a time as the view scrolls: 100,000 rows
// never load at once.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        PersonColumn,
        EventColumn,
        ObjectColumn,
        ColumnCount
    };
    static constexpr int PageSize = 200;

    explicit JournalModel(QObject *parent = nullptr);
    // Rows are read as `reader` (the journal is for administrators only).
    void setJournal(const Journal *journal, const Account &reader);
    void setFilter(const JournalFilter &filter);
    const JournalFilter &filter() const { return m_filter; }
    qint64 total() const { return m_total; }
    const JournalEntry &entry(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    const Journal *m_journal = nullptr;
    Account m_reader;
    JournalFilter m_filter;
    QList<JournalEntry> m_rows;
    qint64 m_total = 0;
    bool m_more = false;
};

// Administration: the security journal, filtered by person, event, dates and object; the chain verified in plain
// words; the filtered rows exported as CSV. Reads through Journal only, never SQL.
class JournalView : public QWidget
{
    Q_OBJECT
public:
    JournalView(Vault *vault, const Session *session, QWidget *parent = nullptr);

    // Reloads the filter choices (people, events) and the rows; call when the view is shown.
    void refresh();
    JournalModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    JournalFilter currentFilter() const;
    // Verifies the chain and shows the result under the button (also said to screen readers).
    Journal::Verification verifyChain();
    // Writes the rows of the current filter to `path` as CSV; the "Export…" button calls it with the chosen file.
    bool exportTo(const QString &path);
    QString resultText() const;

Q_SIGNALS:
    void backRequested();

private:
    void applyFilter();
    void clearFilters();
    void chooseExportFile();
    void announce(const QString &message, bool error);
    void updateCount();

    Vault *m_vault;
    const Session *m_session;
    JournalModel *m_model;
    QComboBox *m_person;
    QComboBox *m_event;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_object;
    QTimer *m_objectDelay;
    QLabel *m_count;
    QTableView *m_table;
    QLabel *m_result;
};

} // namespace relais::ui
