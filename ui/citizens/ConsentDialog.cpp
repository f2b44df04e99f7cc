#include "ConsentDialog.h"

#include "common/Ui.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace relais::ui {

ConsentDialog::ConsentDialog(Consents *consents, const Account &actor, const Citizen &citizen, ConsentPurpose purpose,
                             QWidget *parent)
    : QDialog(parent), m_consents(consents), m_actor(actor), m_citizen(citizen), m_purpose(purpose)
{
    const ConsentText text = Consents::currentText(purpose);
    setWindowTitle(tr("Record a consent"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeLabel(text.title, "subtitle"));
    layout->addWidget(makeLabel(
        tr("Read this text to %1, or let them read it, before they agree.").arg(citizen.displayName()), "hint"));
    m_text = makeLabel(text.text, "info");
    m_text->setObjectName(QStringLiteral("consentText"));
    m_text->setAccessibleName(text.title);
    // Reachable with Tab so that a screen reader reads the whole text before the tick box.
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_text);
    scroll->setAccessibleName(text.title); // it takes Tab too, for the arrows to scroll a long text
    layout->addWidget(scroll, 1);
    layout->addWidget(makeLabel(tr("Text version %1").arg(text.version), "hint"));
    m_agree = new QCheckBox(tr("The person has read or heard this text and &agrees"));
    layout->addWidget(m_agree);
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox;
    m_record = buttons->addButton(tr("&Record the consent"), QDialogButtonBox::AcceptRole);
    m_record->setEnabled(false);
    m_record->setProperty("primary", true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_agree, &QCheckBox::toggled, m_record, &QPushButton::setEnabled);
    connect(m_agree, &QCheckBox::toggled, this, [this] { clearError(m_error, m_agree); });
    connect(buttons, &QDialogButtonBox::accepted, this, &ConsentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConsentDialog::reject);
    m_text->setFocus();
}

void ConsentDialog::accept()
{
    if (!m_agree->isChecked()) {
        showError(m_error, tr("Tick the box once the person has agreed."), m_agree);
        return;
    }
    if (Status s = m_consents->give(m_actor, m_citizen, m_purpose); !s) {
        showError(m_error, s.message());
        return;
    }
    QDialog::accept();
}

} // namespace relais::ui
