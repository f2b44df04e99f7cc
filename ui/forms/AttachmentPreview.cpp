#include "AttachmentPreview.h"

#include "common/Ui.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QPdfDocument>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace relais::ui {

AttachmentPreview::AttachmentPreview(QByteArray bytes, const QString &contentType, const QString &filename,
                                     QWidget *parent)
    : QDialog(parent), m_bytes(std::move(bytes))
{
    // A window title shows in task bars and window lists: a file name may name the person, so it stays inside.
    setWindowTitle(tr("Preview of the document"));
    auto *layout = new QVBoxLayout(this);
    m_view = new QLabel;
    m_view->setAlignment(Qt::AlignCenter);
    m_view->setAccessibleName(tr("Preview of %1").arg(filename));
    auto *scroll = new QScrollArea;
    // It takes the focus (arrows scroll a page larger than the window): a screen reader names it as the page shown.
    scroll->setAccessibleName(m_view->accessibleName());
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 1);

    auto *nav = new QHBoxLayout;
    m_previous = new QPushButton(tr("&Previous page"));
    m_next = new QPushButton(tr("&Next page"));
    m_pageLabel = makeLabel(QString(), "info");
    nav->addWidget(m_previous);
    nav->addWidget(m_pageLabel, 1, Qt::AlignCenter);
    nav->addWidget(m_next);
    layout->addLayout(nav);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_previous, &QPushButton::clicked, this, [this] { showPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPage(m_page + 1); });

    if (contentType == QLatin1String("application/pdf")) {
        m_buffer = new QBuffer(&m_bytes, this);
        m_buffer->open(QIODevice::ReadOnly);
        m_pdf = new QPdfDocument(this);
        m_pdf->load(m_buffer);
    }
    const QSize screen =
        QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableSize() : QSize(1280, 800);
    resize(qMin(900, screen.width() - 80), screen.height() - 120);
    showPage(0);
}

AttachmentPreview::~AttachmentPreview()
{
    if (m_pdf)
        m_pdf->close();
    m_bytes.fill('\0');
}

int AttachmentPreview::pageCount() const
{
    return m_pdf ? m_pdf->pageCount() : 1;
}

QImage AttachmentPreview::image() const
{
    return m_view->pixmap().toImage();
}

void AttachmentPreview::showPage(int page)
{
    const int count = pageCount();
    m_page = qBound(0, page, qMax(0, count - 1));
    QImage image;
    const int width = qMax(400, this->width() - 80);
    if (m_pdf) {
        if (m_pdf->status() == QPdfDocument::Status::Ready && count > 0) {
            const QSizeF points = m_pdf->pagePointSize(m_page);
            const QSize size(width, int(points.height() * width / qMax(1.0, points.width())));
            image = m_pdf->render(m_page, size);
        }
    } else {
        image = QImage::fromData(m_bytes);
        if (!image.isNull() && image.width() > width)
            image = image.scaledToWidth(width, Qt::SmoothTransformation);
    }
    if (image.isNull()) {
        m_view->setText(tr("This document cannot be shown, but it is kept as it was given."));
    } else {
        m_view->setPixmap(QPixmap::fromImage(image));
    }
    m_pageLabel->setText(tr("Page %1 of %2").arg(m_page + 1).arg(qMax(1, count)));
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < count);
    m_previous->setVisible(count > 1);
    m_next->setVisible(count > 1);
}

} // namespace relais::ui
