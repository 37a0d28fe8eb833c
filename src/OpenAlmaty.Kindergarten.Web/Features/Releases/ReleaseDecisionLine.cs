using System.Threading.RateLimiting;
using OpenAlmaty.Kindergarten.Web.Auth;

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
/// One person has at most `SignedDecisions:PerPerson` (2) decisions in it at once, waiting or
/// worked on: one more is turned away at once («Ваше предыдущее решение ещё обрабатывается…»)
/// without taking a place, so that one signed-in person (or a bot with a session) cannot fill the
/// places the other parents wait in.
public static class ReleaseDecisionLine
{
    public const string Policy = "release-decision";

    /// The reason phrase of a decision turned away for its person's (SignInSetup's OnRejected says so).
    public const string PersonFull = "person-full";

    public static IServiceCollection AddReleaseDecisionLine(this IServiceCollection services, IConfiguration config)
    {
        var line = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = config.GetValue("SignedDecisions:AtOnce", 4 * Environment.ProcessorCount),
            QueueLimit = config.GetValue("SignedDecisions:Waiting", 5000),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var perPerson = new ConcurrencyLimiterOptions { PermitLimit = config.GetValue("SignedDecisions:PerPerson", 2), QueueLimit = 0 };
        // The policy runs after authorization: every request here has a signed-in parent's IIN.
        return services.AddRateLimiter(o => o.AddPolicy(Policy, context =>
            RateLimitPartition.Get(context.User.Iin() ?? "", _ => new PersonInLine(new ConcurrencyLimiter(perPerson), line))));
    }

    /// One person's way into the shared line: first the person's own places (none to wait in), then
    /// a place in the line. Disposing it (an idle person's) leaves the line alone.
    private sealed class PersonInLine(ConcurrencyLimiter person, RateLimiter line) : RateLimiter
    {
        public override TimeSpan? IdleDuration => person.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => line.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            var own = person.AttemptAcquire(permitCount);
            if (!own.IsAcquired) return Refused(own);
            var place = line.AttemptAcquire(permitCount);
            if (place.IsAcquired) return new Both(own, place);
            own.Dispose();
            return place;
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            var own = person.AttemptAcquire(permitCount);
            if (!own.IsAcquired) return Refused(own);
            try
            {
                var place = await line.AcquireAsync(permitCount, cancellationToken);
                if (place.IsAcquired) return new Both(own, place);
                own.Dispose();
                return place;
            }
            catch
            {
                own.Dispose();
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) person.Dispose();
        }

        protected override ValueTask DisposeAsyncCore() => person.DisposeAsync();

        private static RateLimitLease Refused(RateLimitLease own)
        {
            own.Dispose();
            return new PersonFullLease();
        }
    }

    private sealed class PersonFullLease : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.ReasonPhrase.Name ? PersonFull : null;
            return metadata is not null;
        }
    }

    private sealed class Both(RateLimitLease own, RateLimitLease place) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            place.Dispose();
            own.Dispose();
        }
    }
}
