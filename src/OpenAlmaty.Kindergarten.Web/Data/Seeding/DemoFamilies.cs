using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// What happens to a demo application after it is filed. Every story is played through the
/// domain's own methods at past moments, so statuses, referrals, stop-lists and history agree.
public enum DemoStory { Queued, Referred, Enrolled, EnrolledThenQueuedAgain, Withdrawn, ExpiredOnce, StopListedNow, ExpiredTwice }

public sealed record DemoPlan(Child Child, Person Applicant, Person? OtherParent, DateTimeOffset QueuedAt, DemoStory Story,
    Privilege Privilege, InstructionLanguage Language, string? TsonNumber, string? PepNumber, string? Email, string? Phone);

/// Families, children and the plan of their applications.
public static class DemoFamilies
{
    private static readonly (DemoStory Story, int Weight, int MinDaysInQueue)[] Stories =
    [
        (DemoStory.Queued, 60, 1), (DemoStory.Referred, 6, 20), (DemoStory.Enrolled, 12, 60),
        (DemoStory.EnrolledThenQueuedAgain, 2, 250), (DemoStory.Withdrawn, 7, 10), (DemoStory.ExpiredOnce, 5, 90),
        (DemoStory.StopListedNow, 3, 40), (DemoStory.ExpiredTwice, 4, 160),
    ];

    private static readonly Privilege[] FirstPriority =
    [
        Privilege.DisabledParentChild, Privilege.WithoutParentalCare, Privilege.Orphan, Privilege.LargeFamily,
        Privilege.SpecialEducationalNeeds, Privilege.FamilyRaisingDisabledChild, Privilege.TeacherChild,
    ];

    /// The demo parent's three children, all in the queue (see DemoUsers).
    public static IEnumerable<DemoPlan> OfDemoParent(Person parent)
    {
        var queuedOn = new[] { new DateOnly(2021, 11, 2), new DateOnly(2022, 7, 1), new DateOnly(2024, 3, 15) };
        return DemoUsers.Children.Where(c => c.ParentKey == DemoUsers.Parent1.Key).Select((c, i) => new DemoPlan(
            new Child(Iin.Parse(c.Iin), c.LastName, c.FirstName, c.MiddleName), parent, null,
            AlmatyTime.FromLocal(queuedOn[i], new TimeOnly(9, 38, 28)), DemoStory.Queued, Privilege.None,
            i == 0 ? InstructionLanguage.English : InstructionLanguage.Kazakh, i == 1 ? "0125112022004417" : null,
            i == 0 ? "1002145531187" : null, i == 0 ? "aigerim.tuleubaeva@mail.kz" : null, null));
    }

    public static List<DemoPlan> Generate(Random r, int applications, DateTimeOffset now, HashSet<string> usedIins)
    {
        var plans = new List<DemoPlan>();
        var today = AlmatyTime.Today(now);
        var lastBirth = new DateOnly(2025, 12, 31);
        if (lastBirth > today.AddDays(-30)) lastBirth = today.AddDays(-30);
        // Children under the upper age (issue 11): a child of six gets no referral, so the stories would be impossible.
        var firstBirth = today.AddYears(-Domain.Applications.QueueAge.MaximumAge).AddDays(1);
        if (firstBirth < new DateOnly(2020, 1, 1)) firstBirth = new DateOnly(2020, 1, 1);
        while (plans.Count < applications)
        {
            var family = DemoNames.Family(r);
            var applicantBirth = DemoNames.RandomDate(r, new DateOnly(1978, 1, 1), new DateOnly(2001, 12, 31));
            var applicant = new Person(DemoNames.NewIin(r, applicantBirth, family.ApplicantSex, usedIins, 1, 5000),
                family.ApplicantLast, family.ApplicantFirst, family.ApplicantMiddle);
            applicant.UpdateContacts(DemoNames.MobilePhone(r), DemoNames.Email(r, applicant.LastName, applicant.FirstName), DemoNames.HomeAddress(r));
            Person? other = null;
            if (r.NextDouble() < 0.05)
            {
                var otherSex = family.ApplicantSex == Sex.Female ? Sex.Male : Sex.Female;
                var otherBirth = DemoNames.RandomDate(r, new DateOnly(1976, 1, 1), new DateOnly(2000, 12, 31));
                other = new Person(DemoNames.NewIin(r, otherBirth, otherSex, usedIins, 1, 5000),
                    family.OtherParent.Last, family.OtherParent.First, family.OtherParent.Middle);
                other.UpdateContacts(DemoNames.MobilePhone(r), null, applicant.Address);
            }
            var children = r.NextDouble() switch { < 0.72 => 1, < 0.95 => 2, _ => 3 };
            var privilege = r.NextDouble() switch
            {
                < 0.06 => r.NextDouble() < 0.7 ? Privilege.ServicemanChild : Privilege.SpecialStateBodyChild,
                < 0.28 => DemoNames.Pick(r, FirstPriority),
                _ => Privilege.None,
            };
            for (var i = 0; i < children && plans.Count < applications; i++)
            {
                var sex = r.Next(2) == 0 ? Sex.Male : Sex.Female;
                var birth = DemoNames.RandomDate(r, firstBirth, lastBirth);
                var (last, first, middle) = family.Child(sex);
                var child = new Child(DemoNames.NewIin(r, birth, sex, usedIins, 1, 5000), last, first, middle);
                var earliest = AlmatyTime.FromLocal(birth.AddDays(10), new TimeOnly(9, 0));
                if (earliest < now.AddYears(-5)) earliest = now.AddYears(-5);
                var story = PickStory(r, (now - earliest).TotalDays);
                var latest = now.AddDays(-Stories.First(s => s.Story == story).MinDaysInQueue);
                var day = DateOnly.FromDateTime(earliest.AddSeconds(r.NextDouble() * (latest - earliest).TotalSeconds).UtcDateTime);
                var queuedAt = AlmatyTime.FromLocal(day, new TimeOnly(r.Next(9, 20), r.Next(60), r.Next(60)));
                if (queuedAt < earliest) queuedAt = earliest;
                if (queuedAt > latest) queuedAt = latest;
                var channel = r.NextDouble();
                plans.Add(new DemoPlan(child, applicant, other, queuedAt, story, privilege, Language(r),
                    channel < 0.25 ? $"{r.Next(10, 100)}{queuedAt:yyyyMMdd}{r.Next(100000, 1000000)}" : null,
                    channel is >= 0.25 and < 0.6 ? $"100{r.Next(1000000, 10000000)}{r.Next(100, 1000)}" : null,
                    r.NextDouble() < 0.3 ? DemoNames.Email(r, child.LastName, applicant.FirstName) : null,
                    r.NextDouble() < 0.3 ? DemoNames.MobilePhone(r) : null));
            }
        }
        return plans;
    }

    private static DemoStory PickStory(Random r, double possibleDaysInQueue)
    {
        var possible = Stories.Where(s => s.MinDaysInQueue + 5 < possibleDaysInQueue).ToList();
        var roll = r.Next(possible.Sum(s => s.Weight));
        foreach (var s in possible)
        {
            if (roll < s.Weight) return s.Story;
            roll -= s.Weight;
        }
        return DemoStory.Queued;
    }

    private static InstructionLanguage Language(Random r) => r.NextDouble() switch
    {
        < 0.55 => InstructionLanguage.Kazakh,
        < 0.88 => InstructionLanguage.Russian,
        < 0.92 => InstructionLanguage.English,
        _ => InstructionLanguage.KazakhRussian,
    };

    public static int ReferralsOf(DemoStory story) => story switch
    {
        DemoStory.Queued or DemoStory.Withdrawn => 0,
        DemoStory.ExpiredTwice => 2,
        _ => 1,
    };
}
