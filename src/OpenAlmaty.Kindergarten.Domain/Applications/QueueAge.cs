using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// The service is for children "до 6 лет" (Order No. 254): from their sixth birthday a child is
/// neither queued nor referred, and the yearly update takes them out of the queue.
public static class QueueAge
{
    // The number itself lives with the other rules.
    public const int MaximumAge = Rules.PortalRules.MaximumAgeYears;

    public static bool HasAgedOut(DateOnly birthDate, DateTimeOffset now) => Iin.FullYears(birthDate, AlmatyTime.Today(now)) >= MaximumAge;

    public static readonly LocalizedText AgedOut = new(
        "Ребёнку исполнилось {0} лет: направления выдаются детям до {0} лет.", MaximumAge);

    /// The reason written in the history when the yearly update takes a child out of the queue.
    public static readonly string AgedOutReason = $"Ребёнку исполнилось {MaximumAge} лет: снят с очереди при ежегодном обновлении очереди";
}
