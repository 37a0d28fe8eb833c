using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Localization;

/// The reader's language and the way to a text in it (docs/decisions/0019). The language is the
/// request's UI culture, set by ASP.NET Core's request localisation (Languages.cs): `?culture=`,
/// then the "lang" cookie that the header switch sets, else Russian. Texts live in resource files:
/// Russian is the key and the neutral language, Kazakh and English sit in `.kk.resx`/`.en.resx`
/// beside each feature. Views and controllers say `L["Просмотр"]` through <see cref="Lang{T}"/>
/// (their folder's resource); a <see cref="LocalizedText"/> from the domain goes through
/// <see cref="Of(LocalizedText)"/> and Localization/DomainTexts.
public class Lang(IStringLocalizer<DomainTexts> domain)
{
    public const string CookieName = "lang";

    public static readonly IReadOnlyList<string> Codes = ["ru", "kk", "en"];

    public string Code => CodeOf(CultureInfo.CurrentUICulture);

    public bool IsKazakh => Code == "kk";

    /// The inline form from before the resource files. `localize` (bench/OpenAlmaty.Kindergarten.Tools)
    /// rewrites every use into `L["ru"]` plus resource entries, and LocalizationCoverageTests fails
    /// while any is left; it stays so that branches written before the move still build.
    public string this[string ru, string kk] => Code == "kk" ? kk : ru;

    public string this[string ru, string kk, string en] => Code switch { "kk" => kk, "en" => en, _ => ru };

    public string Of(LocalizedText text) => text.Render(key => domain[key].Value, CultureInfo.CurrentCulture);

    /// A text in a language other than the reader's: the referral PDF is always Russian and Kazakh.
    public static string Of(LocalizedText text, string language) => DomainResources.In(text, language);

    public static string CodeOf(CultureInfo culture) => culture.TwoLetterISOLanguageName switch { "kk" => "kk", "en" => "en", _ => "ru" };

    /// The language of a request (the output cache varies by it; sign-in pages read it before MVC).
    public static string Current(HttpContext? context) =>
        context?.Features.Get<IRequestCultureFeature>() is { } feature ? CodeOf(feature.RequestCulture.UICulture)
            : Languages.CodeOrNull(context?.Request.Cookies[CookieName]) ?? "ru";
}

/// A feature's texts: `L["Русский текст"]` is looked up in the resource named after
/// <typeparamref name="T"/> (Features/Choose/ChooseTexts.kk.resx …) in the reader's language; a
/// missing entry shows the Russian key.
public sealed class Lang<T>(IStringLocalizer<T> texts, IStringLocalizer<DomainTexts> domain) : Lang(domain)
{
    public string this[string ru] => texts[ru].Value;
}
