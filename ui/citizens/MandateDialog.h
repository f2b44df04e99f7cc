#pragma once

#include "domain/Citizen.h"
#include "domain/Mandates.h"
#include "security/Account.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace relais::ui {

// A new mandate (Aidants Connect): the areas in which the structure's mediators may act for the person, and for
// how long. Creating it records it; printing the attestation is offered afterwards by the file page.
class MandateDialog : public QDialog
{
    Q_OBJECT
public:
    MandateDialog(Mandates *mandates, const Account &actor, const Citizen &citizen, const QString &structureName,
                  QWidget *parent = nullptr);

    // Ticks an area in advance (the one a démarche needs).
    void preselect(const QString &scope);
    QCheckBox *scopeBox(const QString &scope) const { return m_scopes.value(scope); }
    QRadioButton *durationButton(MandateDuration duration) const { return m_durations.value(int(duration)); }
    QPushButton *createButton() const { return m_create; }
    QLabel *errorLabel() const { return m_error; }
    // The mandate made when the dialog was accepted.
    const Mandate &created() const { return m_created; }

    void accept() override;

private:
    Mandates *m_mandates;
    Account m_actor;
    Citizen m_citizen;
    QString m_structure;
    QHash<QString, QCheckBox *> m_scopes;
    QHash<int, QRadioButton *> m_durations;
    QPushButton *m_create;
    QLabel *m_error;
    Mandate m_created;
};

} // namespace relais::ui
