using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Issue 11, defects 5 and 10: a deadline includes its whole last second; a child who has reached
/// six full years gets no referral.
public sealed class DeadlineAndAgeTests
{
    [Fact]
    public void ConfirmArrival_HalfASecondBeforeMidnightOfTheLastDay_Enrolls()
    {
        var application = AnApplication().Referred(out var referral);

        application.ConfirmArrival(referral, Moments.ValidUntil.AddMilliseconds(500), StaffActor);

        Assert.Equal(ApplicationStatus.Enrolled, application.Status);
    }

    [Fact]
    public void ExpireReferral_HalfASecondBeforeMidnightOfTheLastDay_RefusedAsNotExpired()
    {
        var application = AnApplication().Referred(out var referral);

        var e = Assert.Throws<DomainException>(() =>
            application.ExpireReferral(referral, Moments.ValidUntil.AddMilliseconds(500), Moments.StopListUntil));

        Assert.Equal("referral.not-expired", e.Code);
        Assert.Equal(ApplicationStatus.Referred, application.Status);
    }

    [Fact]
    public void IssueReferral_ChildWhoTurnedSixTheDayBefore_RefusedWithTheReason()
    {
        // Moments.Issued is 02.03.2026 in Almaty; this child turned 6 on 01.03.2026.
        var application = QueuedChild(new DateOnly(2020, 3, 1));

        var e = Assert.Throws<DomainException>(() => Issue(application, Moments.Issued));

        Assert.Equal("application.age", e.Code);
        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Contains("6", e.Text.Ru);
        Assert.Contains(6, e.Text.Args); // the number is an argument, the Kazakh is in the resources
    }

    [Fact]
    public void IssueReferral_ChildTurningSixTomorrow_Referred()
    {
        var application = QueuedChild(new DateOnly(2020, 3, 3));

        Issue(application, Moments.Issued);

        Assert.Equal(ApplicationStatus.Referred, application.Status);
    }

    private static Application QueuedChild(DateOnly birth) =>
        Application.File(new Child(IinBuilder.For(birth, Sex.Male), "Ахметов", "Алихан", null), Parent(), "UO.2020.000001.1",
            Privilege.None, Kindergartens.InstructionLanguage.Kazakh, null, null, Moments.QueuedAt, []).WithId(7);
}
