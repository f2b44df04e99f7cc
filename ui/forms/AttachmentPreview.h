#pragma once

#include <QDialog>

class QBuffer;
class QLabel;
class QPdfDocument;
class QPushButton;

namespace relais::ui {

// Shows an attachment read back from the store, page by page for a PDF. The bytes stay in memory (never written
// to a file for a viewer) and are wiped when the window closes.
class AttachmentPreview : public QDialog
{
    Q_OBJECT
public:
    AttachmentPreview(QByteArray bytes, const QString &contentType, const QString &filename, QWidget *parent = nullptr);
    ~AttachmentPreview() override;

    int pageCount() const;
    int currentPage() const { return m_page; }
    // What is shown now (for tests and screenshots).
    QImage image() const;

private:
    void showPage(int page);

    QByteArray m_bytes;
    QBuffer *m_buffer = nullptr;
    QPdfDocument *m_pdf = nullptr;
    QLabel *m_view;
    QLabel *m_pageLabel;
    QPushButton *m_previous;
    QPushButton *m_next;
    int m_page = 0;
};

} // namespace relais::ui
