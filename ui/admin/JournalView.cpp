#include "JournalView.h"

#include "common/Ui.h"
#include "security/Session.h"
#include "security/Vault.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace relais::ui {

namespace {

// The date edits show this (as "Any date") when they do not filter.
const QDate NoDate(2000, 1, 1);

QDate dateOf(const QDateEdit *edit)
{
    return edit->date() == NoDate ? QDate() : edit->date();
}

} // namespace

JournalModel::JournalModel(QObject *parent) : QAbstractTableModel(parent) {}

void JournalModel::setJournal(const Journal *journal, const Account &reader)
{
    m_journal = journal;
    m_reader = reader;
    setFilter(m_filter);
}

void JournalModel::setFilter(const JournalFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_total = 0;
    m_more = m_journal != nullptr;
    if (m_journal) {
        const auto total = m_journal->count(m_reader, filter);
        m_total = total ? total.value() : 0;
    }
    endResetModel();
    if (canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const JournalEntry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case PersonColumn:
            return e.actor;
        case EventColumn:
            return Journal::actionLabel(e.action);
        case ObjectColumn:
            return e.object;
        default:
            return QVariant();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == EventColumn)
        return e.action; // the id, as in the export
    if (role == Qt::ToolTipRole && index.column() == DateColumn)
        return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
    return QVariant();
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QVariant();
    if (orientation == Qt::Vertical)
        return QVariant();
    switch (section) {
    case DateColumn:
        return tr("Date");
    case PersonColumn:
        return tr("Person");
    case EventColumn:
        return tr("Event");
    case ObjectColumn:
        return tr("Object");
    default:
        return QVariant();
    }
}

bool JournalModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void JournalModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_journal || !m_more)
        return;
    // By id rather than by offset: pages stay put while new rows are appended at the top.
    JournalFilter page = m_filter;
    page.limit = PageSize;
    page.offset = 0;
    page.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    const auto rows = m_journal->query(m_reader, page);
    if (!rows || rows.value().isEmpty()) {
        m_more = false;
        return;
    }
    const QList<JournalEntry> &more = rows.value();
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows.append(more);
    endInsertRows();
    m_more = more.size() == PageSize;
}

JournalView::JournalView(Vault *vault, const Session *session, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(makeLabel(tr("Security journal"), "title"), 1);
    // Mnemonics of this view, beside the shell's (G H L O S T): B C E F I J P V X.
    auto *back = new QPushButton(tr("&Back to administration"));
    titleRow->addWidget(back, 0, Qt::AlignTop);
    layout->addLayout(titleRow);
    layout->addWidget(makeLabel(tr("Who did what, and when. Every entry is chained to the previous one, so that an "
                                   "entry changed or removed afterwards shows when the chain is verified. Citizens "
                                   "appear only by the number of their file."),
                                "hint"));

    auto *filters = new QFormLayout;
    m_person = new QComboBox;
    m_person->setAccessibleName(tr("Person"));
    m_event = new QComboBox;
    m_event->setAccessibleName(tr("Event"));
    auto makeDate = [](const QString &name) {
        auto *edit = new QDateEdit;
        edit->setAccessibleName(name);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(NoDate);
        edit->setSpecialValueText(tr("Any date"));
        edit->setDate(NoDate);
        return edit;
    };
    m_from = makeDate(tr("From date"));
    m_to = makeDate(tr("Until date"));
    m_object = new QLineEdit;
    m_object->setAccessibleName(tr("Object contains"));
    m_object->setClearButtonEnabled(true);

    auto *personLabel = new QLabel(tr("&Person:"));
    personLabel->setBuddy(m_person);
    auto *eventLabel = new QLabel(tr("&Event:"));
    eventLabel->setBuddy(m_event);
    auto *fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("Unt&il:"));
    toLabel->setBuddy(m_to);
    auto *objectLabel = new QLabel(tr("Ob&ject contains:"));
    objectLabel->setBuddy(m_object);
    auto *who = new QHBoxLayout;
    who->addWidget(m_person, 1);
    who->addWidget(eventLabel);
    who->addWidget(m_event, 2);
    filters->addRow(personLabel, who);
    auto *when = new QHBoxLayout;
    when->addWidget(m_from);
    when->addWidget(toLabel);
    when->addWidget(m_to);
    when->addStretch();
    filters->addRow(fromLabel, when);
    auto *what = new QHBoxLayout;
    what->addWidget(m_object, 1);
    auto *clear = new QPushButton(tr("&Clear filters"));
    what->addWidget(clear);
    filters->addRow(objectLabel, what);
    layout->addLayout(filters);

    m_count = makeLabel(QString(), "hint");
    layout->addWidget(m_count);

    m_model = new JournalModel(this);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Journal entries, newest first"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed widths: measuring contents would read every row.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_table->setColumnWidth(JournalModel::DateColumn, 11 * em);
    m_table->setColumnWidth(JournalModel::PersonColumn, 9 * em);
    m_table->setColumnWidth(JournalModel::EventColumn, 16 * em);
    layout->addWidget(m_table, 1);

    auto *actions = new QHBoxLayout;
    auto *verify = new QPushButton(tr("&Verify the chain"));
    auto *exportButton = new QPushButton(tr("E&xport…"));
    exportButton->setToolTip(tr("Saves the entries shown (with the current filters) as a CSV file, times in UTC."));
    actions->addWidget(verify);
    actions->addWidget(exportButton);
    actions->addStretch();
    layout->addLayout(actions);
    m_result = makeLabel(QString(), "info");
    m_result->setAccessibleName(tr("Result"));
    m_result->hide();
    layout->addWidget(m_result);

    m_objectDelay = new QTimer(this);
    m_objectDelay->setSingleShot(true);
    m_objectDelay->setInterval(300); // typing a uuid must not query at every key
    connect(m_objectDelay, &QTimer::timeout, this, &JournalView::applyFilter);
    connect(m_object, &QLineEdit::textChanged, m_objectDelay, qOverload<>(&QTimer::start));
    connect(m_object, &QLineEdit::returnPressed, this, &JournalView::applyFilter);
    connect(m_person, qOverload<int>(&QComboBox::currentIndexChanged), this, &JournalView::applyFilter);
    connect(m_event, qOverload<int>(&QComboBox::currentIndexChanged), this, &JournalView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &JournalView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &JournalView::applyFilter);
    connect(clear, &QPushButton::clicked, this, &JournalView::clearFilters);
    connect(verify, &QPushButton::clicked, this, [this] { verifyChain(); });
    connect(exportButton, &QPushButton::clicked, this, &JournalView::chooseExportFile);
    connect(back, &QPushButton::clicked, this, &JournalView::backRequested);
}

void JournalView::refresh()
{
    if (!m_vault->isOpen())
        return;
    const Journal &journal = m_vault->journal();
    const QString person = m_person->currentData().toString();
    const QString event = m_event->currentData().toString();
    {
        const QSignalBlocker blockPerson(m_person);
        const QSignalBlocker blockEvent(m_event);
        m_person->clear();
        m_person->addItem(tr("Everyone"), QString());
        for (const QString &actor : journal.actors())
            m_person->addItem(actor, actor);
        m_person->setCurrentIndex(std::max(0, m_person->findData(person)));
        // Sorted by what people read, not by id.
        QList<QPair<QString, QString>> events;
        for (const QString &action : journal.actions())
            events.append({Journal::actionLabel(action), action});
        std::sort(events.begin(), events.end(),
                  [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
        m_event->clear();
        m_event->addItem(tr("All events"), QString());
        for (const auto &e : events)
            m_event->addItem(e.first, e.second);
        m_event->setCurrentIndex(std::max(0, m_event->findData(event)));
    }
    m_model->setJournal(&journal, m_session->account());
    m_model->setFilter(currentFilter());
    updateCount();
}

JournalFilter JournalView::currentFilter() const
{
    JournalFilter f;
    f.actor = m_person->currentData().toString();
    f.action = m_event->currentData().toString();
    f.from = dateOf(m_from);
    f.to = dateOf(m_to);
    f.objectContains = m_object->text().trimmed();
    return f;
}

void JournalView::applyFilter()
{
    m_objectDelay->stop();
    if (!m_vault->isOpen())
        return;
    m_model->setFilter(currentFilter());
    updateCount();
}

void JournalView::clearFilters()
{
    const QSignalBlocker blockPerson(m_person);
    const QSignalBlocker blockEvent(m_event);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    const QSignalBlocker blockObject(m_object);
    m_person->setCurrentIndex(0);
    m_event->setCurrentIndex(0);
    m_from->setDate(NoDate);
    m_to->setDate(NoDate);
    m_object->clear();
    applyFilter();
}

void JournalView::updateCount()
{
    const JournalFilter f = currentFilter();
    const bool filtered =
        !f.actor.isEmpty() || !f.action.isEmpty() || f.from.isValid() || f.to.isValid() || !f.objectContains.isEmpty();
    const int total = static_cast<int>(m_model->total());
    m_count->setText(filtered ? tr("%n matching entries.", nullptr, total) : tr("%n entries.", nullptr, total));
}

void JournalView::announce(const QString &message, bool error)
{
    m_result->setProperty("role", error ? QStringLiteral("error") : QStringLiteral("info"));
    m_result->setAccessibleName(message);  // read as the label's name by screen readers, and announced now
    m_result->style()->unpolish(m_result); // the theme colours it by its role
    m_result->style()->polish(m_result);
    showError(m_result, message);
}

QString JournalView::resultText() const
{
    return m_result->isVisible() ? m_result->text() : QString();
}

Journal::Verification JournalView::verifyChain()
{
    if (!m_vault->isOpen())
        return Journal::Verification{};
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Journal::Verification v = m_vault->journal().verify();
    QApplication::restoreOverrideCursor();
    announce(Journal::describe(v), !v.intact);
    applyFilter(); // the table then shows what the store holds now, as the verdict does

    return v;
}

bool JournalView::exportTo(const QString &path)
{
    if (!m_vault->isOpen())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        announce(tr("The file %1 cannot be written. Choose another folder.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    const JournalFilter filter = currentFilter();
    if (Status s = m_vault->journal().exportCsv(m_session->account(), filter, &file); !s) {
        file.cancelWriting();
        announce(s.message(), true);
        return false;
    }
    if (!file.commit()) {
        announce(tr("The file %1 cannot be written. Choose another folder.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    const auto count = m_vault->journal().count(m_session->account(), filter);
    announce(tr("%n entries exported to %1.", nullptr, count ? static_cast<int>(count.value()) : 0)
                 .arg(QDir::toNativeSeparators(path)),
             false);
    return true;
}

void JournalView::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("journal-%1.csv").arg(m_vault->clock()->now().toLocalTime().date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the journal"), QDir(folder).filePath(name),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) // cancelled: nothing written
        exportTo(path);
}

} // namespace relais::ui
