using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Rules;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

/// The words of every notification, from the resources (Localization/DomainTexts) in each of the
/// portal's languages; the outbox stores the template in the recipient's language (Outbox.InsertSql
/// picks it by people.language) and the values; the placeholders are filled here, in C#, when the
/// message is sent:
/// {registration}, {number}, {organisation}, {until} (dd.MM.yyyy HH:mm, Almaty time).
public static class NotificationTexts
{
    public sealed record Template(LocalizedText Subject, LocalizedText Body)
    {
        /// The subject in each language, in the order of <see cref="Localization.Lang.Codes"/>.
        public string[] Subjects => [.. Localization.Lang.Codes.Select(language => In(Subject, language))];
        public string[] Bodies => [.. Localization.Lang.Codes.Select(language => In(Body, language))];
    }

    /// The rules' numbers and words are placeholders in the resource texts ({days}, {expiries},
    /// {maxAge}, {deadline}), put in here from PortalRules and RuleTexts in the message's language.
    private static string In(LocalizedText text, string language) => Localization.DomainResources.In(text, language)
        .Replace("{days}", PortalRules.ReferralValidWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{expiries}", PortalRules.ExpiriesBeforeRemoval.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{maxAge}", QueueAge.MaximumAge.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{deadline}", Localization.DomainResources.In(RuleTexts.ReferralDeadline, language), StringComparison.Ordinal);

    public static string Fill(string template, string registration, string? number, string? organisation, DateTimeOffset? until) =>
        template.Replace("{registration}", registration, StringComparison.Ordinal)
            .Replace("{number}", number ?? "", StringComparison.Ordinal)
            .Replace("{organisation}", organisation ?? "", StringComparison.Ordinal)
            .Replace("{until}", until is { } u ? AlmatyTime.Format(u) : "", StringComparison.Ordinal);

    public static Template Of(NotificationKind kind) => kind switch
    {
        NotificationKind.ReferralIssued => new(
            new("Направлено уведомление: выдано направление № {number}"),
            new("Заявление {registration}: выдано направление № {number} в «{organisation}». Направление действительно до {until}. {deadline}")),
        NotificationKind.ReferralReminder => new(
            new("Направлено уведомление: срок направления № {number} истекает"),
            new("Напоминание: направление № {number} в «{organisation}» действительно до {until}. Остался один рабочий день, " +
                "чтобы ребёнок прибыл в детский сад; иначе направление будет аннулировано.")),
        NotificationKind.ReferralAnnulled => new(
            new("Направлено уведомление: направление № {number} аннулировано"),
            new("Направление № {number} аннулировано: ребёнок не прибыл в детский сад в течение {days} рабочих дней. " +
                "Заявление {registration} возвращено в очередь на прежнее место и находится в стоп-листе до {until}; " +
                "в это время получение направления заблокировано.")),
        NotificationKind.StopListOver => new(
            new("Направлено уведомление: стоп-лист завершён"),
            new("Заявление {registration}: срок нахождения в стоп-листе истёк {until}. Получить направление можно при наличии " +
                "свободных мест в дошкольных организациях.")),
        NotificationKind.RemovedFromQueue => new(
            new("Направлено уведомление: ребёнок снят с очереди"),
            new("Направление № {number} аннулировано. Срок действия направления просрочен {expiries} раза: заявление {registration} " +
                "автоматически снято с очереди.")),
        NotificationKind.StateSeatOffered => new(
            new("Направлено уведомление: предложено место в государственном детском саду"),
            new("Принято решение по заявлению {registration}: ребёнку предложено место в государственном детском саду. " +
                "Выберите детский сад («Выбрать гос сад») до {until}; после этого свободные места станут доступны всем детям очереди.")),
        NotificationKind.ReferralDeclined => new(
            new("Направлено уведомление: вы отказались от направления № {number}"),
            new("Заявление {registration}: вы отказались от направления № {number} в «{organisation}». Место освобождено. " +
                "Заявление возвращено в очередь на прежнее место и находится в стоп-листе до {until}; в это время получение направления " +
                "заблокировано. Отказ не считается просрочкой направления.")),
        NotificationKind.AgedOut => new(
            new("Направлено уведомление: ребёнок снят с очереди по возрасту"),
            new("Заявление {registration}: ребёнку исполнилось {maxAge} лет. Очередь в детские сады ведётся для детей до {maxAge} лет, " +
                "поэтому при ежегодном обновлении очереди заявление снято с очереди.")),
        NotificationKind.ReleaseSeatOffered => new(
            new("Принято решение (Направлено уведомление): место в «{organisation}»"),
            new("Заявление {registration}: по итогам распределения мест ребёнку предложено место в «{organisation}». " +
                "Подпишите предложение ЭЦП и получите направление или откажитесь до {until}; после этого место перейдёт следующему ребёнку.")),
        NotificationKind.ReferralExtended => new(
            new("Направлено уведомление: срок направления № {number} продлён"),
            new("Заявление {registration}: в производственный календарь внесён нерабочий день, поэтому направление № {number} в «{organisation}» " +
                "действительно до {until}. Обновлённое направление — во вкладке «Общие документы».")),
        NotificationKind.StopListExtended => new(
            new("Направлено уведомление: срок стоп-листа продлён"),
            new("Заявление {registration}: в производственный календарь внесён нерабочий день, поэтому заявление находится в стоп-листе " +
                "до {until}; в это время получение направления заблокировано.")),
        NotificationKind.StateSeatOfferExtended => new(
            new("Направлено уведомление: срок выбора государственного детского сада продлён"),
            new("Заявление {registration}: в производственный календарь внесён нерабочий день, поэтому выбрать место в государственном " +
                "детском саду («Выбрать гос сад») можно до {until}.")),
        _ => ReviewTexts.Of(kind),
    };
}
