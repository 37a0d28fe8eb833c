using System.Threading.RateLimiting;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// A release's signed decisions (a request, an offer signed or declined) wait in one line and are
/// worked on in the order they came, a few at a time: `SignedDecisions:AtOnce` (4 per core) at
/// once, up to `SignedDecisions:Waiting` (5,000) waiting, beyond that 429 («Слишком много
/// запросов…»). The time of a request decides nothing in a release; the line is there for the
/// parents' waiting time and for the database. Worked on all at once, 64 requests took turns on
/// two cores and PostgreSQL's locks, and a request that lost its turn waited twice as long as
/// the median (issue 13's release day: p95 197–401 ms); in line, the last of 64 waits about as
/// long as the others' work (decision 0012). The line comes after the session and the parent's
/// role are checked (a stranger's requests do not take places in it) and before the anti-forgery
/// check and the body are read, so a waiting request costs a socket and little more.
public static class ReleaseDecisionLine
{
    public const string Policy = "release-decision";

    public static IServiceCollection AddReleaseDecisionLine(this IServiceCollection services, IConfiguration config)
    {
        var line = new ConcurrencyLimiterOptions
        {
            PermitLimit = config.GetValue("SignedDecisions:AtOnce", 4 * Environment.ProcessorCount),
            QueueLimit = config.GetValue("SignedDecisions:Waiting", 5000),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
        return services.AddRateLimiter(o => o.AddPolicy(Policy, _ => RateLimitPartition.GetConcurrencyLimiter("one line", _ => line)));
    }
}
