using static OpenAlmaty.Kindergarten.Web.Features.Notifications.NotificationTexts;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

/// The words of the staff reviews' notifications (issue 12). The reason is on the application's
/// page, in its history: a message does not carry what staff wrote.
public static class ReviewTexts
{
    public static Template Of(NotificationKind kind) => kind switch
    {
        NotificationKind.PrivilegeConfirmed => new(
            new("Направлено уведомление: льгота подтверждена"),
            new("Заявление {registration}: льгота подтверждена, номер в очереди пересчитан с её учётом. Срок и причина — на странице заявления.")),
        NotificationKind.PrivilegeRejected => new(
            new("Направлено уведомление: льгота не подтверждена"),
            new("Заявление {registration}: документ не подтверждает льготу, заявление стоит в общей очереди. Причина указана в истории заявления; " +
                "можно приложить новый документ.")),
        NotificationKind.PrivilegeLapsed => new(
            new("Направлено уведомление: срок льготы истёк"),
            new("Заявление {registration}: срок подтверждения льготы истёк {until}. Заявление возвращено в общую очередь; приложите новый документ, " +
                "чтобы льгота снова учитывалась после проверки.")),
        NotificationKind.ParenthoodConfirmed => new(
            new("Направлено уведомление: документ о праве подать заявление подтверждён"),
            new("Заявление {registration}: сотрудник подтвердил свидетельство о рождении (решение об опеке). Заявление в очереди с даты подачи.")),
        NotificationKind.ParenthoodRejected => new(
            new("Направлено уведомление: право подать заявление не подтверждено"),
            new("Заявление {registration}: приложенный документ не подтверждает, что вы родитель или законный представитель ребёнка. " +
                "Заявление снято с очереди; причина указана в истории заявления.")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
