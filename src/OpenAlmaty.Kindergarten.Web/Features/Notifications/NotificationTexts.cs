using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

/// The words of every notification, in Russian and Kazakh. Placeholders are filled in SQL by the
/// outbox writer (the jobs write thousands at once): {registration}, {number}, {organisation},
/// {until} (dd.MM.yyyy HH:mm, Almaty time).
public static class NotificationTexts
{
    public sealed record Template(LocalizedText Subject, LocalizedText Body)
    {
        /// Both languages in one message: the parent reads the one they prefer.
        public string SubjectText => $"{Subject.Ru} / {Subject.Kk}";
        public string BodyText => $"{Body.Ru}\n\n{Body.Kk}";
    }

    public static Template Of(NotificationKind kind) => kind switch
    {
        NotificationKind.ReferralIssued => new(
            new("Направлено уведомление: выдано направление № {number}", "Хабарлама жіберілді: № {number} жолдама берілді"),
            new("Заявление {registration}: выдано направление № {number} в «{organisation}». Направление действительно до {until}. " +
                "Если в течение 5 рабочих дней ребёнок не прибудет в детский сад, направление будет автоматически аннулировано " +
                "и ребёнок будет направлен в стоп-лист на срок 10 (десять) рабочих дней.",
                "{registration} өтініші: «{organisation}» ұйымына № {number} жолдама берілді. Жолдама {until} дейін жарамды. " +
                "Бала 5 жұмыс күні ішінде балабақшаға келмесе, жолдама автоматты түрде жойылады және бала 10 (он) жұмыс күніне стоп-параққа енгізіледі.")),
        NotificationKind.ReferralReminder => new(
            new("Направлено уведомление: срок направления № {number} истекает", "Хабарлама жіберілді: № {number} жолдаманың мерзімі аяқталады"),
            new("Напоминание: направление № {number} в «{organisation}» действительно до {until}. Остался один рабочий день, " +
                "чтобы ребёнок прибыл в детский сад; иначе направление будет аннулировано.",
                "Еске салу: «{organisation}» ұйымына № {number} жолдама {until} дейін жарамды. Баланың балабақшаға келуіне бір жұмыс күні қалды; " +
                "әйтпесе жолдама жойылады.")),
        NotificationKind.ReferralAnnulled => new(
            new("Направлено уведомление: направление № {number} аннулировано", "Хабарлама жіберілді: № {number} жолдама жойылды"),
            new("Направление № {number} аннулировано: ребёнок не прибыл в детский сад в течение 5 рабочих дней. " +
                "Заявление {registration} возвращено в очередь на прежнее место и находится в стоп-листе до {until}; " +
                "в это время получение направления заблокировано.",
                "№ {number} жолдама жойылды: бала 5 жұмыс күні ішінде балабақшаға келмеді. {registration} өтініші кезектегі бұрынғы орнына " +
                "қайтарылды және {until} дейін стоп-парақта; бұл уақытта жолдама алу бұғатталған.")),
        NotificationKind.StopListOver => new(
            new("Направлено уведомление: стоп-лист завершён", "Хабарлама жіберілді: стоп-парақ аяқталды"),
            new("Заявление {registration}: срок нахождения в стоп-листе истёк {until}. Получить направление можно при наличии " +
                "свободных мест в дошкольных организациях.",
                "{registration} өтініші: стоп-парақ мерзімі {until} аяқталды. Мектепке дейінгі ұйымдарда бос орындар болса, жолдама алуға болады.")),
        NotificationKind.RemovedFromQueue => new(
            new("Направлено уведомление: ребёнок снят с очереди", "Хабарлама жіберілді: бала кезектен шығарылды"),
            new("Направление № {number} аннулировано. Срок действия направления просрочен 2 раза: заявление {registration} " +
                "автоматически снято с очереди.",
                "№ {number} жолдама жойылды. Жолдаманың мерзімі 2 рет өткізіп алынды: {registration} өтініші кезектен автоматты түрде шығарылды.")),
        NotificationKind.StateSeatOffered => new(
            new("Направлено уведомление: предложено место в государственном детском саду", "Хабарлама жіберілді: мемлекеттік балабақшадан орын ұсынылды"),
            new("Принято решение по заявлению {registration}: ребёнку предложено место в государственном детском саду. " +
                "Выберите детский сад («Выбрать гос сад») до {until}; после этого свободные места станут доступны всем детям очереди.",
                "{registration} өтініші бойынша шешім қабылданды: балаға мемлекеттік балабақшадан орын ұсынылды. " +
                "Балабақшаны {until} дейін таңдаңыз; одан кейін бос орындар кезектегі барлық балаларға қолжетімді болады.")),
        _ => ReviewTexts.Of(kind),
    };
}
