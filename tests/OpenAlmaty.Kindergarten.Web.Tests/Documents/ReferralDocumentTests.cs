using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Documents;
using PdfSharp.Pdf;

namespace OpenAlmaty.Kindergarten.Web.Tests.Documents;

public sealed class ReferralDocumentTests
{
    private static ReferralDocumentData Data(string childName = "МАНСУРҰЛЫ Әлихан Қайратұлы", string address = "ул. Кожамсулова 151") => new(
        "N-2026-000123",
        new DateTimeOffset(2026, 11, 25, 5, 30, 0, TimeSpan.Zero),
        childName,
        new DateOnly(2022, 10, 24),
        "Детский сад \"Золотой Дракоша\"",
        "\"Золотой Дракоша\" балабақшасы",
        address,
        "378-25-35, 705-211-74-54, 32-91-3-91",
        new LocalizedText("Русский"),
        new LocalizedText("Частные детские сады по гос.дотации"),
        2022,
        new DateTimeOffset(2026, 12, 2, 18, 59, 59, TimeSpan.Zero),
        "http://127.0.0.1:5080/verify/abc123",
        "UO.2026.0000123",
        "ТУЛЕУБАЕВА Айгерим Сериковна");

    [Fact]
    public void Render_AnyReferral_IsOneA4PagePdf()
    {
        var pdf = ReferralDocument.Render(Data());

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var info = PdfTools.Info(pdf);
        Assert.Matches(new Regex(@"^Pages:\s+1$", RegexOptions.Multiline), info);
        Assert.Matches(new Regex(@"^Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", RegexOptions.Multiline), info);
    }

    [Fact]
    public void Render_AnyReferral_ChildOrganisationAndValidityAreText()
    {
        var text = Normalise(PdfTools.Text(ReferralDocument.Render(Data())));

        Assert.Contains("МАНСУРҰЛЫ Әлихан Қайратұлы", text);
        Assert.Contains("24.10.2022", text);
        Assert.Contains("Детский сад \"Золотой Дракоша\"", text);
        Assert.Contains("ул. Кожамсулова 151", text);
        Assert.Contains("Действительно до", text);
        Assert.Contains("02.12.2026 23:59", text);
        Assert.Contains("№ N-2026-000123", text);
        // Issue 15: the application it answers and who asked for it.
        Assert.Contains("UO.2026.0000123", text);
        Assert.Contains("ТУЛЕУБАЕВА Айгерим Сериковна", text);
        Assert.Contains("дети 2022 года рождения", text);
        Assert.Contains("Управление образования: 262 21 15,233-32-39", text);
        Assert.Contains("Call-center Open Almaty: 1308, 338-33-88", text);
        Assert.Contains("Служба поддержки: sp.ddoalmaty@gmail.com", text);
        Assert.Contains(Normalise(ReferralDocument.FiveDaysWarningRu), text);
        Assert.Contains(Normalise(ReferralDocument.TwoExpiriesWarningRu), text);
        Assert.Contains(Normalise(ReferralDocument.FiveDaysWarningKk), text);
        Assert.Contains("Проверить направление", text);
    }

    [Fact]
    public void Render_SameDataTwice_IsByteIdentical()
    {
        var first = ReferralDocument.Render(Data());
        var second = ReferralDocument.Render(Data());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_LongNameAndAddress_WrapsInsideThePage()
    {
        var longName = "ТӨЛЕГЕНҚЫЗЫ-АБДІРАХМАНОВА Гүлжаһан-Өмірзақ Нұрсұлтанқызы Ұлықбекқызы Іңкәрқызы";
        var longAddress = "Алматы қаласы, Наурызбайский район, микрорайон Шугыла, улица Жунисова, дом 10/3, корпус 2, подъезд 4, вход со двора";
        var pdf = ReferralDocument.Render(Data(longName, longAddress));

        var text = Normalise(PdfTools.Text(pdf));
        Assert.Contains(longName, text);
        Assert.Contains(longAddress, text);
        Assert.Contains("Жолдаманы тексеру", text);
        Assert.Matches(new Regex(@"^Pages:\s+1$", RegexOptions.Multiline), PdfTools.Info(pdf));
    }

    [Fact]
    public void Render_KazakhAndRussianLetters_SubsetsDrawTheSameGlyphsAsTheWholeFonts()
    {
        // Bold Ы and Ё are composite glyphs that PDFsharp 6.2.4 alone subsets incompletely.
        var data = Data("МАНСУРҰЛЫ Ёлкин Ғабит Һәкімұлы", "Шаңырақ-2, Өрлеу көшесі 7, ІҮҚ Ёлочка");

        var subset = ReferralDocument.Render(data, DocumentFonts.Subsets).Pdf;
        var whole = ReferralDocument.Render(data, new DocumentFonts(PdfFontEmbedding.EmbedCompleteFontFile)).Pdf;

        Assert.True(whole.Length > subset.Length * 5, "the reference document should embed the whole fonts");
        Assert.Equal(PdfTools.RenderPng(whole), PdfTools.RenderPng(subset));
    }

    [Fact]
    public void Render_LongNameAndAddress_ContentEndsAboveTheFooter()
    {
        var data = Data(
            "ТӨЛЕГЕНҚЫЗЫ-АБДІРАХМАНОВА Гүлжаһан-Өмірзақ Нұрсұлтанқызы Ұлықбекқызы Іңкәрқызы",
            "Алматы қаласы, Наурызбайский район, микрорайон Шугыла, улица Жунисова, дом 10/3, корпус 2, подъезд 4, вход со двора, " +
            "ориентир — остановка «Шугыла», за торговым центром, второй этаж, кабинет 12, звонить заранее") with
        {
            OrganisationNameRu = "Товарищество с ограниченной ответственностью «Детский сад \"Золотой Дракоша\" и центр раннего развития \"Балапан\"»",
            OrganisationNameKk = "«\"Золотой Дракоша\" балабақшасы және \"Балапан\" ерте даму орталығы» жауапкершілігі шектеулі серіктестігі",
        };

        var rendered = ReferralDocument.Render(data, DocumentFonts.Subsets);

        Assert.True(rendered.Bounds.ContentBottom <= rendered.Bounds.FooterTop,
            $"content ends at {rendered.Bounds.ContentBottom:F1} pt, the footer starts at {rendered.Bounds.FooterTop:F1} pt");
        Assert.True(rendered.Scale < 1, "so long a referral should need the smaller layout");
        Assert.Contains(Normalise(data.OrganisationNameRu), Normalise(PdfTools.Text(rendered.Pdf)));
    }

    [Fact]
    public void QrPayload_IsTheVerificationUrl()
    {
        var data = Data();

        Assert.Equal("http://127.0.0.1:5080/verify/abc123", ReferralDocument.QrPayload(data));
        var qr = ReferralDocument.QrCode(data);
        using var expected = new QRCoder.QRCodeGenerator().CreateQrCode("http://127.0.0.1:5080/verify/abc123", QRCoder.QRCodeGenerator.ECCLevel.M);
        Assert.Equal(expected.GetRawData(QRCoder.QRCodeData.Compression.Uncompressed), qr.GetRawData(QRCoder.QRCodeData.Compression.Uncompressed));
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080/verify/K7Q2")]
    [InlineData("https://kindergarten.open-almaty.kz/", "https://kindergarten.open-almaty.kz/verify/K7Q2")]
    public void AddReferralDocuments_BaseUrlSetting_MakesAbsoluteVerifyUrl(string? baseUrl, string expected)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ReferralDocuments.BaseUrlSetting] = baseUrl })
            .Build();
        using var provider = new ServiceCollection().AddReferralDocuments(config).BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<ReferralDocuments>().VerificationUrl("K7Q2"));
    }

    /// pdftotext breaks lines where the PDF wraps them; compare text with single spaces.
    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ");
}
