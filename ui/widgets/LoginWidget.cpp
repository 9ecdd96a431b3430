#include "LoginWidget.h"

#include "controllers/SessionController.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace market::ui {

LoginWidget::LoginWidget(SessionController& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_user(new QComboBox(this))
    , m_secret(new QLineEdit(this))
    , m_pin(new QCheckBox(tr("Use &PIN"), this))
    , m_login(new QPushButton(tr("&Log in"), this))
    , m_message(new QLabel(this))
    , m_title(new QLabel(tr("Who is at the counter?"), this)) {
    m_user->setObjectName(QStringLiteral("loginUser"));
    m_secret->setObjectName(QStringLiteral("loginSecret"));
    m_pin->setObjectName(QStringLiteral("loginUsePin"));
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Password"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_title->setFont(big);

    auto* box = new QWidget(this);
    box->setMaximumWidth(420);
    auto* form = new QFormLayout(box);
    form->addRow(m_title);
    form->addRow(tr("&User"), m_user);
    form->addRow(tr("&Secret"), m_secret);
    form->addRow(QString(), m_pin);
    form->addRow(QString(), m_login);
    form->addRow(m_message);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_pin, &QCheckBox::toggled, this, [this](bool pin) {
        m_secret->setPlaceholderText(pin ? tr("PIN") : tr("Password"));
        m_secret->clear();
        m_secret->setFocus();
    });
    connect(m_user, &QComboBox::currentIndexChanged, this, [this] {
        // Users with a PIN log in with it by default: faster at a busy counter.
        m_pin->setChecked(m_user->currentData(Qt::UserRole + 1).toBool());
        m_secret->setFocus();
    });
    connect(m_secret, &QLineEdit::returnPressed, this, &LoginWidget::submit);
    connect(m_login, &QPushButton::clicked, this, &LoginWidget::submit);
    setFocusProxy(m_secret);
}

void LoginWidget::reset() {
    const QString last = m_session.lastUsername();
    m_user->blockSignals(true);
    m_user->clear();
    auto users = m_session.users();
    if (users.ok())
        for (const auto& u : *users) {
            if (!u.active)
                continue;
            m_user->addItem(QStringLiteral("%1 (%2)").arg(
                                u.displayName.isEmpty() ? u.username : u.displayName, u.username),
                            u.username);
            m_user->setItemData(m_user->count() - 1, u.hasPin, Qt::UserRole + 1);
        }
    const int index = m_user->findData(last);
    m_user->setCurrentIndex(index >= 0 ? index : 0);
    m_user->blockSignals(false);
    m_pin->setChecked(m_user->currentData(Qt::UserRole + 1).toBool());
    m_secret->clear();
    m_message->clear();
    m_secret->setFocus();
}

QString LoginWidget::message() const {
    return m_message->text();
}

void LoginWidget::submit() {
    m_message->setText(tr("Checking…"));
    m_message->repaint();
    // The hash check takes ~0.4 s by design; say so with the cursor.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto st = m_session.login(m_user->currentData().toString(), m_secret->text(), m_pin->isChecked());
    QApplication::restoreOverrideCursor();
    m_secret->clear();
    m_message->setText(st.ok() ? QString() : st.error().message);
}

} // namespace market::ui
