using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Domain.Tests.TestData;

/// An application brought to a status by the domain's own transitions.
internal sealed class ApplicationBuilder
{
    public const string StaffActor = "Сейткали А. (управление образования)";
    public const string SignedXml = "<signed>request</signed>";

    private long _id = 1;
    private Privilege _privilege = Privilege.None;
    private ApplicationStatus[] _otherApplicationsOfChild = [];

    public static ApplicationBuilder AnApplication() => new();

    public static Child Child() => new(IinBuilder.For(new DateOnly(2022, 5, 15), Sex.Female), "Ахметова", "Айару", "Нурлановна");

    public static Person Parent() => new(Iin.Parse("900101300017"), "Ахметов", "Нурлан", "Серикович");

    public ApplicationBuilder WithId(long id)
    {
        _id = id;
        return this;
    }

    public ApplicationBuilder WithPrivilege(Privilege privilege)
    {
        _privilege = privilege;
        return this;
    }

    public ApplicationBuilder WithOtherApplicationsOfChild(params ApplicationStatus[] statuses)
    {
        _otherApplicationsOfChild = statuses;
        return this;
    }

    public Application Queued() =>
        Application.File(Child(), Parent(), "UO.2025.000001.1", _privilege, InstructionLanguage.Kazakh,
            null, null, Moments.QueuedAt, _otherApplicationsOfChild).WithId(_id);

    public Application Notified()
    {
        var application = Queued();
        application.OfferStateSeat(Moments.Issued.AddDays(3), Moments.Issued.AddHours(-1));
        return application;
    }

    public Application Referred(out Referral referral)
    {
        var application = Queued();
        referral = Issue(application, Moments.Issued);
        return application;
    }

    public Application Enrolled()
    {
        var application = Referred(out var referral);
        application.ConfirmArrival(referral, Moments.BeforeDeadline, StaffActor);
        return application;
    }

    public Application Removed()
    {
        var application = Queued();
        application.Withdraw(Moments.Issued, Parent().FullName, SignedXml);
        return application;
    }

    /// Referred once, not used in time: back in the queue and in the stop-list.
    public Application ExpiredOnce()
    {
        var application = Referred(out var referral);
        application.ExpireReferral(referral, Moments.AfterDeadline, Moments.StopListUntil);
        return application;
    }

    public Application InStatus(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Queued => Queued(),
        ApplicationStatus.Notified => Notified(),
        ApplicationStatus.Referred => Referred(out _),
        ApplicationStatus.Enrolled => Enrolled(),
        ApplicationStatus.Removed => Removed(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// An active referral carrying the application's id, whatever the application's status: issued
    /// to a twin with the same id, so only the status check can refuse it.
    public static Referral ActiveReferralOf(Application application) =>
        Issue(AnApplication().WithId(application.Id).Queued(), Moments.Issued);

    public static Referral Issue(Application application, DateTimeOffset now, PreschoolOrganisation? organisation = null) =>
        application.IssueReferral(organisation ?? Organisations.PrivateStateOrder(), "НП-000001", "V3R1FY",
            now, now + (Moments.ValidUntil - Moments.Issued), Parent().FullName, SignedXml);
}
