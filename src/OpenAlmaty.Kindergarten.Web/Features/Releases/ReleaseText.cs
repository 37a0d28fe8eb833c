using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

public static class ReleaseText
{
    public static LocalizedText Rule(AllocationRule rule) => rule == AllocationRule.Lottery
        ? new("Публичная жеребьёвка")
        : new("Порядок очереди (внеочередные, затем первоочередные 1:3 с общей очередью, по дате постановки)");

    public static LocalizedText Status(ReleaseStatus status) => status switch
    {
        ReleaseStatus.Draft => new("Приём заявок ещё не начался"),
        ReleaseStatus.Open => new("Идёт приём заявок"),
        _ => new("Места распределены"),
    };

    public static LocalizedText Offer(ReleaseOfferStatus status) => status switch
    {
        ReleaseOfferStatus.Offered => new("Принято решение (Направлено уведомление)"),
        ReleaseOfferStatus.Accepted => new("Принято: выдано направление"),
        ReleaseOfferStatus.Declined => new("Вы отказались"),
        ReleaseOfferStatus.Expired => new("Срок истёк"),
        ReleaseOfferStatus.Replaced => new("Заменено местом выше в вашем списке"),
        _ => new("Направление аннулировано или отменено"),
    };

    /// "I-й выбор": 1-based.
    public static LocalizedText Choice(int oneBased) => new("{0}-й выбор", oneBased);
}
