#include "DrawerWidget.h"

#include "AppContext.h"
#include "InputValidators.h"
#include "controllers/DrawerController.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace market::ui {

DrawerWidget::DrawerWidget(AppContext& ctx, DrawerController& controller, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_controller(controller)
    , m_state(new QLabel(this))
    , m_float(new QLineEdit(this))
    , m_open(new QPushButton(tr("Open drawer"), this))
    , m_moveAmount(new QLineEdit(this))
    , m_moveReason(new QLineEdit(this))
    , m_cashIn(new QPushButton(tr("Cash in"), this))
    , m_cashOut(new QPushButton(tr("Cash out"), this))
    , m_counted(new QLineEdit(this))
    , m_close(new QPushButton(tr("Close drawer (Z)"), this))
    , m_figures(new QFormLayout)
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("drawerWidget"));
    m_state->setObjectName(QStringLiteral("drawerState"));
    m_float->setObjectName(QStringLiteral("drawerFloat"));
    m_open->setObjectName(QStringLiteral("drawerOpen"));
    m_moveAmount->setObjectName(QStringLiteral("drawerMoveAmount"));
    m_moveReason->setObjectName(QStringLiteral("drawerMoveReason"));
    m_cashIn->setObjectName(QStringLiteral("drawerCashIn"));
    m_cashOut->setObjectName(QStringLiteral("drawerCashOut"));
    m_counted->setObjectName(QStringLiteral("drawerCounted"));
    m_close->setObjectName(QStringLiteral("drawerClose"));
    m_message->setObjectName(QStringLiteral("drawerMessage"));

    QFont big = m_state->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_state->setFont(big);
    for (QLineEdit* amount : {m_float, m_moveAmount, m_counted})
        amount->setValidator(new MoneyValidator(amount));
    m_float->setPlaceholderText(tr("Opening float"));
    m_moveAmount->setPlaceholderText(tr("Amount"));
    m_moveReason->setPlaceholderText(tr("Reason (change from bank, tea, …)"));
    m_counted->setPlaceholderText(tr("Cash counted in the drawer"));
    m_message->setWordWrap(true);

    auto* openBox = new QGroupBox(tr("Start of day"), this);
    auto* openLayout = new QHBoxLayout(openBox);
    openLayout->addWidget(m_float, 1);
    openLayout->addWidget(m_open);

    auto* moveBox = new QGroupBox(tr("Cash in or out"), this);
    auto* moveLayout = new QHBoxLayout(moveBox);
    moveLayout->addWidget(m_moveAmount, 1);
    moveLayout->addWidget(m_moveReason, 2);
    moveLayout->addWidget(m_cashIn);
    moveLayout->addWidget(m_cashOut);

    auto* figuresBox = new QGroupBox(tr("Figures"), this);
    figuresBox->setLayout(m_figures);
    figuresBox->setMinimumWidth(420);
    figuresBox->setMaximumWidth(560); // label and amount stay close enough to read across

    // Count by notes and coins: the total fills the counted amount as the cashier counts.
    auto* notesBox = new QGroupBox(tr("Notes and coins"), this);
    auto* notesLayout = new QGridLayout(notesBox);
    const auto faces = core::CashSessionService::inrDenominations();
    for (size_t i = 0; i < faces.size(); ++i) {
        auto* count = new QSpinBox(notesBox);
        count->setObjectName(QStringLiteral("drawerNote%1").arg(faces[i]));
        count->setRange(0, 100'000);
        count->setAccelerated(true);
        const int row = static_cast<int>(i % 5);
        const int column = static_cast<int>(i / 5) * 2;
        notesLayout->addWidget(
            new QLabel(m_ctx.money(core::Money::fromMinor(faces[i])) + QStringLiteral(" ×"), notesBox), row,
            column, Qt::AlignRight);
        notesLayout->addWidget(count, row, column + 1);
        connect(count, &QSpinBox::valueChanged, this, &DrawerWidget::notesChanged);
        m_notes.emplace_back(faces[i], count);
    }

    auto* closeBox = new QGroupBox(tr("End of day"), this);
    auto* closeLayout = new QHBoxLayout(closeBox);
    closeLayout->addWidget(m_counted, 1);
    closeLayout->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(openBox);
    layout->addWidget(moveBox);
    auto* middle = new QHBoxLayout;
    middle->addWidget(figuresBox, 0, Qt::AlignLeft);
    middle->addWidget(notesBox, 0, Qt::AlignLeft | Qt::AlignTop);
    middle->addStretch(1);
    layout->addLayout(middle, 1);
    layout->addWidget(closeBox);
    layout->addWidget(m_message);

    connect(m_open, &QPushButton::clicked, this, &DrawerWidget::openDrawer);
    connect(m_float, &QLineEdit::returnPressed, this, &DrawerWidget::openDrawer);
    connect(m_cashIn, &QPushButton::clicked, this, [this] { moveCash(true); });
    connect(m_cashOut, &QPushButton::clicked, this, [this] { moveCash(false); });
    connect(m_close, &QPushButton::clicked, this, &DrawerWidget::closeDrawer);
    connect(m_counted, &QLineEdit::returnPressed, this, &DrawerWidget::closeDrawer);
    connect(&m_controller, &DrawerController::changed, this, &DrawerWidget::updateView);
    updateView();
}

QString DrawerWidget::message() const {
    return m_message->text();
}

void DrawerWidget::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
}

void DrawerWidget::openDrawer() {
    auto opened = m_controller.open(m_float->text());
    if (!opened.ok()) {
        showMessage(opened.error().message, true);
        return;
    }
    m_float->clear();
    showMessage(tr("Drawer opened with %1.").arg(m_ctx.money(opened->openingFloat)), false);
}

void DrawerWidget::moveCash(bool cashIn) {
    auto moved = m_controller.move(cashIn, m_moveAmount->text(), m_moveReason->text());
    if (!moved.ok()) {
        showMessage(moved.error().message, true);
        return;
    }
    m_moveAmount->clear();
    m_moveReason->clear();
    showMessage(cashIn ? tr("%1 put into the drawer.").arg(m_ctx.money(moved->amount))
                       : tr("%1 taken out of the drawer.").arg(m_ctx.money(moved->amount)),
                false);
}

void DrawerWidget::notesChanged() {
    qint64 total = 0;
    for (const auto& [face, count] : m_notes)
        total += face * count->value();
    // Plain digits, so the amount field's validator and Money::parse read it back exactly.
    m_counted->setText(core::Money::fromMinor(total).toPlainString());
}

void DrawerWidget::closeDrawer() {
    std::vector<core::Denomination> notes;
    for (const auto& [face, count] : m_notes)
        notes.push_back({face, count->value()});
    auto closed = m_controller.close(m_counted->text(), notes);
    if (!closed.ok()) {
        showMessage(closed.error().message, true);
        return;
    }
    m_counted->clear();
    for (const auto& [face, count] : m_notes) {
        const QSignalBlocker quiet(count);
        count->setValue(0);
    }
    const core::Money variance = closed->variance.value_or(core::Money{});
    showMessage(variance.isZero()       ? tr("Drawer closed. The cash matches.")
                : variance.isNegative() ? tr("Drawer closed. %1 short.").arg(m_ctx.money(-variance))
                                        : tr("Drawer closed. %1 over.").arg(m_ctx.money(variance)),
                !variance.isZero());
}

void DrawerWidget::updateView() {
    const bool open = m_controller.isOpen();
    const auto& figures = m_controller.figures();
    if (open && figures)
        m_state->setText(tr("Drawer open since %1").arg(m_ctx.dateTime(figures->openedAtMs)));
    else
        m_state->setText(tr("Drawer closed: open it with the float before taking cash."));
    for (QWidget* w : {static_cast<QWidget*>(m_float), static_cast<QWidget*>(m_open)})
        w->setEnabled(!open);
    for (QWidget* w : {static_cast<QWidget*>(m_moveAmount), static_cast<QWidget*>(m_moveReason),
                       static_cast<QWidget*>(m_cashIn), static_cast<QWidget*>(m_cashOut),
                       static_cast<QWidget*>(m_counted), static_cast<QWidget*>(m_close)})
        w->setEnabled(open);
    for (const auto& [face, count] : m_notes)
        count->setEnabled(open);

    while (m_figures->rowCount() > 0)
        m_figures->removeRow(0);
    if (!figures)
        return;
    auto row = [this](const QString& label, core::Money value, const char* name) {
        auto* field = new QLabel(m_ctx.money(value));
        field->setObjectName(QString::fromLatin1(name));
        field->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_figures->addRow(label, field);
    };
    m_figures->addRow(new QLabel(
        figures->closedAtMs ? tr("Z: closed %1").arg(m_ctx.dateTime(*figures->closedAtMs))
                            : tr("X: so far (%n sale(s))", nullptr, static_cast<int>(figures->salesCount))));
    row(tr("Opening float"), figures->openingFloat, "drawerFigureFloat");
    row(tr("Cash sales"), figures->cashSales, "drawerFigureSales");
    row(tr("Collections in cash"), figures->cashCollections, "drawerFigureCollections");
    row(tr("Cash in"), figures->cashIn, "drawerFigureIn");
    row(tr("Cash out"), figures->cashOut, "drawerFigureOut");
    row(tr("Paid to farmers"), figures->farmerPayouts, "drawerFigurePayouts");
    row(tr("Expenses"), figures->cashExpenses, "drawerFigureExpenses");
    row(tr("Refunds"), figures->cashRefunds, "drawerFigureRefunds");
    row(tr("Expected in drawer"), figures->expected, "drawerFigureExpected");
    if (figures->counted)
        row(tr("Counted"), *figures->counted, "drawerFigureCounted");
    if (figures->variance)
        row(tr("Variance"), *figures->variance, "drawerFigureVariance");
}

} // namespace market::ui
