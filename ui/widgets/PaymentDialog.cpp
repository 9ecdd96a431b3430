#include "PaymentDialog.h"

#include "AppContext.h"
#include "InputValidators.h"
#include "controllers/SaleSession.h"
#include "models/PaymentListModel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace market::ui {

namespace {
const core::PaymentMethod kMethods[] = {core::PaymentMethod::Cash,   core::PaymentMethod::Upi,
                                        core::PaymentMethod::Card,   core::PaymentMethod::BankTransfer,
                                        core::PaymentMethod::Cheque, core::PaymentMethod::Wallet};
}

PaymentDialog::PaymentDialog(AppContext& ctx, SaleSession& session, QWidget* parent)
    : QDialog(parent)
    , m_ctx(ctx)
    , m_session(session)
    , m_payments(new PaymentListModel(ctx, this))
    , m_total(new QLabel(this))
    , m_buyer(new QLabel(this))
    , m_table(new QTableView(this))
    , m_method(new QComboBox(this))
    , m_amount(new QLineEdit(this))
    , m_reference(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_overrideBox(new QGroupBox(tr("Manager override"), this))
    , m_overrideUser(new QLineEdit(this))
    , m_overrideSecret(new QLineEdit(this))
    , m_overrideReason(new QLineEdit(this))
    , m_overrideState(new QLabel(this))
    , m_confirm(new QPushButton(tr("Confirm sale (F12)"), this)) {
    setObjectName(QStringLiteral("paymentDialog"));
    setWindowTitle(tr("Payment"));
    m_method->setObjectName(QStringLiteral("paymentMethod"));
    m_amount->setObjectName(QStringLiteral("paymentAmount"));
    m_reference->setObjectName(QStringLiteral("paymentReference"));
    m_summary->setObjectName(QStringLiteral("paymentSummary"));
    m_message->setObjectName(QStringLiteral("paymentMessage"));
    m_overrideBox->setObjectName(QStringLiteral("overrideBox"));
    m_overrideUser->setObjectName(QStringLiteral("overrideUser"));
    m_overrideSecret->setObjectName(QStringLiteral("overrideSecret"));
    m_overrideReason->setObjectName(QStringLiteral("overrideReason"));
    m_confirm->setObjectName(QStringLiteral("paymentConfirm"));
    m_table->setObjectName(QStringLiteral("paymentTable"));

    QFont big = m_total->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_total->setFont(big);
    m_buyer->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_summary->setTextFormat(Qt::RichText);

    int i = 1;
    for (const auto method : kMethods)
        m_method->addItem(QStringLiteral("%1  (Ctrl+%2)").arg(PaymentListModel::methodText(method)).arg(i++),
                          static_cast<int>(method));
    m_amount->setValidator(new MoneyValidator(m_amount));
    m_reference->setPlaceholderText(tr("UPI / card / cheque reference (optional)"));
    m_table->setModel(m_payments);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setMaximumHeight(140);

    auto* entry = new QHBoxLayout;
    entry->addWidget(m_method);
    entry->addWidget(m_amount, 1);
    entry->addWidget(m_reference, 1);
    auto* addButton = new QPushButton(tr("Add"), this);
    addButton->setAutoDefault(false);
    entry->addWidget(addButton);

    m_overrideSecret->setEchoMode(QLineEdit::Password);
    auto* overrideForm = new QFormLayout(m_overrideBox);
    overrideForm->addRow(tr("Manager username"), m_overrideUser);
    overrideForm->addRow(tr("PIN or password"), m_overrideSecret);
    overrideForm->addRow(tr("Reason"), m_overrideReason);
    auto* approve = new QPushButton(tr("Approve"), this);
    approve->setAutoDefault(false);
    approve->setObjectName(QStringLiteral("overrideApprove"));
    overrideForm->addRow(m_overrideState, approve);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_confirm, QDialogButtonBox::AcceptRole);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_confirm->setAutoDefault(false);
    cancel->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_total);
    layout->addWidget(m_buyer);
    layout->addWidget(m_table);
    layout->addLayout(entry);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_overrideBox);
    layout->addWidget(buttons);
    resize(620, 480);

    connect(m_amount, &QLineEdit::returnPressed, this, &PaymentDialog::amountEntered);
    connect(m_reference, &QLineEdit::returnPressed, this, &PaymentDialog::amountEntered);
    connect(addButton, &QPushButton::clicked, this, &PaymentDialog::addPayment);
    connect(m_confirm, &QPushButton::clicked, this, &PaymentDialog::confirm);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(approve, &QPushButton::clicked, this, &PaymentDialog::approveOverride);
    connect(m_overrideReason, &QLineEdit::returnPressed, this, &PaymentDialog::approveOverride);
    connect(m_overrideUser, &QLineEdit::returnPressed, m_overrideSecret, qOverload<>(&QWidget::setFocus));
    connect(m_overrideSecret, &QLineEdit::returnPressed, m_overrideReason, qOverload<>(&QWidget::setFocus));

    for (int n = 0; n < 6; ++n) {
        auto* pick = new QAction(this);
        pick->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + n)));
        connect(pick, &QAction::triggered, this, [this, n] {
            m_method->setCurrentIndex(n);
            m_amount->setFocus();
            m_amount->selectAll();
        });
        addAction(pick);
    }
    for (const QKeySequence& key : {QKeySequence(Qt::Key_F12), QKeySequence(Qt::CTRL | Qt::Key_Return)}) {
        auto* ok = new QAction(this);
        ok->setShortcut(key);
        connect(ok, &QAction::triggered, this, &PaymentDialog::confirm);
        addAction(ok);
    }
}

void PaymentDialog::keyPressEvent(QKeyEvent* event) {
    // The same keys as the actions, for when the shortcut map does not see them (a window-modal
    // dialog that is not the active window yet, some platforms).
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl && event->key() >= Qt::Key_1 && event->key() <= Qt::Key_6) {
        m_method->setCurrentIndex(event->key() - Qt::Key_1);
        m_amount->setFocus();
        m_amount->selectAll();
        return;
    }
    if (event->key() == Qt::Key_F12 ||
        (ctrl && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter))) {
        confirm();
        return;
    }
    // Enter belongs to the field it was typed in (add a payment, next field): never let QDialog
    // turn it into a click on a default button (the button box makes "Confirm" the default).
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        // QLineEdit does not emit returnPressed for an empty amount (the validator calls it
        // Intermediate): Enter on an empty amount confirms.
        if (m_amount->hasFocus() && m_amount->text().trimmed().isEmpty())
            confirm();
        return;
    }
    QDialog::keyPressEvent(event);
}

QString PaymentDialog::message() const {
    return m_message->text();
}

QString PaymentDialog::summary() const {
    return m_summary->text();
}

void PaymentDialog::start() {
    m_payments->clear();
    m_override.reset();
    m_message->clear();
    m_overrideUser->clear();
    m_overrideSecret->clear();
    m_overrideReason->clear();
    m_overrideState->clear();
    m_reference->clear();
    m_method->setCurrentIndex(0);
    showOverride(false);
    const auto& quote = m_session.quote();
    m_total->setText(tr("To pay: %1").arg(m_ctx.money(quote ? quote->total : core::Money{})));
    if (const auto& buyer = m_session.buyer())
        m_buyer->setText(tr("%1 · outstanding %2 · credit limit %3 · what is not paid goes to credit")
                             .arg(buyer->name, m_ctx.money(m_session.buyerOutstanding()),
                                  m_ctx.money(buyer->creditLimit)));
    else
        m_buyer->setText(tr("Walk-in buyer: pays in full, no credit."));
    updateSummary();
    m_amount->setFocus();
    m_amount->selectAll();
}

void PaymentDialog::amountEntered() {
    if (m_amount->text().trimmed().isEmpty())
        confirm();
    else
        addPayment();
}

void PaymentDialog::addPayment() {
    const auto amount = core::Money::parse(m_amount->text().trimmed());
    if (!amount || !amount->isPositive()) {
        m_message->setText(tr("Type an amount such as 500 or 1,250.50."));
        return;
    }
    const auto method = static_cast<core::PaymentMethod>(m_method->currentData().toInt());
    auto payments = m_payments->payments();
    payments.push_back(core::PaymentRequest{method, *amount, m_reference->text().trimmed()});
    // Ask the core before accepting it: non-cash beyond the bill, too many payments. (A walk-in
    // with money still due is refused only at confirmation: it is normal while typing.)
    if (payments.size() > static_cast<size_t>(core::SaleService::kMaxPayments)) {
        m_message->setText(tr("At most %1 payments on one sale.").arg(core::SaleService::kMaxPayments));
        return;
    }
    if (auto check = m_session.quoteWith(payments);
        !check.ok() && check.error().code == core::ErrorCode::Overpayment) {
        m_message->setText(check.error().message);
        return;
    }
    m_payments->add(payments.back());
    m_reference->clear();
    m_message->clear();
    updateSummary();
    m_amount->setFocus();
    m_amount->selectAll();
}

void PaymentDialog::updateSummary() {
    auto quote = m_session.quoteWith(m_payments->payments());
    if (!quote.ok()) {
        // A walk-in with money still due is normal while typing; say what is due.
        const auto& cart = m_session.quote();
        core::Money tendered;
        for (const auto& p : m_payments->payments())
            tendered += p.amount;
        m_due = cart && cart->total > tendered ? cart->total - tendered : core::Money{};
        m_summary->setText(
            tr("Tendered %1 · still due <b>%2</b>").arg(m_ctx.money(tendered), m_ctx.money(m_due)));
        m_amount->setText(m_due.isPositive() ? m_due.toPlainString() : QString());
        return;
    }
    const auto& q = *quote;
    m_due = q.credit;
    QString text =
        tr("Tendered %1 · change due <b>%2</b>").arg(m_ctx.money(q.tendered), m_ctx.money(q.change));
    if (q.credit.isPositive()) {
        text += QStringLiteral("<br/>") +
                tr("Not paid, to credit: <b>%1</b> · outstanding after: %2 of limit %3")
                    .arg(m_ctx.money(q.credit), m_ctx.money(q.buyerOutstanding + q.credit),
                         m_ctx.money(q.buyerCreditLimit));
    }
    if (q.needsOverride) {
        text += QStringLiteral("<br/><span style=\"color:#b00020\">") +
                tr("Above the credit limit: a manager must approve.") + QStringLiteral("</span>");
        showOverride(true);
    }
    m_summary->setText(text);
    m_amount->setText(m_due.isPositive() ? m_due.toPlainString() : QString());
}

void PaymentDialog::showOverride(bool show) {
    m_overrideBox->setVisible(show);
}

void PaymentDialog::approveOverride() {
    auto approval = m_session.authorizeOverride(m_overrideUser->text(), m_overrideSecret->text(),
                                                m_overrideReason->text());
    m_overrideSecret->clear();
    if (!approval.ok()) {
        m_overrideState->setText(approval.error().message);
        return;
    }
    m_override = *approval;
    m_overrideState->setText(tr("Approved by %1").arg(approval->manager.displayName));
    confirm();
}

void PaymentDialog::confirm() {
    if (m_payments->payments().empty() && !m_amount->text().trimmed().isEmpty() && !m_session.buyer()) {
        // A walk-in pressing Enter twice: take the prefilled amount as the payment.
        addPayment();
    }
    auto sale = m_session.confirm(m_payments->payments(), m_override);
    if (!sale.ok()) {
        m_message->setText(sale.error().message);
        if (sale.error().code == core::ErrorCode::CreditLimitExceeded) {
            showOverride(true);
            m_overrideUser->setFocus();
        }
        return;
    }
    accept();
}

} // namespace market::ui
