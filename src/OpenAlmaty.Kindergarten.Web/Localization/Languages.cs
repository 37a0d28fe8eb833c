using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace OpenAlmaty.Kindergarten.Web.Localization;

/// ASP.NET Core's request localisation with the portal's three languages. A request's culture
/// comes from `?culture=ru|kk|en` (a link can show a page in a language), then the "lang" cookie
/// the header switch sets (values "ru", "kk", "en", as before the resource files), else Russian;
/// the browser's Accept-Language is not asked (the city's default is Russian). Dates and numbers
/// follow the culture (ru-RU, kk-KZ, en-GB).
public static class Languages
{
    public static CultureInfo Culture(string code) => CultureInfo.GetCultureInfo(code switch { "kk" => "kk-KZ", "en" => "en-GB", _ => "ru-RU" });

    public static string? CodeOrNull(string? value) => value switch
    {
        "ru" or "ru-RU" => "ru",
        "kk" or "kk-KZ" => "kk",
        "en" or "en-GB" or "en-US" => "en",
        _ => null,
    };

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddScoped<Lang>();
        services.AddScoped(typeof(Lang<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Lang.Codes.Select(Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(Culture("ru"));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(Result(context.Request.Query["culture"].ToString()))),
                new CustomRequestCultureProvider(context => Task.FromResult(Result(context.Request.Cookies[Lang.CookieName]))),
            ];
        });
        return services;
    }

    private static ProviderCultureResult? Result(string? value) =>
        CodeOrNull(value) is { } code ? new ProviderCultureResult(Culture(code).Name) : null;
}
