using Hangfire;
using Hangfire.Dashboard;
using OpenAlmaty.Kindergarten.Web.Auth;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The Hangfire dashboard at /admin/jobs, for administrators only.
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }

    /// The dashboard middleware is made on the first request, not at start-up: making it opens
    /// Hangfire's storage (and installs its schema), which a portal that is never asked for the
    /// dashboard — every HTTP test — does not need.
    public static void Map(WebApplication app)
    {
        AspNetCoreDashboardMiddleware? dashboard = null;
        app.Map(Path, branch => branch.Run(context =>
        {
            dashboard ??= new AspNetCoreDashboardMiddleware(
                notFound => { notFound.Response.StatusCode = StatusCodes.Status404NotFound; return Task.CompletedTask; },
                context.RequestServices.GetRequiredService<JobStorage>(),
                new DashboardOptions
                {
                    Authorization = [new AdministratorsOnly()], DashboardTitle = "Задания портала", AppPath = "/admin",
                    // Read-only: the dashboard's own buttons post without the portal's anti-forgery
                    // token and failed (issue 17); a job is run again by its schedule or by a
                    // redeploy, not from a page an attacker could make an administrator's browser post.
                    IsReadOnlyFunc = _ => true,
                },
                DashboardRoutes.Routes);
            return dashboard.Invoke(context);
        }));
    }
}
