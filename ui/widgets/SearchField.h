#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QListView;
class QTimer;

namespace market::ui {

/// A line edit with a result list under it, for search as you type: typing emits
/// queryChanged (debounced a little so fast typists are never held up); Up/Down move in the
/// list; Enter picks the current row (the first by default); Esc hides the list.
class SearchField : public QWidget {
    Q_OBJECT
public:
    explicit SearchField(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model);
    void setPlaceholderText(const QString& text);
    QLineEdit* lineEdit() const { return m_edit; }
    QListView* listView() const { return m_list; }
    void setText(const QString& text);
    QString text() const;
    void showResults(bool show);

signals:
    void queryChanged(const QString& text);
    void picked(int row);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void pickCurrent();
    QLineEdit* m_edit;
    QListView* m_list;
    QTimer* m_debounce;
};

} // namespace market::ui
