#pragma once

#include "domain/Uuid.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace market::ui {

class AppContext;
class ArrivalController;
class LotListModel;
class PartyListModel;
class SearchField;

/// Arrivals: a farmer's lot (farmer search or quick-create, product, packages, gross, tare,
/// net, grade, vehicle, notes); Ctrl+S records it and prints the slip with the lot code.
class ArrivalWidget : public QWidget {
    Q_OBJECT
public:
    ArrivalWidget(AppContext& ctx, ArrivalController& controller, QWidget* parent = nullptr);
    void refresh();
    QString message() const;

private:
    void pickFarmer(int row);
    void createFarmer();
    void save();
    void updateNet();
    void showMessage(const QString& text, bool error);

    AppContext& m_ctx;
    ArrivalController& m_controller;
    PartyListModel* m_farmers;
    LotListModel* m_recent;
    SearchField* m_farmerSearch;
    QLabel* m_farmerInfo;
    std::optional<core::Uuid> m_farmerId;
    QComboBox* m_product;
    QLineEdit* m_packages;
    QLineEdit* m_gross;
    QLineEdit* m_tare;
    QLineEdit* m_net;
    QLabel* m_netPreview;
    QComboBox* m_grade;
    QLineEdit* m_vehicle;
    QLineEdit* m_notes;
    QLineEdit* m_newFarmerName;
    QLineEdit* m_newFarmerPhone;
    QLabel* m_message;
    QTableView* m_recentTable;
};

} // namespace market::ui
