#pragma once

#include "security/Account.h"

#include <QWidget>

class QLabel;

namespace relais::ui {

// Accueil: who is signed in, where, and the habits that protect citizens' data.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    explicit HomePage(QWidget *parent = nullptr);
    void setAccount(const Account &account, const QString &structure);

private:
    QLabel *m_greeting;
    QLabel *m_role;
};

} // namespace relais::ui
