#include "HomePage.h"

#include "common/Ui.h"

#include <QVBoxLayout>

namespace relais::ui {

HomePage::HomePage(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    m_greeting = makeLabel(QString(), "title");
    m_role = makeLabel(QString(), "subtitle");
    layout->addWidget(m_greeting);
    layout->addWidget(m_role);
    layout->addWidget(makeLabel(tr("Lock the session whenever you leave the desk (Ctrl+L): the citizen's file is "
                                   "hidden, and your work waits for you."),
                                "hint"));
    layout->addWidget(makeLabel(tr("A colleague takes over? Use “Change user”: each person signs in with their "
                                   "own password, and the journal records who did what."),
                                "hint"));
    layout->addStretch();
}

void HomePage::setAccount(const Account &account, const QString &structure)
{
    m_greeting->setText(tr("Hello, %1").arg(account.displayName));
    m_role->setText(tr("%1 at %2").arg(roleLabel(account.role), structure));
}

} // namespace relais::ui
