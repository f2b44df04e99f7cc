#pragma once

#include "domain/Citizen.h"
#include "domain/Consents.h"
#include "security/Account.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace relais::ui {

// Records one consent: the purpose's full text, as it will be stored (its version), read to or by the person,
// then an explicit tick that they agree. Nothing is recorded until the mediator confirms.
class ConsentDialog : public QDialog
{
    Q_OBJECT
public:
    ConsentDialog(Consents *consents, const Account &actor, const Citizen &citizen, ConsentPurpose purpose,
                  QWidget *parent = nullptr);

    QLabel *textLabel() const { return m_text; }
    QCheckBox *agreement() const { return m_agree; }
    QPushButton *recordButton() const { return m_record; }
    QLabel *errorLabel() const { return m_error; }

    // Records the consent; the dialog stays open with the reason if it cannot be recorded.
    void accept() override;

private:
    Consents *m_consents;
    Account m_actor;
    Citizen m_citizen;
    ConsentPurpose m_purpose;
    QLabel *m_text;
    QCheckBox *m_agree;
    QPushButton *m_record;
    QLabel *m_error;
};

} // namespace relais::ui
