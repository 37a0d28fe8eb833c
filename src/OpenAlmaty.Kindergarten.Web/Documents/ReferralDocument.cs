using System.Security.Cryptography;
using System.Text;
using PdfSharp;
using PdfSharp.Pdf;
using QRCoder;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Направление / Жолдама: one A4 page in Russian and Kazakh, drawn from <see cref="ReferralDocumentData"/>
/// alone. Same data, same bytes: the dates, the file ID and every name PDFsharp would pick at
/// random come from the data, never from the clock or the host.
public static class ReferralDocument
{
    /// The city's warnings, from the one place the rules' words live.
    public static string FiveDaysWarningRu => Domain.Rules.RuleTexts.ReferralDeadline.Ru;
    public static string FiveDaysWarningKk => Localization.DomainResources.In(Domain.Rules.RuleTexts.ReferralDeadline, "kk");
    public static string TwoExpiriesWarningRu => Domain.Rules.RuleTexts.ExpiriesRemove.Ru;
    public static string TwoExpiriesWarningKk => Localization.DomainResources.In(Domain.Rules.RuleTexts.ExpiriesRemove, "kk");

    static ReferralDocument() => DejaVuFontResolver.Register();

    public static byte[] Render(ReferralDocumentData data) => Render(data, DocumentFonts.Subsets).Pdf;

    /// The page is laid out at full size, or smaller when long names would push it past the footer.
    internal static RenderedReferral Render(ReferralDocumentData data, DocumentFonts fonts)
    {
        RenderedReferral? rendered = null;
        foreach (var scale in new[] { 1.0, 0.92, 0.84, 0.76 })
        {
            rendered = Render(data, fonts, scale);
            if (rendered.Bounds.ContentBottom <= rendered.Bounds.FooterTop) break;
        }
        return rendered!;
    }

    private static RenderedReferral Render(ReferralDocumentData data, DocumentFonts fonts, double scale)
    {
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Направление № {data.Number}";
        pdf.Info.Subject = "Направление в дошкольную организацию / Мектепке дейінгі ұйымға жолдама";
        pdf.Info.Author = "Open Almaty";
        pdf.Info.Creator = "Open Almaty";
        var id = DocumentId(data);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;
        Reproducible.SetDates(pdf, data.IssuedAt);
        GlyphPrimer.Prime(pdf, fonts);

        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        ReferralLayout.Bounds bounds;
        using (var gfx = PdfSharp.Drawing.XGraphics.FromPdfPage(page))
        {
            bounds = new ReferralLayout(gfx, fonts, page.Width.Point, page.Height.Point, scale).Draw(data);
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return new RenderedReferral(Reproducible.ReplaceRandomNames(stream.ToArray(), id), bounds, scale);
    }

    /// What the QR code encodes: the public verification page, nothing personal.
    internal static string QrPayload(ReferralDocumentData data) => data.VerificationUrl;

    internal static QRCodeData QrCode(ReferralDocumentData data)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(QrPayload(data), QRCodeGenerator.ECCLevel.M);
    }

    /// The trailer's /ID is random by default; a hash of the referral makes it stable and unique.
    private static string DocumentId(ReferralDocumentData data)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{data.Number}|{data.IssuedAt.UtcTicks}|{data.VerificationUrl}"));
        return new string(hash.AsSpan(0, 16).ToArray().Select(b => (char)b).ToArray());
    }

    internal sealed record RenderedReferral(byte[] Pdf, ReferralLayout.Bounds Bounds, double Scale);
}
