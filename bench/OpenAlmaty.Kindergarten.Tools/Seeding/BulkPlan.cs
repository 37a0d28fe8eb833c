using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using static OpenAlmaty.Kindergarten.Domain.Applications.ApplicationStatus;

namespace OpenAlmaty.Kindergarten.Tools.Seeding;

/// The last id in use in each table, so generated rows follow whatever is there.
public sealed record BulkIds(int Organisation, long Seat, long Person, long Child, long Application, long Referral, long StopList, long Event,
    long RegistrationSerial, long ReferralSerial);

/// The rows of a city of the requested size, made in memory. The statuses follow the same
/// stories as the demo data (<see cref="DemoStory"/>) and the rows are what the domain's methods
/// would have written for them; only the history is cut to the requested number of events.
public sealed partial class BulkPlan(Random r, DateTimeOffset now, WorkingCalendar calendar, BulkIds last, HashSet<string> usedIins, HashSet<string> usedCodes)
{
    private static readonly string[] PrivateNames =
        ["Балапан", "Күншуақ", "Айгөлек", "Ақбота", "Бөбек", "Жұлдыз", "Мерей", "Теремок", "Радуга", "Солнышко", "Smart Kids", "Little Genius", "Sunny Kids", "Алтын бесік", "Ертөстік", "Айналайын"];

    public List<BulkOrganisation> Organisations { get; } = [];
    public List<BulkSeat> Seats { get; } = [];
    public List<BulkPerson> People { get; } = [];
    public List<BulkChild> Children { get; } = [];
    public List<BulkApplication> Applications { get; } = [];
    public List<BulkReferral> Referrals { get; } = [];
    public List<BulkStopListEntry> StopList { get; } = [];
    public List<(long Id, long ApplicationId, BulkEvent Event)> Events { get; } = [];

    private long _personId = last.Person, _childId = last.Child, _applicationId = last.Application, _referralId = last.Referral,
        _stopListId = last.StopList, _registrationSerial = last.RegistrationSerial, _referralSerial = last.ReferralSerial;

    public long LastRegistrationSerial => _registrationSerial;
    public long LastReferralSerial => _referralSerial;
    private List<BulkOrganisation> _private = [], _state = [];

    public void AddOrganisations(int count)
    {
        var districts = Enum.GetValues<District>();
        for (var i = 0; i < count; i++)
        {
            var id = last.Organisation + i + 1;
            var district = districts[i % districts.Length];
            var type = i % 10 < 3 ? OrganisationType.PrivateStateOrder : OrganisationType.State;
            var (ru, kk) = DemoOrganisations.Names(type, type == OrganisationType.State
                ? $"Ясли-сад № {id}" : $"{DemoNames.Pick(r, PrivateNames)}-{id}");
            var language = (InstructionLanguage)(r.NextDouble() switch { < 0.5 => 1, < 0.85 => 2, < 0.92 => 3, _ => 4 });
            var street = DemoNames.Pick(r, AlmatyMap.Streets[(int)district - 1]);
            var (lat, lon) = AlmatyMap.PointIn(r, district);
            var organisation = new BulkOrganisation(id, type, ru, kk, language, district, $"{street}, {r.Next(1, 300)}",
                $"{DemoNames.CityPhone(r)}, {DemoNames.MobilePhone(r)}", lat, lon);
            Organisations.Add(organisation);
            (type == OrganisationType.State ? _state : _private).Add(organisation);
            for (var year = 2020; year <= (type == OrganisationType.State ? 2025 : 2023); year++)
                Seats.Add(new BulkSeat(last.Seat + Seats.Count + 1, id, year, r.NextDouble() < 0.3 ? 0 : r.Next(1, 12), null));
        }
        if (_private.Count == 0) _private = _state;
        if (_state.Count == 0) _state = _private;
    }

    public void AddApplications(int count)
    {
        var today = AlmatyTime.Today(now);
        var lastBirth = new DateOnly(2025, 12, 31);
        if (lastBirth > today.AddDays(-30)) lastBirth = today.AddDays(-30);
        var families = 0;
        while (Applications.Count < count)
        {
            var family = DemoNames.Family(r);
            var birth = DemoNames.RandomDate(r, new DateOnly(1978, 1, 1), new DateOnly(2001, 12, 31));
            var iin = DemoNames.NewIin(r, birth, family.ApplicantSex, usedIins, 5000, 10000);
            var applicant = new BulkPerson(++_personId, iin.Value, family.ApplicantLast, family.ApplicantFirst, family.ApplicantMiddle, birth,
                DemoNames.MobilePhone(r), DemoNames.Email(r, family.ApplicantLast, family.ApplicantFirst), DemoNames.HomeAddress(r));
            People.Add(applicant);
            // The first fifty families have five children in the queue: the benchmark's "parent with five applications".
            var large = families++ < 50;
            var children = large ? 5 : r.NextDouble() switch { < 0.72 => 1, < 0.95 => 2, _ => 3 };
            var privilege = large ? Privilege.LargeFamily : RandomPrivilege();
            for (var i = 0; i < children && Applications.Count < count; i++)
            {
                var sex = r.Next(2) == 0 ? Sex.Male : Sex.Female;
                var childBirth = DemoNames.RandomDate(r, new DateOnly(2020, 1, 1), lastBirth);
                var (lastName, first, middle) = family.Child(sex);
                var child = new BulkChild(++_childId, DemoNames.NewIin(r, childBirth, sex, usedIins, 5000, 10000).Value, lastName, first, middle, childBirth, (int)sex);
                Children.Add(child);
                AddStory(child, applicant, privilege, count);
            }
        }
    }

    private Privilege RandomPrivilege() => r.NextDouble() switch
    {
        < 0.05 => r.NextDouble() < 0.7 ? Privilege.ServicemanChild : Privilege.SpecialStateBodyChild,
        < 0.25 => (Privilege)(20 + r.Next(7)),
        _ => Privilege.None,
    };

    private BulkApplication File(BulkChild child, BulkPerson applicant, Privilege privilege, DateTimeOffset queuedAt)
    {
        var channel = r.NextDouble();
        var application = new BulkApplication
        {
            Id = ++_applicationId, ChildId = child.Id, Applicant = applicant, QueuedAt = queuedAt, StatusChangedAt = queuedAt,
            Privilege = privilege, BirthYear = child.BirthDate.Year, Language = (InstructionLanguage)(1 + r.Next(4)),
            TsonNumber = channel < 0.25 ? $"{r.Next(10, 100)}{queuedAt:yyyyMMdd}{r.Next(100000, 1000000)}" : null,
            PepNumber = channel is >= 0.25 and < 0.6 ? $"100{r.Next(1000000, 10000000)}{r.Next(100, 1000)}" : null,
            AdditionalPhone = r.NextDouble() < 0.2 ? DemoNames.MobilePhone(r) : null,
        };
        application.History.Add(new(queuedAt, ApplicationEventKind.Created, applicant.FullName, null, Queued, null, null));
        Applications.Add(application);
        return application;
    }

    /// The stories of <see cref="DemoStory"/>: weights per 1000 and the days in queue each needs.
    private static readonly (DemoStory Story, int Weight, int MinDays)[] Stories =
    [
        (DemoStory.Queued, 700, 1), (DemoStory.Referred, 50, 20), (DemoStory.Enrolled, 130, 60), (DemoStory.EnrolledThenQueuedAgain, 15, 250),
        (DemoStory.Withdrawn, 50, 10), (DemoStory.ExpiredOnce, 20, 90), (DemoStory.StopListedNow, 10, 40), (DemoStory.ExpiredTwice, 25, 160),
    ];

    private void AddStory(BulkChild child, BulkPerson applicant, Privilege privilege, int count)
    {
        var earliest = AlmatyTime.FromLocal(child.BirthDate.AddDays(10), new TimeOnly(9, 0));
        if (earliest < now.AddYears(-5)) earliest = now.AddYears(-5);
        var possible = Stories.Where(s => s.MinDays + 5 < (now - earliest).TotalDays).ToArray();
        var roll = r.Next(possible.Sum(s => s.Weight));
        var (story, _, minDays) = possible.First(s => (roll -= s.Weight) < 0);
        var queuedAt = Between(earliest, now.AddDays(-minDays));
        var a = File(child, applicant, privilege, queuedAt);
        switch (story)
        {
            case DemoStory.Withdrawn:
                Change(a, Between(queuedAt.AddDays(1), now.AddDays(-1)), Removed, ApplicationEventKind.Withdrawn, applicant.FullName,
                    "Снято с очереди по заявлению родителя", DemoStoryPlayer.DemoSignature);
                break;
            case DemoStory.Referred:
                Issue(a, child, now.AddMinutes(-r.Next(30, 72 * 60)));
                break;
            case DemoStory.Enrolled:
            case DemoStory.EnrolledThenQueuedAgain:
                var again = story == DemoStory.EnrolledThenQueuedAgain;
                var referral = Issue(a, child, Between(queuedAt.AddDays(14), now.AddDays(again ? -200 : -20)));
                var arrived = Between(referral.IssuedAt.AddHours(3), referral.ValidUntil.AddHours(-8));
                Close(referral, ReferralStatus.Used, arrived, null);
                Change(a, arrived, Enrolled, ApplicationEventKind.ArrivalConfirmed, $"Сотрудник д/о № {referral.OrganisationId}",
                    $"Ребёнок зачислен по направлению № {referral.Number}", null);
                if (again && Applications.Count < count) File(child, applicant, privilege, Between(arrived.AddDays(30), arrived.AddDays(150)));
                break;
            case DemoStory.ExpiredOnce:
                Expire(a, Issue(a, child, Between(queuedAt.AddDays(14), now.AddDays(-60))));
                if (a.StopListedUntil < now) a.StopListedUntil = null;
                break;
            case DemoStory.StopListedNow:
                var issued = now.AddDays(-12);
                while (PortalRules.ReferralValidUntil(calendar, issued).AddMinutes(5) >= now) issued = issued.AddDays(-1);
                Expire(a, Issue(a, child, issued));
                break;
            case DemoStory.ExpiredTwice:
                var stopListEnd = Expire(a, Issue(a, child, Between(queuedAt.AddDays(14), now.AddDays(-120))));
                Expire(a, Issue(a, child, stopListEnd.AddDays(1 + r.Next(30))));
                a.StopListedUntil = null;
                break;
        }
    }

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds(Math.Floor(r.NextDouble() * (to - from).TotalSeconds));
}
