#include "MandateDialog.h"

#include "common/Ui.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace relais::ui {

MandateDialog::MandateDialog(Mandates *mandates, const Account &actor, const Citizen &citizen,
                             const QString &structureName, QWidget *parent)
    : QDialog(parent), m_mandates(mandates), m_actor(actor), m_citizen(citizen), m_structure(structureName)
{
    setWindowTitle(tr("New mandate"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeLabel(tr("Mandate given by %1").arg(citizen.displayName()), "subtitle"));
    layout->addWidget(makeLabel(tr("The person allows the mediators of %1 to carry out démarches for them, only in "
                                   "the areas ticked and until the end date. They can revoke each area at any "
                                   "time.")
                                    .arg(structureName),
                                "hint"));

    auto *areas = new QGroupBox(tr("Areas covered"));
    auto *grid = new QGridLayout(areas);
    const QStringList scopes = Mandates::allScopes();
    for (int i = 0; i < scopes.size(); ++i) {
        auto *box = new QCheckBox(Mandates::scopeLabel(scopes.at(i)));
        box->setObjectName(QStringLiteral("scope:") + scopes.at(i));
        grid->addWidget(box, i % 5, i / 5);
        connect(box, &QCheckBox::toggled, this, [this] { clearError(m_error); });
        m_scopes.insert(scopes.at(i), box);
    }
    layout->addWidget(areas);

    auto *duration = new QGroupBox(tr("Duration"));
    auto *row = new QHBoxLayout(duration);
    auto *group = new QButtonGroup(this);
    for (MandateDuration d :
         {MandateDuration::OneDay, MandateDuration::OneMonth, MandateDuration::SixMonths, MandateDuration::OneYear}) {
        auto *button = new QRadioButton(Mandates::durationLabel(d));
        button->setObjectName(QStringLiteral("duration:") + Mandates::durationId(d));
        group->addButton(button);
        row->addWidget(button);
        m_durations.insert(int(d), button);
    }
    row->addStretch();
    m_durations.value(int(MandateDuration::OneMonth))->setChecked(true);
    layout->addWidget(duration);

    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox;
    m_create = buttons->addButton(tr("&Create the mandate"), QDialogButtonBox::AcceptRole);
    m_create->setProperty("primary", true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MandateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MandateDialog::reject);
    m_scopes.value(scopes.value(0))->setFocus();
}

void MandateDialog::preselect(const QString &scope)
{
    if (QCheckBox *box = m_scopes.value(scope)) {
        box->setChecked(true);
        box->setFocus();
    }
}

void MandateDialog::accept()
{
    QStringList scopes;
    for (const QString &scope : Mandates::allScopes())
        if (m_scopes.value(scope)->isChecked())
            scopes << scope;
    if (scopes.isEmpty()) {
        showError(m_error, tr("Tick at least one area."));
        m_scopes.value(Mandates::allScopes().value(0))->setFocus();
        return;
    }
    MandateDuration duration = MandateDuration::OneMonth;
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it)
        if (it.value()->isChecked())
            duration = MandateDuration(it.key());
    Result<Mandate> made = m_mandates->create(m_actor, m_citizen, scopes, duration, m_structure, m_actor.displayName);
    if (!made) {
        showError(m_error, made.message());
        return;
    }
    m_created = made.value();
    QDialog::accept();
}

} // namespace relais::ui
