using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// "Выбор частного детского сада по государственному образовательному заказу доступен только в
/// случае, когда: ребенок стоит в очереди; возраст ребенка — 3 года и старше; имеются свободные
/// места…" plus the stop-list. Answers with every unmet condition, each said to the parent.
public static class PrivateKindergartenEligibility
{
    public const int MinimumAge = 3;

    public static IReadOnlyList<LocalizedText> UnmetConditions(ApplicationStatus status, DateOnly childBirthDate,
        DateTimeOffset? stopListedUntil, bool freePrivateSeatForAgeGroup, DateTimeOffset now)
    {
        var unmet = new List<LocalizedText>();
        if (!status.IsInQueue())
        {
            var s = ApplicationStatusText.Of(status);
            unmet.Add(new($"Ребёнок не стоит в очереди (состояние заявления — «{s.Ru}»).",
                $"Бала кезекте тұрған жоқ (өтініш күйі — «{s.Kk}»)."));
        }
        var today = AlmatyTime.Today(now);
        if (Iin.FullYears(childBirthDate, today) < MinimumAge)
        {
            var from = childBirthDate.AddYears(MinimumAge).ToString("dd.MM.yyyy");
            unmet.Add(new($"Ребёнку ещё нет 3 лет: выбор частного сада будет доступен с {from}.",
                $"Балаға әлі 3 жас толған жоқ: жеке балабақшаны таңдау {from} бастап қолжетімді болады."));
        }
        if (stopListedUntil is { } until && Deadline.IsOpen(until, now))
        {
            var end = AlmatyTime.Format(until);
            unmet.Add(new($"Заявление в стоп-листе до {end}: получение направления заблокировано.",
                $"Өтініш {end} дейін стоп-парақта: жолдама алу бұғатталған."));
        }
        if (!freePrivateSeatForAgeGroup)
            unmet.Add(new("Сейчас нет свободных мест в частных детских садах по государственному заказу для возрастной группы ребёнка.",
                "Қазір баланың жас тобы үшін мемлекеттік тапсырыс бойынша жеке балабақшаларда бос орын жоқ."));
        return unmet;
    }
}
