#include "CollectWidget.h"

#include "AppContext.h"
#include "InputValidators.h"
#include "SearchField.h"
#include "controllers/CollectController.h"
#include "models/OpenCreditModel.h"
#include "models/PartyListModel.h"
#include "models/PaymentListModel.h"

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

CollectWidget::CollectWidget(AppContext& ctx, CollectController& controller, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_controller(controller)
    , m_buyers(new PartyListModel(ctx, core::PartyKind::Buyer, this))
    , m_credits(new OpenCreditModel(ctx, this))
    , m_buyerSearch(new SearchField(this))
    , m_outstanding(new QLabel(this))
    , m_table(new QTableView(this))
    , m_amount(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_reference(new QLineEdit(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("collectWidget"));
    m_buyerSearch->lineEdit()->setObjectName(QStringLiteral("collectBuyerEdit"));
    m_outstanding->setObjectName(QStringLiteral("collectOutstanding"));
    m_table->setObjectName(QStringLiteral("creditTable"));
    m_amount->setObjectName(QStringLiteral("collectAmount"));
    m_method->setObjectName(QStringLiteral("collectMethod"));
    m_message->setObjectName(QStringLiteral("collectMessage"));

    m_buyerSearch->setModel(m_buyers);
    m_buyerSearch->setPlaceholderText(tr("Buyer: name, code or phone"));
    QFont big = m_outstanding->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_outstanding->setFont(big);
    m_table->setModel(m_credits);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_amount->setValidator(new MoneyValidator(m_amount));
    m_amount->setPlaceholderText(tr("Amount received"));
    m_reference->setPlaceholderText(tr("Reference (optional)"));
    for (const auto method :
         {core::PaymentMethod::Cash, core::PaymentMethod::Upi, core::PaymentMethod::Card,
          core::PaymentMethod::BankTransfer, core::PaymentMethod::Cheque, core::PaymentMethod::Wallet})
        m_method->addItem(PaymentListModel::methodText(method), static_cast<int>(method));
    m_message->setWordWrap(true);

    auto* buyerBox = new QGroupBox(tr("Buyer"), this);
    auto* buyerLayout = new QVBoxLayout(buyerBox);
    buyerLayout->addWidget(m_buyerSearch);
    buyerLayout->addWidget(m_outstanding);

    auto* creditsBox = new QGroupBox(tr("Open credits, oldest first"), this);
    auto* creditsLayout = new QVBoxLayout(creditsBox);
    creditsLayout->addWidget(m_table);

    auto* entry = new QHBoxLayout;
    entry->addWidget(m_amount, 1);
    entry->addWidget(m_method);
    entry->addWidget(m_reference, 1);
    auto* save = new QPushButton(tr("Collect and print (Enter)"), this);
    save->setObjectName(QStringLiteral("collectSave"));
    entry->addWidget(save);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buyerBox);
    layout->addWidget(creditsBox, 1);
    layout->addLayout(entry);
    layout->addWidget(m_message);

    connect(m_buyerSearch, &SearchField::queryChanged, m_buyers, &PartyListModel::setQuery);
    connect(m_buyerSearch, &SearchField::picked, this, &CollectWidget::pickBuyer);
    connect(m_amount, &QLineEdit::textChanged, this, &CollectWidget::updatePreview);
    connect(m_amount, &QLineEdit::returnPressed, this, &CollectWidget::collect);
    connect(m_reference, &QLineEdit::returnPressed, this, &CollectWidget::collect);
    connect(save, &QPushButton::clicked, this, &CollectWidget::collect);
    connect(&m_controller, &CollectController::changed, this, &CollectWidget::updateView);
    auto* saveKey = new QAction(this);
    saveKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    saveKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QAction::triggered, this, &CollectWidget::collect);
    addAction(saveKey);
    m_buyers->setQuery(QString());
    updateView();
}

QString CollectWidget::message() const {
    return m_message->text();
}

void CollectWidget::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
}

void CollectWidget::pickBuyer(int row) {
    if (const core::PartyDoc* buyer = m_buyers->party(row)) {
        m_buyerSearch->setText(QStringLiteral("%1 %2").arg(buyer->code, buyer->name));
        m_controller.setBuyer(*buyer);
        m_amount->setFocus();
    }
}

void CollectWidget::updateView() {
    if (const auto& buyer = m_controller.buyer())
        m_outstanding->setText(
            tr("%1 owes %2 (limit %3)")
                .arg(buyer->name, m_ctx.money(m_controller.outstanding()), m_ctx.money(buyer->creditLimit)));
    else
        m_outstanding->setText(tr("Choose a buyer"));
    m_credits->setCredits(m_controller.openCredits());
    updatePreview();
}

void CollectWidget::updatePreview() {
    if (m_amount->text().trimmed().isEmpty() || !m_controller.buyer()) {
        m_credits->setPreview({});
        return;
    }
    auto preview = m_controller.preview(m_amount->text());
    if (!preview.ok()) {
        m_credits->setPreview({});
        showMessage(preview.error().message, true);
        return;
    }
    m_credits->setPreview(*preview);
    showMessage(QString(), false);
}

void CollectWidget::collect() {
    const auto method = static_cast<core::PaymentMethod>(m_method->currentData().toInt());
    auto done = m_controller.collect(m_amount->text(), method, m_reference->text());
    if (!done.ok()) {
        showMessage(done.error().message, true);
        return;
    }
    m_amount->clear();
    m_reference->clear();
    showMessage(tr("Received %1. Outstanding now %2.")
                    .arg(m_ctx.money(done->amount), m_ctx.money(m_controller.outstanding())),
                false);
}

} // namespace market::ui
