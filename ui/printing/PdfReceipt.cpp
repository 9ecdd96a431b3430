#include "PdfReceipt.h"

#include "Code128.h"

#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>
#include <QTextDocument>
#include <QUrl>

namespace market::ui {

namespace {
QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString pairs(const std::vector<Receipt::Pair>& rows, bool boldFirst) {
    QString out = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    bool first = true;
    for (const auto& [label, value] : rows) {
        const bool bold = boldFirst && first;
        out += QStringLiteral("<tr><td>%1%2%3</td><td align=\"right\">%1%4%3</td></tr>")
                   .arg(bold ? QStringLiteral("<b>") : QString(), esc(label),
                        bold ? QStringLiteral("</b>") : QString(), esc(value));
        first = false;
    }
    return out + QStringLiteral("</table>");
}
} // namespace

QString PdfReceipt::html(const Receipt& r) {
    QString h = QStringLiteral("<html><body style=\"font-family:'Noto Sans'\">");
    if (r.isCopy())
        h += QStringLiteral("<p align=\"center\"><b>*** %1 ***</b></p>").arg(esc(r.copyMark));
    h += QStringLiteral("<h2 align=\"center\">%1</h2>").arg(esc(r.shopName));
    if (!r.title.isEmpty())
        h += QStringLiteral("<h3 align=\"center\">%1</h3>").arg(esc(r.title));
    h += pairs(r.header, false);
    if (!r.items.empty()) {
        h += QStringLiteral("<hr/><table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
        for (const auto& item : r.items)
            h += QStringLiteral("<tr><td>%1%2<br/><small>%3</small></td><td align=\"right\">%4</td></tr>")
                     .arg(esc(item.title),
                          item.subtitle.isEmpty() ? QString() : QStringLiteral(" · ") + esc(item.subtitle),
                          esc(item.detail), esc(item.amount));
        h += QStringLiteral("</table>");
    }
    if (!r.charges.empty())
        h += QStringLiteral("<hr/>") + pairs(r.charges, false);
    if (!r.totals.empty())
        h += QStringLiteral("<hr/>") + pairs(r.totals, true);
    if (!r.footer.empty())
        h += QStringLiteral("<hr/>") + pairs(r.footer, false);
    if (!r.barcode.isEmpty())
        h += QStringLiteral(
                 "<p align=\"center\"><img src=\"barcode:lot\" width=\"360\" height=\"80\"/><br/>%1</p>")
                 .arg(esc(r.barcode));
    if (!r.closing.isEmpty())
        h += QStringLiteral("<p align=\"center\">%1</p>").arg(esc(r.closing));
    if (r.isCopy())
        h += QStringLiteral("<p align=\"center\"><b>*** %1 ***</b></p>").arg(esc(r.copyMark));
    return h + QStringLiteral("</body></html>");
}

QString PdfReceipt::write(const Receipt& r, const QString& path, const QString& pageSize) {
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(pageSize == QLatin1String("A4") ? QPageSize::A4 : QPageSize::A5));
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    printer.setDocName(r.fileStem);

    QTextDocument doc;
    if (!r.barcode.isEmpty()) {
        QImage bars(720, 160, QImage::Format_RGB32);
        bars.fill(Qt::white);
        QPainter p(&bars);
        Code128::paint(p, QRectF(40, 0, 640, 160), r.barcode);
        p.end();
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("barcode:lot")), bars);
    }
    doc.setHtml(html(r));
    doc.print(&printer);
    if (!QFileInfo::exists(path))
        return tr("Could not write the PDF %1.").arg(path);
    return {};
}

} // namespace market::ui
