#include "ElidedLabel.h"

#include <QEvent>

namespace relais::ui {

ElidedLabel::ElidedLabel(const char *role, QWidget *parent) : QLabel(parent)
{
    setProperty("role", QLatin1String(role));
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    setToolTip(text);
    setAccessibleName(text); // a screen reader reads the whole text, not what fits
    updateGeometry();
    elide();
}

int ElidedLabel::frameWidth() const
{
    const QMargins m = contentsMargins();
    return m.left() + m.right() + 2 * margin();
}

QSize ElidedLabel::sizeHint() const
{
    QSize size = QLabel::sizeHint();
    size.setWidth(fontMetrics().horizontalAdvance(m_full) + frameWidth() + 1);
    return size;
}

QSize ElidedLabel::minimumSizeHint() const
{
    QSize size = QLabel::minimumSizeHint();
    const int few = fontMetrics().horizontalAdvance(m_full.left(6) + QStringLiteral("…")) + frameWidth() + 1;
    size.setWidth(qMin(few, sizeHint().width()));
    return size;
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // The text size or the theme changed: what fits changed with it.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        elide();
    }
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(m_full, Qt::ElideRight, qMax(0, room));
    if (shown != text())
        setText(shown); // the size hints do not follow the shown text: no new layout round
}

} // namespace relais::ui
