using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Documents;
using OpenAlmaty.Kindergarten.Web.Features.Admin;
using OpenAlmaty.Kindergarten.Web.Features.EgovMobile;
using OpenAlmaty.Kindergarten.Web.Features.Registry;
using OpenAlmaty.Kindergarten.Web.Features.Releases;
using OpenAlmaty.Kindergarten.Web.Features.SignIn;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Infrastructure;

/// Where each feature registers its services and middleware: one list to read.
public static class PortalFeatures
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddLanguages();
        services.AddSingleton<Features.Calendar.WorkingCalendarSource>();
        services.AddScoped<Features.Calendar.CalendarDeadlines>();
        services.AddScoped<Features.Calendar.CalendarChanges>();
        services.AddScoped<Features.Referrals.ReferralIssuer>();
        services.AddScoped<Features.Shared.SignedAction>();
        services.AddSingleton<Features.Applications.QueueOrderCache>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Applications.QueueOrderCache>());
        services.AddScoped<Features.Applications.QueuePositions>();
        services.AddScoped<Features.Applications.ApplicationPageQuery>();
        services.AddScoped<Features.Choose.PickerQuery>();
        services.AddScoped<Features.Releases.ReleaseAllocator>();
        services.AddScoped<Features.Releases.ReleaseWaitingLists>();
        services.AddScoped<Features.Releases.ReleaseDecisions>();
        services.AddScoped<Features.Releases.ReleasePageQuery>();
        services.AddScoped<Features.Releases.ReleaseStats>();
        services.AddReleaseDecisionLine(config);
        services.AddScoped<Features.Admin.Releases.ReleaseCreator>();
        services.AddReferralDocuments(config);
        services.AddStaffDesks(config);
        services.AddPortalAuth(config);
        services.AddSignatureVerification(config);
        services.AddSignIn(config);
        services.AddEgovMobile(config);
        services.AddReferralClock(config);
        services.AddWhoMayAct();
        return services;
    }

    public static WebApplication UsePortalFeatures(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorisation: only a signed-in parent waits in a release's line (ReleaseDecisionLine).
        app.UseSignIn();
        // After authentication: responses to signed-in people are never served from the cache.
        app.UseOutputCache();
        app.UseReferralClock();
        return app;
    }
}
