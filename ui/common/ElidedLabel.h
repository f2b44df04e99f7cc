#pragma once

#include <QLabel>

namespace relais::ui {

// A label kept on one line: when its room is short the text ends with "…", and the whole text stays in its tooltip
// and accessible name. For names in bars (the structure, the person signed in) that would otherwise wrap over
// several lines at 200 % text and take the height the page needs.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    // `role` as makeLabel's: the theme styles it.
    explicit ElidedLabel(const char *role, QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }

    // As wide as the whole text when there is room; down to a few letters when there is not.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();
    // What the label adds around its text (margins, the style's padding).
    int frameWidth() const;

    QString m_full;
};

} // namespace relais::ui
