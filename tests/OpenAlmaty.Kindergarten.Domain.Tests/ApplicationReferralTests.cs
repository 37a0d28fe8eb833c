using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class ApplicationReferralTests
{
    [Fact]
    public void IssueReferral_Queued_RefersAndKeepsTheQueueDate()
    {
        var application = AnApplication().Queued();

        var referral = Issue(application, Moments.Issued);

        Assert.Equal(ApplicationStatus.Referred, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(Moments.Issued, application.StatusChangedAt);
        Assert.Equal(ReferralStatus.Active, referral.Status);
        Assert.Equal(application.Id, referral.ApplicationId);
        Assert.Equal(11, referral.OrganisationId);
        Assert.Equal(2022, referral.BirthYear);
        Assert.Equal(Moments.ValidUntil, referral.ValidUntil);
    }

    [Fact]
    public void IssueReferral_Queued_RecordsSignedEvent()
    {
        var application = AnApplication().Queued();

        Issue(application, Moments.Issued);

        var issued = application.Events.Last();
        Assert.Equal(ApplicationEventKind.ReferralIssued, issued.Kind);
        Assert.Equal(ApplicationStatus.Queued, issued.FromStatus);
        Assert.Equal(ApplicationStatus.Referred, issued.ToStatus);
        Assert.Equal(Parent().FullName, issued.Actor);
        Assert.Equal(SignedXml, issued.SignedXml);
        Assert.Contains("НП-000001", issued.Reason);
        Assert.Equal(2, application.Events.Count);
    }

    [Fact]
    public void IssueReferral_Notified_EndsTheOffer()
    {
        var application = AnApplication().Notified();

        Issue(application, Moments.Issued);

        Assert.Equal(ApplicationStatus.Referred, application.Status);
        Assert.Null(application.OfferedUntil);
    }

    [Fact]
    public void IssueReferral_StopListed_IsRefusedAndChangesNothing()
    {
        var application = AnApplication().ExpiredOnce();
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => Issue(application, Moments.StopListUntil));

        Assert.Equal("application.stop-listed", e.Code);
        Assert.Contains("31.03.2026 23:59", e.Text.Ru);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
    }

    [Fact]
    public void IssueReferral_AfterTheStopListEnds_IsAllowed()
    {
        var application = AnApplication().ExpiredOnce();

        Issue(application, Moments.AfterStopList);

        Assert.Equal(ApplicationStatus.Referred, application.Status);
    }

    [Theory]
    [InlineData(ApplicationStatus.Referred)]
    [InlineData(ApplicationStatus.Enrolled)]
    [InlineData(ApplicationStatus.Removed)]
    public void IssueReferral_NotInQueue_IsRefused(ApplicationStatus status)
    {
        var application = AnApplication().InStatus(status);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => Issue(application, Moments.AfterStopList));

        Assert.Equal("application.status", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
    }

    [Fact]
    public void IssueReferral_InactiveOrganisation_IsRefusedAndChangesNothing()
    {
        var application = AnApplication().Queued();
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => Issue(application, Moments.Issued, Organisations.Inactive()));

        Assert.Equal("organisation.inactive", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
    }

    [Fact]
    public void ConfirmArrival_BeforeTheDeadline_EnrollsAndUsesTheReferral()
    {
        var application = AnApplication().Referred(out var referral);

        application.ConfirmArrival(referral, Moments.BeforeDeadline, StaffActor);

        Assert.Equal(ApplicationStatus.Enrolled, application.Status);
        Assert.Equal(ReferralStatus.Used, referral.Status);
        Assert.Equal(Moments.BeforeDeadline, referral.ClosedAt);
        var confirmed = application.Events.Last();
        Assert.Equal(ApplicationEventKind.ArrivalConfirmed, confirmed.Kind);
        Assert.Equal(StaffActor, confirmed.Actor);
        Assert.Equal(ApplicationStatus.Referred, confirmed.FromStatus);
        Assert.Equal(ApplicationStatus.Enrolled, confirmed.ToStatus);
    }

    [Fact]
    public void ConfirmArrival_AtTheLastSecond_Enrolls()
    {
        var application = AnApplication().Referred(out var referral);

        application.ConfirmArrival(referral, Moments.ValidUntil, StaffActor);

        Assert.Equal(ApplicationStatus.Enrolled, application.Status);
    }

    [Fact]
    public void ConfirmArrival_AfterTheDeadline_IsRefusedAndChangesNothing()
    {
        var application = AnApplication().Referred(out var referral);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => application.ConfirmArrival(referral, Moments.AfterDeadline, StaffActor));

        Assert.Equal("referral.expired", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(ReferralStatus.Active, referral.Status);
    }

    [Fact]
    public void ConfirmArrival_AnotherApplicationsReferral_IsRefusedAndChangesNothing()
    {
        var mine = AnApplication().WithId(1).Referred(out _);
        AnApplication().WithId(2).Referred(out var theirs);
        var before = ApplicationSnapshot.Of(mine);

        var e = Assert.Throws<DomainException>(() => mine.ConfirmArrival(theirs, Moments.BeforeDeadline, StaffActor));

        Assert.Equal("referral.foreign", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(mine));
        Assert.Equal(ReferralStatus.Active, theirs.Status);
    }

    [Fact]
    public void CancelReferral_WithReason_ReturnsToQueueWithoutCountingAnExpiry()
    {
        var application = AnApplication().Referred(out var referral);

        application.CancelReferral(referral, Moments.BeforeDeadline, StaffActor, "Ошибка при выборе сада");

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(ReferralStatus.Cancelled, referral.Status);
        Assert.Equal(0, application.ExpiredReferralCount);
        Assert.Null(application.StopListedUntil);
        Assert.Equal(ApplicationEventKind.ReferralCancelled, application.Events.Last().Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CancelReferral_WithoutReason_IsRefused(string reason)
    {
        var application = AnApplication().Referred(out var referral);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => application.CancelReferral(referral, Moments.BeforeDeadline, StaffActor, reason));

        Assert.Equal("reason.required", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(ReferralStatus.Active, referral.Status);
    }
}
