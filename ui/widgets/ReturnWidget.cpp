#include "ReturnWidget.h"

#include "AppContext.h"
#include "controllers/ReturnController.h"
#include "models/PaymentListModel.h"
#include "models/ReturnLinesModel.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace market::ui {

ReturnWidget::ReturnWidget(AppContext& ctx, ReturnController& controller, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_controller(controller)
    , m_lines(new ReturnLinesModel(ctx, controller, this))
    , m_receipt(new QLineEdit(this))
    , m_saleInfo(new QLabel(this))
    , m_table(new QTableView(this))
    , m_value(new QLabel(this))
    , m_method(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("returnWidget"));
    m_receipt->setObjectName(QStringLiteral("returnReceipt"));
    m_saleInfo->setObjectName(QStringLiteral("returnSaleInfo"));
    m_table->setObjectName(QStringLiteral("returnLines"));
    m_value->setObjectName(QStringLiteral("returnValue"));
    m_method->setObjectName(QStringLiteral("returnMethod"));
    m_reason->setObjectName(QStringLiteral("returnReason"));
    m_message->setObjectName(QStringLiteral("returnMessage"));

    m_receipt->setPlaceholderText(tr("Receipt number, e.g. HYD01-1-000042 (scan or type, Enter)"));
    m_table->setModel(m_lines);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_value->setFont(big);
    for (const auto method :
         {core::PaymentMethod::Cash, core::PaymentMethod::Upi, core::PaymentMethod::Card,
          core::PaymentMethod::BankTransfer, core::PaymentMethod::Cheque, core::PaymentMethod::Wallet})
        m_method->addItem(PaymentListModel::methodText(method), static_cast<int>(method));
    m_reason->setPlaceholderText(tr("Reason (bruised, wrong grade, …)"));
    m_message->setWordWrap(true);

    auto* findButton = new QPushButton(tr("Find"), this);
    auto* latest = new QPushButton(tr("Last sale here"), this);
    latest->setObjectName(QStringLiteral("returnLatest"));
    auto* findRow = new QHBoxLayout;
    findRow->addWidget(m_receipt, 1);
    findRow->addWidget(findButton);
    findRow->addWidget(latest);
    auto* saleBox = new QGroupBox(tr("Sale"), this);
    auto* saleLayout = new QVBoxLayout(saleBox);
    saleLayout->addLayout(findRow);
    saleLayout->addWidget(m_saleInfo);
    saleLayout->addWidget(m_table, 1);

    auto* entry = new QHBoxLayout;
    entry->addWidget(m_value, 1);
    entry->addWidget(new QLabel(tr("Refund by"), this));
    entry->addWidget(m_method);
    entry->addWidget(m_reason, 1);
    auto* save = new QPushButton(tr("Record return (Ctrl+S)"), this);
    save->setObjectName(QStringLiteral("returnSave"));
    entry->addWidget(save);
    auto* reprint = new QPushButton(tr("Reprint (F10)"), this);
    reprint->setObjectName(QStringLiteral("returnReprint"));
    reprint->setToolTip(tr("Print a copy of the last credit note"));
    entry->addWidget(reprint);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(saleBox, 1);
    layout->addLayout(entry);
    layout->addWidget(m_message);

    connect(m_receipt, &QLineEdit::returnPressed, this, &ReturnWidget::find);
    connect(findButton, &QPushButton::clicked, this, &ReturnWidget::find);
    connect(latest, &QPushButton::clicked, this, [this] {
        if (const core::Status st = m_controller.findLatest(); !st.ok()) {
            showMessage(st.error().message, true);
            return;
        }
        m_receipt->setText(m_controller.sale()->receiptNo);
        this->find();
    });
    connect(save, &QPushButton::clicked, this, &ReturnWidget::record);
    connect(m_reason, &QLineEdit::returnPressed, this, &ReturnWidget::record);
    connect(&m_controller, &ReturnController::changed, this, &ReturnWidget::updateView);
    connect(m_lines, &QAbstractItemModel::dataChanged, this, [this] {
        updateView();
        showMessage(QString(), false);
    });
    // A refused edit leaves the old value; say why.
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, [this] {
        if (!m_lines->lastError().isEmpty())
            showMessage(m_lines->lastError(), true);
    });
    auto* saveKey = new QAction(this);
    saveKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    saveKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QAction::triggered, this, &ReturnWidget::record);
    addAction(saveKey);
    connect(reprint, &QPushButton::clicked, this, &ReturnWidget::reprintRequested);
    auto* reprintKey = new QAction(this);
    reprintKey->setShortcut(QKeySequence(Qt::Key_F10));
    reprintKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(reprintKey, &QAction::triggered, this, &ReturnWidget::reprintRequested);
    addAction(reprintKey);
    updateView();
}

QString ReturnWidget::message() const {
    return m_message->text();
}

void ReturnWidget::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
}

void ReturnWidget::find() {
    const core::Status st = m_controller.find(m_receipt->text());
    if (!st.ok()) {
        showMessage(st.error().message, true);
        return;
    }
    showMessage(QString(), false);
    // Straight to the first line that can come back, in the quantity column.
    for (int row = 0; row < m_lines->rowCount(); ++row)
        if (m_lines->flags(m_lines->index(row, ReturnLinesModel::Return)) & Qt::ItemIsEditable) {
            m_table->setFocus();
            m_table->setCurrentIndex(m_lines->index(row, ReturnLinesModel::Return));
            break;
        }
}

void ReturnWidget::record() {
    const auto method = static_cast<core::PaymentMethod>(m_method->currentData().toInt());
    auto done = m_controller.commit(method, m_reason->text());
    if (!done.ok()) {
        showMessage(done.error().message, true);
        return;
    }
    m_reason->clear();
    showMessage(tr("Returned %1: credit reduced by %2, refund %3 by %4.")
                    .arg(m_ctx.money(done->total), m_ctx.money(done->creditReduction),
                         m_ctx.money(done->refund), PaymentListModel::methodText(done->refundMethod)),
                false);
}

void ReturnWidget::updateView() {
    if (const auto& sale = m_controller.sale())
        m_saleInfo->setText(tr("%1 · %2 · total %3 · on credit %4")
                                .arg(sale->receiptNo, m_ctx.dateTime(sale->createdAtMs),
                                     m_ctx.money(sale->total), m_ctx.money(sale->credit)));
    else
        m_saleInfo->setText(tr("Find the sale by its receipt number."));
    m_value->setText(tr("Goods back: %1").arg(m_ctx.money(m_controller.previewValue())));
}

} // namespace market::ui
