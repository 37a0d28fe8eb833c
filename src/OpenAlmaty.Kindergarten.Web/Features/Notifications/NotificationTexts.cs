using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Rules;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

/// The words of every notification, in Russian and Kazakh. The outbox stores the templates and
/// their values; the placeholders are filled here, in C#, when the message is sent:
/// {registration}, {number}, {organisation}, {until} (dd.MM.yyyy HH:mm, Almaty time).
public static class NotificationTexts
{
    public sealed record Template(LocalizedText Subject, LocalizedText Body)
    {
        /// Both languages in one message: the parent reads the one they prefer.
        public string SubjectText => $"{In(Subject, "ru")} / {In(Subject, "kk")}";
        public string BodyText => $"{In(Body, "ru")}\n\n{In(Body, "kk")}";
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
            new("Направлено уведомление: выдано направление № {number}", "Хабарлама жіберілді: № {number} жолдама берілді"),
            new("Заявление {registration}: выдано направление № {number} в «{organisation}». Направление действительно до {until}. {deadline}",
                "{registration} өтініші: «{organisation}» ұйымына № {number} жолдама берілді. Жолдама {until} дейін жарамды. {deadline}")),
        NotificationKind.ReferralReminder => new(
            new("Направлено уведомление: срок направления № {number} истекает", "Хабарлама жіберілді: № {number} жолдаманың мерзімі аяқталады"),
            new("Напоминание: направление № {number} в «{organisation}» действительно до {until}. Остался один рабочий день, " +
                "чтобы ребёнок прибыл в детский сад; иначе направление будет аннулировано.",
                "Еске салу: «{organisation}» ұйымына № {number} жолдама {until} дейін жарамды. Баланың балабақшаға келуіне бір жұмыс күні қалды; " +
                "әйтпесе жолдама жойылады.")),
        NotificationKind.ReferralAnnulled => new(
            new("Направлено уведомление: направление № {number} аннулировано", "Хабарлама жіберілді: № {number} жолдама жойылды"),
            new("Направление № {number} аннулировано: ребёнок не прибыл в детский сад в течение {days} рабочих дней. " +
                "Заявление {registration} возвращено в очередь на прежнее место и находится в стоп-листе до {until}; " +
                "в это время получение направления заблокировано.",
                "№ {number} жолдама жойылды: бала {days} жұмыс күні ішінде балабақшаға келмеді. {registration} өтініші кезектегі бұрынғы орнына " +
                "қайтарылды және {until} дейін стоп-парақта; бұл уақытта жолдама алу бұғатталған.")),
        NotificationKind.StopListOver => new(
            new("Направлено уведомление: стоп-лист завершён", "Хабарлама жіберілді: стоп-парақ аяқталды"),
            new("Заявление {registration}: срок нахождения в стоп-листе истёк {until}. Получить направление можно при наличии " +
                "свободных мест в дошкольных организациях.",
                "{registration} өтініші: стоп-парақ мерзімі {until} аяқталды. Мектепке дейінгі ұйымдарда бос орындар болса, жолдама алуға болады.")),
        NotificationKind.RemovedFromQueue => new(
            new("Направлено уведомление: ребёнок снят с очереди", "Хабарлама жіберілді: бала кезектен шығарылды"),
            new("Направление № {number} аннулировано. Срок действия направления просрочен {expiries} раза: заявление {registration} " +
                "автоматически снято с очереди.",
                "№ {number} жолдама жойылды. Жолдаманың мерзімі {expiries} рет өткізіп алынды: {registration} өтініші кезектен автоматты түрде шығарылды.")),
        NotificationKind.StateSeatOffered => new(
            new("Направлено уведомление: предложено место в государственном детском саду", "Хабарлама жіберілді: мемлекеттік балабақшадан орын ұсынылды"),
            new("Принято решение по заявлению {registration}: ребёнку предложено место в государственном детском саду. " +
                "Выберите детский сад («Выбрать гос сад») до {until}; после этого свободные места станут доступны всем детям очереди.",
                "{registration} өтініші бойынша шешім қабылданды: балаға мемлекеттік балабақшадан орын ұсынылды. " +
                "Балабақшаны {until} дейін таңдаңыз; одан кейін бос орындар кезектегі барлық балаларға қолжетімді болады.")),
        NotificationKind.ReferralDeclined => new(
            new("Направлено уведомление: вы отказались от направления № {number}", "Хабарлама жіберілді: сіз № {number} жолдамадан бас тарттыңыз"),
            new("Заявление {registration}: вы отказались от направления № {number} в «{organisation}». Место освобождено. " +
                "Заявление возвращено в очередь на прежнее место и находится в стоп-листе до {until}; в это время получение направления " +
                "заблокировано. Отказ не считается просрочкой направления.",
                "{registration} өтініші: сіз «{organisation}» ұйымына № {number} жолдамадан бас тарттыңыз. Орын босатылды. " +
                "Өтініш кезектегі бұрынғы орнына қайтарылды және {until} дейін стоп-парақта; бұл уақытта жолдама алу бұғатталған. " +
                "Бас тарту жолдаманың мерзімін өткізіп алу болып саналмайды.")),
        NotificationKind.AgedOut => new(
            new("Направлено уведомление: ребёнок снят с очереди по возрасту", "Хабарлама жіберілді: бала жасына байланысты кезектен шығарылды"),
            new("Заявление {registration}: ребёнку исполнилось {maxAge} лет. Очередь в детские сады ведётся для детей до {maxAge} лет, " +
                "поэтому при ежегодном обновлении очереди заявление снято с очереди.",
                "{registration} өтініші: балаға {maxAge} жас толды. Балабақшаларға кезек {maxAge} жасқа дейінгі балаларға жүргізіледі, " +
                "сондықтан кезекті жыл сайынғы жаңарту кезінде өтініш кезектен шығарылды.")),
        NotificationKind.ReleaseSeatOffered => new(
            new("Принято решение (Направлено уведомление): место в «{organisation}»", "Шешім қабылданды (Хабарлама жіберілді): «{organisation}» ұйымында орын"),
            new("Заявление {registration}: по итогам распределения мест ребёнку предложено место в «{organisation}». " +
                "Подпишите предложение ЭЦП и получите направление или откажитесь до {until}; после этого место перейдёт следующему ребёнку.",
                "{registration} өтініші: орындарды бөлу нәтижесінде балаға «{organisation}» ұйымында орын ұсынылды. " +
                "Ұсынысқа ЭЦҚ-мен қол қойып, жолдама алыңыз немесе {until} дейін бас тартыңыз; одан кейін орын келесі балаға өтеді.")),
        _ => ReviewTexts.Of(kind),
    };
}
