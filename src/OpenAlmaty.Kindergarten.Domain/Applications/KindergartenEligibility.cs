using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Rules;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// Free state seats of the child's age group as the caller sees them: open to every queued child,
/// or still in their priority window (open only to the children they were offered to).
public sealed record StateSeats(bool OpenToAll, bool InWindow);

/// Who may take which kind of seat now. One place for the picker, the application page and the
/// issuer; each answer is every unmet condition, each said to the parent in both languages.
public static class KindergartenEligibility
{
    /// "Выбор частного детского сада по государственному образовательному заказу доступен только в
    /// случае, когда: ребенок стоит в очереди; возраст ребенка — 3 года и старше; имеются свободные
    /// места…" plus the stop-list.
    public static IReadOnlyList<LocalizedText> Private(ApplicationStatus status, DateOnly childBirthDate,
        DateTimeOffset? stopListedUntil, bool freePrivateSeatForAgeGroup, DateTimeOffset now)
    {
        var unmet = new List<LocalizedText>();
        if (!status.IsInQueue()) unmet.Add(NotInQueue(status));
        var today = AlmatyTime.Today(now);
        if (Iin.FullYears(childBirthDate, today) < PortalRules.PrivateMinimumAgeYears)
        {
            var from = childBirthDate.AddYears(PortalRules.PrivateMinimumAgeYears).ToString("dd.MM.yyyy");
            unmet.Add(new("Ребёнку ещё нет {0} лет: выбор частного сада будет доступен с {1}.", PortalRules.PrivateMinimumAgeYears, from));
        }
        if (StopListed(stopListedUntil, now) is { } stop) unmet.Add(stop);
        if (!freePrivateSeatForAgeGroup)
            unmet.Add(new("Сейчас нет свободных мест в частных детских садах по государственному заказу для возрастной группы ребёнка."));
        return unmet;
    }

    /// A state seat: in the queue, not in the stop-list, and a free seat open to all — or, inside
    /// its priority window, offered to this child. <paramref name="seats"/> null: the seats are
    /// checked elsewhere (the picker lists only the ones this child may take).
    public static IReadOnlyList<LocalizedText> State(ApplicationStatus status, DateTimeOffset? stopListedUntil,
        DateTimeOffset? offeredUntil, StateSeats? seats, DateTimeOffset now)
    {
        var unmet = new List<LocalizedText>();
        if (!status.IsInQueue()) unmet.Add(NotInQueue(status));
        if (StopListed(stopListedUntil, now) is { } stop) unmet.Add(stop);
        if (seats is not null && StateSeat(seats, IsOffered(status, offeredUntil, now)) is { } seat) unmet.Add(seat);
        return unmet;
    }

    /// The seat condition alone (the issuer's, after the domain's own status and stop-list guards).
    public static LocalizedText? StateSeat(StateSeats seats, bool offered) =>
        seats.OpenToAll || (offered && seats.InWindow) ? null : seats.InWindow ? SeatsInWindow : NoStateSeats;

    /// Offered a state seat and still inside its own window (the job that ends windows may run late).
    public static bool IsOffered(ApplicationStatus status, DateTimeOffset? offeredUntil, DateTimeOffset now) =>
        StateSeatOffer.IsHeld(status, offeredUntil, now);

    public static readonly LocalizedText SeatsInWindow = new(
        "Свободные места в государственных детских садах сейчас предложены детям, стоящим в очереди раньше; они станут доступны всем после окончания срока приоритетного выбора.");

    private static readonly LocalizedText NoStateSeats = new(
        "Свободных мест в государственных детских садах для возрастной группы ребёнка сейчас нет.");

    /// After a referral the child has left the queue because the referral was issued: say that.
    public static readonly LocalizedText ReferralIssued = new("Направление уже выдано.");

    private static LocalizedText NotInQueue(ApplicationStatus status)
    {
        if (status == ApplicationStatus.Referred) return ReferralIssued;
        var s = ApplicationStatusText.Of(status);
        return new("Ребёнок не стоит в очереди (состояние заявления — «{0}»).", s);
    }

    private static LocalizedText? StopListed(DateTimeOffset? stopListedUntil, DateTimeOffset now)
    {
        if (stopListedUntil is not { } until || !Deadline.IsOpen(until, now)) return null;
        var end = AlmatyTime.Format(until);
        return new("Заявление в стоп-листе до {0}: получение направления заблокировано.", end);
    }
}
