using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class ApplicationFilingTests
{
    [Fact]
    public void File_NewChild_IsQueuedFromNow()
    {
        var application = AnApplication().Queued();

        Assert.Equal(ApplicationStatus.Queued, application.Status);
        Assert.Equal(Moments.QueuedAt, application.QueuedAt);
        Assert.Equal(Moments.QueuedAt, application.CreatedAt);
        Assert.Equal(Moments.QueuedAt, application.StatusChangedAt);
        Assert.Equal(2022, application.BirthYear);
        Assert.Equal(0, application.ExpiredReferralCount);
        Assert.Null(application.StopListedUntil);
    }

    [Fact]
    public void File_NewChild_RecordsCreatedEventByTheApplicant()
    {
        var application = AnApplication().Queued();

        var created = Assert.Single(application.Events);
        Assert.Equal(ApplicationEventKind.Created, created.Kind);
        Assert.Equal(Parent().FullName, created.Actor);
        Assert.Null(created.FromStatus);
        Assert.Equal(ApplicationStatus.Queued, created.ToStatus);
        Assert.Equal(Moments.QueuedAt, created.At);
    }

    [Fact]
    public void File_NewChild_IsVisibleToTheApplicant()
    {
        var application = AnApplication().Queued();

        var access = Assert.Single(application.Access);
        Assert.Equal(AccessKind.Applicant, access.Kind);
    }

    [Theory]
    [InlineData(Privilege.None, PriorityGroup.General)]
    [InlineData(Privilege.ServicemanChild, PriorityGroup.OutOfTurn)]
    [InlineData(Privilege.SpecialStateBodyChild, PriorityGroup.OutOfTurn)]
    [InlineData(Privilege.DisabledParentChild, PriorityGroup.FirstPriority)]
    [InlineData(Privilege.Orphan, PriorityGroup.FirstPriority)]
    [InlineData(Privilege.LargeFamily, PriorityGroup.FirstPriority)]
    [InlineData(Privilege.TeacherChild, PriorityGroup.FirstPriority)]
    public void File_Privilege_GeneralOrderUntilStaffConfirm_ThenItsGroup(Privilege privilege, PriorityGroup group)
    {
        var application = AnApplication().WithPrivilege(privilege).Queued();
        var filed = application.PriorityGroup;
        if (privilege != Privilege.None) application.ConfirmPrivilege(DateTimeOffset.UtcNow, "Сотрудник", "Справка проверена", null);

        Assert.Equal(privilege, application.Privilege);
        Assert.Equal(PriorityGroup.General, filed);
        Assert.Equal(group, application.PriorityGroup);
    }

    [Theory]
    [InlineData(ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Notified)]
    [InlineData(ApplicationStatus.Referred)]
    public void File_ChildWithActiveApplication_IsRefusedAsDuplicate(ApplicationStatus other)
    {
        var builder = AnApplication().WithOtherApplicationsOfChild(ApplicationStatus.Enrolled, other);

        var e = Assert.Throws<DomainException>(() => builder.Queued());

        Assert.Equal("application.duplicate", e.Code);
        Assert.NotEmpty(e.Text.Key);
    }

    [Theory]
    [InlineData(ApplicationStatus.Enrolled)]
    [InlineData(ApplicationStatus.Removed)]
    public void File_ChildWhoseOtherApplicationEnded_IsQueuedAgain(ApplicationStatus other)
    {
        var application = AnApplication().WithOtherApplicationsOfChild(other, ApplicationStatus.Removed).Queued();

        Assert.Equal(ApplicationStatus.Queued, application.Status);
    }
}
