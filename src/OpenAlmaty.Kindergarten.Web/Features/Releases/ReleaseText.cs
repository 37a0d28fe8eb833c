using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

public static class ReleaseText
{
    public static LocalizedText Rule(AllocationRule rule) => rule == AllocationRule.Lottery
        ? new("Публичная жеребьёвка", "Ашық жеребе")
        : new("Порядок очереди (внеочередные, затем первоочередные 1:3 с общей очередью, по дате постановки)",
            "Кезек тәртібі (кезектен тыс, содан кейін бірінші кезектегілер жалпы кезекпен 1:3, кезекке қою күні бойынша)");

    public static LocalizedText Status(ReleaseStatus status) => status switch
    {
        ReleaseStatus.Draft => new("Приём заявок ещё не начался", "Өтінім қабылдау әлі басталған жоқ"),
        ReleaseStatus.Open => new("Идёт приём заявок", "Өтінімдер қабылдануда"),
        _ => new("Места распределены", "Орындар бөлінді"),
    };

    public static LocalizedText Offer(ReleaseOfferStatus status) => status switch
    {
        ReleaseOfferStatus.Offered => new("Принято решение (Направлено уведомление)", "Шешім қабылданды (Хабарлама жіберілді)"),
        ReleaseOfferStatus.Accepted => new("Принято: выдано направление", "Қабылданды: жолдама берілді"),
        ReleaseOfferStatus.Declined => new("Вы отказались", "Сіз бас тарттыңыз"),
        ReleaseOfferStatus.Expired => new("Срок истёк", "Мерзімі өтті"),
        ReleaseOfferStatus.Replaced => new("Заменено местом выше в вашем списке", "Тізіміңіздегі жоғары орынмен ауыстырылды"),
        _ => new("Направление аннулировано или отменено", "Жолдама жойылды немесе тоқтатылды"),
    };

    /// "I-й выбор": 1-based.
    public static LocalizedText Choice(int oneBased) => new("{0}-й выбор", "{0}-таңдау", oneBased);
}
