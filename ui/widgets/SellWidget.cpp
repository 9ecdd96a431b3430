#include "SellWidget.h"

#include "AppContext.h"
#include "InputValidators.h"
#include "PaymentDialog.h"
#include "SearchField.h"
#include "controllers/SaleSession.h"
#include "models/CartModel.h"
#include "models/LotListModel.h"
#include "models/PartyListModel.h"

#include <QAction>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace market::ui {

namespace {
QAction* addShortcut(QWidget* owner, const QKeySequence& key, const std::function<void()>& slot) {
    auto* action = new QAction(owner);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, owner, slot);
    owner->addAction(action);
    return action;
}
} // namespace

std::vector<std::pair<QString, QString>> SellWidget::shortcuts() {
    return {
        {QStringLiteral("F2"), tr("Search a buyer (name, code or phone)")},
        {QStringLiteral("F3"), tr("Walk-in buyer (cash only)")},
        {QStringLiteral("F4"), tr("Search lots by product")},
        {QStringLiteral("F5"), tr("Type or scan a lot code")},
        {tr("Enter"), tr("Next field; on the price, add the line")},
        {tr("Delete"), tr("Remove the selected cart line")},
        {QStringLiteral("F8"), tr("Hold this sale")},
        {QStringLiteral("F9"), tr("Recall the oldest held sale")},
        {QStringLiteral("F10"), tr("Reprint the last receipt (marked COPY)")},
        {QStringLiteral("F12"), tr("Pay")},
        {QStringLiteral("Ctrl+N"), tr("New sale (clear the cart)")},
        {QStringLiteral("Ctrl+1…6"), tr("In the payment dialog: cash, UPI, card, bank, cheque, wallet")},
    };
}

SellWidget::SellWidget(AppContext& ctx, SaleSession& session, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_session(session)
    , m_buyers(new PartyListModel(ctx, core::PartyKind::Buyer, this))
    , m_lots(new LotListModel(ctx, this))
    , m_cart(new CartModel(ctx, session, this))
    , m_buyerSearch(new SearchField(this))
    , m_buyerInfo(new QLabel(this))
    , m_lotCode(new QLineEdit(this))
    , m_lotInfo(new QLabel(this))
    , m_qty(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_lotSearch(new QLineEdit(this))
    , m_lotTable(new QTableView(this))
    , m_cartTable(new QTableView(this))
    , m_totals(new QLabel(this))
    , m_message(new QLabel(this))
    , m_held(new QLabel(this)) {
    setObjectName(QStringLiteral("sellWidget"));
    m_buyerSearch->setObjectName(QStringLiteral("buyerSearch"));
    m_buyerSearch->lineEdit()->setObjectName(QStringLiteral("buyerSearchEdit"));
    m_buyerInfo->setObjectName(QStringLiteral("buyerInfo"));
    m_lotCode->setObjectName(QStringLiteral("lotCode"));
    m_lotInfo->setObjectName(QStringLiteral("lotInfo"));
    m_qty->setObjectName(QStringLiteral("qtyEdit"));
    m_price->setObjectName(QStringLiteral("priceEdit"));
    m_lotSearch->setObjectName(QStringLiteral("lotSearch"));
    m_lotTable->setObjectName(QStringLiteral("lotTable"));
    m_cartTable->setObjectName(QStringLiteral("cartTable"));
    m_totals->setObjectName(QStringLiteral("totals"));
    m_message->setObjectName(QStringLiteral("sellMessage"));

    // Buyer -----------------------------------------------------------------------------
    m_buyerSearch->setModel(m_buyers);
    m_buyerSearch->setPlaceholderText(tr("Buyer: name, code or phone (F2) — F3 for walk-in"));
    auto* walkInButton = new QPushButton(tr("Walk-in (F3)"), this);
    walkInButton->setFocusPolicy(Qt::NoFocus);
    auto* buyerBox = new QGroupBox(tr("Buyer"), this);
    auto* buyerLayout = new QGridLayout(buyerBox);
    buyerLayout->addWidget(m_buyerSearch, 0, 0);
    buyerLayout->addWidget(walkInButton, 0, 1, Qt::AlignTop);
    buyerLayout->addWidget(m_buyerInfo, 1, 0, 1, 2);
    m_buyerInfo->setWordWrap(true);

    // Line entry ------------------------------------------------------------------------
    m_lotCode->setPlaceholderText(tr("Lot code or scan (F5)"));
    m_qty->setPlaceholderText(tr("Qty"));
    m_price->setPlaceholderText(tr("Price per unit"));
    m_qty->setValidator(new QuantityValidator(m_qty));
    m_price->setValidator(new MoneyValidator(m_price));
    auto* addButton = new QPushButton(tr("Add"), this);
    addButton->setFocusPolicy(Qt::NoFocus);
    auto* entryBox = new QGroupBox(tr("Add a line"), this);
    auto* entry = new QGridLayout(entryBox);
    entry->addWidget(new QLabel(tr("Lot"), this), 0, 0);
    entry->addWidget(new QLabel(tr("Quantity"), this), 0, 1);
    entry->addWidget(new QLabel(tr("Price"), this), 0, 2);
    entry->addWidget(m_lotCode, 1, 0);
    entry->addWidget(m_qty, 1, 1);
    entry->addWidget(m_price, 1, 2);
    entry->addWidget(addButton, 1, 3);
    entry->addWidget(m_lotInfo, 2, 0, 1, 4);

    // Lot search ------------------------------------------------------------------------
    m_lotSearch->setPlaceholderText(tr("Find lots by product (F4)"));
    m_lotSearch->setClearButtonEnabled(true);
    m_lotTable->setModel(m_lots);
    m_lotTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lotTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lotTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lotTable->verticalHeader()->hide();
    m_lotTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lotTable->horizontalHeader()->setStretchLastSection(true);
    m_lotTable->setAlternatingRowColors(true);
    auto* lotsBox = new QGroupBox(tr("Lots on hand"), this);
    auto* lotsLayout = new QVBoxLayout(lotsBox);
    lotsLayout->addWidget(m_lotSearch);
    lotsLayout->addWidget(m_lotTable);

    // Cart ------------------------------------------------------------------------------
    m_cartTable->setModel(m_cart);
    m_cartTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cartTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cartTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_cartTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cartTable->horizontalHeader()->setStretchLastSection(true);
    m_cartTable->setAlternatingRowColors(true);
    QFont totalsFont = m_totals->font();
    totalsFont.setPointSizeF(totalsFont.pointSizeF() * 1.5);
    totalsFont.setBold(true);
    m_totals->setFont(totalsFont);
    m_totals->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_message->setWordWrap(true);

    auto* pay = new QPushButton(tr("Pay (F12)"), this);
    auto* holdButton = new QPushButton(tr("Hold (F8)"), this);
    auto* recallButton = new QPushButton(tr("Recall (F9)"), this);
    auto* reprint = new QPushButton(tr("Reprint (F10)"), this);
    for (auto* b : {pay, holdButton, recallButton, reprint})
        b->setFocusPolicy(Qt::NoFocus);
    pay->setObjectName(QStringLiteral("payButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_held);
    buttons->addStretch(1);
    buttons->addWidget(holdButton);
    buttons->addWidget(recallButton);
    buttons->addWidget(reprint);
    buttons->addWidget(pay);

    auto* cartBox = new QGroupBox(tr("Cart"), this);
    auto* cartLayout = new QVBoxLayout(cartBox);
    cartLayout->addWidget(m_cartTable, 1);
    cartLayout->addWidget(m_totals);
    cartLayout->addWidget(m_message);
    cartLayout->addLayout(buttons);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buyerBox);
    leftLayout->addWidget(entryBox);
    leftLayout->addWidget(lotsBox, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(cartBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // Wiring ----------------------------------------------------------------------------
    connect(m_buyerSearch, &SearchField::queryChanged, m_buyers, &PartyListModel::setQuery);
    connect(m_buyerSearch, &SearchField::picked, this, &SellWidget::pickBuyer);
    connect(walkInButton, &QPushButton::clicked, this, &SellWidget::walkIn);
    connect(m_lotCode, &QLineEdit::returnPressed, this, &SellWidget::lotCodeEntered);
    connect(m_qty, &QLineEdit::returnPressed, this, &SellWidget::qtyEntered);
    connect(m_price, &QLineEdit::returnPressed, this, &SellWidget::addLine);
    connect(addButton, &QPushButton::clicked, this, &SellWidget::addLine);
    connect(m_lotSearch, &QLineEdit::textEdited, m_lots, &LotListModel::setQuery);
    connect(m_lotSearch, &QLineEdit::returnPressed, this, [this] {
        m_lotTable->setFocus();
        m_lotTable->selectRow(0);
    });
    connect(m_lotTable, &QTableView::activated, this, &SellWidget::lotPicked);
    connect(pay, &QPushButton::clicked, this, &SellWidget::openPayment);
    connect(holdButton, &QPushButton::clicked, this, &SellWidget::hold);
    connect(recallButton, &QPushButton::clicked, this, &SellWidget::recall);
    connect(reprint, &QPushButton::clicked, this, &SellWidget::reprintRequested);
    connect(&m_session, &SaleSession::changed, this, &SellWidget::updateView);
    // Validation as you type: red until the core's parser accepts the text.
    for (QLineEdit* edit : {m_qty, m_price})
        connect(edit, &QLineEdit::textChanged, edit, [edit] {
            edit->setStyleSheet(edit->text().isEmpty() || edit->hasAcceptableInput()
                                    ? QString()
                                    : QStringLiteral("background: #fde7e9;"));
        });

    addShortcut(this, Qt::Key_F2, [this] {
        m_buyerSearch->lineEdit()->selectAll();
        m_buyerSearch->setFocus();
    });
    addShortcut(this, Qt::Key_F3, [this] { walkIn(); });
    addShortcut(this, Qt::Key_F4, [this] {
        m_lotSearch->setFocus();
        m_lotSearch->selectAll();
    });
    addShortcut(this, Qt::Key_F5, [this] { focusStart(); });
    addShortcut(this, Qt::Key_F8, [this] { hold(); });
    addShortcut(this, Qt::Key_F9, [this] { recall(); });
    addShortcut(this, Qt::Key_F10, [this] { emit reprintRequested(); });
    addShortcut(this, Qt::Key_F12, [this] { openPayment(); });
    addShortcut(this, QKeySequence(Qt::CTRL | Qt::Key_N), [this] { newSale(); });
    auto* remove = new QAction(m_cartTable);
    remove->setShortcut(Qt::Key_Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &SellWidget::removeSelectedLine);
    m_cartTable->addAction(remove);

    m_lots->setQuery(QString());
    m_buyers->setQuery(QString());
    updateView();
}

void SellWidget::focusStart() {
    m_lotCode->setFocus();
    m_lotCode->selectAll();
}

void SellWidget::refreshLots() {
    m_lots->setQuery(m_lotSearch->text());
}

QString SellWidget::message() const {
    return m_message->text();
}

void SellWidget::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
}

void SellWidget::pickBuyer(int row) {
    if (const core::PartyDoc* buyer = m_buyers->party(row)) {
        m_session.setBuyer(*buyer);
        m_buyerSearch->setText(QStringLiteral("%1 %2").arg(buyer->code, buyer->name));
        focusStart();
    }
}

void SellWidget::walkIn() {
    m_session.setWalkIn();
    m_buyerSearch->setText(QString());
    m_buyerSearch->showResults(false);
    focusStart();
}

void SellWidget::lotCodeEntered() {
    auto lot = m_session.findLot(m_lotCode->text());
    if (!lot.ok()) {
        m_lotInfo->setText(lot.error().message);
        m_lotInfo->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_lotCode->selectAll();
        return;
    }
    m_lotCode->setText(lot->lot.code);
    m_lotInfo->setStyleSheet(QString());
    QString info =
        tr("%1 · %2 · grade %3 · %4 %5 left · %n day(s) old", nullptr, static_cast<int>(lot->ageDays))
            .arg(lot->productName, lot->farmerName,
                 lot->lot.grade.isEmpty() ? QStringLiteral("-") : lot->lot.grade, lot->left.toString(),
                 core::unitName(lot->unit));
    // Today's rate starts the price, still editable (the price is agreed per sale). A price the
    // cashier typed stays; one this screen filled in for another lot is replaced.
    const auto rate = m_session.rateFor(*lot);
    if (rate)
        info += QStringLiteral(" · ") + tr("today's rate %1").arg(m_ctx.money(*rate));
    if (m_price->text().isEmpty() || m_price->text() == m_ratePrefill) {
        m_ratePrefill = rate ? rate->toPlainString() : QString();
        m_price->setText(m_ratePrefill);
    }
    m_lotInfo->setText(info);
    m_qty->setFocus();
    m_qty->selectAll();
}

void SellWidget::qtyEntered() {
    if (!m_qty->hasAcceptableInput()) {
        showMessage(tr("Type a quantity such as 12 or 12.5."), true);
        return;
    }
    m_price->setFocus();
    m_price->selectAll();
}

void SellWidget::addLine() {
    const auto st = m_session.addLine(m_lotCode->text(), m_qty->text(), m_price->text());
    if (!st.ok()) {
        showMessage(st.error().message, true);
        return;
    }
    showMessage(QString(), false);
    m_lotCode->clear();
    m_qty->clear();
    m_price->clear();
    m_ratePrefill.clear();
    m_lotInfo->clear();
    m_cartTable->scrollToBottom();
    focusStart();
}

void SellWidget::lotPicked(const QModelIndex& index) {
    if (const core::LotSummary* lot = m_lots->lot(index.row())) {
        m_lotCode->setText(lot->lot.code);
        lotCodeEntered();
    }
}

void SellWidget::removeSelectedLine() {
    const QModelIndex current = m_cartTable->currentIndex();
    if (current.isValid())
        m_session.removeLine(current.row());
}

void SellWidget::openPayment() {
    if (m_payment && m_payment->isVisible()) {
        // F12 again while paying means "confirm" (the dialog is this widget's child).
        m_payment->confirm();
        return;
    }
    if (m_session.isEmpty()) {
        showMessage(tr("The cart is empty: add a line first."), true);
        return;
    }
    if (!m_session.quote()) {
        showMessage(m_session.problem(), true);
        return;
    }
    if (!m_payment) {
        m_payment = new PaymentDialog(m_ctx, m_session, this);
        connect(m_payment, &QDialog::finished, this, [this](int result) {
            if (result == QDialog::Accepted) {
                showMessage(tr("Sale %1 saved.")
                                .arg(m_session.lastSale() ? m_session.lastSale()->receiptNo : QString()),
                            false);
                refreshLots();
            }
            focusStart();
        });
    }
    m_payment->start();
    m_payment->open(); // never exec(): nothing may block the event loop (or a test)
}

void SellWidget::hold() {
    if (m_session.hold())
        showMessage(tr("Sale held. F9 brings it back."), false);
    else
        showMessage(tr("Nothing to hold."), true);
    m_buyerSearch->setText(QString());
    focusStart();
}

void SellWidget::recall() {
    if (!m_session.recall()) {
        showMessage(tr("No sale is on hold."), true);
        return;
    }
    m_buyerSearch->setText(m_session.buyer()
                               ? QStringLiteral("%1 %2").arg(m_session.buyer()->code, m_session.buyer()->name)
                               : QString());
    showMessage(m_session.problem().isEmpty() ? tr("Held sale recalled.") : m_session.problem(),
                !m_session.problem().isEmpty());
    focusStart();
}

void SellWidget::newSale() {
    m_session.clear();
    m_buyerSearch->setText(QString());
    showMessage(QString(), false);
    focusStart();
}

void SellWidget::updateView() {
    if (const auto& buyer = m_session.buyer()) {
        m_buyerInfo->setText(tr("%1 %2 · outstanding %3 · limit %4")
                                 .arg(buyer->code, buyer->name, m_ctx.money(m_session.buyerOutstanding()),
                                      m_ctx.money(buyer->creditLimit)));
    } else {
        m_buyerInfo->setText(tr("Walk-in buyer: pays in full"));
    }
    const auto& quote = m_session.quote();
    if (quote) {
        const int lines = static_cast<int>(m_session.lines().size());
        const core::Money onTop = quote->total - quote->goods; // buyer-side charges (+ commission)
        m_totals->setText(
            onTop.isZero()
                ? tr("%n line(s) · Total %1", nullptr, lines).arg(m_ctx.money(quote->total))
                : tr("%n line(s) · Goods %1 + charges %2 · Total %3", nullptr, lines)
                      .arg(m_ctx.money(quote->goods), m_ctx.money(onTop), m_ctx.money(quote->total)));
        // The breakdown the shop configured: every charge by payer, and commission.
        QStringList breakdown{tr("Commission %1%2")
                                  .arg(m_ctx.money(quote->commission), quote->commissionByBuyer
                                                                           ? tr(" (on the bill)")
                                                                           : tr(" (from the farmers)"))};
        for (const auto& c : quote->charges)
            breakdown.append(c.payer == core::ChargePayer::Buyer
                                 ? tr("%1 %2 (on the bill)").arg(c.name, m_ctx.money(c.amount))
                                 : tr("%1 %2 (from the farmers)").arg(c.name, m_ctx.money(c.amount)));
        m_totals->setToolTip(breakdown.join(QLatin1Char('\n')));
    } else {
        m_totals->setText(m_session.isEmpty() ? tr("Cart is empty") : tr("Cart needs fixing"));
    }
    if (!m_session.problem().isEmpty())
        showMessage(m_session.problem(), true);
    m_held->setText(m_session.heldCount() > 0 ? tr("%n sale(s) on hold", nullptr, m_session.heldCount())
                                              : QString());
}

} // namespace market::ui
