using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Every transition checks the current status first: from any other status it throws
/// "application.status" and leaves the application as it was.
public sealed class ApplicationStatusGuardTests
{
    /// Each transition with the statuses it may start from. The referral passed in belongs to the
    /// application and is active, so only the status can stop the transition.
    private static readonly Dictionary<string, (ApplicationStatus[] From, Action<Application, Referral> Act)> Transitions = new()
    {
        ["OfferStateSeat"] = ([ApplicationStatus.Queued],
            (a, _) => a.OfferStateSeat(Moments.Issued.AddDays(3), Moments.Issued)),
        ["EndOffer"] = ([ApplicationStatus.Notified],
            (a, _) => a.EndOffer(Moments.Issued)),
        ["IssueReferral"] = ([ApplicationStatus.Queued, ApplicationStatus.Notified],
            (a, _) => Issue(a, Moments.AfterStopList)),
        ["ConfirmArrival"] = ([ApplicationStatus.Referred],
            (a, r) => a.ConfirmArrival(r, Moments.BeforeDeadline, StaffActor)),
        ["ExpireReferral"] = ([ApplicationStatus.Referred],
            (a, r) => a.ExpireReferral(r, Moments.AfterDeadline, Moments.StopListUntil)),
        ["CancelReferral"] = ([ApplicationStatus.Referred],
            (a, r) => a.CancelReferral(r, Moments.BeforeDeadline, StaffActor, "Ошибка оператора")),
        ["Withdraw"] = ([ApplicationStatus.Queued, ApplicationStatus.Notified],
            (a, _) => a.Withdraw(Moments.Issued, Parent().FullName, SignedXml)),
        ["RemoveFromQueue"] = ([ApplicationStatus.Queued, ApplicationStatus.Notified],
            (a, _) => a.RemoveFromQueue(Moments.Issued, StaffActor, "Выбыл из города")),
        ["CorrectPrivilege"] = ([ApplicationStatus.Queued, ApplicationStatus.Notified],
            (a, _) => a.CorrectPrivilege(Privilege.Orphan, Moments.Issued, StaffActor, "Документы")),
    };

    public static TheoryData<string, ApplicationStatus> Refused() => Pairs(allowed: false);

    public static TheoryData<string, ApplicationStatus> Allowed() => Pairs(allowed: true);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Transition_FromWrongStatus_ThrowsAndChangesNothing(string transition, ApplicationStatus status)
    {
        var application = AnApplication().InStatus(status);
        var referral = ActiveReferralOf(application);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => Transitions[transition].Act(application, referral));

        Assert.Equal("application.status", e.Code);
        Assert.Contains(ApplicationStatusText.Of(status).Ru, e.Text.Ru);
        Assert.Contains(ApplicationStatusText.Of(status), e.Text.Args);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(ReferralStatus.Active, referral.Status);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Transition_FromAllowedStatus_RecordsAnEvent(string transition, ApplicationStatus status)
    {
        var application = AnApplication().InStatus(status);
        var referral = ActiveReferralOf(application);
        var eventsBefore = application.Events.Count;

        Transitions[transition].Act(application, referral);

        Assert.True(application.Events.Count > eventsBefore, $"{transition} from {status} recorded no event");
    }

    private static TheoryData<string, ApplicationStatus> Pairs(bool allowed)
    {
        var data = new TheoryData<string, ApplicationStatus>();
        foreach (var (name, (from, _)) in Transitions)
            foreach (var status in Enum.GetValues<ApplicationStatus>())
                if (from.Contains(status) == allowed) data.Add(name, status);
        return data;
    }
}
