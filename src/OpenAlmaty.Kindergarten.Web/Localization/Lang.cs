using System.Globalization;

namespace OpenAlmaty.Kindergarten.Web.Localization;

/// The portal speaks Russian by default and Kazakh on request (a cookie set by the switch in the
/// header). Views write both texts side by side: @L["Просмотр", "Қарау"].
public sealed class Lang(IHttpContextAccessor accessor)
{
    public const string CookieName = "lang";

    public string Code => Current(accessor.HttpContext);

    public bool IsKazakh => Code == "kk";

    public string this[string ru, string kk] => IsKazakh ? kk : ru;

    /// New texts carry their English too, ready for the move to resource files (issue 15).
    public string this[string ru, string kk, string en] => Code switch { "kk" => kk, "en" => en, _ => ru };

    public string Of(OpenAlmaty.Kindergarten.Domain.Common.LocalizedText text) => text.For(Code);

    public static string Current(HttpContext? context) =>
        context?.Request.Cookies[CookieName] switch { "kk" => "kk", "en" => "en", _ => "ru" };

    /// Sets the thread culture so dates and numbers follow the chosen language.
    public static IApplicationBuilder UseLanguage(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var culture = CultureInfo.GetCultureInfo(Current(context) switch { "kk" => "kk-KZ", "en" => "en-GB", _ => "ru-RU" });
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next();
    });
}
