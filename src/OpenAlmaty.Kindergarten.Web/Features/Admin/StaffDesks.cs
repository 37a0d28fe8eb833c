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
        var cacheFor = config.GetValue("FreeSeats:CacheFor", TimeSpan.FromSeconds(30));
        services.AddOutputCache(o => o.AddPolicy(FreeSeatsController.CachePolicy, b => b
            .Expire(cacheFor)
            .SetVaryByQuery("*")
            .VaryByValue(context => new KeyValuePair<string, string>("lang", Localization.Lang.Current(context)))));
        return services;
    }
}
