#pragma once

#include "domain/Citizen.h"
#include "security/Account.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableWidget;
class QTimer;

namespace relais {
class CitizenRepository;
}

namespace relais::ui {

class CitizenListModel;

// The same person created twice: find the other file, compare both side by side, and merge it into the file open
// now (its démarches, consents, mandates and documents move here; the other file is deleted).
class MergeDialog : public QDialog
{
    Q_OBJECT
public:
    MergeDialog(CitizenRepository *citizens, const Account &actor, const Citizen &keep, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QListView *resultList() const { return m_list; }
    CitizenListModel *results() const { return m_model; }
    QTableWidget *comparison() const { return m_table; }
    QPushButton *mergeButton() const { return m_merge; }
    QLabel *errorLabel() const { return m_error; }
    // Runs the search now rather than after the short pause that follows typing.
    void searchNow();
    qint64 duplicateId() const { return m_duplicate.id; }

    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    CitizenRepository *m_citizens;
    Account m_actor;
    Citizen m_keep;
    Citizen m_duplicate;
    QTimer *m_debounce;
    QLineEdit *m_search;
    QListView *m_list;
    CitizenListModel *m_model;
    QTableWidget *m_table;
    QPushButton *m_merge;
    QLabel *m_error;
};

} // namespace relais::ui
