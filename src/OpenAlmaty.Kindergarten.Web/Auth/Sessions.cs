using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Auth;

/// Who a session is now: the person and the roles read from staff_members, never from the cookie.
public sealed record SessionSnapshot(string Id, long PersonId, string Iin, string FullName, IReadOnlyList<string> Roles)
{
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(AuthSetup.SessionClaim, Id),
            new(ClaimTypes.Name, FullName),
            new(AuthSetup.IinClaim, Iin),
            new(AuthSetup.PersonIdClaim, PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// Snapshots kept for half a minute per instance, so that a page costs no query for its session.
/// Ending a session (or changing a person's grants) on this instance forgets it at once; another
/// instance sees the change within <see cref="Freshness"/>.
public sealed class SessionCache(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (SessionSnapshot Snapshot, DateTimeOffset LoadedAt)> entries = new();

    public SessionSnapshot? Get(string id) =>
        entries.TryGetValue(id, out var e) && clock.GetUtcNow() - e.LoadedAt < Freshness ? e.Snapshot : null;

    public void Put(SessionSnapshot snapshot)
    {
        var now = clock.GetUtcNow();
        if (entries.Count > 100_000)
            foreach (var (id, e) in entries) if (now - e.LoadedAt >= Freshness) entries.TryRemove(id, out _);
        entries[snapshot.Id] = (snapshot, now);
    }

    public void Forget(string id) => entries.TryRemove(id, out _);

    public void ForgetPerson(string iin)
    {
        foreach (var (id, e) in entries) if (e.Snapshot.Iin == iin) entries.TryRemove(id, out _);
    }
}

public sealed class Sessions(AppDbContext db, SessionCache cache, TimeProvider clock, Housekeeping housekeeping)
{
    public async Task<SessionSnapshot> StartAsync(Person person, string? employerBin, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession(person.Id, person.Iin, employerBin, now);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        // Sessions long over are of no use; clearing a few here keeps the table small without a job
        // (Housekeeping: not on every sign-in).
        if (housekeeping.Due(HousekeptTable.UserSessions))
            await db.Set<UserSession>().Where(s => s.ExpiresAt < now - TimeSpan.FromDays(30)).Take(100).ExecuteDeleteAsync(ct);
        var started = await LoadAsync(session.Id, ct) ?? throw new InvalidOperationException("A session just started is not open.");
        // The page the person lands on (or eGov Mobile's poll, when the phone's PUT came here) needs no read.
        cache.Put(started);
        return started;
    }

    public async Task<SessionSnapshot?> CurrentAsync(string id, CancellationToken ct)
    {
        if (cache.Get(id) is { } cached) return cached;
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null) cache.Put(loaded);
        return loaded;
    }

    public async Task EndAsync(string? id, string because, CancellationToken ct)
    {
        if (id is null) return;
        var now = clock.GetUtcNow();
        await db.Set<UserSession>().Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBecause, because), ct);
        cache.Forget(id);
    }

    /// A change to a person's staff grants (a role, a scope, a revocation) ends every session
    /// they have: the next request signs in again and gets the roles as they are now.
    public async Task EndAllAsync(string iin, string because, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Set<UserSession>().Where(s => s.Iin == iin && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBecause, because), ct);
        cache.ForgetPerson(iin);
    }

    /// The cookie handler's check on every request: an ended, expired or unknown session signs
    /// the browser out; an open one gets its roles as they are now.
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(AuthSetup.SessionClaim);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        var current = id is null ? null : await sessions.CurrentAsync(id, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.ReplacePrincipal(current.ToPrincipal());
    }

    private async Task<SessionSnapshot?> LoadAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == id && s.EndedAt == null && s.ExpiresAt > now)
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s.Iin, s.PersonId, s.EmployerBin, p.LastName, p.FirstName, p.MiddleName })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var bin = row.EmployerBin;
        // With an employee certificate only the grants of that organisation count, and no parent role.
        var staffRoles = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Iin == row.Iin && s.RevokedAt == null
                && (bin == null || db.Organisations.Any(o => o.Id == s.OrganisationId && o.Bin == bin)))
            .Select(s => s.Role).Distinct().ToListAsync(ct);
        var roles = staffRoles.Select(Roles.Of).ToList();
        if (bin is null) roles.Insert(0, Roles.Parent);
        var name = string.Join(' ', new[] { row.LastName, row.FirstName, row.MiddleName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new SessionSnapshot(id, row.PersonId, row.Iin, name, roles);
    }
}
