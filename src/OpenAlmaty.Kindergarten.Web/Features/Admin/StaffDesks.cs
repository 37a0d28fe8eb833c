using Microsoft.AspNetCore.Authentication.Cookies;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Queue;
using OpenAlmaty.Kindergarten.Web.Features.Admin.Reports;
using OpenAlmaty.Kindergarten.Web.Features.Audit;
using OpenAlmaty.Kindergarten.Web.Features.CallCentre;
using OpenAlmaty.Kindergarten.Web.Features.FreeSeats;

namespace OpenAlmaty.Kindergarten.Web.Features.Admin;

/// The desks of the people behind the portal: education staff (/admin), call-centre operators
/// (/callcentre), the audit log, and the public free-seats page.
public static class StaffDesks
{
    public static IServiceCollection AddStaffDesks(this IServiceCollection services, IConfiguration config)
    {
        services.AddMemoryCache();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffScope>();
        services.AddScoped<StaffActions>();
        services.AddScoped<QueueListQuery>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<CallCentreSearch>();
        services.AddScoped<FreeSeatsQuery>();
        services.Configure<FreeSeatsOptions>(config.GetSection("FreeSeats"));
        // A signed-in person without the role gets 403 on the spot (there is no page to send them to).
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure(o => o.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(Localization.Lang.Current(context.HttpContext) == "kk"
                    ? "Бұл бетке кіруге рұқсатыңыз жоқ." : "У вас нет доступа к этой странице.");
            });
        return services;
    }
}
