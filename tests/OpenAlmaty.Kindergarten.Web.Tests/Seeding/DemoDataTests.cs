using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Staff;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Tests.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Tests.Seeding;

/// One database with the demo data loaded once, for every test of the class.
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; private set; } = null!;

    public IServiceProvider Services { get; } = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider(Now)).BuildServiceProvider();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await using var db = Database.CreateContext();
        await DemoData.SeedOnceAsync(db, Services, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class DemoDataTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly DateTimeOffset Now = DemoDatabaseFixture.Now;

    [Fact]
    public async Task SeedOnce_CalledAgain_AddsNothing()
    {
        const string counts = "select (select count(*) from organisations) * 1000000000 + (select count(*) from applications) * 100000 + (select count(*) from application_events)";
        var before = await SeedingInvariants.CountAsync(fixture.Database.ConnectionString, counts);
        await using (var db = fixture.Database.CreateContext())
            await DemoData.SeedOnceAsync(db, fixture.Services, CancellationToken.None);
        Assert.Equal(before, await SeedingInvariants.CountAsync(fixture.Database.ConnectionString, counts));
        Assert.True(before > 60L * 1000000000);
    }

    [Fact]
    public async Task Organisations_AboutSixty_InAllEightDistrictsBothTypesAndAllLanguages()
    {
        await using var db = fixture.Database.CreateContext();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync();
        Assert.InRange(organisations.Count, 55, 65);
        Assert.Equal(Enum.GetValues<District>().ToHashSet(), organisations.Select(o => o.District).ToHashSet());
        foreach (var district in Enum.GetValues<District>())
            Assert.Contains(organisations, o => o.District == district && o.Type == OrganisationType.PrivateStateOrder);
        Assert.Equal(Enum.GetValues<InstructionLanguage>().ToHashSet(), organisations.Select(o => o.Language).ToHashSet());
        Assert.All(organisations, o =>
        {
            var (latFrom, latTo, lonFrom, lonTo) = AlmatyMap.Boxes[o.District];
            Assert.InRange(o.Latitude!.Value, latFrom, latTo);
            Assert.InRange(o.Longitude!.Value, lonFrom, lonTo);
            Assert.False(string.IsNullOrWhiteSpace(o.Phones));
        });
        Assert.Contains(organisations, o => o.NameRu == "Ясли-сад № 45" && o.NameKk == "№ 45 бөбекжай-бақшасы");

        var dragon = organisations.First(o => o.Type == OrganisationType.PrivateStateOrder);
        Assert.Equal("Детский сад \"Золотой Дракоша\"", dragon.NameRu);
        Assert.Equal(InstructionLanguage.English, dragon.Language);
        Assert.Equal("378-25-35, 705-211-74-54, 32-91-3-91", dragon.Phones);
        Assert.Equal("ул. Кожамсулова 151", dragon.Address);
        Assert.Equal("http://zoltoidrakosha.satu.kz/", dragon.Website);
    }

    [Fact]
    public async Task Applications_CoverEveryStatusEveryPriorityGroupAndEveryWayOut()
    {
        await using var db = fixture.Database.CreateContext();
        var applications = await db.Applications.AsNoTracking().ToListAsync();
        Assert.InRange(applications.Count, 380, 450);
        Assert.Equal(Enum.GetValues<ApplicationStatus>().ToHashSet(), applications.Select(a => a.Status).ToHashSet());
        Assert.Equal(Enum.GetValues<PriorityGroup>().ToHashSet(), applications.Select(a => a.PriorityGroup).ToHashSet());
        Assert.Equal(Enumerable.Range(2020, 6).ToHashSet(), applications.Select(a => a.BirthYear).ToHashSet());
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Removed && a.ExpiredReferralCount == 2);
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Removed && a.ExpiredReferralCount == 0);
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Queued && a.IsStopListed(Now));
        Assert.Contains(applications, a => a.Status == ApplicationStatus.Queued && a.ExpiredReferralCount == 1 && !a.IsStopListed(Now));
        Assert.Contains(applications, a => a.TsonNumber is not null);
        Assert.Contains(applications, a => a.PepNumber is not null);
        Assert.True(applications.Min(a => a.QueuedAt) < Now.AddYears(-4));

        var withdrawn = await db.ApplicationEvents.CountAsync(e => e.Kind == ApplicationEventKind.Withdrawn);
        Assert.Equal(applications.Count(a => a.Status == ApplicationStatus.Removed && a.ExpiredReferralCount == 0), withdrawn);
        var active = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Active).ToListAsync();
        Assert.NotEmpty(active);
        Assert.All(active, r => Assert.True(r.ValidUntil > Now));
        Assert.All(active, r => Assert.Matches(@"^R\.\d{4}\.\d{6}$", r.Number));
        Assert.All(active, r => Assert.Matches("^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{16}$", r.VerificationCode));
    }

    [Fact]
    public async Task DemoParent_OlderChild_IsEligibleForPrivateKindergarten_YoungestIsNot()
    {
        await using var db = fixture.Database.CreateContext();
        var parent = await db.People.SingleAsync(p => p.Iin == DemoUsers.Parent1.Iin);
        var ofParent = await db.Applications.AsNoTracking().Include(a => a.Child)
            .Where(a => a.Access.Any(x => x.PersonId == parent.Id)).ToListAsync();
        Assert.Equal(DemoUsers.Children.Select(c => c.Iin).Order(), ofParent.Select(a => a.Child!.Iin).Order());
        Assert.All(ofParent, a => Assert.Equal(ApplicationStatus.Queued, a.Status));

        async Task<IReadOnlyList<Domain.Common.LocalizedText>> UnmetFor(string iin)
        {
            var application = ofParent.Single(a => a.Child!.Iin == iin);
            var freePrivateSeat = await db.Seats.AnyAsync(s => s.BirthYear == application.BirthYear && s.FreeSeats > 0
                && s.Organisation!.Type == OrganisationType.PrivateStateOrder && s.Organisation.IsActive);
            return KindergartenEligibility.Private(application.Status, application.Child!.BirthDate,
                application.StopListedUntil, freePrivateSeat, Now);
        }

        Assert.Empty(await UnmetFor("210915510008"));
        Assert.Contains(await UnmetFor("240210610007"), t => t.Ru.StartsWith("Ребёнку ещё нет 3 лет", StringComparison.Ordinal));
        Assert.Empty(await db.Applications.Where(a => a.Access.Any(x => x.PersonId == db.People.Single(p => p.Iin == DemoUsers.Parent2.Iin).Id)).ToListAsync());
    }

    [Fact]
    public async Task People_EveryIinAndRegistrationNumberIsValid()
    {
        await using var db = fixture.Database.CreateContext();
        var iins = await db.People.Select(p => p.Iin).Concat(db.Children.Select(c => c.Iin)).Concat(db.StaffMembers.Select(s => s.Iin)).ToListAsync();
        Assert.True(iins.Count > 700);
        Assert.All(iins, iin => Assert.True(Iin.TryParse(iin, out _, out var error), $"{iin}: {error}"));
        var children = await db.Children.AsNoTracking().ToListAsync();
        Assert.All(children, c => Assert.Equal(Iin.Parse(c.Iin).BirthDate, c.BirthDate));
        Assert.Contains(children, c => "ӘҒҚҢӨҰҮІ".Any(c.FullName.Contains));
        var numbers = await db.Applications.Select(a => new { a.RegistrationNumber, a.QueuedAt }).ToListAsync();
        Assert.All(numbers, n =>
        {
            Assert.True(RegistrationNumber.TryParse(n.RegistrationNumber, out var year, out _), n.RegistrationNumber);
            Assert.Equal(Domain.Common.AlmatyTime.Today(n.QueuedAt).Year, year);
        });
        var people = await db.People.AsNoTracking().Where(p => p.Iin != DemoUsers.Education.Iin).ToListAsync();
        Assert.Contains(people, p => p.Phone is not null && System.Text.RegularExpressions.Regex.IsMatch(p.Phone, @"^\+7 7\d\d \d{3} \d\d \d\d$"));
    }

    [Fact]
    public async Task Staff_DemoStaffHaveTheirRolesAndScopes()
    {
        await using var db = fixture.Database.CreateContext();
        var staff = await db.StaffMembers.AsNoTracking().ToListAsync();
        Assert.Equal(4, staff.Count);
        var dragon = await db.Organisations.SingleAsync(o => o.NameRu == DemoOrganisations.GoldenDragonName);
        var kindergarten = staff.Single(s => s.Iin == DemoUsers.Kindergarten.Iin);
        Assert.Equal(StaffRole.KindergartenStaff, kindergarten.Role);
        Assert.Equal(dragon.Id, kindergarten.OrganisationId);
        var education = staff.Single(s => s.Iin == DemoUsers.Education.Iin);
        Assert.Equal((StaffRole.EducationStaff, (District?)null, (int?)null), (education.Role, education.District, education.OrganisationId));
        Assert.Contains(staff, s => s.Role == StaffRole.CallCentreOperator && s.Iin == DemoUsers.Operator.Iin);
        Assert.Contains(staff, s => s.Role == StaffRole.Administrator && s.Iin == DemoUsers.Admin.Iin);
        Assert.Equal(DemoUsers.All.Count, await db.People.CountAsync(p => DemoUsers.All.Select(u => u.Iin).Contains(p.Iin)));
    }

    [Fact]
    public async Task Invariants_HoldAcrossTheDemoData() =>
        await SeedingInvariants.AssertAllHoldAsync(fixture.Database.ConnectionString);
}
