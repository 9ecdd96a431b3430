#include "SearchField.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

namespace market::ui {

namespace {
constexpr int kDebounceMs = 40; // below the eye's notice, above a keystroke burst
}

SearchField::SearchField(QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_debounce(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    m_list->setMaximumHeight(150);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->hide();
    m_edit->installEventFilter(this);
    m_edit->setClearButtonEnabled(true);
    setFocusProxy(m_edit);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { m_debounce->start(); });
    connect(m_debounce, &QTimer::timeout, this, [this] {
        emit queryChanged(m_edit->text());
        showResults(true);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &SearchField::pickCurrent);
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        m_list->setCurrentIndex(index);
        pickCurrent();
    });
}

void SearchField::setModel(QAbstractItemModel* model) {
    m_list->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_list->model()->rowCount() > 0)
            m_list->setCurrentIndex(m_list->model()->index(0, 0));
    });
}

void SearchField::setPlaceholderText(const QString& text) {
    m_edit->setPlaceholderText(text);
}

void SearchField::setText(const QString& text) {
    m_edit->setText(text);
}

QString SearchField::text() const {
    return m_edit->text();
}

void SearchField::showResults(bool show) {
    m_list->setVisible(show);
}

void SearchField::pickCurrent() {
    if (m_debounce->isActive()) {
        // Enter came before the debounce ran: search now so the pick matches what was typed.
        m_debounce->stop();
        emit queryChanged(m_edit->text());
    }
    if (!m_list->model() || m_list->model()->rowCount() == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    showResults(false);
    emit picked(row);
}

bool SearchField::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::KeyPress && m_list->model()) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int rows = m_list->model()->rowCount();
        const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
        if (key->key() == Qt::Key_Down && rows > 0) {
            showResults(true);
            m_list->setCurrentIndex(m_list->model()->index(std::min(row + 1, rows - 1), 0));
            return true;
        }
        if (key->key() == Qt::Key_Up && rows > 0) {
            m_list->setCurrentIndex(m_list->model()->index(std::max(row - 1, 0), 0));
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_list->isVisible()) {
            showResults(false);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace market::ui
