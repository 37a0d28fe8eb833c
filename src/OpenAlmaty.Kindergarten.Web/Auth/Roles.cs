using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using OpenAlmaty.Kindergarten.Domain.Staff;

namespace OpenAlmaty.Kindergarten.Web.Auth;

public static class Roles
{
    public const string Parent = "parent";
    public const string EducationStaff = "education-staff";
    public const string KindergartenStaff = "kindergarten-staff";
    public const string CallCentreOperator = "call-centre";
    public const string Administrator = "administrator";

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.EducationStaff => EducationStaff,
        StaffRole.KindergartenStaff => KindergartenStaff,
        StaffRole.CallCentreOperator => CallCentreOperator,
        StaffRole.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// The one table of who may do what.
public static class Policies
{
    public const string Parent = "parent";
    public const string Admin = "admin";
    public const string Kindergarten = "kindergarten";
    public const string CallCentre = "call-centre";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyDictionary<string, string[]> Table = new Dictionary<string, string[]>
    {
        [Parent] = [Roles.Parent],
        [Admin] = [Roles.EducationStaff, Roles.Administrator],
        [Kindergarten] = [Roles.KindergartenStaff, Roles.EducationStaff, Roles.Administrator],
        [CallCentre] = [Roles.CallCentreOperator, Roles.Administrator],
        [Administrator] = [Roles.Administrator],
    };
}

public static class AuthSetup
{
    public const string IinClaim = "iin";
    public const string SessionClaim = "sid";
    public const string PersonIdClaim = "person_id";

    public static IServiceCollection AddPortalAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "oa.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure unless Auth:AllowInsecureCookies is set (plain-http development and test
                // hosts); the start-up checks refuse that setting in Production.
                o.Cookie.SecurePolicy = config.GetValue("Auth:AllowInsecureCookies", false)
                    ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(2);
                // A signed-in person without the role gets 403 (the status pages show /denied's text).
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.SlidingExpiration = true;
                // The cookie names a server-side session; roles come from the database (Sessions).
                o.Events.OnValidatePrincipal = Sessions.ValidateAsync;
            });
        services.AddSingleton<SessionCache>();
        services.AddScoped<Sessions>();
        services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in Policies.Table) o.AddPolicy(name, p => p.RequireRole(roles));
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }

    public static string? Iin(this ClaimsPrincipal user) => user.FindFirstValue(IinClaim);

    public static long? PersonId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(PersonIdClaim), out var id) ? id : null;
}
