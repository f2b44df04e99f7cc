#include "MergeDialog.h"

#include "CitizenListModel.h"
#include "catalogue/Validators.h"
#include "common/Ui.h"
#include "domain/CitizenRepository.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace relais::ui {

MergeDialog::MergeDialog(CitizenRepository *citizens, const Account &actor, const Citizen &keep, QWidget *parent)
    : QDialog(parent), m_citizens(citizens), m_actor(actor), m_keep(keep)
{
    setWindowTitle(tr("Merge with a duplicate"));
    setMinimumSize(760, 680);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeLabel(tr("Find the other file of %1").arg(keep.displayName()), "subtitle"));
    layout->addWidget(makeLabel(tr("This file is kept. Its empty answers are filled from the other file; the "
                                   "démarches, consents, mandates and documents of the other file move here, and "
                                   "the other file is deleted."),
                                "hint"));
    auto *searchLabel = makeLabel(tr("&Find the other file"), "field");
    m_search = new QLineEdit;
    m_search->setAccessibleName(tr("Find the other file"));
    m_search->setPlaceholderText(tr("Name, date of birth (dd/mm/yyyy) or phone"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    searchLabel->setBuddy(m_search);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search);
    m_model = new CitizenListModel(this);
    m_list = new QListView;
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Files found"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 4 + 16);
    layout->addWidget(m_list);

    m_table = new QTableWidget(0, 3);
    m_table->setHorizontalHeaderLabels({tr("Answer"), tr("This file (kept)"), tr("Other file (deleted)")});
    m_table->setAccessibleName(tr("Both files side by side"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setWordWrap(true);
    layout->addWidget(m_table, 1);

    m_error = makeErrorLabel();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox;
    m_merge = buttons->addButton(tr("&Merge into this file"), QDialogButtonBox::AcceptRole);
    m_merge->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &MergeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MergeDialog::reject);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &MergeDialog::searchNow);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &MergeDialog::choose);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        searchNow();
        if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0));
            m_list->setFocus();
        }
    });
    m_search->setFocus();
}

void MergeDialog::searchNow()
{
    m_debounce->stop();
    Result<QList<Citizen>> found = m_citizens->search(m_actor, m_search->text());
    if (!found) {
        showError(m_error, found.message());
        return;
    }
    QList<Citizen> others;
    for (const Citizen &c : found.value())
        if (c.id != m_keep.id)
            others << c;
    m_model->setCitizens(others);
    m_list->setAccessibleDescription(tr("Files found: %1").arg(others.size()));
}

bool MergeDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search goes into the list, as in the search of files.
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        if (m_debounce->isActive())
            searchNow();
        if (m_model->rowCount() == 0)
            return true;
        m_list->setCurrentIndex(m_model->index(0));
        m_list->setFocus();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void MergeDialog::choose(const QModelIndex &index)
{
    m_duplicate = index.isValid() ? m_model->citizenAt(index.row()) : Citizen();
    m_merge->setEnabled(m_duplicate.id != 0);
    m_table->setRowCount(0);
    if (m_duplicate.id == 0)
        return;
    const auto date = [](const QDate &d) {
        return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
    };
    const QList<std::tuple<QString, QString, QString>> rows = {
        {tr("Birth name"), m_keep.birthName, m_duplicate.birthName},
        {tr("Usage name"), m_keep.usageName, m_duplicate.usageName},
        {tr("Given names"), m_keep.givenNames, m_duplicate.givenNames},
        {tr("Date of birth"), date(m_keep.birthDate), date(m_duplicate.birthDate)},
        {tr("Place of birth"), m_keep.birthPlace, m_duplicate.birthPlace},
        {tr("Phone"), catalogue::Validators::phoneForDisplay(m_keep.phone),
         catalogue::Validators::phoneForDisplay(m_duplicate.phone)},
        {tr("E-mail"), m_keep.email, m_duplicate.email},
        {tr("Address"), QStringList{m_keep.street, m_keep.postalCode, m_keep.commune}.join(QLatin1Char(' ')).trimmed(),
         QStringList{m_duplicate.street, m_duplicate.postalCode, m_duplicate.commune}.join(QLatin1Char(' ')).trimmed()},
        {tr("Social security number"), m_keep.nir, m_duplicate.nir},
        {tr("Note"), m_keep.note, m_duplicate.note},
    };
    for (const auto &[label, mine, theirs] : rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(label));
        m_table->setItem(row, 1, new QTableWidgetItem(mine));
        m_table->setItem(row, 2, new QTableWidgetItem(theirs));
        if (!mine.isEmpty() && !theirs.isEmpty() && mine != theirs)
            for (int column = 1; column < 3; ++column) {
                QFont bold = m_table->item(row, column)->font();
                bold.setBold(true); // the answers that differ, to check before merging
                m_table->item(row, column)->setFont(bold);
            }
    }
    m_table->resizeRowsToContents();
}

void MergeDialog::accept()
{
    if (m_duplicate.id == 0) {
        showError(m_error, tr("Choose the other file in the list first."));
        return;
    }
    if (Status s = m_citizens->merge(m_actor, m_keep.id, m_duplicate.id); !s) {
        showError(m_error, s.message());
        return;
    }
    QDialog::accept();
}

} // namespace relais::ui
