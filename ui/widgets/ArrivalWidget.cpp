#include "ArrivalWidget.h"

#include "AppContext.h"
#include "InputValidators.h"
#include "SearchField.h"
#include "controllers/ArrivalController.h"
#include "models/LotListModel.h"
#include "models/PartyListModel.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace market::ui {

ArrivalWidget::ArrivalWidget(AppContext& ctx, ArrivalController& controller, QWidget* parent)
    : QWidget(parent)
    , m_ctx(ctx)
    , m_controller(controller)
    , m_farmers(new PartyListModel(ctx, core::PartyKind::Farmer, this))
    , m_recent(new LotListModel(ctx, this))
    , m_farmerSearch(new SearchField(this))
    , m_farmerInfo(new QLabel(this))
    , m_product(new QComboBox(this))
    , m_packages(new QLineEdit(this))
    , m_gross(new QLineEdit(this))
    , m_tare(new QLineEdit(this))
    , m_net(new QLineEdit(this))
    , m_netPreview(new QLabel(this))
    , m_grade(new QComboBox(this))
    , m_vehicle(new QLineEdit(this))
    , m_notes(new QLineEdit(this))
    , m_newFarmerName(new QLineEdit(this))
    , m_newFarmerPhone(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_recentTable(new QTableView(this)) {
    setObjectName(QStringLiteral("arrivalWidget"));
    m_farmerSearch->lineEdit()->setObjectName(QStringLiteral("farmerSearchEdit"));
    m_product->setObjectName(QStringLiteral("arrivalProduct"));
    m_packages->setObjectName(QStringLiteral("arrivalPackages"));
    m_gross->setObjectName(QStringLiteral("arrivalGross"));
    m_tare->setObjectName(QStringLiteral("arrivalTare"));
    m_net->setObjectName(QStringLiteral("arrivalNet"));
    m_grade->setObjectName(QStringLiteral("arrivalGrade"));
    m_vehicle->setObjectName(QStringLiteral("arrivalVehicle"));
    m_notes->setObjectName(QStringLiteral("arrivalNotes"));
    m_message->setObjectName(QStringLiteral("arrivalMessage"));
    m_newFarmerName->setObjectName(QStringLiteral("newFarmerName"));
    m_newFarmerPhone->setObjectName(QStringLiteral("newFarmerPhone"));

    m_farmerSearch->setModel(m_farmers);
    m_farmerSearch->setPlaceholderText(tr("Farmer: name, code or phone"));
    // Only gross gets a validator: tare and net may stay empty, and QLineEdit does not emit
    // returnPressed for an empty validated field (Enter must still walk down the form). Bad
    // tare/net text is refused on save with the field named.
    m_gross->setValidator(new QuantityValidator(m_gross));
    m_tare->setPlaceholderText(tr("0"));
    m_net->setPlaceholderText(tr("or net directly"));
    m_grade->setEditable(true);
    m_grade->addItems({QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    m_newFarmerName->setPlaceholderText(tr("Name"));
    m_newFarmerPhone->setPlaceholderText(tr("Phone (optional)"));
    m_message->setWordWrap(true);

    auto* farmerBox = new QGroupBox(tr("Farmer"), this);
    auto* farmerLayout = new QVBoxLayout(farmerBox);
    farmerLayout->addWidget(m_farmerSearch);
    farmerLayout->addWidget(m_farmerInfo);
    auto* quick = new QHBoxLayout;
    auto* create = new QPushButton(tr("New farmer"), this);
    create->setObjectName(QStringLiteral("newFarmerButton"));
    quick->addWidget(m_newFarmerName, 2);
    quick->addWidget(m_newFarmerPhone, 1);
    quick->addWidget(create);
    farmerLayout->addLayout(quick);

    auto* lotBox = new QGroupBox(tr("Lot"), this);
    auto* form = new QFormLayout(lotBox);
    form->addRow(tr("&Product"), m_product);
    form->addRow(tr("P&ackages"), m_packages);
    form->addRow(tr("&Gross"), m_gross);
    form->addRow(tr("&Tare"), m_tare);
    form->addRow(tr("&Net"), m_net);
    form->addRow(QString(), m_netPreview);
    form->addRow(tr("G&rade"), m_grade);
    form->addRow(tr("&Vehicle"), m_vehicle);
    form->addRow(tr("N&otes"), m_notes);
    auto* save = new QPushButton(tr("Record and print slip (Ctrl+S)"), this);
    save->setObjectName(QStringLiteral("arrivalSave"));
    form->addRow(QString(), save);
    form->addRow(m_message);

    m_recentTable->setModel(m_recent);
    m_recentTable->verticalHeader()->hide();
    m_recentTable->horizontalHeader()->setStretchLastSection(true);
    m_recentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* recentBox = new QGroupBox(tr("Lots on hand, newest first"), this);
    auto* recentLayout = new QVBoxLayout(recentBox);
    recentLayout->addWidget(m_recentTable);

    auto* left = new QVBoxLayout;
    left->addWidget(farmerBox);
    left->addWidget(lotBox, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(recentBox, 3);

    connect(m_farmerSearch, &SearchField::queryChanged, m_farmers, &PartyListModel::setQuery);
    connect(m_farmerSearch, &SearchField::picked, this, &ArrivalWidget::pickFarmer);
    connect(create, &QPushButton::clicked, this, &ArrivalWidget::createFarmer);
    connect(m_newFarmerPhone, &QLineEdit::returnPressed, this, &ArrivalWidget::createFarmer);
    connect(save, &QPushButton::clicked, this, &ArrivalWidget::save);
    for (QLineEdit* e : {m_gross, m_tare, m_net})
        connect(e, &QLineEdit::textChanged, this, &ArrivalWidget::updateNet);
    // Enter walks down the form; on the notes it records.
    QList<QWidget*> chain{m_packages, m_gross, m_tare, m_net, m_vehicle, m_notes};
    for (int i = 0; i + 1 < chain.size(); ++i)
        connect(qobject_cast<QLineEdit*>(chain[i]), &QLineEdit::returnPressed, chain[i + 1],
                qOverload<>(&QWidget::setFocus));
    connect(m_notes, &QLineEdit::returnPressed, this, &ArrivalWidget::save);
    auto* saveKey = new QAction(this);
    saveKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    saveKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QAction::triggered, this, &ArrivalWidget::save);
    addAction(saveKey);
    refresh();
}

void ArrivalWidget::refresh() {
    const QString current = m_product->currentData().toString();
    m_product->clear();
    if (auto products = m_controller.products(); products.ok())
        for (const auto& p : *products)
            m_product->addItem(QStringLiteral("%1 — %2 (%3)").arg(p.code, p.name, core::unitName(p.unit)),
                               p.id.toString());
    const int index = m_product->findData(current);
    if (index >= 0)
        m_product->setCurrentIndex(index);
    if (auto lots = m_controller.recentLots(); lots.ok())
        m_recent->setLots(std::move(lots).value());
    m_farmers->setQuery(m_farmerSearch->text());
}

QString ArrivalWidget::message() const {
    return m_message->text();
}

void ArrivalWidget::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
}

void ArrivalWidget::pickFarmer(int row) {
    if (const core::PartyDoc* farmer = m_farmers->party(row)) {
        m_farmerId = farmer->id;
        m_farmerSearch->setText(QStringLiteral("%1 %2").arg(farmer->code, farmer->name));
        m_farmerInfo->setText(tr("Farmer: %1 %2").arg(farmer->code, farmer->name));
        m_product->setFocus();
    }
}

void ArrivalWidget::createFarmer() {
    auto farmer = m_controller.quickCreateFarmer(m_newFarmerName->text(), m_newFarmerPhone->text());
    if (!farmer.ok()) {
        showMessage(farmer.error().message, true);
        return;
    }
    m_farmerId = farmer->id;
    m_farmerSearch->setText(QStringLiteral("%1 %2").arg(farmer->code, farmer->name));
    m_farmerInfo->setText(tr("Farmer: %1 %2 (new)").arg(farmer->code, farmer->name));
    m_newFarmerName->clear();
    m_newFarmerPhone->clear();
    showMessage(tr("Farmer %1 created.").arg(farmer->code), false);
    m_product->setFocus();
}

void ArrivalWidget::updateNet() {
    ArrivalController::Form f;
    f.gross = m_gross->text();
    f.tare = m_tare->text();
    f.net = m_net->text();
    const QString net = m_controller.netPreview(f);
    m_netPreview->setText(net.isEmpty() ? QString() : tr("Net: %1").arg(net));
}

void ArrivalWidget::save() {
    ArrivalController::Form f;
    f.farmerId = m_farmerId;
    if (const auto id = core::Uuid::parse(m_product->currentData().toString()))
        f.productId = *id;
    f.packages = m_packages->text();
    f.gross = m_gross->text();
    f.tare = m_tare->text();
    f.net = m_net->text();
    f.grade = m_grade->currentText();
    f.vehicle = m_vehicle->text();
    f.notes = m_notes->text();
    auto lot = m_controller.record(f);
    if (!lot.ok()) {
        showMessage(lot.error().message, true);
        return;
    }
    showMessage(tr("Lot %1 recorded: %2.").arg(lot->code, lot->receivedQty.toString()), false);
    for (QLineEdit* e : {m_packages, m_gross, m_tare, m_net, m_vehicle, m_notes})
        e->clear();
    m_grade->setCurrentIndex(0);
    refresh();
    m_farmerSearch->setFocus();
}

} // namespace market::ui
