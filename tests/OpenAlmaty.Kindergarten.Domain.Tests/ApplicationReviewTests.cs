using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;
using static OpenAlmaty.Kindergarten.Domain.Tests.TestData.ApplicationBuilder;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// Issue 12: a privilege counts only while a staff confirmation is in force.
public sealed class ApplicationReviewTests
{
    private static readonly DateTimeOffset Now = Moments.Issued;
    private const string Staff = "Сотрудник";

    [Fact]
    public void LapsePrivilege_TermOver_BackToGeneralOnce()
    {
        var application = AnApplication().WithPrivilege(Privilege.ServicemanChild).Queued();
        application.ConfirmPrivilege(Now, Staff, "Справка с места службы", Now.AddDays(30));

        Assert.False(application.PrivilegeLapsedAt(Now.AddDays(29)));
        application.LapsePrivilege(Now.AddDays(31));

        Assert.Equal((PriorityGroup.General, PrivilegeReview.Lapsed, null), (application.PriorityGroup, application.PrivilegeReview, application.PrivilegeValidUntil));
        Assert.Throws<DomainException>(() => application.LapsePrivilege(Now.AddDays(32)));
    }

    [Fact]
    public void RejectPrivilege_RenewalWhileConfirmedInForce_KeepsThePlace()
    {
        var application = AnApplication().WithPrivilege(Privilege.LargeFamily).Queued();
        application.ConfirmPrivilege(Now, Staff, "Удостоверение многодетной семьи", Now.AddDays(30));
        application.SubmitPrivilegeEvidence(Now.AddDays(20), "Родитель");

        application.RejectPrivilege(Now.AddDays(21), Staff, "Нечитаемая копия");

        Assert.Equal((PriorityGroup.FirstPriority, PrivilegeReview.Confirmed), (application.PriorityGroup, application.PrivilegeReview));
    }

    [Fact]
    public void ConfirmPrivilege_TwiceOrWithoutReason_Refused()
    {
        var application = AnApplication().WithPrivilege(Privilege.Orphan).Queued();

        Assert.Equal("reason.required", Assert.Throws<DomainException>(() => application.ConfirmPrivilege(Now, Staff, " ", null)).Code);
        application.ConfirmPrivilege(Now, Staff, "Решение органа опеки", null);
        Assert.Equal("privilege.not-under-review", Assert.Throws<DomainException>(() => application.ConfirmPrivilege(Now, Staff, "Ещё раз", null)).Code);
    }

    [Fact]
    public void Detach_TheApplicant_Refused()
    {
        var application = AnApplication().Queued();

        var e = Assert.Throws<DomainException>(() => application.Detach(application.ApplicantId, "Заявитель", Now, Staff, "Причина"));

        Assert.Equal("application.not-attached", e.Code);
        Assert.Single(application.Access);
    }
}
