using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// "История изменений": what each kind of event was, in words, so that a line with no status
/// change and no reason (the application's creation, above all) still says what happened.
public static class HistoryText
{
    public static LocalizedText? Of(ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Created => new("Заявление подано и поставлено в очередь.", "Өтініш берілді және кезекке қойылды.", "The application was filed and put in the queue."),
        ApplicationEventKind.Attached => new("Заявление прикреплено к второму родителю.", "Өтініш екінші ата-анаға бекітілді.", "The application was attached to the second parent."),
        ApplicationEventKind.Detached => new("Заявление откреплено от родителя.", "Өтініш ата-анадан ажыратылды.", "The application was detached from a parent."),
        ApplicationEventKind.StateSeatOffered => new("Предложено место в государственном детском саду.", "Мемлекеттік балабақшадан орын ұсынылды.", "A seat in a state kindergarten was offered."),
        ApplicationEventKind.OfferEnded => new("Срок приоритетного выбора закончился.", "Басым таңдау мерзімі аяқталды.", "The priority choice window ended."),
        ApplicationEventKind.ReferralIssued => new("Выдано направление.", "Жолдама берілді.", "A referral was issued."),
        ApplicationEventKind.ArrivalConfirmed => new("Детский сад подтвердил прибытие ребёнка.", "Балабақша баланың келгенін растады.", "The kindergarten confirmed the child's arrival."),
        ApplicationEventKind.ReferralAnnulled => new("Направление аннулировано.", "Жолдама жойылды.", "The referral was annulled."),
        ApplicationEventKind.ReferralCancelled => new("Направление отменено.", "Жолдамадан бас тартылды.", "The referral was cancelled."),
        ApplicationEventKind.ReferralDeclined => new("Заявитель отказался от направления.", "Өтініш беруші жолдамадан бас тартты.", "The applicant declined the referral."),
        ApplicationEventKind.StopListed => new("Заявление внесено в стоп-лист.", "Өтініш стоп-паққа енгізілді.", "The application was put on the stop-list."),
        ApplicationEventKind.StopListLifted => new("Стоп-лист снят.", "Стоп-парақ алынды.", "The stop-list ended."),
        ApplicationEventKind.Withdrawn => new("Заявитель снял заявление с очереди.", "Өтініш беруші өтінішті кезектен шығарды.", "The applicant withdrew the application."),
        ApplicationEventKind.RemovedFromQueue => new("Заявление снято с очереди.", "Өтініш кезектен шығарылды.", "The application was removed from the queue."),
        ApplicationEventKind.PrivilegeCorrected => new("Льгота исправлена.", "Жеңілдік түзетілді.", "The privilege was corrected."),
        ApplicationEventKind.ParenthoodConfirmed => new("Сотрудник подтвердил свидетельство о рождении.", "Қызметкер туу туралы куәлікті растады.", "Staff confirmed the birth certificate."),
        ApplicationEventKind.ParenthoodRejected => new("Сотрудник не подтвердил свидетельство о рождении.", "Қызметкер туу туралы куәлікті растамады.", "Staff did not confirm the birth certificate."),
        ApplicationEventKind.PrivilegeEvidenceSubmitted => new("Приложены документы о льготе.", "Жеңілдік туралы құжаттар тіркелді.", "Privilege documents were attached."),
        ApplicationEventKind.PrivilegeConfirmed => new("Льгота подтверждена.", "Жеңілдік расталды.", "The privilege was confirmed."),
        ApplicationEventKind.PrivilegeRejected => new("Льгота не подтверждена.", "Жеңілдік расталмады.", "The privilege was not confirmed."),
        ApplicationEventKind.PrivilegeLapsed => new("Срок льготы истёк.", "Жеңілдік мерзімі өтті.", "The privilege lapsed."),
        ApplicationEventKind.InvitationCreated => new("Создано приглашение для второго родителя.", "Екінші ата-анаға шақыру жасалды.", "An invitation for the second parent was made."),
        _ => null,
    };
}
