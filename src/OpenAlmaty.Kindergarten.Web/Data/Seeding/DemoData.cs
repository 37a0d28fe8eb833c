using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Staff;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Demo data that makes the portal look like Almaty; loaded once, in one transaction, the same
/// every time (seeded Random) relative to the clock's "now".
public static class DemoData
{
    public const string Publisher = "Управление образования (демо-данные)";
    public const int Seed = 20_261_125;
    public const int GeneratedApplications = 400;

    /// The birth year whose state seats are being offered in their priority window right now.
    public const int OfferedBirthYear = 2023;

    public static async Task SeedOnceAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.Organisations.AnyAsync(ct)) return;
        var now = (services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow();
        var r = new Random(Seed);
        var calendarDays = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var calendar = WorkingCalendar.ForGeneratedHistory(calendarDays.Count > 0 ? calendarDays : CalendarSeed.Load());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organisations = DemoOrganisations.Create(r);
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(ct);
        var seats = DemoOrganisations.Seats(r, organisations, now).ToList();
        db.Seats.AddRange(seats);

        var demoPeople = DemoUsers.All.ToDictionary(u => u.Key, u => new Person(Iin.Parse(u.Iin), u.LastName, u.FirstName, u.MiddleName));
        demoPeople[DemoUsers.Parent1.Key].UpdateContacts("+7 701 555 21 45", "aigerim.tuleubaeva@mail.kz", "г. Алматы, ул. Мичурина, д. 70, кв. 12");
        demoPeople[DemoUsers.Parent2.Key].UpdateContacts("+7 777 318 40 62", "erlan.mansurov@gmail.com", "г. Алматы, ул. Мичурина, д. 70, кв. 12");
        db.People.AddRange(demoPeople.Values);
        db.StaffMembers.AddRange(Staff(organisations, now));

        var usedIins = DemoUsers.All.Select(u => u.Iin).Concat(DemoUsers.Children.Select(c => c.Iin)).ToHashSet();
        var plans = DemoFamilies.OfDemoParent(demoPeople[DemoUsers.Parent1.Key])
            .Concat(DemoFamilies.Generate(r, GeneratedApplications, now, usedIins))
            .OrderBy(p => p.QueuedAt).ToList();
        db.People.AddRange(plans.SelectMany(p => new[] { p.Applicant, p.OtherParent }).OfType<Person>().Distinct().Where(p => p.Id == 0 && !demoPeople.ContainsValue(p)));
        db.Children.AddRange(plans.Select(p => p.Child));
        await db.SaveChangesAsync(ct);
        await using (var feed = DemoRegistryFeed.Build(plans, demoPeople, now))
            await new Features.Registry.RegistryImport(db, TimeProvider.System).ImportAsync(feed, ct);

        var serials = await NextValuesAsync(db, "registration_number_seq", plans.Count, ct);
        var applications = plans.Select((p, i) => DemoStoryPlayer.File(p, serials[i], [])).ToList();
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync(ct);

        var referralSerials = new Queue<long>(await NextValuesAsync(db, "referral_number_seq", plans.Sum(p => DemoFamilies.ReferralsOf(p.Story)), ct));
        var player = new DemoStoryPlayer(r, calendar, now, organisations, referralSerials);
        var queuedAgain = new List<DemoPlan>();
        for (var i = 0; i < plans.Count; i++)
            if (player.Play(applications[i], plans[i]) is { } at)
                queuedAgain.Add(plans[i] with { QueuedAt = at, Story = DemoStory.Queued, OtherParent = null, TsonNumber = null });
        db.Referrals.AddRange(player.Referrals);
        await db.SaveChangesAsync(ct);

        // An enrolled child queued again for another kindergarten: a new application, a new queue date.
        var againSerials = await NextValuesAsync(db, "registration_number_seq", queuedAgain.Count, ct);
        var again = queuedAgain.OrderBy(p => p.QueuedAt).Select((p, i) => DemoStoryPlayer.File(p, againSerials[i], [ApplicationStatus.Enrolled])).ToList();
        db.Applications.AddRange(again);
        applications.AddRange(again);

        OfferStateSeats(applications, organisations, seats, calendar, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// Staff published state seats for children born in <see cref="OfferedBirthYear"/> yesterday:
    /// the first children of that year in queue order, as many as the seats, are notified and
    /// have 3 working days of priority choice.
    private static void OfferStateSeats(List<Application> applications, IReadOnlyList<PreschoolOrganisation> organisations,
        List<SeatAvailability> seats, WorkingCalendar calendar, DateTimeOffset now)
    {
        var offeredAt = now.AddDays(-1);
        var windowEnd = PortalRules.StateSeatWindowEnd(calendar, offeredAt);
        var offering = organisations.Where(o => o.Type == OrganisationType.State).GroupBy(o => o.District).Select(g => g.First()).Take(3).ToList();
        const int seatsEach = 4;
        foreach (var organisation in offering)
            seats.Single(s => s.OrganisationId == organisation.Id && s.BirthYear == OfferedBirthYear).Publish(seatsEach, windowEnd, offeredAt, Publisher);
        var queue = applications.Where(a => a.BirthYear == OfferedBirthYear && a.Status == ApplicationStatus.Queued
            && a.QueuedAt < offeredAt && !a.IsStopListed(offeredAt));
        foreach (var application in QueueOrder.Arrange(queue, a => a.PriorityGroup, a => a.QueuedAt, a => a.Id).Take(seatsEach * offering.Count))
            application.OfferStateSeat(windowEnd, offeredAt);
    }

    private static IEnumerable<StaffMember> Staff(IReadOnlyList<PreschoolOrganisation> organisations, DateTimeOffset now)
    {
        var firstPrivate = organisations.First(o => o.Type == OrganisationType.PrivateStateOrder);
        foreach (var user in DemoUsers.All.Where(u => u.Role is not null))
            yield return new StaffMember(user.Iin, $"{user.LastName} {user.FirstName} {user.MiddleName}".Trim(), user.Role!.Value, null,
                user.Role == StaffRole.KindergartenStaff ? firstPrivate.Id : null, now, Publisher);
    }

    /// Numbers come from the database sequences, as the portal's own would, so demo and real
    /// numbers never collide.
    public static async Task<List<long>> NextValuesAsync(AppDbContext db, string sequence, int count, CancellationToken ct)
    {
        if (count == 0) return [];
        var values = await db.Database
            .SqlQueryRaw<long>("select nextval({0}::regclass) as \"Value\" from generate_series(1, {1})", sequence, count)
            .ToListAsync(ct);
        values.Sort();
        return values;
    }
}
