#include "SyncProblemsDialog.h"

#include "controllers/SyncProblemsController.h"
#include "models/SyncProblemModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace market::ui {

using core::SyncProblemKind;

SyncProblemsDialog::SyncProblemsDialog(AppContext& ctx, SyncProblemsController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_model(new SyncProblemModel(ctx, this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("syncProblemsDialog"));
    setWindowTitle(tr("Sync problems"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncProblemsSummary"));
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("syncProblemsError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("syncProblemsFilter"));
    m_filter->addItem(tr("All problems"), -1);
    m_filter->addItem(tr("Set aside"), static_cast<int>(SyncProblemKind::Quarantined));
    m_filter->addItem(tr("Anomalies"), static_cast<int>(SyncProblemKind::Anomaly));
    m_filter->addItem(tr("Waiting to apply"), static_cast<int>(SyncProblemKind::Parked));
    auto* showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_filter);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SyncProblemModel::SortRole);
    m_proxy->setFilterRole(SyncProblemModel::KindRole);
    m_proxy->setFilterKeyColumn(SyncProblemModel::Problem);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("syncProblemsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SyncProblemModel::When, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SyncProblemModel::Detail, QHeaderView::Stretch);
    header->setHighlightSections(false);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("syncProblemDetail"));
    m_detail->setReadOnly(true);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    m_copy = new QPushButton(tr("&Copy details"), this);
    m_copy->setObjectName(QStringLiteral("syncProblemsCopy"));
    m_copyAll = new QPushButton(tr("Copy the &list"), this);
    m_copyAll->setObjectName(QStringLiteral("syncProblemsCopyAll"));
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("syncProblemsRefresh"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close")); // Qt has no Hindi or Telugu of its own
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copyAll, QDialogButtonBox::ActionRole);
    buttons->addButton(refresh, QDialogButtonBox::ActionRole);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(showLabel);
    top->addWidget(m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_filter->currentData().toInt();
        m_proxy->setFilterRegularExpression(kind < 0 ? QString() : QStringLiteral("^%1$").arg(kind));
        showSelected();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncProblemsDialog::showSelected);
    connect(m_copy, &QPushButton::clicked, this, &SyncProblemsDialog::copySelected);
    connect(m_copyAll, &QPushButton::clicked, this, &SyncProblemsDialog::copyAll);
    connect(refresh, &QPushButton::clicked, &m_controller, &SyncProblemsController::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_controller, &SyncProblemsController::changed, this, &SyncProblemsDialog::reload);
    connect(&m_controller, &SyncProblemsController::failed, this, [this](const QString& message) {
        m_error->setText(tr("Could not read the list: %1").arg(message));
        m_error->show();
    });

    m_controller.setWatching(true);
    m_controller.refresh();
    resize(1060, 620);
}

SyncProblemsDialog::~SyncProblemsDialog() {
    m_controller.setWatching(false);
}

void SyncProblemsDialog::reload() {
    // Keep the selected row selected across a refresh (the engine may refresh while it is read).
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    QString key;
    if (current.isValid()) {
        const auto& p = m_model->problem(current.row());
        key =
            QStringLiteral("%1/%2/%3/%4").arg(int(p.kind)).arg(p.position).arg(p.firstSeq).arg(p.documentId);
    }
    m_error->hide();
    m_model->setProblems(m_controller.problems());
    for (int r = 0; r < m_model->rowCount() && !key.isEmpty(); ++r) {
        const auto& p = m_model->problem(r);
        if (QStringLiteral("%1/%2/%3/%4")
                .arg(int(p.kind))
                .arg(p.position)
                .arg(p.firstSeq)
                .arg(p.documentId) == key) {
            m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(r, 0)));
            break;
        }
    }
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    m_table->resizeColumnsToContents();
    // A long reason must not push the other columns off screen: the detail pane has it whole.
    for (int c = 0; c < SyncProblemModel::ColumnCount; ++c)
        if (c != SyncProblemModel::Detail)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));
    updateSummary();
    showSelected();
}

void SyncProblemsDialog::updateSummary() {
    // Operations, not rows: a server row may stand for several (as the status bar counts them).
    int counts[3] = {0, 0, 0};
    for (const auto& p : m_controller.problems())
        counts[static_cast<int>(p.kind)] += p.kind == SyncProblemKind::Quarantined ? p.count : 1;
    if (m_controller.standalone() && m_controller.problems().empty()) {
        m_summary->setText(tr("This counter is its own shop: nothing is synchronised, so nothing can go "
                              "wrong here."));
        return;
    }
    if (m_controller.problems().empty()) {
        m_summary->setText(tr("No sync problems on this counter."));
        return;
    }
    m_summary->setText(
        tr("Set aside: %1 · Anomalies: %2 · Waiting to apply: %3")
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2]) +
        QLatin1Char('\n') +
        tr("None of these stops selling. What the server set aside and its anomalies are resolved by the "
           "owner on the server; documents waiting here are retried at every sync."));
}

QString SyncProblemsDialog::detailText() const {
    return m_detail->toPlainText();
}

void SyncProblemsDialog::showSelected() {
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    m_copy->setEnabled(current.isValid());
    m_copyAll->setEnabled(m_model->rowCount() > 0);
    m_detail->setPlainText(current.isValid()
                               ? m_model->detailText(current.row())
                               : tr("Select a row to see everything this counter knows about it."));
}

void SyncProblemsDialog::copySelected() {
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (current.isValid())
        QApplication::clipboard()->setText(m_model->detailText(current.row()));
}

void SyncProblemsDialog::copyAll() {
    QApplication::clipboard()->setText(m_model->tableText());
}

} // namespace market::ui
