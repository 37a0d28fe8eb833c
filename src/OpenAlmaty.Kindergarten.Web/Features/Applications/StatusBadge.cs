using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

public static class StatusBadge
{
    /// Bootstrap colours with enough contrast for small text (checked by the axe scan).
    public static string For(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Queued => "primary",
        ApplicationStatus.Notified => "info",
        ApplicationStatus.Referred => "warning",
        ApplicationStatus.Enrolled => "success",
        _ => "secondary",
    };
}
