#include "EraseDialog.h"

#include "common/Ui.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace relais::ui {

EraseDialog::EraseDialog(const QString &displayName, int queuedCount, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Erase the file"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    m_steps = new QStackedWidget;
    layout->addWidget(m_steps);

    auto *first = new QWidget;
    auto *f = new QVBoxLayout(first);
    f->setContentsMargins(0, 0, 0, 0);
    f->addWidget(makeLabel(tr("Erase the file of %1?").arg(displayName), "subtitle"));
    f->addWidget(makeLabel(tr("The identity, the note, the drafts, the kept documents, the consents and the "
                              "mandates are erased from this computer. Démarches already sent stay with the "
                              "organisations that received them."),
                           "info"));
    if (queuedCount > 0) {
        // Said plainly: delivering first means their answers stay on this PC until then.
        m_waitingNotice = makeLabel(CitizenRepository::waitingOnErasureNotice(queuedCount), "error");
        m_waitingNotice->setObjectName(QStringLiteral("waitingNotice"));
        f->addWidget(m_waitingNotice);
        m_deliver = new QRadioButton(tr("&Deliver them first, then erase them"));
        m_discard = new QRadioButton(tr("D&iscard them: they will never be sent"));
        m_deliver->setChecked(true);
        f->addWidget(m_deliver);
        f->addWidget(m_discard);
    }
    f->addStretch();
    m_steps->addWidget(first);

    auto *second = new QWidget;
    auto *s = new QVBoxLayout(second);
    s->setContentsMargins(0, 0, 0, 0);
    auto *warning = makeLabel(tr("This cannot be undone. Erase the file of %1 now?").arg(displayName), "error");
    warning->setObjectName(QStringLiteral("eraseConfirmation"));
    s->addWidget(warning);
    QLabel *kept = nullptr;
    if (queuedCount > 0) {
        kept = makeLabel(CitizenRepository::waitingOnErasureNotice(queuedCount), "info");
        kept->setObjectName(QStringLiteral("waitingNoticeConfirmation"));
        s->addWidget(kept);
    }
    s->addStretch();
    m_steps->addWidget(second);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_continue = new QPushButton(tr("&Continue"));
    m_erase = new QPushButton(tr("&Erase for good"));
    markDestructive(m_erase);
    m_erase->hide();
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setDefault(true); // Return alone never erases anything
    buttons->addWidget(m_continue);
    buttons->addWidget(m_erase);
    buttons->addWidget(cancel);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_erase, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_continue, &QPushButton::clicked, this, [this, warning, kept] {
        if (kept)
            kept->setVisible(choice() == CitizenRepository::QueuedOnErasure::DeliverFirst);
        m_steps->setCurrentIndex(1);
        m_continue->hide();
        m_erase->show();
        m_erase->setFocus();
        QAccessibleEvent event(warning, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    });
    (m_deliver ? static_cast<QWidget *>(m_deliver) : m_continue)->setFocus();
}

CitizenRepository::QueuedOnErasure EraseDialog::choice() const
{
    return m_discard && m_discard->isChecked() ? CitizenRepository::QueuedOnErasure::Discard
                                               : CitizenRepository::QueuedOnErasure::DeliverFirst;
}

bool EraseDialog::onConfirmationStep() const
{
    return m_steps->currentIndex() == 1;
}

} // namespace relais::ui
