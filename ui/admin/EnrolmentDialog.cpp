#include "EnrolmentDialog.h"

#include "Enrolment.h"
#include "StoreAccess.h"
#include "common/Ui.h"
#include "domain/Workspace.h"
#include "protocol/Protocol.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais::ui {

EnrolmentDialog::EnrolmentDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_admin(workspace->account()), m_nam(new QNetworkAccessManager(this))
{
    setWindowTitle(tr("Sync with the platform"));
    auto *layout = new QVBoxLayout(this);
    m_state = makeLabel(describe(workspace), "info");
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    layout->addWidget(makeLabel(tr("To connect this kiosk (again), type the platform's address and the one-time code "
                                   "its operator gave you. The code works once, for 24 hours."),
                                "hint"));
    auto *form = new QFormLayout;
    m_url = new QLineEdit;
    m_url->setAccessibleName(tr("Platform address"));
    m_url->setPlaceholderText(QStringLiteral("https://…"));
    m_code = new QLineEdit;
    m_code->setAccessibleName(tr("Enrolment code"));
    m_code->setPlaceholderText(QStringLiteral("XXXX-XXXX-XXXX"));
    m_name = new QLineEdit(QHostInfo::localHostName());
    m_name->setAccessibleName(tr("Name of this kiosk"));
    auto *urlLabel = new QLabel(tr("Platform &address:"));
    urlLabel->setBuddy(m_url);
    auto *codeLabel = new QLabel(tr("Enrolment &code:"));
    codeLabel->setBuddy(m_code);
    auto *nameLabel = new QLabel(tr("&Name of this kiosk:"));
    nameLabel->setBuddy(m_name);
    form->addRow(urlLabel, m_url);
    form->addRow(codeLabel, m_code);
    form->addRow(nameLabel, m_name);
    layout->addLayout(form);
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox;
    m_enrol = buttons->addButton(tr("&Enrol"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_enrol, &QPushButton::clicked, this, &EnrolmentDialog::enrol);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (const auto s = sync::StoreAccess::store(*workspace).settings(); s && s->platformUrl.isValid())
        m_url->setText(s->platformUrl.toString());
    (m_url->text().isEmpty() ? m_url : m_code)->setFocus();
}

QString EnrolmentDialog::describe(const Workspace *workspace)
{
    if (!workspace)
        return QString();
    const sync::SyncStore store = sync::StoreAccess::store(*workspace);
    const auto settings = store.settings();
    if (!settings)
        return settings.message();
    if (!settings->isEnrolled())
        return tr("This kiosk is not connected to a platform yet: démarches wait here.");
    QString text = tr("Connected to “%1” (%2) as kiosk %3.")
                       .arg(settings->platformName, settings->platformUrl.toString(), settings->deviceId);
    if (const QString stopped = store.stoppedReason(); !stopped.isEmpty())
        text += QLatin1Char(' ') + tr("Sending is stopped: %1 Enrol again with a new code.").arg(stopped);
    return text;
}

void EnrolmentDialog::enrol()
{
    clearError(m_error);
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty() || !url.isValid()) {
        showError(m_error, tr("Type the platform's address, for example https://plateforme.example.org."), m_url);
        return;
    }
    if (m_code->text().trimmed().isEmpty()) {
        showError(m_error, tr("Type the enrolment code the platform's operator gave you."), m_code);
        return;
    }
    m_enrol->setEnabled(false);
    m_enrol->setText(tr("Enrolling…"));
    auto *enrolment = new sync::Enrolment(m_nam, this);
    // The administrator's proxy; and, towards the same platform, the CA pinned with relais-admin enrol --ca (this
    // page cannot take a CA file yet).
    if (const auto current = sync::StoreAccess::store(*m_workspace).settings()) {
        enrolment->setProxy(current->proxy);
        if (protocol::sameOrigin(url, current->platformUrl))
            enrolment->setPlatformCa(current->platformCa);
    }
    enrolment->enrol(url, m_code->text().trimmed(), m_name->text().trimmed(),
                     [this, enrolment](Result<sync::SyncSettings> result) {
                         enrolment->deleteLater();
                         m_enrol->setEnabled(true);
                         m_enrol->setText(tr("&Enrol"));
                         if (!result) {
                             showError(m_error, result.message(), m_code);
                             return;
                         }
                         sync::SyncStore store = sync::StoreAccess::store(*m_workspace);
                         if (const Status saved = store.saveEnrolment(result.value(), m_admin.login); !saved) {
                             showError(m_error, saved.message());
                             return;
                         }
                         m_code->clear();
                         m_state->setText(describe(m_workspace));
                         Q_EMIT enrolled();
                     });
}

} // namespace relais::ui
