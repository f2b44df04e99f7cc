#include "DemarchesPage.h"

#include "FormWizard.h"
#include "catalogue/Catalogue.h"
#include "citizens/ConsentDialog.h"
#include "citizens/MandateDialog.h"
#include "common/Keyboard.h"
#include "common/Ui.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Mandates.h"
#include "domain/ScanFolder.h"
#include "domain/SubmissionRepository.h"
#include "security/Vault.h"
#include "store/Database.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTranslator>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <utility>

namespace relais::ui {

namespace {

QString operatorName(const QString &id)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("caf"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "CAF — family benefits")},
        {QStringLiteral("cpam"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "Assurance Maladie (CPAM)")},
        {QStringLiteral("cnav_carsat"),
         QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "Assurance retraite (CNAV, Carsat)")},
        {QStringLiteral("msa"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "MSA — farming social security")},
        {QStringLiteral("france_travail"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "France Travail")},
        {QStringLiteral("dgfip"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "Taxes (DGFiP)")},
        {QStringLiteral("justice"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "Justice")},
        {QStringLiteral("interieur_france_titres"),
         QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "Identity papers and vehicles (France Titres)")},
        {QStringLiteral("la_poste"), QT_TRANSLATE_NOOP("relais::ui::DemarchesPage", "La Poste")},
    };
    const char *name = names.value(id);
    return name ? QCoreApplication::translate("relais::ui::DemarchesPage", name) : id;
}

constexpr int DemarcheIdRole = Qt::UserRole;
constexpr int SubmissionIdRole = Qt::UserRole + 1;

} // namespace

DemarchesPage::DemarchesPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_catalogueStore(catalogue)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    m_home = new QWidget;
    auto *layout = new QVBoxLayout(m_home);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(makeLabel(tr("Démarches"), "title"));
    m_message = makeLabel(QString(), "info");
    m_message->setObjectName(QStringLiteral("demarchesMessage"));
    m_message->hide();
    layout->addWidget(m_message);
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    // The person the démarches are for, chosen in Citizens.
    m_personRow = new QWidget;
    auto *personRow = new QHBoxLayout(m_personRow);
    personRow->setContentsMargins(0, 0, 0, 0);
    m_person = makeLabel(QString(), "subtitle");
    m_person->setObjectName(QStringLiteral("demarchePerson"));
    auto *changePerson = new QPushButton(tr("Change the &person"));
    personRow->addWidget(m_person, 1);
    personRow->addWidget(changePerson);
    m_personRow->hide();
    layout->addWidget(m_personRow);
    connect(changePerson, &QPushButton::clicked, this, &DemarchesPage::citizenChangeRequested);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *searchLabel = makeLabel(tr("&Find a démarche"), "field");
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("For example: address, retirement, identity card"));
    m_search->setAccessibleName(tr("Find a démarche"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_catalogue = new QTreeWidget;
    m_catalogue->setHeaderHidden(true);
    m_catalogue->setAccessibleName(tr("Démarches by organisation"));
    m_catalogue->setRootIsDecorated(true);
    m_catalogue->setWordWrap(true);
    m_start = new QPushButton(tr("&Start this démarche"));
    m_start->setProperty("primary", true);
    m_start->setEnabled(false);
    left->addWidget(searchLabel);
    left->addWidget(m_search);
    fitToContents(m_catalogue);
    left->addWidget(m_catalogue);
    left->addWidget(m_start, 0, Qt::AlignLeft);
    left->addStretch(1); // the room left goes below the button, not into an empty list

    auto *right = new QVBoxLayout;
    auto *draftsLabel = makeLabel(tr("&Drafts in progress"), "subtitle");
    m_drafts = new QListWidget;
    m_drafts->setAccessibleName(tr("Drafts in progress"));
    m_drafts->setWordWrap(true);
    draftsLabel->setBuddy(m_drafts);
    m_resume = new QPushButton(tr("&Resume this draft"));
    m_resume->setEnabled(false);
    right->addWidget(draftsLabel);
    fitToContents(m_drafts);
    right->addWidget(m_drafts, 1); // grows up to its rows (fitToContents), the stretch below takes the rest
    right->addWidget(m_resume, 0, Qt::AlignLeft);
    right->addStretch(1);
    columns->addLayout(left, 3);
    columns->addSpacing(24);
    columns->addLayout(right, 2);
    layout->addLayout(columns, 1);
    m_stack->addWidget(m_home);

    connect(m_search, &QLineEdit::textChanged, this, &DemarchesPage::filter);
    // Return or Down in the search: to the first démarche found, ready to start with Return.
    connect(m_search, &QLineEdit::returnPressed, this, &DemarchesPage::goToFirstFound);
    downLeadsToList(m_search, [this] { return goToFirstFound(); });
    connect(m_catalogue, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_start->setEnabled(item && !item->data(0, DemarcheIdRole).isNull()); });
    auto startCurrent = [this] {
        if (QTreeWidgetItem *item = m_catalogue->currentItem(); item && !item->data(0, DemarcheIdRole).isNull())
            start(item->data(0, DemarcheIdRole).toString());
    };
    connect(m_start, &QPushButton::clicked, this, startCurrent);
    connect(m_catalogue, &QTreeWidget::itemActivated, this, startCurrent);
    connect(m_drafts, &QListWidget::currentRowChanged, this, [this](int row) { m_resume->setEnabled(row >= 0); });
    auto resumeCurrent = [this] {
        if (QListWidgetItem *item = m_drafts->currentItem())
            resume(item->data(SubmissionIdRole).toLongLong());
    };
    connect(m_resume, &QPushButton::clicked, this, resumeCurrent);
    connect(m_drafts, &QListWidget::itemActivated, this, resumeCurrent);
    fillCatalogue();
}

DemarchesPage::~DemarchesPage()
{
    leave();
}

void DemarchesPage::fillCatalogue()
{
    m_catalogue->clear();
    const QString language = catalogueLanguage();
    const QStringList operators = catalogue::knownOperators();
    for (const QString &op : operators) {
        QTreeWidgetItem *group = nullptr;
        for (const catalogue::DemarchePtr &d : m_catalogueStore->current().demarches()) {
            if (d->operatorId != op)
                continue;
            if (!group) {
                group = new QTreeWidgetItem(m_catalogue, {operatorName(op)});
                group->setFlags(Qt::ItemIsEnabled);
                QFont bold = group->font(0);
                bold.setBold(true);
                group->setFont(0, bold);
            }
            auto *item = new QTreeWidgetItem(group, {d->title.text(language)});
            item->setData(0, DemarcheIdRole, d->id);
            item->setToolTip(0, d->summary.text(language));
            item->setData(0, Qt::AccessibleDescriptionRole, d->summary.text(language));
        }
    }
    m_catalogue->expandAll();
}

void DemarchesPage::catalogueUpdated()
{
    const QTreeWidgetItem *current = m_catalogue->currentItem();
    const QString chosen = current ? current->data(0, DemarcheIdRole).toString() : QString();
    const bool hadFocus = m_catalogue->hasFocus();
    fillCatalogue();
    filter(m_search->text());
    m_start->setEnabled(false);
    for (QTreeWidgetItemIterator it(m_catalogue); *it && !chosen.isEmpty(); ++it)
        if ((*it)->data(0, DemarcheIdRole).toString() == chosen) {
            m_catalogue->setCurrentItem(*it);
            break;
        }
    if (hadFocus)
        m_catalogue->setFocus(Qt::OtherFocusReason);
    refresh(); // the drafts' titles come from the catalogue too
}

bool DemarchesPage::goToFirstFound()
{
    for (int i = 0; i < m_catalogue->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_catalogue->topLevelItem(i);
        for (int j = 0; !group->isHidden() && j < group->childCount(); ++j) {
            if (!group->child(j)->isHidden()) {
                m_catalogue->setCurrentItem(group->child(j));
                m_catalogue->setFocus(Qt::TabFocusReason);
                return true;
            }
        }
    }
    return false;
}

void DemarchesPage::filter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_catalogue->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_catalogue->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < group->childCount(); ++j) {
            QTreeWidgetItem *item = group->child(j);
            const bool match = needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               group->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->toolTip(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
    }
}

void DemarchesPage::setAccount(const Account &account)
{
    leave();
    m_account = account;
    const QSqlDatabase db = m_vault->database()->connection();
    m_submissions = std::make_unique<SubmissionRepository>(db, &m_vault->journal(), m_vault->clock());
    m_attachments = std::make_unique<AttachmentStore>(db, m_vault->clock());
    m_citizens = std::make_unique<CitizenRepository>(db, &m_vault->journal(), m_vault->clock());
    m_consents = std::make_unique<Consents>(db, &m_vault->journal(), m_vault->clock());
    m_mandates = std::make_unique<Mandates>(db, &m_vault->journal(), m_vault->clock());
    m_citizenId = 0;
    showPerson();
    configureScanFolder();
    m_message->hide();
    clearError(m_error);
    m_search->clear();
    refresh();
}

void DemarchesPage::configureScanFolder()
{
    const QString folder = m_vault->setting(QStringLiteral("scan_folder"));
    if (folder.isEmpty()) {
        m_scanFolder.reset();
        return;
    }
    if (!m_scanFolder)
        m_scanFolder = std::make_unique<ScanFolder>(); // real time: scanners write in real seconds
    (void)m_scanFolder->setFolder(folder); // unreachable now: said on the button, and watched until it comes back
}

void DemarchesPage::refresh()
{
    m_drafts->clear();
    if (!m_submissions)
        return;
    // Volunteers and mediators see their own drafts; an administrator sees the structure's.
    Result<QList<Submission>> drafts = m_submissions->drafts(m_account, m_account.isAdmin() ? 0 : m_account.id);
    if (!drafts) {
        showError(m_error, drafts.error().message);
        return;
    }
    const QString language = catalogueLanguage();
    for (const Submission &s : drafts.value()) {
        const catalogue::DemarchePtr d = m_catalogueStore->current().demarche(s.demarcheId);
        const QString title = d ? d->title.text(language) : s.demarcheId;
        const QString changed = QLocale().toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat);
        const Result<Citizen> person =
            s.citizenId != 0 ? m_citizens->load(m_account, s.citizenId) : Result<Citizen>(Citizen());
        auto *item = new QListWidgetItem(person && person->id != 0
                                             ? tr("%1 — %2 — changed %3").arg(person->displayName(), title, changed)
                                             : tr("%1 — changed %2").arg(title, changed),
                                         m_drafts);
        item->setData(SubmissionIdRole, s.id);
    }
}

bool DemarchesPage::start(const QString &demarcheId)
{
    const catalogue::DemarchePtr demarche = m_catalogueStore->current().demarche(demarcheId);
    if (!demarche || !m_submissions)
        return false;
    clearError(m_error);
    if (!readyToStart(*demarche))
        return false;
    Result<Submission> created = m_submissions->createDraft(m_account, demarche->id, demarche->version, m_citizenId);
    if (!created) {
        showError(m_error, created.error().message);
        return false;
    }
    if (m_citizenId != 0)
        (void)m_citizens->touch(m_citizenId); // only the file's last activity: the draft itself is saved
    open(std::make_unique<DraftEditor>(m_submissions.get(), m_account, demarche, created.value(), m_vault->clock()));
    return true;
}

bool DemarchesPage::startFor(const QString &demarcheId, qint64 citizenId)
{
    setCitizen(citizenId);
    return start(demarcheId);
}

void DemarchesPage::setCitizen(qint64 citizenId)
{
    m_citizenId = citizenId;
    showPerson();
}

void DemarchesPage::showPerson()
{
    if (m_citizenId == 0 || !m_citizens) {
        m_citizenId = 0;
        m_person->clear();
        m_personRow->hide();
        return;
    }
    const Result<Citizen> person = m_citizens->load(m_account, m_citizenId);
    if (!person) {
        m_citizenId = 0;
        m_personRow->hide();
        showError(m_error, person.message());
        return;
    }
    m_person->setText(tr("Démarche for %1").arg(person->displayName()));
    m_personRow->show();
}

bool DemarchesPage::readyToStart(const catalogue::Demarche &demarche)
{
    if (m_citizenId == 0)
        return true;
    const Result<Citizen> person = m_citizens->load(m_account, m_citizenId);
    if (!person) {
        showError(m_error, person.message());
        return false;
    }
    if (!m_consents->inForce(m_citizenId, ConsentPurpose::File)) {
        QMessageBox ask(QMessageBox::Warning, tr("Consent needed"),
                        tr("No démarche can start for %1: they have not agreed that their file is kept. Read "
                           "them the text and record their consent first.")
                            .arg(person->displayName()),
                        QMessageBox::NoButton, this);
        QPushButton *record = ask.addButton(tr("Record the consent…"), QMessageBox::AcceptRole);
        ask.addButton(QMessageBox::Cancel);
        ask.setDefaultButton(record);
        ask.exec();
        if (ask.clickedButton() != record) {
            showError(m_error, tr("The démarche did not start: the person's consent to keep their file is "
                                  "missing."));
            return false;
        }
        ConsentDialog dialog(m_consents.get(), m_account, person.value(), ConsentPurpose::File, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    if (demarche.mandateScope.isEmpty())
        return true;
    const Result<Mandate> covering = m_mandates->activeFor(m_account, m_citizenId, demarche.mandateScope);
    if (!covering) {
        showError(m_error, covering.message());
        return false;
    }
    if (covering->id != 0)
        return true;
    QMessageBox ask(QMessageBox::Question, tr("Mandate needed"),
                    tr("This démarche is in the area « %1 », which no mandate in force covers. Create or extend a "
                       "mandate now?")
                        .arg(Mandates::scopeLabel(demarche.mandateScope)),
                    QMessageBox::NoButton, this);
    QPushButton *create = ask.addButton(tr("Create a mandate…"), QMessageBox::AcceptRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(create);
    ask.exec();
    if (ask.clickedButton() != create)
        return false;
    MandateDialog dialog(m_mandates.get(), m_account, person.value(), m_vault->keySlots().structureName(), this);
    dialog.preselect(demarche.mandateScope);
    return dialog.exec() == QDialog::Accepted;
}

bool DemarchesPage::resume(qint64 submissionId)
{
    if (!m_submissions)
        return false;
    Result<Submission> loaded = m_submissions->load(m_account, submissionId);
    if (!loaded) {
        showError(m_error, loaded.error().message);
        return false;
    }
    const catalogue::DemarchePtr demarche = m_catalogueStore->current().demarche(loaded.value().demarcheId);
    if (!demarche) {
        showError(m_error, tr("This démarche is no longer in the catalogue: the draft is kept, but it cannot be "
                              "opened until the catalogue has it again."));
        return false;
    }
    open(std::make_unique<DraftEditor>(m_submissions.get(), m_account, demarche, loaded.value(), m_vault->clock()));
    return true;
}

void DemarchesPage::open(std::unique_ptr<DraftEditor> draft)
{
    leave();
    FormContext context;
    context.attachments = m_attachments.get();
    context.account = m_account;
    context.scanFolder = m_scanFolder.get();
    context.language = catalogueLanguage();
    context.downscalePhotos =
        m_vault->setting(QStringLiteral("downscale_photos"), QStringLiteral("1")) != QLatin1String("0");
    m_wizard = new FormWizard(std::move(draft), context);
    m_stack->addWidget(m_wizard);
    m_stack->setCurrentWidget(m_wizard);
    connect(m_wizard, &FormWizard::closeRequested, this, &DemarchesPage::closeForm);
    connect(m_wizard, &FormWizard::sent, this, &DemarchesPage::formSent);
    m_message->hide();
    clearError(m_error);
    m_wizard->focusFirstAnswer(); // now that it is shown: a hidden widget cannot take the focus
    Q_EMIT formOpened();
}

qint64 DemarchesPage::openDraftId() const
{
    return m_wizard ? m_wizard->draft()->submission().id : 0;
}

void DemarchesPage::hideWork()
{
    const qint64 draft = openDraftId();
    const qint64 citizen = m_citizenId;
    leave(); // the draft saves what was typed before its widgets go
    setCitizen(0);
    m_drafts->clear();
    m_resume->setEnabled(false);
    m_message->hide();
    m_message->clear();
    clearError(m_error);
    m_hiddenDraft = draft;
    m_hiddenCitizen = citizen;
}

void DemarchesPage::resumeWork()
{
    const qint64 draft = std::exchange(m_hiddenDraft, 0);
    setCitizen(std::exchange(m_hiddenCitizen, 0));
    refresh();
    if (draft != 0)
        (void)resume(draft); // a failure is shown on the page
}

void DemarchesPage::saveNow()
{
    if (m_wizard)
        (void)m_wizard->draft()->saveNow(); // a failure stays on screen in the form
}

void DemarchesPage::leave()
{
    m_hiddenDraft = 0;
    m_hiddenCitizen = 0;
    if (!m_wizard)
        return;
    FormWizard *wizard = m_wizard;
    m_wizard = nullptr;
    m_stack->removeWidget(wizard);
    delete wizard; // its draft saves what was not saved yet
    m_stack->setCurrentWidget(m_home);
    Q_EMIT formClosed();
}

void DemarchesPage::closeForm()
{
    FormWizard *wizard = m_wizard;
    m_wizard = nullptr;
    m_stack->setCurrentWidget(m_home);
    m_stack->removeWidget(wizard);
    wizard->deleteLater(); // we are inside one of its signals
    refresh();
    m_drafts->setFocus();
    Q_EMIT formClosed();
}

void DemarchesPage::formSent(qint64)
{
    const QString title = m_wizard->draft()->engine().demarche().title.text(catalogueLanguage());
    closeForm();
    m_queuedTitle = title;
    showQueuedMessage();
    m_message->show();
    QAccessibleEvent event(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
    m_catalogue->setFocus();
}

void DemarchesPage::setOnline(bool online)
{
    m_online = online;
    if (!m_message->isHidden() && !m_queuedTitle.isEmpty())
        showQueuedMessage();
}

void DemarchesPage::showQueuedMessage()
{
    // "At the next connection" is only true while there is none: online, the next round takes it.
    m_message->setText(
        m_online
            ? tr("“%1” is in the queue: it will be sent to the organisation within a few minutes.").arg(m_queuedTitle)
            : tr("“%1” is in the queue: it will be sent to the organisation at the next connection.")
                  .arg(m_queuedTitle));
}

} // namespace relais::ui
