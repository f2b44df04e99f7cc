#include "CitizenFilePage.h"

#include "CitizenEditor.h"
#include "ConsentDialog.h"
#include "EraseDialog.h"
#include "MandateDialog.h"
#include "MergeDialog.h"
#include "catalogue/Catalogue.h"
#include "common/DataSize.h"
#include "common/Logging.h"
#include "common/Ui.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenExport.h"
#include "domain/CitizenRepository.h"
#include "domain/Mandates.h"
#include "domain/Workspace.h"
#include "security/Vault.h"

#include <QAccessible>
#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

namespace relais::ui {

namespace {

constexpr int SubmissionIdRole = Qt::UserRole;
constexpr int StateRole = Qt::UserRole + 1;
constexpr int AttachmentIdRole = Qt::UserRole + 2;

QString day(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

// Empties a box of rows rebuilt from the store.
void clearRows(QVBoxLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
}

QPushButton *actionButton(const QString &text, const QString &accessibleName, const QString &objectName)
{
    auto *button = new QPushButton(text);
    button->setAccessibleName(accessibleName);
    button->setObjectName(objectName);
    return button;
}

} // namespace

CitizenFilePage::CitizenFilePage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_catalogue(catalogue)
{
    // Scrolls when the text is enlarged or the screen is small, instead of squeezing the sections.
    auto *layout = new QVBoxLayout(scrollingContent(this));
    layout->setContentsMargins(24, 16, 24, 16);

    // Alt+letters here avoid the shell's, in English and in French (L H O S T G, V D R).
    auto *header = new QHBoxLayout;
    m_back = new QPushButton(tr("&Back to the search"));
    m_title = makeLabel(QString(), "title");
    m_title->setObjectName(QStringLiteral("fileTitle"));
    m_start = new QPushButton(tr("St&art a démarche"));
    m_start->setProperty("primary", true);
    header->addWidget(m_back);
    header->addSpacing(16);
    header->addWidget(m_title, 1);
    header->addWidget(m_start);
    layout->addLayout(header);
    m_message = makeLabel(QString(), "info");
    m_message->setObjectName(QStringLiteral("fileMessage"));
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel();
    m_error->setObjectName(QStringLiteral("fileError"));
    layout->addWidget(m_error);

    m_banner = new QWidget;
    m_banner->setObjectName(QStringLiteral("consentBanner"));
    m_banner->setAttribute(Qt::WA_StyledBackground);
    auto *banner = new QHBoxLayout(m_banner);
    auto *bannerText = makeLabel(tr("No démarche can start for this person until they agree that their file is "
                                    "kept. Read them the text and record their consent."),
                                 "info");
    auto *bannerButton = new QPushButton(tr("Record the &consent now…"));
    banner->addWidget(bannerText, 1);
    banner->addWidget(bannerButton);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *identity = new QGroupBox(tr("Identity"));
    auto *id = new QVBoxLayout(identity);
    m_editor = new CitizenEditor;
    m_editor->setClock(vault->clock());
    id->addWidget(m_editor);
    auto *saveRow = new QHBoxLayout;
    m_save = new QPushButton(tr("Sav&e the file"));
    saveRow->addWidget(m_save);
    saveRow->addStretch();
    id->addLayout(saveRow);
    layout->addWidget(identity);

    auto *consents = new QGroupBox(tr("Consents"));
    auto *c = new QVBoxLayout(consents);
    m_consentRows = new QWidget;
    m_consentLayout = new QVBoxLayout(m_consentRows);
    m_consentLayout->setContentsMargins(0, 0, 0, 0);
    c->addWidget(m_consentRows);
    // One above the other: side by side they would not fit in French at 200 %.
    auto *consentButtons = new QVBoxLayout;
    m_printConsent = new QPushButton(tr("&Print the consent form…"));
    m_printConsent->setToolTip(tr("A page for the person to sign, with what they agreed to"));
    m_saveConsent = new QPushButton(tr("Save the form to a folder…"));
    m_saveConsent->setToolTip(tr("On the person's USB key, as a PDF file that is not protected"));
    consentButtons->addWidget(m_printConsent, 0, Qt::AlignLeft);
    consentButtons->addWidget(m_saveConsent, 0, Qt::AlignLeft);
    c->addLayout(consentButtons);
    layout->addWidget(consents);

    auto *mandates = new QGroupBox(tr("Mandates"));
    auto *m = new QVBoxLayout(mandates);
    m->addWidget(makeLabel(tr("A mandate allows the mediators of the structure to carry out démarches for the "
                              "person, in the areas they chose and until its end date."),
                           "hint"));
    m_mandateRows = new QWidget;
    m_mandateLayout = new QVBoxLayout(m_mandateRows);
    m_mandateLayout->setContentsMargins(0, 0, 0, 0);
    m->addWidget(m_mandateRows);
    auto *mandateButtons = new QHBoxLayout;
    m_newMandate = new QPushButton(tr("New &mandate…"));
    mandateButtons->addWidget(m_newMandate);
    mandateButtons->addStretch();
    m->addLayout(mandateButtons);
    layout->addWidget(mandates);

    auto *demarches = new QGroupBox(tr("Démarches"));
    auto *d = new QVBoxLayout(demarches);
    m_demarches = new QListWidget;
    m_demarches->setAccessibleName(tr("Démarches of the person"));
    m_demarches->setWordWrap(true);
    m_demarches->setMinimumHeight(m_demarches->fontMetrics().lineSpacing() * 3 + 16);
    m_demarches->setMaximumHeight(m_demarches->fontMetrics().lineSpacing() * 8 + 16);
    d->addWidget(m_demarches);
    auto *demarcheButtons = new QHBoxLayout;
    m_openDraft = new QPushButton(tr("Contin&ue the draft"));
    m_openDraft->setEnabled(false);
    demarcheButtons->addWidget(m_openDraft);
    demarcheButtons->addStretch();
    d->addLayout(demarcheButtons);
    layout->addWidget(demarches);

    m_documentsGroup = new QGroupBox(tr("Documents kept"));
    auto *k = new QVBoxLayout(m_documentsGroup);
    k->addWidget(makeLabel(tr("Kept with the person's consent, to reuse them in later démarches."), "hint"));
    m_documents = new QListWidget;
    m_documents->setAccessibleName(tr("Documents kept"));
    m_documents->setMinimumHeight(m_documents->fontMetrics().lineSpacing() * 2 + 16);
    m_documents->setMaximumHeight(m_documents->fontMetrics().lineSpacing() * 6 + 16);
    k->addWidget(m_documents);
    m_keepableTitle = makeLabel(tr("Documents of the person's démarches, not kept yet:"), "field");
    k->addWidget(m_keepableTitle);
    m_keepable = new QListWidget;
    m_keepable->setAccessibleName(tr("Documents of the démarches, not kept yet"));
    m_keepable->setWordWrap(true);
    m_keepable->setMinimumHeight(m_keepable->fontMetrics().lineSpacing() * 2 + 16);
    m_keepable->setMaximumHeight(m_keepable->fontMetrics().lineSpacing() * 6 + 16);
    m_keepableTitle->setBuddy(m_keepable);
    k->addWidget(m_keepable);
    auto *keepButtons = new QHBoxLayout;
    m_keep = new QPushButton(tr("&Keep in the file"));
    m_keep->setAccessibleName(tr("Keep the chosen document in the file"));
    m_keep->setEnabled(false);
    keepButtons->addWidget(m_keep);
    keepButtons->addStretch();
    k->addLayout(keepButtons);
    layout->addWidget(m_documentsGroup);

    // One right per line with what it does: the buttons never have to share a line, even with large text.
    auto *rights = new QGroupBox(tr("Rights of the person"));
    auto *r = new QGridLayout(rights);
    r->setColumnStretch(1, 1);
    m_export = new QPushButton(tr("E&xport (access)…"));
    m_merge = new QPushButton(tr("Merge &with a duplicate…"));
    m_erase = new QPushButton(tr("Erase the &file…"));
    markDestructive(m_erase);
    const QList<QPair<QPushButton *, QString>> rightRows = {
        {m_export, tr("Everything Relais holds about the person, printed, or saved on their USB key as a PDF and a "
                      "JSON file.")},
        {m_merge, tr("The same person was created twice: bring both files together.")},
        {m_erase, tr("The person asks for their data to be erased.")},
    };
    for (const auto &[button, hint] : rightRows) {
        const int row = r->rowCount();
        QLabel *words = makeLabel(hint, "hint");
        button->setAccessibleDescription(hint);
        r->addWidget(button, row, 0);
        r->addWidget(words, row, 1);
        m_rightHints.insert(button, words);
    }
    layout->addWidget(rights);
    layout->addStretch();
    m_existingOnly = {consents, mandates, demarches, rights, m_start};

    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_editor->isModified()) {
            QMessageBox ask(QMessageBox::Question, tr("Changes not saved"),
                            tr("The changes to this file are not saved yet."), QMessageBox::NoButton, this);
            QPushButton *saveIt = ask.addButton(tr("Save them"), QMessageBox::AcceptRole);
            QPushButton *drop = ask.addButton(tr("Leave without saving"), QMessageBox::DestructiveRole);
            ask.addButton(QMessageBox::Cancel);
            ask.setDefaultButton(saveIt);
            ask.exec();
            if (ask.clickedButton() == saveIt) {
                if (!save())
                    return;
            } else if (ask.clickedButton() != drop) {
                return;
            }
        }
        Q_EMIT backRequested();
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_consents->inForce(m_citizen.id, ConsentPurpose::File)) {
            fail(tr("Record the person's consent to keep their file first: no démarche can start without it."));
            m_banner->findChild<QPushButton *>()->setFocus();
            return;
        }
        Q_EMIT startDemarcheRequested(m_citizen.id);
    });
    connect(bannerButton, &QPushButton::clicked, this, [this] { recordConsent(ConsentPurpose::File); });
    connect(m_save, &QPushButton::clicked, this, &CitizenFilePage::save);
    connect(m_printConsent, &QPushButton::clicked, this, &CitizenFilePage::printConsentForm);
    connect(m_saveConsent, &QPushButton::clicked, this, &CitizenFilePage::saveConsentForm);
    connect(m_newMandate, &QPushButton::clicked, this, [this] { newMandate(); });
    connect(m_export, &QPushButton::clicked, this, &CitizenFilePage::exportAccess);
    connect(m_erase, &QPushButton::clicked, this, &CitizenFilePage::eraseFile);
    connect(m_merge, &QPushButton::clicked, this, &CitizenFilePage::mergeDuplicate);
    connect(m_demarches, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_openDraft->setEnabled(item && item->data(StateRole).toInt() == int(SubmissionState::Draft));
    });
    auto openDraft = [this] {
        QListWidgetItem *item = m_demarches->currentItem();
        if (!item)
            return;
        if (item->data(StateRole).toInt() != int(SubmissionState::Draft)) {
            report(tr("Only a draft can be reopened: this démarche has left the computer or was given up."));
            return;
        }
        Q_EMIT resumeDraftRequested(item->data(SubmissionIdRole).toLongLong());
    };
    connect(m_openDraft, &QPushButton::clicked, this, openDraft);
    connect(m_demarches, &QListWidget::itemActivated, this, openDraft);
    connect(m_keepable, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_keep->setEnabled(item && item->data(AttachmentIdRole).toLongLong() > 0);
    });
    auto keepChosen = [this] {
        if (QListWidgetItem *item = m_keepable->currentItem(); item && item->data(AttachmentIdRole).toLongLong() > 0)
            keepDocument(item->data(AttachmentIdRole).toLongLong());
    };
    connect(m_keep, &QPushButton::clicked, this, keepChosen);
    connect(m_keepable, &QListWidget::itemActivated, this, keepChosen);
}

CitizenFilePage::~CitizenFilePage() = default;

void CitizenFilePage::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_account = workspace->account();
    m_citizens = &workspace->citizens();
    m_consents = &workspace->consents();
    m_mandates = &workspace->mandates();
    m_attachments = &workspace->attachments();
    m_exporter = workspace->citizenExport(m_catalogue ? &m_catalogue->current() : nullptr);
    // What the file shows follows the store: a mandate or a démarche just made, here or by another program.
    connect(workspace, &Workspace::citizenChanged, this, [this](qint64 id) {
        if (id == 0 || id == m_citizen.id)
            queueRefresh();
    });
    for (auto changed : {&Workspace::mandateChanged, &Workspace::consentChanged, &Workspace::submissionChanged,
                         &Workspace::attachmentChanged})
        connect(workspace, changed, this, &CitizenFilePage::queueRefresh);
    const Account &account = m_account;
    // The core refuses these to volunteers anyway; the buttons are not offered.
    const bool volunteer = account.role == Role::Volunteer;
    for (QPushButton *button : {m_erase, m_merge}) {
        button->setVisible(!volunteer);
        m_rightHints.value(button)->setVisible(!volunteer);
    }
    clear();
}

QString CitizenFilePage::structureName() const
{
    return m_vault->keySlots().structureName();
}

void CitizenFilePage::clear()
{
    m_citizen = Citizen();
    m_editor->setCitizen(Citizen());
    m_title->clear();
    m_message->hide();
    m_message->clear();
    clearError(m_error);
    m_demarches->clear();
    m_documents->clear();
    m_keepable->clear();
    clearRows(m_consentLayout);
    clearRows(m_mandateLayout);
    m_banner->hide();
}

bool CitizenFilePage::open(qint64 citizenId)
{
    m_lastError.clear();
    if (!m_citizens)
        return false;
    Result<Citizen> opened = m_citizens->open(m_account, citizenId);
    if (!opened) {
        m_lastError = opened.message();
        return false;
    }
    clear();
    m_citizen = opened.value();
    m_editor->setCitizen(m_citizen);
    refresh();
    return true;
}

void CitizenFilePage::startNew()
{
    clear();
    m_title->setText(tr("New file"));
    refresh();
}

void CitizenFilePage::focusTop()
{
    if (isNew())
        m_editor->focusFirstField();
    else
        m_back->setFocus();
}

void CitizenFilePage::report(const QString &message)
{
    clearError(m_error);
    m_message->setText(message);
    m_message->show();
    QAccessibleEvent event(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void CitizenFilePage::fail(const QString &message)
{
    m_message->hide();
    showError(m_error, message);
}

void CitizenFilePage::queueRefresh()
{
    // Several signals of one commit make one refresh; a file being typed or not open is left alone.
    if (isNew() || std::exchange(m_refreshQueued, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refreshQueued = false;
            if (!isNew() && m_citizens)
                refresh();
        },
        Qt::QueuedConnection);
}

void CitizenFilePage::refresh()
{
    const bool exists = !isNew();
    for (QWidget *w : m_existingOnly)
        w->setVisible(exists);
    m_save->setText(exists ? tr("Sav&e the changes") : tr("Sav&e the file"));
    if (!exists) {
        m_documentsGroup->hide();
        m_banner->hide();
        return;
    }
    m_title->setText(m_citizen.displayName());
    m_banner->setVisible(!m_consents->inForce(m_citizen.id, ConsentPurpose::File));
    refreshConsents();
    refreshMandates();
    refreshDemarches();
    refreshDocuments();
}

void CitizenFilePage::refreshConsents()
{
    clearRows(m_consentLayout);
    Result<QList<Consent>> history = m_consents->history(m_account, m_citizen.id);
    if (!history) {
        fail(history.message());
        return;
    }
    for (const ConsentPurpose purpose : Consents::allPurposes()) {
        const ConsentText text = Consents::currentText(purpose);
        const Consent *latest = nullptr;
        for (const Consent &consent : history.value())
            if (consent.purpose == purpose && !latest)
                latest = &consent;
        QString state;
        if (!latest)
            state = tr("Not recorded");
        else if (latest->inForce())
            state = tr("Given on %1 (text %2)").arg(day(latest->givenAt), latest->textVersion);
        else
            state = tr("Withdrawn on %1 (given on %2, text %3)")
                        .arg(day(latest->withdrawnAt), day(latest->givenAt), latest->textVersion);
        auto *row = new QWidget;
        row->setObjectName(QStringLiteral("consent:") + Consents::purposeId(purpose));
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 4, 0, 4);
        auto *words = new QVBoxLayout;
        words->addWidget(makeLabel(text.title, "field"));
        QLabel *stateLabel = makeLabel(state, "hint");
        stateLabel->setObjectName(QStringLiteral("consentState:") + Consents::purposeId(purpose));
        words->addWidget(stateLabel);
        h->addLayout(words, 1);
        const bool inForce = latest && latest->inForce();
        QPushButton *button = inForce
                                  ? actionButton(tr("Withdraw"), tr("Withdraw the consent: %1").arg(text.title),
                                                 QStringLiteral("withdraw:") + Consents::purposeId(purpose))
                                  : actionButton(tr("Record consent…"), tr("Record the consent: %1").arg(text.title),
                                                 QStringLiteral("record:") + Consents::purposeId(purpose));
        button->setAccessibleDescription(state);
        h->addWidget(button, 0, Qt::AlignTop);
        connect(button, &QPushButton::clicked, this, [this, purpose, inForce] {
            if (inForce)
                withdrawConsent(purpose);
            else
                recordConsent(purpose);
        });
        m_consentLayout->addWidget(row);
    }
}

void CitizenFilePage::refreshMandates()
{
    clearRows(m_mandateLayout);
    Result<QList<Mandate>> list = m_mandates->forCitizen(m_account, m_citizen.id);
    if (!list) {
        fail(list.message());
        return;
    }
    if (list->isEmpty()) {
        m_mandateLayout->addWidget(makeLabel(tr("No mandate."), "hint"));
        return;
    }
    const QDateTime now = m_vault->clock()->now();
    for (const Mandate &mandate : list.value()) {
        const bool active = mandate.activeAt(now) && !mandate.scopesInForce().isEmpty();
        auto *box = new QWidget;
        box->setObjectName(QStringLiteral("mandate:%1").arg(mandate.id));
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 4, 0, 8);
        QString heading =
            tr("%1, from %2 to %3")
                .arg(Mandates::durationLabel(mandate.duration), day(mandate.startsAt), day(mandate.endsAt));
        heading += QStringLiteral(" — ") + (active                              ? tr("in force")
                                            : mandate.scopesInForce().isEmpty() ? tr("every area revoked")
                                                                                : tr("ended"));
        v->addWidget(makeLabel(heading, "field"));
        for (const MandateScope &scope : mandate.scopes) {
            auto *line = new QHBoxLayout;
            QString words = Mandates::scopeLabel(scope.id);
            if (scope.revokedAt.isValid())
                words = tr("%1 — revoked on %2").arg(words, day(scope.revokedAt));
            line->addSpacing(16);
            line->addWidget(makeLabel(words, active && !scope.revokedAt.isValid() ? "info" : "hint"), 1);
            if (active && !scope.revokedAt.isValid()) {
                QPushButton *revoke =
                    actionButton(tr("Revoke"), tr("Revoke the area: %1").arg(Mandates::scopeLabel(scope.id)),
                                 QStringLiteral("revoke:%1:%2").arg(mandate.id).arg(scope.id));
                connect(revoke, &QPushButton::clicked, this,
                        [this, id = mandate.id, s = scope.id] { revokeScope(id, s); });
                line->addWidget(revoke);
            }
            v->addLayout(line);
        }
        m_mandateLayout->addWidget(box);
    }
}

void CitizenFilePage::refreshDemarches()
{
    m_demarches->clear();
    Result<QList<Submission>> list = m_citizens->submissions(m_account, m_citizen.id);
    if (!list) {
        fail(list.message());
        return;
    }
    const QString language = catalogueLanguage();
    for (const Submission &s : list.value()) {
        const catalogue::DemarchePtr d = m_catalogue->current().demarche(s.demarcheId);
        const QString title = d ? d->title.text(language) : s.demarcheId;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 — %3").arg(title, SubmissionRepository::stateLabel(s.state), day(s.updatedAt)), m_demarches);
        item->setData(SubmissionIdRole, s.id);
        item->setData(StateRole, int(s.state));
    }
    if (m_demarches->count() == 0) {
        auto *none = new QListWidgetItem(tr("No démarche yet."), m_demarches);
        none->setFlags(Qt::ItemIsEnabled);
    }
    m_openDraft->setEnabled(false);
}

void CitizenFilePage::refreshDocuments()
{
    m_documents->clear();
    // Documents are kept only while the person agrees to it.
    const bool kept = m_consents->inForce(m_citizen.id, ConsentPurpose::Documents);
    m_documentsGroup->setVisible(kept);
    if (!kept)
        return;
    Result<QList<AttachmentInfo>> list = m_attachments->listKept(m_account, m_citizen.id);
    if (!list) {
        fail(list.message());
        return;
    }
    QSet<qint64> keptIds;
    QSet<QByteArray> keptBytes;
    for (const AttachmentInfo &a : list.value()) {
        new QListWidgetItem(tr("%1 (%2)").arg(a.filename, DataSize::format(a.size)), m_documents);
        keptIds.insert(a.id);
        keptBytes.insert(a.sha256);
    }
    if (m_documents->count() == 0) {
        auto *none = new QListWidgetItem(tr("No document kept yet."), m_documents);
        none->setFlags(Qt::ItemIsEnabled);
    }
    refreshKeepable(keptIds, keptBytes);
}

void CitizenFilePage::refreshKeepable(const QSet<qint64> &keptIds, const QSet<QByteArray> &keptBytes)
{
    m_keepable->clear();
    m_keep->setEnabled(false);
    Result<QList<Submission>> submissions = m_citizens->submissions(m_account, m_citizen.id);
    if (!submissions) {
        fail(submissions.message());
        return;
    }
    const QString language = catalogueLanguage();
    for (const Submission &s : submissions.value()) {
        Result<QList<AttachmentInfo>> attached = m_attachments->list(m_account, s.id);
        if (!attached) {
            fail(attached.message());
            return;
        }
        const catalogue::DemarchePtr d = m_catalogue->current().demarche(s.demarcheId);
        const QString title = d ? d->title.text(language) : s.demarcheId;
        for (const AttachmentInfo &a : attached.value()) {
            // A copy of a kept document (reused in a later démarche) is already in the file.
            if (keptIds.contains(a.id) || keptBytes.contains(a.sha256))
                continue;
            auto *item =
                new QListWidgetItem(tr("%1 (%2) — %3").arg(a.filename, DataSize::format(a.size), title), m_keepable);
            item->setData(AttachmentIdRole, a.id);
        }
    }
    if (m_keepable->count() == 0) {
        auto *none = new QListWidgetItem(tr("No other document in the person's démarches."), m_keepable);
        none->setFlags(Qt::ItemIsEnabled);
    }
}

bool CitizenFilePage::save()
{
    const QList<FieldProblem> problems = m_editor->validate(m_vault->clock()->now().date());
    if (!problems.isEmpty()) {
        fail(tr("The file is not saved: correct the answers marked in red."));
        return false;
    }
    if (isNew()) {
        Result<Citizen> made = m_citizens->create(m_account, m_editor->citizen());
        if (!made) {
            fail(made.message());
            return false;
        }
        m_citizen = made.value();
        m_editor->setCitizen(m_citizen);
        refresh();
        report(tr("File created. Now record the person's consent to keep it: no démarche can start without it."));
        m_banner->findChild<QPushButton *>()->setFocus();
        return true;
    }
    if (Status s = m_citizens->update(m_account, m_editor->citizen()); !s) {
        fail(s.message());
        return false;
    }
    Result<Citizen> reloaded = m_citizens->load(m_account, m_citizen.id);
    if (!reloaded) {
        fail(reloaded.message());
        return false;
    }
    m_citizen = reloaded.value();
    m_editor->setCitizen(m_citizen);
    refresh();
    report(tr("Changes saved."));
    return true;
}

bool CitizenFilePage::recordConsent(ConsentPurpose purpose)
{
    if (isNew())
        return false;
    ConsentDialog dialog(m_consents, m_account, m_citizen, purpose, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    refresh();
    report(tr("Consent recorded: %1.").arg(Consents::currentText(purpose).title));
    m_printConsent->setFocus();
    return true;
}

bool CitizenFilePage::withdrawConsent(ConsentPurpose purpose)
{
    const ConsentText text = Consents::currentText(purpose);
    QString consequence;
    if (purpose == ConsentPurpose::File)
        consequence = tr("No new démarche can start for this person afterwards.");
    else if (purpose == ConsentPurpose::Documents)
        consequence = tr("The documents kept in the file are deleted at once.");
    else
        consequence = tr("The structure will no longer contact the person.");
    QMessageBox ask(QMessageBox::Question, tr("Withdraw a consent"),
                    tr("Withdraw the consent “%1”? %2").arg(text.title, consequence), QMessageBox::NoButton, this);
    QPushButton *withdraw = ask.addButton(tr("Withdraw"), QMessageBox::AcceptRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != withdraw)
        return false;
    if (Status s = m_consents->withdraw(m_account, m_citizen, purpose); !s) {
        fail(s.message());
        return false;
    }
    refresh();
    report(tr("Consent withdrawn: %1.").arg(text.title));
    m_printConsent->setFocus();
    return true;
}

QString CitizenFilePage::paperId(Paper paper)
{
    switch (paper) {
    case Paper::ConsentForm:
        return QStringLiteral("consent_form");
    case Paper::MandateAttestation:
        return QStringLiteral("mandate_attestation");
    case Paper::AccessExport:
        return QStringLiteral("access_export");
    }
    return QString();
}

QString CitizenFilePage::paperFileStem() const
{
    return QStringLiteral("%1-%2").arg(m_vault->clock()->now().toString(QStringLiteral("yyyy-MM-dd")),
                                       m_citizen.uuid.left(8));
}

bool CitizenFilePage::printPaper(Paper paper, const std::function<Status(QPagedPaintDevice *)> &paint)
{
    QString error;
    if (!m_paper.print(this, paint, &error)) {
        if (!error.isEmpty())
            fail(error);
        return false;
    }
    qCInfo(lcDomain) << "paper sent to the printer:" << paperId(paper);
    return true;
}

bool CitizenFilePage::savePaper(Paper paper,
                                const std::function<Status(const QString &folder, QStringList *written)> &write)
{
    const QString folder = m_paper.chooseFolder(this);
    if (folder.isEmpty())
        return false;
    QStringList written;
    if (Status s = write(folder, &written); !s) {
        fail(s.message());
        return false;
    }
    // What was saved, not whose: the kind of paper is the journal's object.
    m_vault->record(m_account.login, QStringLiteral("document_saved_to_folder"), paperId(paper));
    QStringList shown;
    for (const QString &path : std::as_const(written))
        shown << QDir::toNativeSeparators(path);
    report(tr("Saved: %1. This file is not protected (it is not encrypted): give it to the person and leave no copy "
              "on this computer.")
               .arg(shown.join(QStringLiteral(", "))));
    return true;
}

bool CitizenFilePage::printConsentForm()
{
    if (isNew())
        return false;
    const bool printed = printPaper(Paper::ConsentForm, [this](QPagedPaintDevice *device) {
        return m_consents->printForm(m_citizen, structureName(), m_account.displayName, device);
    });
    if (printed)
        report(tr("The consent form was sent to the printer. Give it to the person to sign."));
    return printed;
}

bool CitizenFilePage::saveConsentForm()
{
    if (isNew())
        return false;
    return savePaper(Paper::ConsentForm, [this](const QString &folder, QStringList *written) {
        const QString path = QDir(folder).filePath(tr("consent-form-%1.pdf").arg(paperFileStem()));
        Status s = m_consents->printForm(m_citizen, structureName(), m_account.displayName, path);
        if (s)
            written->append(path);
        return s;
    });
}

bool CitizenFilePage::newMandate(const QString &preselectedScope)
{
    if (isNew())
        return false;
    MandateDialog dialog(m_mandates, m_account, m_citizen, structureName(), this);
    if (!preselectedScope.isEmpty())
        dialog.preselect(preselectedScope);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Mandate mandate = dialog.created();
    refresh();
    report(tr("Mandate created until %1.").arg(day(mandate.endsAt)));
    QMessageBox ask(QMessageBox::Question, tr("Mandate created"),
                    tr("Print the attestation now? The person and the mediator sign it; the person keeps a copy."),
                    QMessageBox::NoButton, this);
    QPushButton *print = ask.addButton(tr("Print the attestation…"), QMessageBox::AcceptRole);
    QPushButton *save = ask.addButton(tr("Save to a folder…"), QMessageBox::ActionRole);
    ask.addButton(tr("Not now"), QMessageBox::RejectRole);
    ask.setDefaultButton(print);
    ask.exec();
    if (ask.clickedButton() == print) {
        if (printPaper(Paper::MandateAttestation, [&](QPagedPaintDevice *device) {
                return m_mandates->printAttestation(mandate, m_citizen, structureName(), m_account.displayName, device);
            }))
            report(tr("Mandate created. The attestation was sent to the printer."));
    } else if (ask.clickedButton() == save) {
        (void)savePaper(Paper::MandateAttestation, [&](const QString &folder, QStringList *written) {
            const QString path = QDir(folder).filePath(tr("mandate-%1.pdf").arg(paperFileStem()));
            Status s = m_mandates->printAttestation(mandate, m_citizen, structureName(), m_account.displayName, path);
            if (s)
                written->append(path);
            return s;
        }); // the outcome is on the page
    }
    m_newMandate->setFocus();
    return true;
}

bool CitizenFilePage::revokeScope(qint64 mandateId, const QString &scope)
{
    QMessageBox ask(
        QMessageBox::Question, tr("Revoke an area"),
        tr("Revoke the area “%1” of this mandate? The other areas stay in force.").arg(Mandates::scopeLabel(scope)),
        QMessageBox::NoButton, this);
    QPushButton *revoke = ask.addButton(tr("Revoke"), QMessageBox::AcceptRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != revoke)
        return false;
    if (Status s = m_mandates->revokeScope(m_account, mandateId, scope); !s) {
        fail(s.message());
        return false;
    }
    refresh();
    report(tr("Area revoked: %1.").arg(Mandates::scopeLabel(scope)));
    m_newMandate->setFocus();
    return true;
}

bool CitizenFilePage::exportAccess()
{
    if (isNew())
        return false;
    QMessageBox ask(QMessageBox::Question, tr("Right of access"),
                    tr("Print everything Relais holds about the person, or save it in a folder (their USB key) as a "
                       "PDF and a JSON file?"),
                    QMessageBox::NoButton, this);
    QPushButton *print = ask.addButton(tr("Print…"), QMessageBox::AcceptRole);
    QPushButton *save = ask.addButton(tr("Save to a folder…"), QMessageBox::ActionRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(print);
    ask.exec();
    if (ask.clickedButton() == print)
        return printAccessExport();
    if (ask.clickedButton() == save)
        return saveAccessExport();
    return false;
}

bool CitizenFilePage::printAccessExport()
{
    const bool printed = printPaper(Paper::AccessExport, [this](QPagedPaintDevice *device) {
        return m_exporter->print(m_account, m_citizen.id, structureName(), device);
    });
    if (printed)
        report(tr("Everything Relais holds about the person was sent to the printer."));
    return printed;
}

bool CitizenFilePage::saveAccessExport()
{
    return savePaper(Paper::AccessExport, [this](const QString &folder, QStringList *written) {
        // Named by date and file reference: a name would show in every folder listing.
        const QString base = QDir(folder).filePath(QStringLiteral("relais-") + paperFileStem());
        Status s = m_exporter->write(m_account, m_citizen.id, structureName(), base);
        if (s)
            *written << base + QStringLiteral(".pdf") << base + QStringLiteral(".json");
        return s;
    });
}

bool CitizenFilePage::eraseFile()
{
    Result<QList<Submission>> list = m_citizens->submissions(m_account, m_citizen.id);
    if (!list) {
        fail(list.message());
        return false;
    }
    int waiting = 0;
    for (const Submission &s : list.value())
        waiting += s.isWaiting() ? 1 : 0;
    EraseDialog dialog(m_citizen.displayName(), waiting, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (Status s = m_citizens->erase(m_account, m_citizen.id, dialog.choice()); !s) {
        fail(s.message());
        return false;
    }
    clear();
    Q_EMIT erased();
    return true;
}

bool CitizenFilePage::keepDocument(qint64 attachmentId)
{
    if (isNew())
        return false;
    if (Status s = m_consents->keepDocument(m_account, m_citizen, attachmentId); !s) {
        fail(s.message());
        return false;
    }
    refresh();
    report(tr("The document is kept in the file: it can be attached to the person's next démarches."));
    m_documents->setFocus();
    return true;
}

bool CitizenFilePage::mergeDuplicate()
{
    MergeDialog dialog(m_citizens, m_account, m_citizen, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Result<Citizen> merged = m_citizens->load(m_account, m_citizen.id);
    if (!merged) {
        fail(merged.message());
        return false;
    }
    m_citizen = merged.value();
    m_editor->setCitizen(m_citizen);
    refresh();
    report(tr("The two files are merged: everything is in this one now."));
    return true;
}

} // namespace relais::ui
