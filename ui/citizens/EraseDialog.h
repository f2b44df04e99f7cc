#pragma once

#include "domain/CitizenRepository.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace relais::ui {

// Erasure of a file (RGPD art. 17) in two clear steps: what goes and, when démarches are still waiting to be sent,
// whether to deliver them first or discard them; then a last confirmation that cannot be undone.
class EraseDialog : public QDialog
{
    Q_OBJECT
public:
    EraseDialog(const QString &displayName, int queuedCount, QWidget *parent = nullptr);

    CitizenRepository::QueuedOnErasure choice() const;
    bool onConfirmationStep() const;
    QRadioButton *deliverFirstButton() const { return m_deliver; }
    QRadioButton *discardButton() const { return m_discard; }
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *eraseButton() const { return m_erase; }
    // What delivering first keeps on this PC, and until when; null when nothing is waiting.
    QLabel *waitingNotice() const { return m_waitingNotice; }

private:
    QStackedWidget *m_steps;
    QRadioButton *m_deliver = nullptr;
    QRadioButton *m_discard = nullptr;
    QLabel *m_waitingNotice = nullptr;
    QPushButton *m_continue;
    QPushButton *m_erase;
};

} // namespace relais::ui
