using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// The statuses a parent sees, in the city's words.
public enum ApplicationStatus
{
    /// В очереди
    Queued = 1,
    /// Принято решение (Направлено уведомление): a state seat is offered in its priority window.
    Notified = 2,
    /// Выдано направление
    Referred = 3,
    /// Зачислен
    Enrolled = 4,
    /// Снят с очереди
    Removed = 5,
}

public static class ApplicationStatusText
{
    public static LocalizedText Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Queued => new("В очереди"),
        ApplicationStatus.Notified => new("Принято решение (Направлено уведомление)"),
        ApplicationStatus.Referred => new("Выдано направление"),
        ApplicationStatus.Enrolled => new("Зачислен"),
        ApplicationStatus.Removed => new("Снят с очереди"),
        _ => new(status.ToString(), status.ToString()),
    };

    /// Queued and notified applications hold a place in the queue.
    public static bool IsInQueue(this ApplicationStatus status) =>
        status is ApplicationStatus.Queued or ApplicationStatus.Notified;

    /// One active application (queued or referred) per child.
    public static bool IsActive(this ApplicationStatus status) =>
        status is ApplicationStatus.Queued or ApplicationStatus.Notified or ApplicationStatus.Referred;
}
