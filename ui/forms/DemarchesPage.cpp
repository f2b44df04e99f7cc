#include "DemarchesPage.h"

#include "FormWizard.h"
#include "catalogue/Catalogue.h"
#include "citizens/ConsentDialog.h"
#include "citizens/MandateDialog.h"
#include "common/Keyboard.h"
#include "common/PrintedDocument.h"
#include "common/Ui.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Consents.h"
#include "domain/DraftEditor.h"
#include "domain/Mandates.h"
#include "domain/ScanFolder.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"

#include <QAccessible>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
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

    // At 200 % text on a 768 px screen, once a démarche is sent (its récépissé, the offer to update the file) the page
    // holds more than the screen: it scrolls rather than squeeze its labels and buttons over one another.
    auto *homeContent = new QWidget;
    m_home = makePageScroll(homeContent);
    auto *layout = new QVBoxLayout(homeContent);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(makeLabel(tr("Démarches"), "title"));
    m_message = makeLabel(QString(), "info");
    m_message->setObjectName(QStringLiteral("demarchesMessage"));
    m_message->hide();
    layout->addWidget(m_message);
    // Right after sending: the récépissé to hand over, and the file's entries the answers change.
    m_receiptRow = new QWidget;
    m_receiptRow->setObjectName(QStringLiteral("receiptRow"));
    auto *receiptRow = new QHBoxLayout(m_receiptRow);
    receiptRow->setContentsMargins(0, 0, 0, 0);
    m_printReceipt = new QPushButton(tr("Print the re&ceipt"));
    m_printReceipt->setObjectName(QStringLiteral("printReceipt"));
    m_printReceipt->setProperty("primary", true);
    m_saveReceipt = new QPushButton(tr("Save the receipt to a folder…"));
    m_saveReceipt->setObjectName(QStringLiteral("saveReceipt"));
    receiptRow->addWidget(m_printReceipt);
    receiptRow->addWidget(m_saveReceipt);
    receiptRow->addStretch();
    m_receiptRow->hide();
    layout->addWidget(m_receiptRow);
    connect(m_printReceipt, &QPushButton::clicked, this, &DemarchesPage::printReceipt);
    connect(m_saveReceipt, &QPushButton::clicked, this, &DemarchesPage::saveReceipt);
    m_fileUpdate = new QWidget;
    m_fileUpdate->setObjectName(QStringLiteral("fileUpdate"));
    auto *fileUpdate = new QHBoxLayout(m_fileUpdate);
    fileUpdate->setContentsMargins(0, 0, 0, 0);
    m_fileUpdateText = makeLabel(QString(), "info");
    m_fileUpdateText->setObjectName(QStringLiteral("fileUpdateText"));
    m_updateFile = new QPushButton(tr("&Update the file"));
    m_updateFile->setObjectName(QStringLiteral("updateFile"));
    auto *keepFile = new QPushButton(tr("&Keep the file as it is"));
    fileUpdate->addWidget(m_fileUpdateText, 1);
    fileUpdate->addWidget(m_updateFile);
    fileUpdate->addWidget(keepFile);
    m_fileUpdate->hide();
    layout->addWidget(m_fileUpdate);
    connect(m_updateFile, &QPushButton::clicked, this, &DemarchesPage::applyFileUpdate);
    connect(keepFile, &QPushButton::clicked, this, [this] {
        m_fileUpdate->hide();
        m_fileUpdateText->clear();
        m_catalogue->setFocus();
    });
    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    // Nobody in context yet: choose the person, or go on without a file.
    m_noPersonRow = new QWidget;
    m_noPersonRow->setObjectName(QStringLiteral("noPersonRow"));
    auto *noPerson = new QHBoxLayout(m_noPersonRow);
    noPerson->setContentsMargins(0, 0, 0, 0);
    noPerson->addWidget(
        makeLabel(tr("No accompaniment in progress: choose the person, or go on without a file."), "hint"), 1);
    auto *choosePerson = new QPushButton(tr("Choose the &person…"));
    choosePerson->setObjectName(QStringLiteral("choosePerson"));
    auto *withoutFile = new QPushButton(tr("&Without a file"));
    withoutFile->setObjectName(QStringLiteral("withoutFile"));
    noPerson->addWidget(choosePerson);
    noPerson->addWidget(withoutFile);
    m_noPersonRow->hide();
    layout->addWidget(m_noPersonRow);
    connect(choosePerson, &QPushButton::clicked, this, &DemarchesPage::citizenChangeRequested);
    connect(withoutFile, &QPushButton::clicked, this, [this] {
        if (m_accompaniment)
            m_accompaniment->startWithoutFile();
        m_search->setFocus();
    });
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
    // The search keeps the first place in Tab order (Alt+M lands there): choosing who comes after the lists.
    setTabOrder(m_resume, choosePerson);
    setTabOrder(choosePerson, withoutFile);
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

void DemarchesPage::setWorkspace(Workspace *workspace)
{
    leave();
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_account = workspace->account();
    m_submissions = &workspace->submissions();
    m_attachments = &workspace->attachments();
    m_citizens = &workspace->citizens();
    m_consents = &workspace->consents();
    m_mandates = &workspace->mandates();
    connect(workspace, &Workspace::submissionChanged, this, &DemarchesPage::submissionChanged);
    connect(workspace, &Workspace::citizenChanged, this, [this] {
        if (!m_wizard)
            refresh(); // the drafts name their person
    });
    m_citizenId = 0;
    showPerson();
    configureScanFolder();
    m_message->hide();
    m_receiptRow->hide();
    m_receipt = RecepisseContent();
    m_fileUpdate->hide();
    m_fileUpdateText->clear();
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
        m_scanFolder =
            std::make_unique<ScanFolder>(SystemClock::instance()); // real time: scanners write in real seconds
    (void)m_scanFolder->setFolder(folder); // unreachable now: said on the button, and watched until it comes back
}

void DemarchesPage::submissionChanged(qint64 submissionId)
{
    // The queued message says what is true: once the démarche has left the queue (delivered, refused, discarded,
    // here or by another program), it goes.
    if (m_queuedId != 0 && (submissionId == 0 || submissionId == m_queuedId)) {
        const Result<Submission> queued = m_submissions->load(m_account, m_queuedId);
        if (!queued || !queued->isWaiting()) {
            m_queuedId = 0;
            m_queuedTitle.clear();
            m_message->hide();
            m_message->clear();
        }
    }
    if (!m_wizard)
        refresh(); // a form open keeps the list as it is: its own saves would redraw it at every change
}

void DemarchesPage::refresh()
{
    const QListWidgetItem *current = m_drafts->currentItem();
    const qint64 selected = current ? current->data(SubmissionIdRole).toLongLong() : 0;
    m_drafts->clear();
    if (!m_submissions)
        return;
    // With a person in context, only their drafts: nobody else's name or démarche in front of them. Without a file,
    // the mediator's drafts without one. Nobody in context: volunteers and mediators see their own drafts, an
    // administrator the structure's.
    const bool inContext = m_accompaniment && m_accompaniment->isActive();
    Result<QList<Submission>> drafts =
        inContext && m_citizenId != 0
            ? m_submissions->forCitizen(m_account, m_citizenId)
            : m_submissions->drafts(m_account, m_account.isAdmin() && !inContext ? 0 : m_account.id);
    if (!drafts) {
        showError(m_error, drafts.error().message);
        return;
    }
    const QString language = catalogueLanguage();
    for (const Submission &s : drafts.value()) {
        if (s.state != SubmissionState::Draft || (inContext && s.citizenId != m_citizenId))
            continue;
        const catalogue::DemarchePtr d = m_catalogueStore->current().demarche(s.demarcheId);
        const QString title = d ? d->title.text(language) : s.demarcheId;
        const QString changed = QLocale().toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat);
        const Result<Citizen> person =
            s.citizenId != 0 && !inContext ? m_citizens->load(m_account, s.citizenId) : Result<Citizen>(Citizen());
        auto *item = new QListWidgetItem(person && person->id != 0
                                             ? tr("%1 — %2 — changed %3").arg(person->displayName(), title, changed)
                                             : tr("%1 — changed %2").arg(title, changed),
                                         m_drafts);
        item->setData(SubmissionIdRole, s.id);
        if (s.id == selected)
            m_drafts->setCurrentItem(item);
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
    Result<Submission> created =
        m_submissions->createDraft(m_account, demarche->id, demarche->version, m_citizenId, m_how);
    if (!created) {
        showError(m_error, created.error().message);
        return false;
    }
    if (m_accompaniment && m_citizenId == 0 && !m_accompaniment->isActive())
        m_accompaniment->startWithoutFile(); // a démarche for nobody in particular is an accompaniment too
    auto draft = std::make_unique<DraftEditor>(m_submissions, m_account, demarche, created.value(), m_vault->clock());
    QStringList prefilled;
    if (m_citizenId != 0) {
        (void)m_citizens->touch(m_citizenId); // only the file's last activity: the draft itself is saved
        if (const Result<Citizen> person = m_citizens->load(m_account, m_citizenId); person) {
            prefilled = Prefill::apply(*draft, person.value());
            if (!prefilled.isEmpty())
                (void)draft->saveNow(); // a failure shows in the form, whose next save tries again
        }
    }
    open(std::move(draft));
    if (m_wizard && !prefilled.isEmpty())
        m_wizard->showPrefilled(prefilled);
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

void DemarchesPage::setAccompaniment(Accompaniment *accompaniment)
{
    m_accompaniment = accompaniment;
    connect(m_accompaniment, &Accompaniment::changed, this, &DemarchesPage::accompanimentChanged);
    showPerson();
}

void DemarchesPage::accompanimentChanged()
{
    if (m_hiddenDraft != 0 || m_hiddenCitizen != 0 || !m_submissions)
        return; // locked: resumeWork() brings the page back as the accompaniment is then
    // The open form belongs to the person in context: another person (or none) and it is saved and put away.
    if (m_wizard &&
        (!m_accompaniment->isActive() || m_wizard->draft()->submission().citizenId != m_accompaniment->citizenId()))
        leave();
    if (m_citizenId != m_accompaniment->citizenId()) {
        // What was said about the last démarche sent was about the person before.
        m_message->hide();
        m_queuedTitle.clear();
        m_receiptRow->hide();
        m_receipt = RecepisseContent();
        m_fileUpdate->hide();
        m_fileUpdateText->clear();
    }
    m_citizenId = m_accompaniment->citizenId();
    showPerson();
    refresh();
}

void DemarchesPage::showPerson()
{
    const bool withoutFile = m_accompaniment && m_accompaniment->isWithoutFile();
    m_noPersonRow->setVisible(m_accompaniment && !m_accompaniment->isActive() && m_citizens && m_citizenId == 0);
    if (m_citizenId == 0 || !m_citizens) {
        m_citizenId = 0;
        m_person->setText(withoutFile ? tr("Démarche without a file") : QString());
        m_personRow->setVisible(withoutFile && m_citizens);
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
    m_noPersonRow->hide();
    // Choosing the person here (from their file, or a draft of theirs) makes them the person in context.
    if (m_accompaniment && m_hiddenCitizen == 0)
        m_accompaniment->start(m_citizenId, person->displayName());
}

bool DemarchesPage::readyToStart(const catalogue::Demarche &demarche)
{
    m_how = HowDone();
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
        ConsentDialog dialog(m_consents, m_account, person.value(), ConsentPurpose::File, this);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    if (demarche.mandateScope.isEmpty())
        return true;
    return chooseHowItIsDone(demarche, person.value());
}

bool DemarchesPage::chooseHowItIsDone(const catalogue::Demarche &demarche, const Citizen &person)
{
    const Result<Mandate> covering = m_mandates->activeFor(m_account, m_citizenId, demarche.mandateScope);
    if (!covering) {
        showError(m_error, covering.message());
        return false;
    }
    const QString area = Mandates::scopeLabel(demarche.mandateScope);
    QMessageBox ask(QMessageBox::Question, tr("How is this démarche done?"),
                    covering->id != 0
                        ? tr("Does %1 do this démarche with you, or do you act for them? A mandate in the area « %2 » "
                             "is in force until %3.")
                              .arg(person.displayName(), area, PrintedDocument::formatDate(covering->endsAt.date()))
                        : tr("Does %1 do this démarche with you, or do you act for them? Acting for them needs a "
                             "mandate in the area « %2 », which no mandate in force covers.")
                              .arg(person.displayName(), area),
                    QMessageBox::NoButton, this);
    ask.setInformativeText(tr("With the person present, no mandate is needed: they answer and decide, you help."));
    QPushButton *present = ask.addButton(tr("With the person present"), QMessageBox::AcceptRole);
    present->setObjectName(QStringLiteral("howPresent"));
    QPushButton *behalf = ask.addButton(covering->id != 0 ? tr("On their behalf, under the mandate")
                                                          : tr("On their behalf: create a mandate…"),
                                        QMessageBox::ActionRole);
    behalf->setObjectName(QStringLiteral("howOnBehalf"));
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(present);
    ask.exec();
    if (ask.clickedButton() == present) {
        m_how.mode = HowDone::WithThePerson;
        return true;
    }
    if (ask.clickedButton() != behalf)
        return false;
    const auto underMandate = [this](const Mandate &mandate) {
        m_how.mode = HowDone::UnderMandate;
        m_how.mandateId = mandate.id;
        m_how.mandateUuid = mandate.uuid;
        m_how.mandateSince = mandate.startsAt.toLocalTime().date();
    };
    if (covering->id != 0) {
        underMandate(covering.value());
        return true;
    }
    MandateDialog dialog(m_mandates, m_account, person, m_vault->keySlots().structureName(), this);
    dialog.preselect(demarche.mandateScope);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    underMandate(dialog.created());
    offerAttestation(dialog.created(), person);
    return true;
}

void DemarchesPage::offerAttestation(const Mandate &mandate, const Citizen &person)
{
    // The same question, in the same words, as after a mandate made from the file.
    auto fileWords = [](const char *text) {
        return QCoreApplication::translate("relais::ui::CitizenFilePage", text);
    };
    QMessageBox ask(
        QMessageBox::Question, fileWords("Mandate created"),
        fileWords("Print the attestation now? The person and the mediator sign it; the person keeps a copy."),
        QMessageBox::NoButton, this);
    QPushButton *print = ask.addButton(fileWords("Print the attestation…"), QMessageBox::AcceptRole);
    QPushButton *save = ask.addButton(fileWords("Save to a folder…"), QMessageBox::ActionRole);
    ask.addButton(fileWords("Not now"), QMessageBox::RejectRole);
    ask.setDefaultButton(print);
    ask.exec();
    const QString structure = m_vault->keySlots().structureName();
    QString error;
    if (ask.clickedButton() == print) {
        (void)m_paper.print(
            this,
            [&](QPagedPaintDevice *device) {
                return m_mandates->printAttestation(mandate, person, structure, m_account.displayName, device);
            },
            &error);
    } else if (ask.clickedButton() == save) {
        const QString name = QCoreApplication::translate("relais::ui::CitizenFilePage", "mandate-%1.pdf")
                                 .arg(m_vault->clock()->now().toString(QStringLiteral("yyyy-MM-dd")) +
                                      QLatin1Char('-') + person.uuid.left(8));
        const QString path = m_paper.saveToFolder(
            this, name,
            [&](const QString &pdf) {
                return m_mandates->printAttestation(mandate, person, structure, m_account.displayName, pdf);
            },
            &error);
        if (!path.isEmpty())
            m_vault->record(m_account.login, QStringLiteral("document_saved_to_folder"),
                            QStringLiteral("mandate_attestation"));
    }
    if (!error.isEmpty())
        showError(m_error, error);
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
    // The draft's person becomes the person in context (from their file, from Envois): never a form for one person
    // under the name of another.
    if (m_accompaniment && m_hiddenCitizen == 0) {
        if (loaded->citizenId != 0 && loaded->citizenId != m_citizenId)
            setCitizen(loaded->citizenId);
        else if (loaded->citizenId == 0)
            m_accompaniment->startWithoutFile();
    }
    open(std::make_unique<DraftEditor>(m_submissions, m_account, demarche, loaded.value(), m_vault->clock()));
    return true;
}

void DemarchesPage::open(std::unique_ptr<DraftEditor> draft)
{
    leave();
    FormContext context;
    context.attachments = m_attachments;
    context.account = m_account;
    context.scanFolder = m_scanFolder.get();
    context.language = catalogueLanguage();
    context.downscalePhotos =
        m_vault->setting(QStringLiteral("downscale_photos"), QStringLiteral("1")) != QLatin1String("0");
    const qint64 personId = draft->submission().citizenId;
    m_wizard = new FormWizard(std::move(draft), context);
    if (personId != 0) {
        if (const Result<Citizen> person = m_citizens->load(m_account, personId); person)
            m_wizard->setPersonName(person->displayName());
    } else {
        m_wizard->setPersonName(QString());
    }
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
    m_receiptRow->hide();
    m_receipt = RecepisseContent(); // it names the person
    m_fileUpdate->hide();
    m_fileUpdateText->clear();
    m_updatedFile = Citizen();
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

void DemarchesPage::formSent(qint64 submissionId)
{
    const catalogue::FormEngine &engine = m_wizard->draft()->engine();
    const QString language = catalogueLanguage();
    const QString title = engine.demarche().title.text(language);
    // The récépissé: what was handed over, as sent (the documents its answers called for, the files attached).
    m_receipt = RecepisseContent();
    QString personName;
    if (m_citizenId != 0)
        if (const Result<Citizen> person = m_citizens->load(m_account, m_citizenId); person)
            personName = person->displayName();
    const Result<Submission> sent = m_submissions->load(m_account, submissionId);
    const Result<QList<AttachmentInfo>> files = m_attachments->list(m_account, submissionId);
    if (sent && files)
        m_receipt =
            Recepisse::contentFor(sent.value(), engine.demarche(), personName, m_vault->keySlots().structureName(),
                                  language, m_vault->clock(), files.value());
    // The file's entries the answers change (a new address, a new phone): offered in one step.
    m_fileUpdate->hide();
    m_fileUpdateText->clear();
    if (m_citizenId != 0) {
        if (const Result<Citizen> person = m_citizens->load(m_account, m_citizenId); person) {
            const QList<Prefill::FileUpdate> updates = Prefill::updatesFor(engine, person.value());
            if (!updates.isEmpty()) {
                QStringList lines;
                for (const Prefill::FileUpdate &u : updates)
                    lines << tr("%1: %2").arg(u.label, u.value);
                m_updatedFile = Prefill::withUpdates(person.value(), engine);
                m_fileUpdateText->setText(tr("The answers differ from the file of %1. Write them into the file?\n%2")
                                              .arg(person->displayName(), lines.join(QLatin1Char('\n'))));
                m_fileUpdate->show();
            }
        }
    }
    closeForm();
    m_queuedTitle = title;
    m_queuedId = submissionId;
    showQueuedMessage();
    m_message->show();
    m_receiptRow->show();
    QAccessibleEvent event(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
    if (m_fileUpdate->isVisible())
        m_updateFile->setFocus();
    else
        m_printReceipt->setFocus();
}

bool DemarchesPage::applyFileUpdate()
{
    if (m_updatedFile.id == 0 || m_updatedFile.id != m_citizenId)
        return false;
    if (Status s = m_citizens->update(m_account, m_updatedFile); !s) {
        showError(m_error, s.message());
        return false;
    }
    m_updatedFile = Citizen();
    m_fileUpdate->hide();
    m_fileUpdateText->clear();
    m_message->setText(m_message->text() + QLatin1Char(' ') + tr("The file is up to date."));
    m_printReceipt->setFocus();
    return true;
}

bool DemarchesPage::printReceipt()
{
    if (m_receipt.localReference.isEmpty())
        return false;
    clearError(m_error);
    QString error;
    const QDateTime now = m_vault->clock()->now();
    const bool printed = m_paper.print(
        this, [&](QPagedPaintDevice *device) { return Recepisse::print(device, m_receipt, now); }, &error);
    if (!error.isEmpty())
        showError(m_error, error);
    return printed;
}

bool DemarchesPage::saveReceipt()
{
    if (m_receipt.localReference.isEmpty())
        return false;
    clearError(m_error);
    QString error;
    const QDateTime now = m_vault->clock()->now();
    const QString name =
        tr("receipt-%1.pdf")
            .arg(now.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('-') + m_receipt.localReference.left(8));
    const QString path = m_paper.saveToFolder(
        this, name, [&](const QString &pdf) { return Recepisse::writePdf(pdf, m_receipt, now); }, &error);
    if (!error.isEmpty())
        showError(m_error, error);
    if (path.isEmpty())
        return false;
    m_vault->record(m_account.login, QStringLiteral("document_saved_to_folder"), QStringLiteral("recepisse"));
    return true;
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
