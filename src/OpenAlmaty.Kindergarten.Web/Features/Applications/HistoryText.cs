using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// "История изменений": what each kind of event was, in words, so that a line with no status
/// change and no reason (the application's creation, above all) still says what happened.
public static class HistoryText
{
    public static LocalizedText? Of(ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Created => new("Заявление подано и поставлено в очередь."),
        ApplicationEventKind.Attached => new("Заявление прикреплено к второму родителю."),
        ApplicationEventKind.Detached => new("Заявление откреплено от родителя."),
        ApplicationEventKind.StateSeatOffered => new("Предложено место в государственном детском саду."),
        ApplicationEventKind.OfferEnded => new("Срок приоритетного выбора закончился."),
        ApplicationEventKind.ReferralIssued => new("Выдано направление."),
        ApplicationEventKind.ArrivalConfirmed => new("Детский сад подтвердил прибытие ребёнка."),
        ApplicationEventKind.ReferralAnnulled => new("Направление аннулировано."),
        ApplicationEventKind.ReferralCancelled => new("Направление отменено."),
        ApplicationEventKind.ReferralDeclined => new("Заявитель отказался от направления."),
        ApplicationEventKind.StopListed => new("Заявление внесено в стоп-лист."),
        ApplicationEventKind.StopListLifted => new("Стоп-лист снят."),
        ApplicationEventKind.Withdrawn => new("Заявитель снял заявление с очереди."),
        ApplicationEventKind.RemovedFromQueue => new("Заявление снято с очереди."),
        ApplicationEventKind.PrivilegeCorrected => new("Льгота исправлена."),
        ApplicationEventKind.ParenthoodConfirmed => new("Сотрудник подтвердил свидетельство о рождении."),
        ApplicationEventKind.ParenthoodRejected => new("Сотрудник не подтвердил свидетельство о рождении."),
        ApplicationEventKind.PrivilegeEvidenceSubmitted => new("Приложены документы о льготе."),
        ApplicationEventKind.PrivilegeConfirmed => new("Льгота подтверждена."),
        ApplicationEventKind.PrivilegeRejected => new("Льгота не подтверждена."),
        ApplicationEventKind.PrivilegeLapsed => new("Срок льготы истёк."),
        ApplicationEventKind.InvitationCreated => new("Создано приглашение для второго родителя."),
        _ => null,
    };
}
