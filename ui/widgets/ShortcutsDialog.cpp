#include "ShortcutsDialog.h"

#include "SellWidget.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace market::ui {

std::vector<std::pair<QString, QString>> ShortcutsDialog::globalShortcuts() {
    return {
        {QStringLiteral("F1"), tr("This list")},
        {QStringLiteral("Alt+1"), tr("Sell screen")},
        {QStringLiteral("Alt+2"), tr("Arrivals screen")},
        {QStringLiteral("Alt+3"), tr("Collect screen")},
        {QStringLiteral("Alt+4"), tr("Drawer: open, cash in/out, close")},
        {QStringLiteral("Alt+5"), tr("Returns against a receipt")},
        {QStringLiteral("Ctrl+L"), tr("Lock the counter")},
        {QStringLiteral("Ctrl+Shift+L"), tr("Switch cashier")},
        {QStringLiteral("Ctrl+,"), tr("Settings (language, printer)")},
        {QStringLiteral("Ctrl+S"), tr("Arrivals / Collect: record")},
        {QStringLiteral("F10"), tr("Returns: reprint the last credit note")},
        {QStringLiteral("Ctrl+Q"), tr("Quit")},
    };
}

ShortcutsDialog::ShortcutsDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    auto rows = globalShortcuts();
    for (auto& r : SellWidget::shortcuts())
        rows.push_back(r);
    auto* table = new QTableWidget(static_cast<int>(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does")});
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[static_cast<size_t>(i)].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[static_cast<size_t>(i)].second));
    }
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnToContents(0);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace market::ui
