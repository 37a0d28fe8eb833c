using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class ApplicationExpiryTests
{
    [Fact]
    public void ExpireReferral_FirstTime_ReturnsToTheQueueAtTheOriginalPlace()
    {
        var application = AnApplication().Referred(out var referral);

        application.ExpireReferral(referral, Moments.AfterDeadline, Moments.StopListUntil);

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(Moments.AfterDeadline, application.StatusChangedAt);
        Assert.Equal(1, application.ExpiredReferralCount);
    }

    [Fact]
    public void ExpireReferral_FirstTime_AnnulsTheReferral()
    {
        var application = AnApplication().Referred(out var referral);

        application.ExpireReferral(referral, Moments.AfterDeadline, Moments.StopListUntil);

        Assert.Equal(ReferralStatus.Annulled, referral.Status);
        Assert.Equal(Moments.AfterDeadline, referral.ClosedAt);
        Assert.False(string.IsNullOrWhiteSpace(referral.CloseReason));
    }

    [Fact]
    public void ExpireReferral_FirstTime_StopListsUntilTheGivenEnd()
    {
        var application = AnApplication().Referred(out var referral);

        application.ExpireReferral(referral, Moments.AfterDeadline, Moments.StopListUntil);

        Assert.Equal(Moments.StopListUntil, application.StopListedUntil);
        var entry = Assert.Single(application.StopList);
        Assert.Equal(Moments.AfterDeadline, entry.From);
        Assert.Equal(Moments.StopListUntil, entry.Until);
        Assert.True(entry.IsInForce(Moments.StopListUntil));
        Assert.True(application.IsStopListed(Moments.StopListUntil));
        Assert.False(application.IsStopListed(Moments.AfterStopList));
    }

    [Fact]
    public void ExpireReferral_FirstTime_RecordsAnnulmentAndReturnBySystem()
    {
        var application = AnApplication().Referred(out var referral);
        var eventsBefore = application.Events.Count;

        application.ExpireReferral(referral, Moments.AfterDeadline, Moments.StopListUntil);

        var added = application.Events.Skip(eventsBefore).ToList();
        Assert.Equal([ApplicationEventKind.ReferralAnnulled, ApplicationEventKind.StopListed], added.Select(e => e.Kind));
        Assert.All(added, e => Assert.Equal(ApplicationEvent.SystemActor, e.Actor));
        Assert.All(added, e => Assert.Equal("система", e.Actor));
        Assert.Equal(ApplicationStatus.Referred, added[1].FromStatus);
        Assert.Equal(ApplicationStatus.Queued, added[1].ToStatus);
        Assert.Contains("31.03.2026 23:59", added[1].Reason);
    }

    [Fact]
    public void ExpireReferral_SecondTime_RemovesFromTheQueue()
    {
        var application = AnApplication().ExpiredOnce();
        var second = Issue(application, Moments.AfterStopList);
        var deadline = second.ValidUntil.AddSeconds(1);

        application.ExpireReferral(second, deadline, deadline.AddDays(14));

        Assert.Equal(ApplicationStatus.Removed, application.Status);
        Assert.Equal(2, application.ExpiredReferralCount);
        Assert.Equal(ReferralStatus.Annulled, second.Status);
        var removed = application.Events.Last();
        Assert.Equal(ApplicationEventKind.RemovedFromQueue, removed.Kind);
        Assert.Equal(ApplicationEvent.SystemActor, removed.Actor);
        Assert.Equal(ApplicationStatus.Removed, removed.ToStatus);
        Assert.Contains("2 раза", removed.Reason);
    }

    [Fact]
    public void ExpireReferral_SecondTime_AddsNoStopList()
    {
        var application = AnApplication().ExpiredOnce();
        var second = Issue(application, Moments.AfterStopList);
        var deadline = second.ValidUntil.AddSeconds(1);

        application.ExpireReferral(second, deadline, deadline.AddDays(14));

        Assert.Single(application.StopList);
        Assert.Equal(Moments.StopListUntil, application.StopListedUntil);
    }

    [Fact]
    public void ExpireReferral_AfterACancelledReferral_IsStillTheFirstExpiry()
    {
        var application = AnApplication().Referred(out var cancelled);
        application.CancelReferral(cancelled, Moments.BeforeDeadline, StaffActor, "Родитель передумал");
        var referral = Issue(application, Moments.BeforeDeadline);

        application.ExpireReferral(referral, referral.ValidUntil.AddSeconds(1), Moments.StopListUntil.AddDays(7));

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(1, application.ExpiredReferralCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ExpireReferral_NotYetExpired_IsRefusedAndChangesNothing(int secondsAfterDeadline)
    {
        var application = AnApplication().Referred(out var referral);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() =>
            application.ExpireReferral(referral, Moments.ValidUntil.AddSeconds(secondsAfterDeadline), Moments.StopListUntil));

        Assert.Equal("referral.not-expired", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(ReferralStatus.Active, referral.Status);
    }

    [Fact]
    public void ExpireReferral_AnotherApplicationsReferral_IsRefused()
    {
        var mine = AnApplication().WithId(1).Referred(out _);
        AnApplication().WithId(2).Referred(out var theirs);
        var before = ApplicationSnapshot.Of(mine);

        var e = Assert.Throws<DomainException>(() => mine.ExpireReferral(theirs, Moments.AfterDeadline, Moments.StopListUntil));

        Assert.Equal("referral.foreign", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(mine));
        Assert.Equal(ReferralStatus.Active, theirs.Status);
    }
}
