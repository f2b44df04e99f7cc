#include "OutboxPage.h"

#include "OutboxModel.h"
#include "StoreAccess.h"
#include "SyncEngine.h"
#include "SyncStore.h"
#include "catalogue/Catalogue.h"
#include "common/Ui.h"
#include "domain/AttachmentStore.h"
#include "domain/CitizenRepository.h"
#include "domain/Recepisse.h"
#include "domain/SubmissionRepository.h"
#include "domain/Workspace.h"
#include "security/Vault.h"
#include "shell/Accompaniment.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <numeric>

namespace relais::ui {

namespace {

void announce(QWidget *widget)
{
    QAccessibleEvent event(widget, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

} // namespace

OutboxPage::OutboxPage(Vault *vault, const catalogue::CatalogueStore *catalogue, QWidget *parent)
    : QWidget(parent), m_vault(vault), m_model(new OutboxModel(catalogue, this)), m_catalogue(catalogue)
{
    // At 200 % text on a 768 px screen the sentences, the table and the buttons do not all fit: the page scrolls
    // rather than squeeze the table to a sliver or widen the window beyond the screen.
    auto *layout = new QVBoxLayout(scrollingContent(this));
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(makeLabel(tr("Sending to the platform"), "title"));
    layout->addWidget(makeLabel(tr("Queued démarches leave on their own whenever the platform can be reached. Those "
                                   "refused by the platform wait here for you."),
                                "hint"));

    auto *actions = new QHBoxLayout;
    m_syncNow = new QPushButton(tr("S&ynchronise now"));
    m_syncNow->setToolTip(tr("Send what waits and fetch the news, without waiting for the next automatic round"));
    m_cancel = new QPushButton(tr("Sto&p"));
    m_cancel->setToolTip(tr("Stop after the piece being sent; nothing already sent is lost"));
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Progress of the synchronisation"));
    m_progress->setVisible(false);
    actions->addWidget(m_syncNow);
    actions->addWidget(m_cancel);
    actions->addWidget(m_progress, 1);
    actions->addStretch(); // the buttons keep their size while no progress shows
    layout->addLayout(actions);
    m_summary = makeLabel(QString(), "info");
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Démarches sent or waiting"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // The columns are sized by fitColumns (never cutting a word); headers wrap at their words like the cells.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideNone);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    m_table->setWordWrap(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->installEventFilter(this);
    m_table->viewport()->installEventFilter(this);
    layout->addWidget(m_table, 1);

    m_detail = makeLabel(QString(), "info");
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->hide(); // until it says something: an empty stop in the Tab order says nothing to a screen reader
    layout->addWidget(m_detail);
    m_updates = new QListWidget;
    m_updates->setAccessibleName(tr("News from the instructing service"));
    m_updates->setMaximumHeight(120);
    m_updates->setWordWrap(true);
    m_updates->hide();
    layout->addWidget(m_updates);
    // The person's file on a row of its own: beside the récépissé's two buttons it would not fit at 200 %.
    auto *fileRow = new QHBoxLayout;
    auto *itemActions = new QHBoxLayout;
    m_resend = new QPushButton(tr("&Correct and resend"));
    m_resend->setToolTip(tr("Open the démarche again as a draft, correct it, then queue it again"));
    m_discard = new QPushButton(tr("&Discard this démarche"));
    markDestructive(m_discard);
    m_printReceipt = new QPushButton(tr("Print the &receipt"));
    m_printReceipt->setObjectName(QStringLiteral("printReceipt"));
    m_printReceipt->setToolTip(tr("The receipt to hand to the person, with the organisation's reference"));
    m_saveReceipt = new QPushButton(tr("Save the receipt to a folder…"));
    m_openFile = new QPushButton(tr("Open the person's &file"));
    m_openFile->setObjectName(QStringLiteral("outboxOpenFile"));
    m_openFile->setToolTip(tr("The file of the person this démarche is for, in Citizens"));
    fileRow->addWidget(m_openFile);
    fileRow->addStretch(1);
    layout->addLayout(fileRow);
    itemActions->addWidget(m_resend);
    itemActions->addWidget(m_discard);
    itemActions->addWidget(m_printReceipt);
    itemActions->addWidget(m_saveReceipt);
    itemActions->addStretch(1);
    layout->addLayout(itemActions);

    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (!m_engine)
            return;
        m_engine->start(true);
        if (m_engine->isRunning())
            roundStarted();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->cancel();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &OutboxPage::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPage::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPage::fitColumns);
    connect(m_resend, &QPushButton::clicked, this, &OutboxPage::resendSelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxPage::discardSelected);
    connect(m_printReceipt, &QPushButton::clicked, this, &OutboxPage::printReceiptOfSelected);
    connect(m_saveReceipt, &QPushButton::clicked, this, &OutboxPage::saveReceiptOfSelected);
    connect(m_openFile, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (const qint64 citizen = current.isValid() ? m_model->personAt(current.row()).citizenId : 0; citizen != 0)
            Q_EMIT openFileRequested(citizen);
    });
    showSelected();
}

bool OutboxPage::eventFilter(QObject *watched, QEvent *event)
{
    const bool resized = watched == m_table->viewport() && event->type() == QEvent::Resize;
    const bool restyled =
        watched == m_table && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange);
    if (resized || restyled)
        QMetaObject::invokeMethod(this, &OutboxPage::fitColumns, Qt::QueuedConnection); // after the new layout
    return QWidget::eventFilter(watched, event);
}

void OutboxPage::fitColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics cellMetrics(m_table->font());
    const QFontMetrics headerMetrics(header->font());
    // The delegate's margins on both sides, the grid's line, and a pixel for the text's fractional width.
    const int cellMargin = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 2;
    const auto longestWord = [](const QFontMetrics &metrics, const QString &text) {
        const QFontMetricsF exact(metrics);
        int widest = 0;
        for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
            widest = qMax(widest, int(std::ceil(exact.horizontalAdvance(word))));
        return widest;
    };
    const auto headerText = [this](int column) {
        return m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    };
    // The header's margins include the theme's padding, which only the style's size for a section knows.
    const auto headerMarginOf = [&](int column) {
        return qMax(0, header->sectionSizeHint(column) - headerMetrics.horizontalAdvance(headerText(column))) + 2;
    };
    // Each column's narrowest width (its longest word, header included: no word is ever cut or broken) and its width
    // on one line. The platform reference, read out to the citizen, is never broken: its narrowest is its whole.
    QList<int> narrowest(OutboxModel::ColumnCount), oneLine(OutboxModel::ColumnCount);
    for (int column = 0; column < OutboxModel::ColumnCount; ++column) {
        const int headerMargin = headerMarginOf(column);
        int low = longestWord(headerMetrics, headerText(column)) + headerMargin;
        int full = headerMetrics.horizontalAdvance(headerText(column)) + headerMargin;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString text = m_model->data(m_model->index(row, column)).toString();
            low = qMax(low, longestWord(cellMetrics, text) + cellMargin);
            full = qMax(full, cellMetrics.horizontalAdvance(text) + cellMargin);
        }
        narrowest[column] = column == OutboxModel::ReferenceColumn ? full : low;
        oneLine[column] = full;
    }
    // A vertical scroll bar's width is always kept free: rows that wrap differently make it come and go, and the
    // columns must not change with it.
    const int room = m_table->maximumViewportSize().width() -
                     m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table) - 2;
    const int sentences[] = {OutboxModel::DemarcheColumn, OutboxModel::StateColumn, OutboxModel::NewsColumn};
    const int shortColumns[] = {OutboxModel::PersonColumn, OutboxModel::QueuedColumn, OutboxModel::ProgressColumn,
                                OutboxModel::ReferenceColumn};
    QList<int> widths = narrowest;
    int spare = room - std::accumulate(widths.cbegin(), widths.cend(), 0);
    // The short columns on one line first, then the sentences share what is left (more of it than they need when
    // everything fits). When even the narrowest do not fit (a very large text), the table scrolls sideways: the
    // last resort, rather than cut a word.
    for (const int column : shortColumns) {
        const int more = qBound(0, oneLine[column] - widths[column], qMax(0, spare));
        widths[column] += more;
        spare -= more;
    }
    QList<int> waiting(std::cbegin(sentences), std::cend(sentences));
    for (int left = int(waiting.size()); left > 0 && spare > 0; --left) {
        // The sentence that needs the least more takes at most an equal share; the others share the rest.
        int leastNeedy = waiting.first();
        for (const int column : waiting)
            if (oneLine[column] - widths[column] < oneLine[leastNeedy] - widths[leastNeedy])
                leastNeedy = column;
        waiting.removeOne(leastNeedy);
        const int more = left == 1 ? spare : qMin(spare / left, oneLine[leastNeedy] - widths[leastNeedy]);
        widths[leastNeedy] += qMax(0, more);
        spare -= qMax(0, more);
    }
    if (spare > 0)
        widths[OutboxModel::NewsColumn] += spare;
    // Headers wrap at their words like the cells, and the header row is as tall as its tallest title.
    int headerHeight = 0;
    for (int column = 0; column < OutboxModel::ColumnCount; ++column)
        headerHeight =
            qMax(headerHeight, headerMetrics
                                   .boundingRect(QRect(0, 0, widths[column] - headerMarginOf(column), 100000),
                                                 Qt::TextWordWrap, headerText(column))
                                   .height());
    header->setMinimumHeight(headerHeight + qMax(0, header->sizeHint().height() - headerMetrics.height()));
    // Room for a row of a few lines at least, and the sideways scroll bar: the page scrolls around it if need be.
    m_table->setMinimumHeight(header->minimumHeight() + 4 * cellMetrics.lineSpacing() + 2 * m_table->frameWidth() +
                              m_table->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_table) + 8);
    for (int column = 0; column < OutboxModel::ColumnCount; ++column)
        if (header->sectionSize(column) != widths[column])
            header->resizeSection(column, widths[column]);
}

void OutboxPage::setWorkspace(Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_account = workspace ? workspace->account() : Account();
    m_hidden = false;
    if (workspace) {
        // A démarche queued, corrected or discarded, here or by another program, shows at once.
        for (auto changed : {&Workspace::queueChanged, &Workspace::syncStateChanged})
            connect(workspace, changed, this, &OutboxPage::queueRefresh);
        connect(workspace, &Workspace::submissionChanged, this, &OutboxPage::queueRefresh);
    }
    refresh();
}

void OutboxPage::queueRefresh()
{
    if (m_hidden || std::exchange(m_refreshQueued, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refreshQueued = false;
            refresh();
        },
        Qt::QueuedConnection);
}

void OutboxPage::hideWork()
{
    m_hidden = true;
    m_model->setItems({});
    m_summary->clear(); // a round's summary may carry the platform's words
    showDetail(QString());
    m_updates->clear();
    m_updates->hide();
    m_resend->hide();
    m_discard->hide();
    m_printReceipt->hide();
    m_saveReceipt->hide();
    m_openFile->hide();
}

void OutboxPage::setAccompaniment(Accompaniment *accompaniment)
{
    if (m_accompaniment)
        disconnect(m_accompaniment, nullptr, this, nullptr);
    m_accompaniment = accompaniment;
    if (accompaniment)
        connect(accompaniment, &Accompaniment::changed, this, &OutboxPage::queueRefresh);
    queueRefresh();
}

void OutboxPage::resumeWork()
{
    m_hidden = false;
    refresh();
}

void OutboxPage::setEngine(sync::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_syncNow->setEnabled(engine != nullptr);
    if (!engine)
        return;
    connect(engine, &sync::SyncEngine::itemProgress, this, [this](qint64 id, qint64 sent, qint64 total) {
        m_model->setProgress(id, sent, total);
        if (!m_cancel->isEnabled())
            roundStarted(); // an automatic round
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(1000 * sent / total) : 0);
    });
    connect(engine, &sync::SyncEngine::timeRemaining, this, [this](qint64 seconds) {
        // On a bus's slow link a round takes minutes: say roughly how many, never a precise figure that jumps.
        if (seconds < 0)
            m_summary->setText(tr("Synchronising…"));
        else if (seconds < 60)
            m_summary->setText(tr("Synchronising… less than a minute left."));
        else
            m_summary->setText(tr("Synchronising… about %n minute(s) left.", nullptr, int((seconds + 30) / 60)));
    });
    connect(engine, &sync::SyncEngine::itemChanged, this, [this] { refresh(); });
    connect(engine, &sync::SyncEngine::finished, this, &OutboxPage::roundFinished);
    if (engine->isRunning())
        roundStarted();
}

void OutboxPage::roundStarted()
{
    m_syncNow->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first upload tells how far it is
    m_progress->setVisible(true);
    m_summary->setText(tr("Synchronising…"));
}

void OutboxPage::roundFinished(const sync::RoundSummary &summary)
{
    m_syncNow->setEnabled(m_engine != nullptr);
    m_cancel->setEnabled(false);
    m_progress->setVisible(false);
    QString text;
    if (summary.busyElsewhere) {
        text = summary.error; // another program's round: this kiosk tries again shortly, on its own
    } else if (summary.stopped) {
        text = tr("Synchronisation stopped: %1 An administrator must enrol this kiosk again (Administration).")
                   .arg(summary.stoppedReason);
    } else if (!summary.online) {
        // The engine's own sentence already says what happened and that it will try again: said once, not nested.
        text = summary.error.isEmpty()
                   ? tr("The platform cannot be reached. The démarches wait here safely and will leave on their own.")
                   : summary.error;
    } else {
        text = tr("Synchronised at %1: %n démarche(s) delivered", nullptr, summary.delivered)
                   .arg(QLocale().toString(m_vault->clock()->now().toLocalTime().time(), QLocale::ShortFormat));
        if (summary.quarantined > 0)
            text += QLatin1String(", ") + tr("%n refused by the platform (see below)", nullptr, summary.quarantined);
        if (summary.waiting > 0)
            text += QLatin1String(", ") + tr("%n still waiting", nullptr, summary.waiting);
        if (summary.statusUpdates > 0)
            text += QLatin1String(", ") + tr("%n piece(s) of news", nullptr, summary.statusUpdates);
        text += QLatin1Char('.');
        if (!summary.catalogueError.isEmpty())
            text += QLatin1Char(' ') + summary.catalogueError;
        // The platform answered its health check, yet something on the network answered instead of it for some
        // items: they stay here, and the mediator learns why they did not leave.
        if (!summary.networkProblem.isEmpty())
            text += QLatin1Char(' ') + summary.networkProblem;
    }
    m_summary->setText(m_hidden ? QString() : text); // the platform's words may quote the person
    announce(m_summary);
    refresh();
}

void OutboxPage::refresh()
{
    if (m_hidden)
        return; // locked: deliveries go on, their rows come back on unlock
    if (!m_workspace || !m_vault->isOpen()) {
        m_model->setItems({});
        return;
    }
    const qint64 selected = selectedId();
    const auto items = sync::StoreAccess::store(*m_workspace).outbox(m_account);
    if (!items) {
        m_summary->setText(items.message());
        return;
    }
    // Whose each démarche is, through the repositories (Access applies); during an accompaniment only the person's
    // own démarches stay (a démarche "without a file" during one without a file), so that no other name shows.
    const bool inContext = m_accompaniment && m_accompaniment->isActive();
    const qint64 person = inContext ? m_accompaniment->citizenId() : 0;
    QList<sync::OutboxItem> shown;
    QHash<qint64, OutboxModel::Person> people;
    QHash<qint64, QString> names; // by citizen: one file read per person, not per démarche
    for (const sync::OutboxItem &item : items.value()) {
        const Result<Submission> s = m_workspace->submissions().load(m_account, item.submissionId);
        const qint64 citizen = s ? s->citizenId : 0;
        if (inContext && (!s || citizen != person))
            continue;
        OutboxModel::Person who{citizen, QString()};
        if (citizen != 0) {
            auto known = names.constFind(citizen);
            if (known == names.constEnd()) {
                const Result<Citizen> c = m_workspace->citizens().load(m_account, citizen);
                known = names.insert(citizen, c ? c->displayName() : QString());
            }
            who.name = known.value();
            if (who.name.isEmpty())
                who.citizenId = 0; // a file that cannot be read (erased meanwhile) cannot be opened either
        }
        people.insert(item.submissionId, who);
        shown << item;
    }
    m_model->setItems(shown, people);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_table->selectRow(row);
}

qint64 OutboxPage::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->itemAt(current.row()).submissionId : 0;
}

void OutboxPage::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const bool any = current.isValid();
    const sync::OutboxItem item = any ? m_model->itemAt(current.row()) : sync::OutboxItem{};
    const bool quarantined = item.state == SubmissionState::Quarantined;
    const bool mayAct = m_account.role != Role::Volunteer;
    m_resend->setVisible(quarantined && mayAct);
    m_discard->setVisible(quarantined && mayAct);
    m_printReceipt->setVisible(!item.reference.isEmpty());
    m_saveReceipt->setVisible(!item.reference.isEmpty());
    m_openFile->setVisible(any && m_model->personAt(current.row()).citizenId != 0);
    m_updates->clear();
    for (const sync::StatusUpdate &u : item.updates) {
        const QString when = QLocale().toString(u.at.toLocalTime(), QLocale::ShortFormat);
        const QString status = SubmissionRepository::stateLabel(u.status);
        m_updates->addItem(u.message.isEmpty() ? tr("%1 — %2").arg(when, status)
                                               : tr("%1 — %2: %3").arg(when, status, u.message));
    }
    m_updates->setVisible(any && !item.updates.isEmpty());
    if (!any) {
        showDetail(m_model->rowCount() == 0 ? tr("Nothing has been queued yet.") : QString());
        return;
    }
    QString detail = tr("%1 — %2").arg(m_model->demarcheTitle(item), OutboxModel::stateText(item));
    if (quarantined)
        detail += QLatin1String("\n") + tr("Why the platform refused it: %1").arg(item.quarantineReason);
    else if (!item.reference.isEmpty())
        detail += QLatin1String("\n") +
                  tr("Platform reference %1, received on %2")
                      .arg(item.reference, QLocale().toString(item.deliveredAt.toLocalTime(), QLocale::ShortFormat));
    else if (!item.lastError.isEmpty())
        detail += QLatin1String("\n") + tr("Last try: %1").arg(item.lastError);
    showDetail(detail);
}

void OutboxPage::showDetail(const QString &text)
{
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
}

bool OutboxPage::receiptOfSelected(RecepisseContent *content)
{
    const qint64 id = selectedId();
    if (id == 0 || !m_workspace)
        return false;
    const Result<Submission> submission = m_workspace->submissions().load(m_account, id);
    if (!submission) {
        showDetail(submission.message());
        return false;
    }
    const catalogue::DemarchePtr demarche = m_catalogue->current().demarche(submission->demarcheId);
    if (!demarche || submission->receipt.value(QLatin1String("reference")).toString().isEmpty())
        return false;
    QString person;
    if (submission->citizenId != 0)
        if (const Result<Citizen> c = m_workspace->citizens().load(m_account, submission->citizenId); c)
            person = c->displayName();
    const Result<QList<AttachmentInfo>> files = m_workspace->attachments().list(m_account, id);
    if (!files) {
        showDetail(files.message());
        return false;
    }
    *content = Recepisse::contentFor(submission.value(), *demarche, person, m_vault->keySlots().structureName(),
                                     catalogueLanguage(), m_vault->clock(), files.value());
    return true;
}

bool OutboxPage::printReceiptOfSelected()
{
    RecepisseContent content;
    if (!receiptOfSelected(&content))
        return false;
    QString error;
    const QDateTime now = m_vault->clock()->now();
    const bool printed = m_paper.print(
        this, [&](QPagedPaintDevice *device) { return Recepisse::print(device, content, now); }, &error);
    if (!error.isEmpty())
        showDetail(error);
    return printed;
}

bool OutboxPage::saveReceiptOfSelected()
{
    RecepisseContent content;
    if (!receiptOfSelected(&content))
        return false;
    QString error;
    const QDateTime now = m_vault->clock()->now();
    const QString name =
        QCoreApplication::translate("relais::ui::DemarchesPage", "receipt-%1.pdf")
            .arg(now.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('-') + content.localReference.left(8));
    const QString path = m_paper.saveToFolder(
        this, name, [&](const QString &pdf) { return Recepisse::writePdf(pdf, content, now); }, &error);
    if (!error.isEmpty())
        showDetail(error);
    if (path.isEmpty())
        return false;
    m_vault->record(m_account.login, QStringLiteral("document_saved_to_folder"), QStringLiteral("recepisse"));
    return true;
}

void OutboxPage::resendSelected()
{
    const qint64 id = selectedId();
    if (id == 0 || !m_workspace)
        return;
    if (const Status s = sync::StoreAccess::store(*m_workspace).reopenForCorrection(m_account, id); !s) {
        showDetail(s.message());
        announce(m_detail);
        return;
    }
    refresh();
    Q_EMIT correctRequested(id);
}

void OutboxPage::discardSelected()
{
    const qint64 id = selectedId();
    if (id == 0 || !m_workspace)
        return;
    QMessageBox ask(QMessageBox::Warning, tr("Discard this démarche?"),
                    tr("Its answers and documents are deleted from this kiosk and it will never be sent. The person's "
                       "file stays."),
                    QMessageBox::NoButton, this);
    QPushButton *discard = ask.addButton(tr("Discard it"), QMessageBox::DestructiveRole);
    QPushButton *keep = ask.addButton(tr("Keep it"), QMessageBox::RejectRole);
    ask.setDefaultButton(keep);
    ask.exec();
    if (ask.clickedButton() != discard)
        return;
    if (const Status s = m_workspace->submissions().discard(m_account, id); !s) {
        showDetail(s.message());
        announce(m_detail);
        return;
    }
    refresh();
}

} // namespace relais::ui
