using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Calendar;

/// The working-day calendar, read from calendar_days and kept in memory: it is read on every
/// referral and changes a few times a year. Staff edits call <see cref="Invalidate"/>; other
/// portal instances pick the change up within <see cref="Lifetime"/>.
public sealed class WorkingCalendarSource(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private (WorkingCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } c && now - c.LoadedAt < Lifetime) return c.Calendar;
        await _lock.WaitAsync(ct);
        try
        {
            if (_cached is { } again && now - again.LoadedAt < Lifetime) return again.Calendar;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            var calendar = new WorkingCalendar(days);
            _cached = (calendar, now);
            return calendar;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate() => _cached = null;
}
