using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.Common;
using PdfSharp.Drawing;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Where everything sits on the referral's page, top to bottom: the issuer, the heading, the
/// table of fields, the warning, the contacts with the QR code, and a footer at the page's foot.
/// Long names and addresses are wrapped; if the page still overflows, the document is laid out
/// again at a smaller <paramref name="scale"/> (see ReferralDocument.Render).
internal sealed class ReferralLayout(XGraphics gfx, DocumentFonts fonts, double pageWidth, double pageHeight, double scale)
{
    private const double Margin = 48;
    private const double QrSize = 92;
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(20, 20, 20));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(85, 85, 85));
    private static readonly XBrush WarningFill = new XSolidBrush(XColor.FromArgb(253, 246, 236));
    private static readonly XPen WarningPen = new(XColor.FromArgb(170, 90, 0), 1);
    private static readonly XPen RulePen = new(XColor.FromArgb(11, 79, 138), 1.2);
    private static readonly XPen FooterPen = new(XColor.FromArgb(180, 180, 180), 0.5);

    private readonly double _width = pageWidth - 2 * Margin;

    /// The bottom of the content and the top of the footer: a test checks they never overlap.
    internal sealed record Bounds(double ContentBottom, double FooterTop);

    public Bounds Draw(ReferralDocumentData data)
    {
        var y = DrawHeading(data, 36);
        y = new FieldTable(gfx, fonts, scale).Draw(Fields(data), Margin, y, _width) + 12 * scale;
        y = DrawWarning(y) + 12 * scale;
        y = DrawContactsAndQr(data, y);
        return new Bounds(y, DrawFooter());
    }

    private double DrawHeading(ReferralDocumentData data, double y)
    {
        var small = fonts.Regular(8);
        TextLayout.DrawWrapped(gfx, "Управление образования города Алматы\nАлматы қаласының Білім басқармасы", small, Muted, Margin, y, _width / 2);
        gfx.DrawString("Open Almaty", small, Muted, new XRect(Margin, y, _width, 12), XStringFormats.TopRight);
        y += 25;
        gfx.DrawLine(RulePen, Margin, y, Margin + _width, y);
        y = TextLayout.DrawCentred(gfx, "НАПРАВЛЕНИЕ / ЖОЛДАМА", fonts.Bold(17), Ink, Margin, y + 12, _width);
        y = TextLayout.DrawCentred(gfx, "в дошкольную организацию образования / мектепке дейінгі білім беру ұйымына", fonts.Regular(9.5), Ink, Margin, y + 1, _width);
        return TextLayout.DrawCentred(gfx, $"№ {data.Number}", fonts.Bold(12), Ink, Margin, y + 5, _width) + 8;
    }

    private static List<FieldTable.Row> Fields(ReferralDocumentData d) =>
    [
        new("Дата и время выдачи", "Берілген күні мен уақыты", AlmatyTime.Format(d.IssuedAt)),
        new("Номер заявления", "Өтініш нөмірі", d.ApplicationNumber),
        new("ФИО заявителя", "Өтініш берушінің аты-жөні", d.ApplicantFullName),
        new("ФИО ребёнка", "Баланың аты-жөні", d.ChildFullName, Strong: true),
        new("Дата рождения ребёнка", "Баланың туған күні", d.ChildBirthDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)),
        new("Возрастная группа", "Жас тобы", $"дети {d.BirthYear} года рождения / {d.BirthYear} жылы туған балалар"),
        new("Дошкольная организация", "Мектепке дейінгі ұйым", Both(d.OrganisationNameRu, d.OrganisationNameKk), Strong: true),
        new("Тип организации", "Ұйымның түрі", Both(d.OrganisationType.Ru, Kk(d.OrganisationType))),
        new("Язык обучения", "Оқыту тілі", $"{d.Language.Ru} / {Kk(d.Language)}"),
        new("Адрес", "Мекенжайы", d.Address),
        new("Телефоны", "Телефондары", d.Phones),
        new("Действительно до", "Жарамдылық мерзімі", $"{AlmatyTime.Format(d.ValidUntil)} (время Алматы / Алматы уақыты)", Strong: true),
    ];

    private static string Both(string ru, string kk) => ru == kk ? ru : $"{ru}\n{kk}";

    private static string Kk(Domain.Common.LocalizedText text) => Localization.DomainResources.In(text, "kk");

    private double DrawWarning(double y)
    {
        var pad = 7 * scale;
        var gap = 3 * scale;
        var inner = _width - 2 * pad;
        var bold = fonts.Bold(9 * scale);
        var body = fonts.Regular(8.5 * scale);
        var heading = TextLayout.Wrap(gfx, "Внимание! / Назар аударыңыз!", bold, inner);
        var paragraphs = new[]
            {
                ReferralDocument.FiveDaysWarningRu, ReferralDocument.FiveDaysWarningKk,
                ReferralDocument.TwoExpiriesWarningRu, ReferralDocument.TwoExpiriesWarningKk,
            }
            .Select(p => TextLayout.Wrap(gfx, p, body, inner)).ToList();
        var height = 2 * pad + TextLayout.Height(heading, bold) + 2 + paragraphs.Sum(p => TextLayout.Height(p, body) + gap) - gap;
        gfx.DrawRectangle(WarningPen, WarningFill, Margin, y, _width, height);
        var cy = TextLayout.Draw(gfx, heading, bold, Ink, Margin + pad, y + pad) + 2;
        foreach (var paragraph in paragraphs)
            cy = TextLayout.Draw(gfx, paragraph, body, Ink, Margin + pad, cy) + gap;
        return y + height;
    }

    private double DrawContactsAndQr(ReferralDocumentData data, double y)
    {
        var textWidth = _width - QrSize - 24;
        var cy = TextLayout.DrawWrapped(gfx, "При возникновении вопросов, просим обращаться по номерам:\nСұрақтар туындаса, мына нөмірлерге хабарласыңыз:",
            fonts.Bold(9 * scale), Ink, Margin, y, textWidth);
        cy = TextLayout.DrawWrapped(gfx, "Управление образования: 262 21 15,233-32-39\nCall-center Open Almaty: 1308, 338-33-88\nСлужба поддержки: sp.ddoalmaty@gmail.com",
            fonts.Regular(9 * scale), Ink, Margin, cy + 3, textWidth);
        cy = TextLayout.DrawWrapped(gfx, $"Проверить направление / Жолдаманы тексеру: {data.VerificationUrl}", fonts.Regular(8), Muted, Margin, cy + 5, textWidth);

        var qrX = Margin + _width - QrSize;
        QrDrawing.Draw(gfx, ReferralDocument.QrCode(data), qrX, y, QrSize);
        var captionBottom = TextLayout.DrawCentred(gfx, "Проверить направление\nЖолдаманы тексеру", fonts.Regular(7.5), Ink, qrX - 12, y + QrSize + 1, QrSize + 24);
        return Math.Max(cy, captionBottom);
    }

    private double DrawFooter()
    {
        var small = fonts.Regular(7.5);
        var footer = "Документ сформирован порталом Open Almaty по заявлению, подписанному ЭЦП заявителя.\n" +
                     "Құжат өтініш берушінің ЭЦҚ-мен қол қойылған өтініші бойынша Open Almaty порталында қалыптастырылды.";
        var lines = TextLayout.Wrap(gfx, footer, small, _width);
        var top = pageHeight - 30 - TextLayout.Height(lines, small);
        gfx.DrawLine(FooterPen, Margin, top - 5, Margin + _width, top - 5);
        TextLayout.Draw(gfx, lines, small, Muted, Margin, top);
        return top - 5;
    }
}
