using Hangfire;
using OpenAlmaty.Kindergarten.Web.Features.Notifications;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// The referral clock (issue 5): the jobs, the notifications, arrival and seats.
public static class ReferralClockSetup
{
    public static IServiceCollection AddReferralClock(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NotificationOptions>(config.GetSection("Notifications"));
        services.AddSingleton<ISmsProvider, FileSmsProvider>();
        services.AddSingleton<INotificationSender, EmailSender>();
        services.AddSingleton<INotificationSender, SmsSender>();
        services.AddScoped<ExpireReferralsJob>();
        services.AddScoped<EndPriorityWindowsJob>();
        services.AddScoped<EndStopListsJob>();
        services.AddScoped<AllocateReleasesJob>();
        services.AddScoped<ReleaseWaitingListsJob>();
        services.AddScoped<ReferralRemindersJob>();
        services.AddScoped<SendNotificationsJob>();
        services.AddScoped<ReferralDocumentsJob>();
        services.AddScoped<RemoveAgedOutJob>();
        services.AddScoped<QueueSnapshotJob>();
        services.AddScoped<IAfterCommit>(sp => sp.GetService<IBackgroundJobClient>() is { } jobs
            ? new HangfireAfterCommit(jobs, sp.GetRequiredService<ILogger<HangfireAfterCommit>>())
            : new NoAfterCommit());
        services.AddScoped<Features.Arrivals.ArrivalService>();
        services.AddScoped<Features.Seats.SeatPublisher>();
        services.AddScoped<Features.Seats.StateSeatOffers>();
        return services;
    }

    /// After UseAuthorization: the dashboard reads the signed-in user.
    public static WebApplication UseReferralClock(this WebApplication app)
    {
        var config = app.Configuration;
        if (!config.GetValue("Hangfire:Enabled", true)) return app;
        // The job storage (and Hangfire's schema check, synchronous SQL) is made now, before the
        // first request. An instance without the job server made it lazily, inside the first
        // request that enqueued a job, while holding the service provider's singleton lock: on the
        // bench 75 requests waited on that lock and the instance answered nothing for minutes.
        app.Services.GetRequiredService<JobStorage>();
        JobsDashboard.Map(app);
        if (config.GetValue("Hangfire:Server", true))
            RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
        return app;
    }
}
