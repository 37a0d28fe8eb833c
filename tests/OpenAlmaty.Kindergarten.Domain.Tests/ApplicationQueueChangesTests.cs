using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class ApplicationQueueChangesTests
{
    private static readonly DateTimeOffset Now = Moments.Issued;

    [Theory]
    [InlineData(ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Notified)]
    public void Withdraw_InQueue_RemovesWithTheParentsSignature(ApplicationStatus status)
    {
        var application = AnApplication().InStatus(status);

        application.Withdraw(Now, Parent().FullName, SignedXml);

        Assert.Equal(ApplicationStatus.Removed, application.Status);
        Assert.Null(application.OfferedUntil);
        var withdrawn = application.Events.Last();
        Assert.Equal(ApplicationEventKind.Withdrawn, withdrawn.Kind);
        Assert.Equal(Parent().FullName, withdrawn.Actor);
        Assert.Equal(SignedXml, withdrawn.SignedXml);
        Assert.Equal(status, withdrawn.FromStatus);
    }

    [Fact]
    public void RemoveFromQueue_WithReason_RemovesAndRecordsTheReason()
    {
        var application = AnApplication().Queued();

        application.RemoveFromQueue(Now, StaffActor, "Выбыл за пределы города");

        Assert.Equal(ApplicationStatus.Removed, application.Status);
        var removed = application.Events.Last();
        Assert.Equal(ApplicationEventKind.RemovedFromQueue, removed.Kind);
        Assert.Equal("Выбыл за пределы города", removed.Reason);
        Assert.Equal(StaffActor, removed.Actor);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void RemoveFromQueue_WithoutReason_IsRefusedAndChangesNothing(string reason)
    {
        var application = AnApplication().Queued();
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => application.RemoveFromQueue(Now, StaffActor, reason));

        Assert.Equal("reason.required", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
    }

    [Fact]
    public void LiftStopList_WithReason_LiftsTheEntryAndAllowsAReferral()
    {
        var application = AnApplication().ExpiredOnce();
        var liftedAt = Moments.AfterDeadline.AddDays(1);

        application.LiftStopList(liftedAt, StaffActor, "Решение комиссии");

        Assert.Null(application.StopListedUntil);
        Assert.False(application.IsStopListed(liftedAt));
        var entry = Assert.Single(application.StopList);
        Assert.Equal(liftedAt, entry.LiftedAt);
        Assert.Equal(StaffActor, entry.LiftedBy);
        Assert.False(entry.IsInForce(liftedAt));
        Assert.Equal(ApplicationEventKind.StopListLifted, application.Events.Last().Kind);
        Issue(application, liftedAt);
        Assert.Equal(ApplicationStatus.Referred, application.Status);
    }

    [Fact]
    public void LiftStopList_WithoutReason_IsRefusedAndChangesNothing()
    {
        var application = AnApplication().ExpiredOnce();
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => application.LiftStopList(Moments.AfterDeadline, StaffActor, " "));

        Assert.Equal("reason.required", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Null(Assert.Single(application.StopList).LiftedAt);
    }

    [Fact]
    public void LiftStopList_NotStopListed_IsRefused()
    {
        var application = AnApplication().Queued();

        var e = Assert.Throws<DomainException>(() => application.LiftStopList(Now, StaffActor, "Решение комиссии"));

        Assert.Equal("stop-list.none", e.Code);
    }

    [Fact]
    public void ClearEndedStopList_AfterItsEnd_ClearsOnlyThen()
    {
        var application = AnApplication().ExpiredOnce();

        application.ClearEndedStopList(Moments.StopListUntil);
        var stillThere = application.StopListedUntil;
        application.ClearEndedStopList(Moments.AfterStopList);

        Assert.Equal(Moments.StopListUntil, stillThere);
        Assert.Null(application.StopListedUntil);
    }

    [Fact]
    public void CorrectPrivilege_WithReason_MovesToTheNewGroupAndRecordsBoth()
    {
        var application = AnApplication().Queued();

        application.CorrectPrivilege(Privilege.LargeFamily, Now, StaffActor, "Справка о многодетности");

        Assert.Equal(Privilege.LargeFamily, application.Privilege);
        Assert.Equal(PriorityGroup.FirstPriority, application.PriorityGroup);
        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        var corrected = application.Events.Last();
        Assert.Equal(ApplicationEventKind.PrivilegeCorrected, corrected.Kind);
        Assert.Contains("Без льготы", corrected.Reason);
        Assert.Contains("многодетных", corrected.Reason);
        Assert.Contains("Справка о многодетности", corrected.Reason);
    }

    [Fact]
    public void CorrectPrivilege_WithoutReason_IsRefusedAndChangesNothing()
    {
        var application = AnApplication().Queued();
        var before = ApplicationSnapshot.Of(application);

        var e = Assert.Throws<DomainException>(() => application.CorrectPrivilege(Privilege.Orphan, Now, StaffActor, ""));

        Assert.Equal("reason.required", e.Code);
        Assert.Equal(before, ApplicationSnapshot.Of(application));
        Assert.Equal(PriorityGroup.General, application.PriorityGroup);
    }

    [Fact]
    public void OfferStateSeat_Queued_NotifiesUntilTheWindowEnds()
    {
        var application = AnApplication().Queued();
        var windowEnd = new DateTimeOffset(2026, 3, 5, 18, 59, 59, TimeSpan.Zero);

        application.OfferStateSeat(windowEnd, Now);

        Assert.Equal(ApplicationStatus.Notified, application.Status);
        Assert.Equal(windowEnd, application.OfferedUntil);
        var offered = application.Events.Last();
        Assert.Equal(ApplicationEventKind.StateSeatOffered, offered.Kind);
        Assert.Equal(ApplicationEvent.SystemActor, offered.Actor);
        Assert.Contains("05.03.2026 23:59", offered.Reason);
    }

    [Fact]
    public void EndOffer_Notified_ReturnsToQueueAtTheSamePlace()
    {
        var application = AnApplication().Notified();

        application.EndOffer(Now.AddDays(4));

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Null(application.OfferedUntil);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(ApplicationEventKind.OfferEnded, application.Events.Last().Kind);
    }

    [Fact]
    public void AttachTo_AnotherParent_GivesAccessAndRecordsIt()
    {
        var application = AnApplication().Queued();
        var mother = Parent().WithId(42);

        application.AttachTo(mother, Now, SignedXml);

        Assert.Contains(application.Access, a => a.PersonId == 42 && a.Kind == AccessKind.Attached);
        Assert.Equal(ApplicationEventKind.Attached, application.Events.Last().Kind);
        Assert.Equal(ApplicationStatus.Queued, application.Status);
    }

    [Fact]
    public void AttachTo_TheApplicant_IsRefused()
    {
        var application = AnApplication().Queued();

        var e = Assert.Throws<DomainException>(() => application.AttachTo(Parent(), Now, SignedXml));

        Assert.Equal("application.already-attached", e.Code);
        Assert.Single(application.Access);
    }
}
