using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// «Отказаться от направления» (issue 11): back to the original place with the stop-list, and
/// not an expiry.
public sealed class ApplicationDeclineTests
{
    [Fact]
    public void DeclineReferral_Active_BackInQueueAtOriginalPlaceStopListedNotAnExpiry()
    {
        var application = AnApplication().Referred(out var referral);

        application.DeclineReferral(referral, Moments.BeforeDeadline, Moments.StopListUntil, Parent().FullName, SignedXml);

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(0, application.ExpiredReferralCount);
        Assert.Equal(Moments.StopListUntil, application.StopListedUntil);
        Assert.True(application.IsStopListed(Moments.BeforeDeadline));
        Assert.Equal(ReferralStatus.Declined, referral.Status);
        var declined = application.Events.Last();
        Assert.Equal((ApplicationEventKind.ReferralDeclined, ApplicationStatus.Referred, ApplicationStatus.Queued, SignedXml),
            (declined.Kind, declined.FromStatus, declined.ToStatus, declined.SignedXml));
        Assert.Single(application.StopList);
    }

    [Fact]
    public void DeclineReferral_ThenTwoExpiries_OnlyTheSecondExpiryRemoves()
    {
        var application = AnApplication().Referred(out var first);
        application.DeclineReferral(first, Moments.BeforeDeadline, Moments.StopListUntil, Parent().FullName, SignedXml);
        var second = Issue(application, Moments.AfterStopList);
        application.ExpireReferral(second, second.ValidUntil.AddDays(1), second.ValidUntil.AddDays(20));

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(1, application.ExpiredReferralCount);
    }

    [Fact]
    public void DeclineReferral_AfterTheDeadline_RefusedAndChangesNothing()
    {
        var application = AnApplication().Referred(out var referral);
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() =>
            application.DeclineReferral(referral, Moments.AfterDeadline, Moments.StopListUntil, Parent().FullName, SignedXml));

        Assert.Equal("referral.expired", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(ReferralStatus.Active, referral.Status);
    }

    [Theory]
    [InlineData(ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Enrolled)]
    [InlineData(ApplicationStatus.Removed)]
    public void DeclineReferral_NotReferred_Refused(ApplicationStatus status)
    {
        var application = AnApplication().InStatus(status);

        var e = Assert.Throws<DomainException>(() => application.DeclineReferral(ActiveReferralOf(application), Moments.BeforeDeadline,
            Moments.StopListUntil, Parent().FullName, SignedXml));

        Assert.Equal("application.status", e.Code);
        Assert.Equal(status, application.Status);
    }
}
