using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Domain.Rules;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Plays a demo application's story through the domain's methods, each step at a moment in the
/// past, the way the portal and its expiry job would have: referrals valid to the end of the 5th
/// working day after issue, expiries a few minutes after that, stop-lists of 10 working days.
public sealed class DemoStoryPlayer(Random r, WorkingCalendar calendar, DateTimeOffset now,
    IReadOnlyList<PreschoolOrganisation> organisations, Queue<long> referralSerials)
{
    /// Stands where a parent's signed XML would be: demo history was never signed.
    public const string DemoSignature = "<demo-data>Демонстрационные данные: подпись не выполнялась</demo-data>";

    private readonly HashSet<string> _codes = [];

    public List<Referral> Referrals { get; } = [];

    /// Demo privileges were confirmed by staff when filed (the demo's past had documents).
    public static Application File(DemoPlan plan, long serial, IEnumerable<ApplicationStatus> otherApplicationsOfChild)
    {
        var application = Application.File(plan.Child, plan.Applicant, RegistrationNumber.Format(AlmatyTime.Today(plan.QueuedAt).Year, serial),
            plan.Privilege, plan.Language, plan.Email, plan.Phone, plan.QueuedAt, otherApplicationsOfChild,
            plan.TsonNumber, plan.PepNumber, district: DistrictOf(serial));
        if (plan.Privilege != Privilege.None)
            application.ConfirmPrivilege(plan.QueuedAt, DemoData.Publisher, "Документы проверены при подаче", null);
        return application;
    }

    /// The demo families live spread over the eight districts (the district chosen at filing).
    private static District DistrictOf(long serial) => (District)(1 + (int)(serial % 8));

    /// Returns when the child may be queued again (an enrolled child whose parent wants another
    /// kindergarten), or null.
    public DateTimeOffset? Play(Application application, DemoPlan plan)
    {
        var queued = plan.QueuedAt;
        if (plan.OtherParent is { } other)
            application.AttachTo(other, Between(queued.AddHours(2), Min(queued.AddDays(20), now.AddMinutes(-10))), DemoSignature);
        switch (plan.Story)
        {
            case DemoStory.Withdrawn:
                application.Withdraw(Between(queued.AddDays(1), now.AddDays(-1)), plan.Applicant.FullName, DemoSignature);
                break;
            case DemoStory.Referred:
                Issue(application, plan, now.AddMinutes(-r.Next(30, 72 * 60)));
                break;
            case DemoStory.Enrolled:
            case DemoStory.EnrolledThenQueuedAgain:
                var again = plan.Story == DemoStory.EnrolledThenQueuedAgain;
                var referral = Issue(application, plan, Between(queued.AddDays(14), now.AddDays(again ? -200 : -20)));
                var arrived = Between(referral.IssuedAt.AddHours(3), referral.ValidUntil.AddHours(-8));
                application.ConfirmArrival(referral, arrived, ArrivalConfirmedBy(referral));
                return again ? Between(arrived.AddDays(30), arrived.AddDays(150)) : null;
            case DemoStory.ExpiredOnce:
                Expire(application, Issue(application, plan, Between(queued.AddDays(14), now.AddDays(-60))));
                application.ClearEndedStopList(now);
                break;
            case DemoStory.StopListedNow:
                var issued = now.AddDays(-12);
                while (PortalRules.ReferralValidUntil(calendar, issued).AddMinutes(5) >= now) issued = issued.AddDays(-1);
                Expire(application, Issue(application, plan, issued));
                break;
            case DemoStory.ExpiredTwice:
                var stopListEnd = Expire(application, Issue(application, plan, Between(queued.AddDays(14), now.AddDays(-120))));
                var second = stopListEnd.AddDays(1 + r.Next(30));
                application.ClearEndedStopList(second);
                Expire(application, Issue(application, plan, second));
                application.ClearEndedStopList(now);
                break;
        }
        return null;
    }

    private Referral Issue(Application application, DemoPlan plan, DateTimeOffset at)
    {
        var threeYearsOld = Iin.FullYears(plan.Child.BirthDate, AlmatyTime.Today(at)) >= PortalRules.PrivateMinimumAgeYears;
        var type = threeYearsOld && r.NextDouble() < 0.6 ? OrganisationType.PrivateStateOrder : OrganisationType.State;
        var candidates = organisations.Where(o => o.Type == type).ToList();
        var organisation = candidates[r.Next(candidates.Count)];
        string code;
        do code = ReferralNumbers.NewVerificationCode(r); while (!_codes.Add(code));
        var number = ReferralNumbers.Format(AlmatyTime.Today(at).Year, referralSerials.Dequeue());
        var referral = application.IssueReferral(organisation, number, code, at, PortalRules.ReferralValidUntil(calendar, at),
            plan.Applicant.FullName, DemoSignature);
        Referrals.Add(referral);
        return referral;
    }

    /// The expiry job's run a few minutes after the deadline; returns the end of the stop-list.
    private DateTimeOffset Expire(Application application, Referral referral)
    {
        var at = referral.ValidUntil.AddMinutes(5);
        var stopListUntil = PortalRules.StopListUntil(calendar, referral.ValidUntil);
        application.ExpireReferral(referral, at, stopListUntil);
        return stopListUntil;
    }

    private string ArrivalConfirmedBy(Referral referral)
    {
        var organisation = organisations.First(o => o.Id == referral.OrganisationId);
        return organisation.NameRu == DemoOrganisations.GoldenDragonName
            ? $"{DemoUsers.Kindergarten.LastName} {DemoUsers.Kindergarten.FirstName} {DemoUsers.Kindergarten.MiddleName}"
            : $"Сотрудник: {organisation.NameRu}";
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds(Math.Floor(r.NextDouble() * (to - from).TotalSeconds));
}
