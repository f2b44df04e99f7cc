#pragma once

#include "domain/Retention.h"

#include <QGroupBox>
#include <QPointer>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace relais {
class Vault;
class Session;
class Workspace;
namespace catalogue {
class Catalogue;
}
} // namespace relais

namespace relais::ui {

// Administration → Retention: the structure-wide inactivity period, what the retention rules will remove in
// the coming weeks (and when), and "Purge now" for what is already due.
class RetentionView : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int HorizonDays = 30;

    RetentionView(Vault *vault, Session *session, const catalogue::Catalogue *catalogue, QWidget *parent = nullptr);
    // The session's workspace (nullptr when none): nothing is shown without it.
    void setWorkspace(Workspace *workspace);
    void refresh();

    QTableWidget *planTable() const { return m_plan; }
    // Saves the inactivity period (months, journaled as a setting change).
    bool setInactivityMonths(int months);
    // Applies what is due now; returns false and says why on failure.
    bool purgeNow();

private:
    Retention retention() const;

    Vault *m_vault;
    QPointer<Workspace> m_workspace; // gone, and its signals with it, when the session ends
    Session *m_session;
    const catalogue::Catalogue *m_catalogue;
    QSpinBox *m_months;
    QTableWidget *m_plan;
    QLabel *m_summary;
    QPushButton *m_purge;
    QLabel *m_message;
};

} // namespace relais::ui
