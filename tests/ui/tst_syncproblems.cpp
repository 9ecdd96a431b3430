// The manager's "Sync problems" list on a real enrolled counter: a real SQLite store with a
// quarantined sale (recorded by Outbox::acknowledge as the engine does after a push reply),
// anomalies and a parked sale of another counter (applied by FeedApplier as the pull does), and
// the real sync engine on its worker thread reporting the counts to the status bar. The server's
// address is a closed port on 127.0.0.1, so the engine stays offline and retries; its counts and
// cycles still come from the store. Needs a keychain (a D-Bus session with gnome-keyring).
#include "UiFixture.h"
#include "models/SyncProblemModel.h"
#include "services/FeedApplier.h"
#include "services/SyncProblemService.h"
#include "widgets/SyncProblemsDialog.h"
#include "widgets/SyncStatusWidget.h"

#ifdef MARKET_HAVE_SYNC
#include "engine/DeviceKeychain.h"
#endif

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QJsonDocument>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTcpServer>

using namespace market;
using namespace market::ui;
using core::SyncProblem;
using core::SyncProblemKind;
using core::SyncProblemState;

namespace {
constexpr qint64 kMinute = 60'000;

core::FeedChange anomaly(qint64 position, const QString& kind, const QString& entity, const core::Uuid& id,
                         const QJsonObject& details) {
    return core::FeedChange{position,
                            QStringLiteral("anomaly.raised"),
                            core::Uuid::createV7(position).toString(),
                            {},
                            QJsonObject{{QStringLiteral("kind"), kind},
                                        {QStringLiteral("entity"), entity},
                                        {QStringLiteral("entityId"), id.toString()},
                                        {QStringLiteral("details"), details}}};
}

/// A port on 127.0.0.1 that nothing listens on: connections are refused at once.
quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

const core::SyncProblem* find(const std::vector<core::SyncProblem>& list, SyncProblemKind kind,
                              const QString& type, SyncProblemState state) {
    for (const auto& p : list)
        if (p.kind == kind && p.type == type && p.state == state)
            return &p;
    return nullptr;
}

/// The action in the window's live menus (menus of an earlier language may linger as children).
QAction* menuAction(MainWindow& window, const QString& name) {
    for (QAction* top : window.menuBar()->actions())
        if (top->menu())
            for (QAction* a : top->menu()->actions())
                if (a->objectName() == name)
                    return a;
    return nullptr;
}

int rowOf(const SyncProblemModel& model, SyncProblemKind kind, const QString& type, SyncProblemState state) {
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto& p = model.problem(r);
        if (p.kind == kind && p.type == type && p.state == state)
            return r;
    }
    return -1;
}
} // namespace

class TestSyncProblems : public QObject {
    Q_OBJECT

    test::UiFixture m_f;
    core::Enrolment m_enrolment;
    QString m_keychainService;
    core::SaleDoc m_sale;  ///< this counter's credit sale, set aside by the server
    core::Uuid m_otherLot; ///< a lot of another counter that never reached this one
    QString m_foreignReceipt = QStringLiteral("HYD01-1-000042");
    std::unique_ptr<SyncStatusSource> m_sync;
    std::unique_ptr<MainWindow> m_window;

    core::Session session(const QString& user, const QString& password) {
        auto s = m_f.ctx->auth.login(user, password);
        return s.ok() ? *s : core::Session{};
    }

    /// Everything on the list, as the manager's service reads it.
    std::vector<core::SyncProblem> listed() {
        auto list = core::SyncProblemService(*m_f.store).list(m_f.owner);
        return list.ok() ? *list : std::vector<core::SyncProblem>{};
    }

private slots:
    void initTestCase() {
#ifndef MARKET_HAVE_SYNC
        QSKIP("built without the sync engine");
#else
        m_enrolment = core::Enrolment{QStringLiteral("http://127.0.0.1:%1").arg(closedPort()),
                                      core::Uuid::createV7(m_f.clock.nowMs()),
                                      QStringLiteral("HYD01"),
                                      core::Uuid::createV7(m_f.clock.nowMs()),
                                      2,
                                      m_f.clock.nowMs()};
        QVERIFY(m_f.setUp(m_enrolment));
        QCOMPARE(m_f.store->identity()->terminalId, m_enrolment.terminalId);
        m_keychainService =
            QStringLiteral("market-pos-test-syncproblems-%1").arg(QCoreApplication::applicationPid());
        m_f.ctx->keychainService = m_keychainService;
        const auto stored = sync::DeviceKeychain(m_keychainService)
                                .write(m_enrolment.terminalId.toString(), QStringLiteral("s3cret"));
        QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));

        // A credit sale here; the server set it aside (the engine keeps the entry with the reason).
        core::SaleRequest r;
        r.buyerId = m_f.trader.id;
        r.lines.push_back({m_f.tomatoLot.id, core::Quantity::fromUnits(10), core::Money::fromMinor(4'000)});
        auto sale = m_f.ctx->sales.sell(m_f.owner, r);
        QVERIFY2(sale.ok(), sale.ok() ? "" : qPrintable(sale.error().message));
        m_sale = *sale;
        auto outbox = core::Outbox::pending(*m_f.store, 10'000);
        QVERIFY(outbox.ok() && !outbox->empty());
        const core::OutboxEntry* saleEntry = nullptr;
        for (const auto& e : *outbox)
            if (e.type == core::op::kSaleRecorded)
                saleEntry = &e;
        QVERIFY(saleEntry);
        const qint64 last = outbox->back().seq;
        m_f.clock.advanceMs(kMinute);
        const std::vector<core::QuarantineEntry> setAside{
            {saleEntry->seq, saleEntry->seq, 1, saleEntry->opId, saleEntry->type,
             QStringLiteral("terminalId 00000000-0000-7000-8000-000000000002 is not this terminal"),
             QStringLiteral("counter"),
             QStringLiteral("{\"payload\":%1,\"audit\":%2}").arg(saleEntry->payload, saleEntry->audit),
             m_f.clock.nowMs()},
            {1,
             2,
             2,
             {},
             {},
             QStringLiteral("the server quarantined 2 operation(s) of seq 1–2 (see the server's quarantine "
                            "list for which and why)"),
             QStringLiteral("server"),
             {},
             m_f.clock.nowMs()}};
        QVERIFY(core::Outbox::acknowledge(*m_f.store, last, setAside, m_f.clock.nowMs()).ok());

        // The pull: the server's anomalies, and a sale of counter 1 from a lot this counter lacks.
        m_f.clock.advanceMs(kMinute);
        m_otherLot = core::Uuid::createV7(m_f.clock.nowMs());
        core::SaleDoc foreign = m_sale;
        foreign.id = core::Uuid::createV7(m_f.clock.nowMs() + 1);
        foreign.terminalId = core::Uuid::createV7(m_f.clock.nowMs() + 2);
        foreign.receiptSeq = 42;
        foreign.receiptNo = m_foreignReceipt;
        for (auto& l : foreign.lines) {
            l.id = core::Uuid::createV7(m_f.clock.nowMs() + 3);
            l.lotId = m_otherLot;
        }
        if (foreign.creditId)
            foreign.creditId = core::Uuid::createV7(m_f.clock.nowMs() + 4);
        for (auto& d : foreign.creditDetails)
            d.id = core::Uuid::createV7(m_f.clock.nowMs() + 5);
        const std::vector<core::FeedChange> page1{
            anomaly(101, QStringLiteral("oversold"), QStringLiteral("lot"), m_f.tomatoLot.id,
                    {{QStringLiteral("receivedQty"), 500'000},
                     {QStringLiteral("soldQty"), 510'000},
                     {QStringLiteral("returnedQty"), 0},
                     {QStringLiteral("adjustedQty"), 0}}),
            anomaly(102, QStringLiteral("credit_limit_exceeded"), QStringLiteral("party"), m_f.trader.id,
                    {{QStringLiteral("creditLimit"), 5'000'000}, {QStringLiteral("outstanding"), 5'200'000}}),
            anomaly(103, QStringLiteral("unknown_lot"), QStringLiteral("lot"), m_f.bananaLot.id,
                    {{QStringLiteral("soldQty"), 5'000}}),
            core::FeedChange{104, core::op::kSaleRecorded, foreign.id.toString(),
                             foreign.terminalId.toString(), foreign.toJson()}};
        auto applied = core::FeedApplier(*m_f.store).applyPage(page1, QStringLiteral("e:104"));
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->anomalies, 3);
        QCOMPARE(applied->parked, 1);
        // Later the same lot is oversold again: the server had closed the first one.
        m_f.clock.advanceMs(kMinute);
        applied =
            core::FeedApplier(*m_f.store)
                .applyPage({anomaly(105, QStringLiteral("oversold"), QStringLiteral("lot"), m_f.tomatoLot.id,
                                    {{QStringLiteral("receivedQty"), 500'000},
                                     {QStringLiteral("soldQty"), 530'000},
                                     {QStringLiteral("returnedQty"), 0},
                                     {QStringLiteral("adjustedQty"), 0}})},
                           QStringLiteral("e:105"));
        QVERIFY(applied.ok());
#endif
    }

    /// The service reads all three tables, names the documents it knows and tells which anomaly
    /// is over; a cashier may not read it.
    void theServiceListsEveryProblemForAManagerOnly() {
        const auto list = listed();
        QCOMPARE(list.size(), size_t(7)); // 2 set-aside rows, 4 anomalies, 1 parked
        const auto* sale =
            find(list, SyncProblemKind::Quarantined, core::op::kSaleRecorded, SyncProblemState::SetAside);
        QVERIFY(sale);
        QCOMPARE(sale->documentId, m_sale.id.toString());
        QCOMPARE(sale->label, m_sale.receiptNo);
        QCOMPARE(sale->source, QStringLiteral("counter"));
        const auto* range = find(list, SyncProblemKind::Quarantined, QString(), SyncProblemState::SetAside);
        QVERIFY(range);
        QCOMPARE(range->count, 2);
        QVERIFY(find(list, SyncProblemKind::Anomaly, QStringLiteral("oversold"), SyncProblemState::Open));
        QVERIFY(
            find(list, SyncProblemKind::Anomaly, QStringLiteral("oversold"), SyncProblemState::RaisedAgain));
        QVERIFY(find(list, SyncProblemKind::Anomaly, QStringLiteral("unknown_lot"),
                     SyncProblemState::LotArrived));
        const auto* credit = find(list, SyncProblemKind::Anomaly, QStringLiteral("credit_limit_exceeded"),
                                  SyncProblemState::Open);
        QVERIFY(credit);
        QVERIFY2(credit->label.contains(QStringLiteral("Lakshmi Traders")), qPrintable(credit->label));
        const auto* parked =
            find(list, SyncProblemKind::Parked, core::op::kSaleRecorded, SyncProblemState::Waiting);
        QVERIFY(parked);
        QCOMPARE(parked->label, m_foreignReceipt);
        // Names what is missing, not the constraint that caught it.
        QCOMPARE(parked->reason,
                 QStringLiteral("lot %1 is not on this counter yet").arg(m_otherLot.toString()));
        // Newest first.
        for (size_t i = 1; i < list.size(); ++i)
            QVERIFY(list[i - 1].atMs >= list[i].atMs);

        const core::Session cashier = session(QStringLiteral("cashier"), QStringLiteral("cashier-pass-1"));
        QCOMPARE(cashier.role, core::Role::Cashier);
        const auto refused = core::SyncProblemService(*m_f.store).list(cashier);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, core::ErrorCode::Forbidden);
    }

    /// Rows, headers, the one-line reasons and the whole story in the tooltip.
    void theModelShowsEachProblemReadably() {
        SyncProblemModel model(*m_f.ctx);
        model.setProblems(listed());
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(SyncProblemModel::ColumnCount));
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers,
                 QStringList({QStringLiteral("Problem"), QStringLiteral("What"), QStringLiteral("Document"),
                              QStringLiteral("Why"), QStringLiteral("When"), QStringLiteral("Status")}));
        const auto cell = [&](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };

        const int sale =
            rowOf(model, SyncProblemKind::Quarantined, core::op::kSaleRecorded, SyncProblemState::SetAside);
        QVERIFY(sale >= 0);
        QCOMPARE(cell(sale, SyncProblemModel::Problem), QStringLiteral("Set aside"));
        QCOMPARE(cell(sale, SyncProblemModel::What), QStringLiteral("Sale"));
        QCOMPARE(cell(sale, SyncProblemModel::Document), QStringLiteral("Receipt %1").arg(m_sale.receiptNo));
        QVERIFY(cell(sale, SyncProblemModel::Detail).contains(QStringLiteral("is not this terminal")));
        QCOMPARE(cell(sale, SyncProblemModel::Status), QStringLiteral("Resolve on the server"));
        const QString saleTip =
            model.data(model.index(sale, SyncProblemModel::What), Qt::ToolTipRole).toString();
        QVERIFY2(saleTip.contains(QStringLiteral("Found by: this counter, before sending")),
                 qPrintable(saleTip));
        QVERIFY2(!saleTip.contains(QStringLiteral("prevHash")), "the envelope itself is never shown");

        const int range = rowOf(model, SyncProblemKind::Quarantined, QString(), SyncProblemState::SetAside);
        QCOMPARE(cell(range, SyncProblemModel::What), QStringLiteral("2 operation(s)"));
        QCOMPARE(cell(range, SyncProblemModel::Document), QStringLiteral("Operations 1–2"));

        const int oversold =
            rowOf(model, SyncProblemKind::Anomaly, QStringLiteral("oversold"), SyncProblemState::Open);
        QCOMPARE(cell(oversold, SyncProblemModel::What), QStringLiteral("Lot oversold"));
        QVERIFY2(cell(oversold, SyncProblemModel::Document).startsWith(QStringLiteral("Lot ")) &&
                     cell(oversold, SyncProblemModel::Document).contains(QStringLiteral("Tomato")),
                 qPrintable(cell(oversold, SyncProblemModel::Document)));
        QCOMPARE(
            cell(oversold, SyncProblemModel::Detail),
            QStringLiteral("Received 500, sold 530, returned 0, adjusted 0: 30 more went out than came in"));
        QCOMPARE(cell(oversold, SyncProblemModel::Status), QStringLiteral("Open"));
        const int closed =
            rowOf(model, SyncProblemKind::Anomaly, QStringLiteral("oversold"), SyncProblemState::RaisedAgain);
        QCOMPARE(cell(closed, SyncProblemModel::Status), QStringLiteral("Closed, raised again"));
        QVERIFY(model.data(model.index(closed, 0), Qt::ForegroundRole).isValid()); // greyed

        const int credit = rowOf(model, SyncProblemKind::Anomaly, QStringLiteral("credit_limit_exceeded"),
                                 SyncProblemState::Open);
        QCOMPARE(cell(credit, SyncProblemModel::Detail),
                 QStringLiteral("Owes %1, over the credit limit of %2")
                     .arg(m_f.ctx->money(core::Money::fromMinor(5'200'000)),
                          m_f.ctx->money(core::Money::fromMinor(5'000'000))));
        const int arrived = rowOf(model, SyncProblemKind::Anomaly, QStringLiteral("unknown_lot"),
                                  SyncProblemState::LotArrived);
        QCOMPARE(cell(arrived, SyncProblemModel::Status), QStringLiteral("Lot has arrived"));

        const int parked =
            rowOf(model, SyncProblemKind::Parked, core::op::kSaleRecorded, SyncProblemState::Waiting);
        QCOMPARE(cell(parked, SyncProblemModel::Problem), QStringLiteral("Waiting to apply"));
        QCOMPARE(cell(parked, SyncProblemModel::Document),
                 QStringLiteral("Receipt %1").arg(m_foreignReceipt));
        const QString parkedTip = model.detailText(parked);
        QVERIFY2(parkedTip.contains(model.problem(parked).reason), qPrintable(parkedTip));
        QVERIFY2(parkedTip.contains(QStringLiteral("Feed position: 104")), qPrintable(parkedTip));

        // The whole list as text: a header line and one line per row.
        QCOMPARE(model.tableText().split(QLatin1Char('\n')).size(), 8);
    }

    /// The anomalies about a counter itself read as what happened and what to do, not as codes.
    void counterAnomaliesReadAsSentences() {
        SyncProblem skew;
        skew.kind = SyncProblemKind::Anomaly;
        skew.type = QStringLiteral("clock_skew");
        skew.entity = QStringLiteral("terminal");
        skew.details = {{QStringLiteral("seq"), 7},
                        {QStringLiteral("atMs"), qint64(1'700'000'000'000)},
                        {QStringLiteral("aheadMs"), qint64((2 * 24 + 3) * 60 * kMinute + 20 * kMinute)}};
        SyncProblem lost = skew;
        lost.type = QStringLiteral("reupload_gap");
        lost.details = {{QStringLiteral("fromSeq"), 41}, {QStringLiteral("toSeq"), 57}};
        SyncProblem minutes = skew;
        minutes.details = {{QStringLiteral("seq"), 9},
                           {QStringLiteral("aheadMs"), qint64(17 * kMinute + 59'000)}};
        SyncProblemModel model(*m_f.ctx);
        model.setProblems({skew, lost, minutes});
        const auto cell = [&](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        QCOMPARE(cell(0, SyncProblemModel::What), QStringLiteral("Counter clock ahead"));
        QCOMPARE(cell(0, SyncProblemModel::Detail),
                 QStringLiteral("Operation 7 was dated 2 day(s) 3 h ahead of the server's clock: set this "
                                "counter's date and time"));
        QCOMPARE(cell(1, SyncProblemModel::What), QStringLiteral("Operations lost in a server restore"));
        QCOMPARE(cell(1, SyncProblemModel::Detail),
                 QStringLiteral("Operations 41–57 of this counter were not in the restored server and could "
                                "not be sent again"));
        QVERIFY2(cell(2, SyncProblemModel::Detail).contains(QStringLiteral("dated 17 min ahead")),
                 qPrintable(cell(2, SyncProblemModel::Detail)));
    }

    /// The status bar counts what the real engine read from the store; a click opens the list for
    /// a manager; sorting, filtering, the detail pane and copying work on it.
    void clickingTheStatusOpensTheListForAManager() {
        m_sync = std::make_unique<StoreSyncStatus>(*m_f.store, m_keychainService);
        m_window = std::make_unique<MainWindow>(*m_f.ctx, *m_sync);
        m_window->show();
        QVERIFY(test::loginWithKeys(*m_window, QStringLiteral("manager"), QStringLiteral("2222")));
        SyncStatusWidget* status = m_window->syncStatusWidget();
        QVERIFY(status);
        // 3 operations set aside (1 + a range of 2) and 4 anomalies, counted by the engine.
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("7 to check")), 20'000);
        QAction* action = menuAction(*m_window, QStringLiteral("syncProblemsAction"));
        QVERIFY(action && action->isEnabled());

        QVERIFY(!m_window->syncProblemsDialog());
        QTest::mouseClick(status, Qt::LeftButton);
        SyncProblemsDialog* dialog = m_window->syncProblemsDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->model().rowCount(), 7);
        const QString summary = dialog->findChild<QLabel*>(QStringLiteral("syncProblemsSummary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("Set aside: 3 · Anomalies: 4 · Waiting to apply: 1")),
                 qPrintable(summary));
        QTableView* table = dialog->table();
        QCOMPARE(table->model()->rowCount(), 7);
        // Newest first by default; the detail pane shows the current row.
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(SyncProblemModel::When));
        const auto when = [&](int row) {
            return table->model()
                ->data(table->model()->index(row, SyncProblemModel::When), SyncProblemModel::SortRole)
                .toLongLong();
        };
        QVERIFY(when(0) >= when(6));
        QVERIFY(!dialog->detailText().isEmpty());
        // Sorting by what it is.
        table->sortByColumn(SyncProblemModel::What, Qt::AscendingOrder);
        for (int r = 1; r < table->model()->rowCount(); ++r)
            QVERIFY(table->model()
                        ->index(r - 1, SyncProblemModel::What)
                        .data()
                        .toString()
                        .localeAwareCompare(
                            table->model()->index(r, SyncProblemModel::What).data().toString()) <= 0);
        // Only the anomalies.
        auto* filter = dialog->findChild<QComboBox*>(QStringLiteral("syncProblemsFilter"));
        filter->setCurrentIndex(filter->findData(int(SyncProblemKind::Anomaly)));
        QCOMPARE(table->model()->rowCount(), 4);
        filter->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 7);

        // Selecting the parked sale shows its whole story; "Copy details" puts it on the clipboard.
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()
                    ->index(r, SyncProblemModel::Problem)
                    .data(SyncProblemModel::KindRole)
                    .toInt() == int(SyncProblemKind::Parked))
                table->setCurrentIndex(table->model()->index(r, 0));
        QVERIFY2(dialog->detailText().contains(m_foreignReceipt), qPrintable(dialog->detailText()));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("syncProblemsCopy")),
                          Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), dialog->detailText());

        // The menu raises the same window rather than a second one.
        action->trigger();
        QCOMPARE(m_window->findChildren<SyncProblemsDialog*>().size(), 1);
    }

    /// A new anomaly pulled while the list is open appears when the engine reports its counts.
    void theOpenListFollowsTheSyncStatus() {
        SyncProblemsDialog* dialog = m_window->syncProblemsDialog();
        QVERIFY(dialog);
        m_f.clock.advanceMs(kMinute);
        const auto applied = core::FeedApplier(*m_f.store)
                                 .applyPage({anomaly(106, QStringLiteral("over_returned"),
                                                     QStringLiteral("sale_line"), m_sale.lines.front().id,
                                                     {{QStringLiteral("saleId"), m_sale.id.toString()},
                                                      {QStringLiteral("soldQty"), 10'000},
                                                      {QStringLiteral("returnedQty"), 12'000}})},
                                            QStringLiteral("e:106"));
        QVERIFY(applied.ok());
        // The engine is offline and retries with back-off; its next cycle reads the new count.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->model().rowCount(), 8, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncStatusWidget()->text().contains(QStringLiteral("8 to check")),
                                 10'000);
        const int row = rowOf(dialog->model(), SyncProblemKind::Anomaly, QStringLiteral("over_returned"),
                              SyncProblemState::Open);
        QVERIFY(row >= 0);
        QCOMPARE(dialog->model().data(dialog->model().index(row, SyncProblemModel::Document)).toString(),
                 QStringLiteral("Receipt line %1 #1").arg(m_sale.receiptNo));
        QCOMPARE(dialog->model().data(dialog->model().index(row, SyncProblemModel::Detail)).toString(),
                 QStringLiteral("12 returned of 10 sold"));
    }

    /// The owner resolved the credit anomaly on the server: the feed's `anomaly.resolved` marks it
    /// here with the note, it no longer counts as open, and a repeat or an unknown id changes
    /// nothing (and is not parked).
    void aResolutionFromTheServerClosesTheAnomaly() {
        core::FeedApplier feed(*m_f.store);
        const auto before = feed.anomalies();
        QVERIFY(before.ok());
        QString creditId;
        for (const auto& a : *before)
            if (a.kind == QLatin1String("credit_limit_exceeded"))
                creditId = a.id;
        QVERIFY(!creditId.isEmpty());
        const qint64 openBefore = *feed.anomalyCount();
        const auto resolved = [](qint64 position, const QString& id, const QString& note, qint64 atMs) {
            return core::FeedChange{position,
                                    QStringLiteral("anomaly.resolved"),
                                    id,
                                    {},
                                    QJsonObject{{QStringLiteral("id"), id},
                                                {QStringLiteral("resolved"), true},
                                                {QStringLiteral("resolution"), note},
                                                {QStringLiteral("resolvedAtMs"), atMs}}};
        };
        const qint64 at = m_f.clock.nowMs() - kMinute;
        const QString note = QStringLiteral("पैसे मिल गए — paid 2,000 in cash; limit raised");
        const auto applied = feed.applyPage(
            {resolved(107, creditId, note, at),
             resolved(108, creditId, QStringLiteral("a second note"), at + kMinute),
             resolved(109, core::Uuid::createV7(at).toString(), QStringLiteral("unknown"), at)},
            QStringLiteral("e:109"));
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->parked, 0);
        QCOMPARE(*feed.anomalyCount(), openBefore - 1);

        const auto list = listed();
        const auto* credit = find(list, SyncProblemKind::Anomaly, QStringLiteral("credit_limit_exceeded"),
                                  SyncProblemState::Resolved);
        QVERIFY(credit);
        QCOMPARE(credit->resolution, note);
        QCOMPARE(credit->resolvedAtMs, at);
        QVERIFY(!find(list, SyncProblemKind::Anomaly, QStringLiteral("credit_limit_exceeded"),
                      SyncProblemState::Open));
        SyncProblemModel model(*m_f.ctx);
        model.setProblems(list);
        const int row = rowOf(model, SyncProblemKind::Anomaly, QStringLiteral("credit_limit_exceeded"),
                              SyncProblemState::Resolved);
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, SyncProblemModel::Status)).toString(),
                 QStringLiteral("Resolved on the server"));
        QVERIFY(model.data(model.index(row, 0), Qt::ForegroundRole).isValid()); // greyed
        const QString tip = model.detailText(row);
        QVERIFY2(tip.contains(QStringLiteral("Resolution: ") + note), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Resolved on: ") + m_f.ctx->dateTime(at)), qPrintable(tip));
    }

    /// Saves the list in English, Hindi and Telugu (docs/screenshots with MARKET_SCREENSHOT_DIR).
    void screenshotsInEveryLanguage() {
        QTemporaryDir tmp;
        const QString out = qEnvironmentVariableIsSet("MARKET_SCREENSHOT_DIR")
                                ? qEnvironmentVariable("MARKET_SCREENSHOT_DIR")
                                : tmp.path();
        QVERIFY(QDir().mkpath(out));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("hi"), QStringLiteral("te")}) {
            m_window->setLanguage(language);
            QTRY_VERIFY(!m_window->syncProblemsDialog()); // the old-language window closed
            m_window->openSyncProblems();
            SyncProblemsDialog* dialog = m_window->syncProblemsDialog();
            QVERIFY(dialog);
            QCOMPARE(dialog->model().rowCount(), 8);
            if (language != QLatin1String("en"))
                QVERIFY2(dialog->windowTitle() != QStringLiteral("Sync problems"), "translated");
            QTableView* table = dialog->table();
            for (int r = 0; r < table->model()->rowCount(); ++r)
                if (table->model()->index(r, SyncProblemModel::What).data(Qt::DisplayRole) ==
                        SyncProblemModel::anomalyName(QStringLiteral("oversold")) &&
                    table->model()->index(r, SyncProblemModel::Status).data() ==
                        SyncProblemModel::stateName(SyncProblemState::Open))
                    table->setCurrentIndex(table->model()->index(r, 0));
            QTest::qWait(0);
            const QString path = QDir(out).filePath(QStringLiteral("sync-problems-%1.png").arg(language));
            QImage image =
                dialog->grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither);
            QVERIFY(image.save(path));
            QVERIFY(QImage(path).width() >= 900);
            dialog->close();
            QTRY_VERIFY(!m_window->syncProblemsDialog());
        }
        m_window->setLanguage(QStringLiteral("en"));
    }

    /// Locking closes the list; a cashier's click shows the short details box instead.
    void aCashierGetsTheDetailsBox() {
        m_window->openSyncProblems();
        QVERIFY(m_window->syncProblemsDialog());
        m_window->sessionController().lock();
        QTRY_VERIFY(!m_window->syncProblemsDialog());
        QVERIFY(test::loginWithKeys(*m_window, QStringLiteral("cashier"), QStringLiteral("1111")));
        QAction* action = menuAction(*m_window, QStringLiteral("syncProblemsAction"));
        QVERIFY(action && !action->isEnabled());
        QTest::mouseClick(m_window->syncStatusWidget(), Qt::LeftButton);
        QVERIFY(!m_window->syncProblemsDialog());
        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("syncDetailsBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("Set aside (could not apply): 3")),
                 qPrintable(box->text()));
        box->close();
        m_window->openSyncProblems(); // refused for a cashier
        QVERIFY(!m_window->syncProblemsDialog());
    }

    void cleanupTestCase() {
        m_window.reset();
        m_sync.reset(); // stops the engine on its thread
#ifdef MARKET_HAVE_SYNC
        if (!m_keychainService.isEmpty())
            (void)sync::DeviceKeychain(m_keychainService).remove(m_enrolment.terminalId.toString());
#endif
    }
};

QTEST_MAIN(TestSyncProblems)
#include "tst_syncproblems.moc"
