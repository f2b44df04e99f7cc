#pragma once

#include "domain/Retention.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace relais {
class Vault;
class Session;
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
    void refresh();

    QTableWidget *planTable() const { return m_plan; }
    // Saves the inactivity period (months, journaled as a setting change).
    bool setInactivityMonths(int months);
    // Applies what is due now; returns false and says why on failure.
    bool purgeNow();

private:
    Retention retention() const;

    Vault *m_vault;
    Session *m_session;
    const catalogue::Catalogue *m_catalogue;
    QSpinBox *m_months;
    QTableWidget *m_plan;
    QLabel *m_summary;
    QPushButton *m_purge;
    QLabel *m_message;
};

} // namespace relais::ui
