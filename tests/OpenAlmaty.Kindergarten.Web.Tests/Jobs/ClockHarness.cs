using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Documents;
using OpenAlmaty.Kindergarten.Web.Features.Calendar;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Jobs;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Jobs;

/// A fresh database, a fake clock and the portal's own services (AddReferralClock), without HTTP:
/// the jobs are called directly, each in its own scope and connection, as Hangfire would.
public sealed class ClockHarness : IAsyncDisposable
{
    private ClockHarness(TestDatabase database, FakeTimeProvider clock, ServiceProvider services, string outbox)
    {
        Database = database;
        Clock = clock;
        Services = services;
        OutboxFolder = outbox;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public ServiceProvider Services { get; }
    public string OutboxFolder { get; }

    public static async Task<ClockHarness> CreateAsync(DateTimeOffset start, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(start);
        var outbox = Path.Combine(Path.GetTempPath(), "oa-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:OutboxFolder"] = outbox }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddAppDbContext(database.ConnectionString)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<WorkingCalendarSource>()
            .AddSingleton(new ReferralDocuments(ReferralDocuments.DefaultBaseUrl))
            .AddScoped<ReferralIssuer>()
            .AddReferralClock(config);
        configure?.Invoke(services);
        return new ClockHarness(database, clock, services.BuildServiceProvider(), outbox);
    }

    /// Local Almaty wall-clock time as an instant.
    public static DateTimeOffset Almaty(int year, int month, int day, int hour, int minute, int second = 0) =>
        AlmatyTime.FromLocal(new DateOnly(year, month, day), new TimeOnly(hour, minute, second));

    public void SetAlmaty(int year, int month, int day, int hour, int minute, int second = 0) =>
        Clock.SetUtcNow(Almaty(year, month, day, hour, minute, second));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> RunAsync<TJob>() where TJob : class => InScopeAsync(sp => sp.GetRequiredService<TJob>() switch
    {
        ExpireReferralsJob j => j.ExecuteAsync(CancellationToken.None),
        EndPriorityWindowsJob j => j.ExecuteAsync(CancellationToken.None),
        EndStopListsJob j => j.ExecuteAsync(CancellationToken.None),
        ReferralRemindersJob j => j.ExecuteAsync(CancellationToken.None),
        SendNotificationsJob j => j.ExecuteAsync(CancellationToken.None),
        ReferralDocumentsJob j => j.ExecuteAsync(CancellationToken.None),
        var other => throw new ArgumentException(other.GetType().Name),
    });

    public Task<Referral> IssueAsync(long applicationId, int organisationId, OrganisationType type = OrganisationType.PrivateStateOrder) =>
        InScopeAsync(sp => sp.GetRequiredService<ReferralIssuer>().IssueAsync(applicationId, organisationId, type, "родитель", null));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(OutboxFolder)) Directory.Delete(OutboxFolder, recursive: true);
    }
}
