using OpenAlmaty.Kindergarten.Domain.Common;
using static OpenAlmaty.Kindergarten.Domain.Rules.PortalRules;

namespace OpenAlmaty.Kindergarten.Domain.Rules;

/// The words of the rules, in Russian and Kazakh, once: the picker's warnings, the application
/// page, the referral PDF, the notifications and the history all say the same thing. The numbers
/// come from <see cref="PortalRules"/>; the Russian keeps the instruction's wording.
public static class RuleTexts
{
    public static readonly LocalizedText PrivateChoiceLeavesQueue = new(
        "Внимание! При выборе частного детского сада по государственному образовательному заказу Вы снимаетесь с очереди.",
        "Назар аударыңыз! Мемлекеттік білім беру тапсырысы бойынша жеке балабақшаны таңдаған кезде Сіз кезектен шығасыз.");

    public static readonly LocalizedText CheckLanguageAndPlace = new(
        "Просим обратить внимание на язык обучения и местонахождение выбранной дошкольной организации",
        "Таңдалған мектепке дейінгі ұйымның оқыту тіліне және орналасқан жеріне назар аударыңыз");

    /// The 5-day deadline and the 10-day stop-list, as the instruction says it.
    public static readonly LocalizedText ReferralDeadline = new(
        $"Просим обратить внимание, если заявитель в течении {ReferralValidWorkingDays}-ти рабочих дней после получения направления " +
        $"не прибудет в детский сад, направление будет автоматически аннулировано и ребенок будет направлен в стоп-лист " +
        $"на срок {StopListWorkingDays} ({NumberWords.Ru(StopListWorkingDays)}) рабочих дней.",
        $"Назар аударыңыз: егер өтініш беруші жолдаманы алғаннан кейін {ReferralValidWorkingDays} ({NumberWords.Kk(ReferralValidWorkingDays)}) " +
        $"жұмыс күні ішінде балабақшаға келмесе, жолдама автоматты түрде жойылады және бала {StopListWorkingDays} " +
        $"({NumberWords.Kk(StopListWorkingDays)}) жұмыс күні мерзімге стоп-параққа енгізіледі.");

    public static readonly LocalizedText StopListBlocks = new(
        "На время нахождения заявления в стоп-листе возможность получения направления будет заблокирована.",
        "Өтініш стоп-парақта тұрған уақытта жолдама алу мүмкіндігі бұғатталады.");

    public static readonly LocalizedText ExpiriesRemove = new(
        $"Если заявитель просрочит срок действия выданного направления {ExpiriesBeforeRemoval} раза, то ребенок будет автоматически снят с очереди",
        $"Егер өтініш беруші берілген жолдаманың жарамдылық мерзімін {ExpiriesBeforeRemoval} рет өткізіп алса, бала кезектен автоматты түрде шығарылады.");

    public static readonly LocalizedText PrivateMinimumAge = new(
        $"Возраст ребенка — {PrivateMinimumAgeYears} года и старше", $"Баланың жасы — {PrivateMinimumAgeYears} жас және одан үлкен");

    public static readonly LocalizedText StateSeatWindow = new(
        $"Места в государственном детском саду сначала предлагаются первым детям очереди этого года рождения на {StateSeatWindowWorkingDays} рабочих дня, затем открываются всем. " +
        "Место, которое вернулось (направление аннулировано или отменено), так же предлагается следующим детям очереди.",
        $"Мемлекеттік балабақшадағы орындар алдымен осы туған жылдағы кезектің алғашқы балаларына {StateSeatWindowWorkingDays} жұмыс күніне ұсынылады, содан кейін барлығына ашылады. " +
        "Қайтарылған орын (жолдама жойылған не күші жойылған) да кезектегі келесі балаларға осылай ұсынылады.");

    /// What happens to a private kindergarten's published seats: no priority window, the queue's
    /// children old enough for a private kindergarten see them at once and the first signed choice
    /// takes the seat (the picker's rule, PortalRules.PrivateMinimumAgeYears).
    public static readonly LocalizedText PrivateSeats = new(
        "Места в частном детском саду по государственному образовательному заказу сразу видны в «Выбрать частный сад» всем родителям, чей ребёнок стоит в очереди и достиг нужного возраста: направление получает тот, кто первым выберет сад и подпишет заявку. Выбрав частный сад, ребёнок снимается с очереди.",
        "Мемлекеттік білім беру тапсырысы бойынша жеке балабақшадағы орындар «Жеке балабақшаны таңдау» бөлімінде баласы кезекте тұрған және қажетті жасқа толған барлық ата-аналарға бірден көрінеді: жолдаманы балабақшаны бірінші таңдап, өтінімге қол қойған алады. Жеке балабақшаны таңдаған бала кезектен шығады.",
        "Seats in a private kindergarten under the state educational order are shown at once under «Choose a private kindergarten» to every parent whose child is in the queue and old enough: the referral goes to whoever first chooses the kindergarten and signs. A child who takes a private kindergarten leaves the queue.");

    /// The history's words (the history is kept in Russian, as the city's registers are).
    public static class History
    {
        public static readonly string NotUsedInTime = $"Направление не использовано в течение {ReferralValidWorkingDays} рабочих дней";
        public const string StopListReason = "Направление не использовано в срок";

        public static string Annulled(string number) =>
            $"Направление № {number} аннулировано: ребёнок не прибыл в течение {ReferralValidWorkingDays} рабочих дней";

        public static readonly string RemovedAfterExpiries =
            $"Срок действия направления просрочен {ExpiriesBeforeRemoval} раза: ребёнок автоматически снят с очереди";

        public static string BackInQueue(DateTimeOffset stopListUntil) =>
            $"Возвращено в очередь на прежнее место; в стоп-листе до {AlmatyTime.Format(stopListUntil)}";

        public const string OfferEnded = "Срок приоритетного выбора истёк";

        /// A calendar change (issue 11, point 5): the days that became non-working, and the new end.
        public static string ReferralExtended(string number, IEnumerable<DateOnly> days, DateTimeOffset until) =>
            $"{NonWorking(days)}: направление № {number} действительно до {AlmatyTime.Format(until)}";

        public static string StopListExtended(IEnumerable<DateOnly> days, DateTimeOffset until) =>
            $"{NonWorking(days)}: стоп-лист продлён до {AlmatyTime.Format(until)}";

        public static string OfferExtended(IEnumerable<DateOnly> days, DateTimeOffset until) =>
            $"{NonWorking(days)}: срок приоритетного выбора государственного детского сада продлён до {AlmatyTime.Format(until)}";

        private static string NonWorking(IEnumerable<DateOnly> days) =>
            "Нерабочий день в производственном календаре (" + string.Join(", ", days.Select(d => d.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture))) + ")";
    }
}

/// The numbers the rules' texts spell out in words ("10 (десять)").
public static class NumberWords
{
    private static readonly string[] RuWords = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];
    private static readonly string[] KkWords = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"];

    public static string Ru(int n) => n >= 0 && n < RuWords.Length ? RuWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Kk(int n) => n >= 0 && n < KkWords.Length ? KkWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
