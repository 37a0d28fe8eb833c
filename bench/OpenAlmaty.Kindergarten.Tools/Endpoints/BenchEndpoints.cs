using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;

namespace OpenAlmaty.Kindergarten.Tools.Endpoints;

/// Endpoints for bench/run.sh, mapped by the tools' `serve` only (never by the portal's binary):
/// - /bench/ping, the web ceiling: the smallest endpoint behind the same middleware (security
///   headers, request logging, routing, rate limiter, authentication), so that a page's figure
///   can be read as a share of what this Kestrel answers at all;
/// - /bench/queue/{id}: the queue number of any application, as the pages get it
///   (QueuePositions), with the microseconds it took inside the portal;
/// - /bench/jit: how many methods the JIT has compiled so far and the milliseconds it spent, so
///   that a warm-up can go on until the portal's code has settled (JitSettling in the bench).
public static class BenchEndpoints
{
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        app.MapGet("/bench/ping", () => "ok").AllowAnonymous();
        app.MapGet("/bench/jit", () => FormattableString.Invariant(
            $"{System.Runtime.JitInfo.GetCompiledMethodCount()} {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0}")).AllowAnonymous();
        app.MapGet("/bench/queue/{id:long}", async (long id, AppDbContext db, QueuePositions positions, CancellationToken ct) =>
        {
            var key = await db.Applications.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new QueueKey(a.Id, a.BirthYear, a.Status)).SingleAsync(ct);
            var start = Stopwatch.GetTimestamp();
            var number = await positions.ForAsync(key);
            return $"{number} {Stopwatch.GetElapsedTime(start).TotalMicroseconds:0}";
        }).AllowAnonymous();
        return app;
    }
}
