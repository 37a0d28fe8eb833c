using OpenAlmaty.Kindergarten.Domain.Common;
using static OpenAlmaty.Kindergarten.Domain.Rules.PortalRules;

namespace OpenAlmaty.Kindergarten.Domain.Rules;

/// The words of the rules, in Russian and Kazakh, once: the picker's warnings, the application
/// page, the referral PDF, the notifications and the history all say the same thing. The numbers
/// come from <see cref="PortalRules"/>; the Russian keeps the instruction's wording.
public static class RuleTexts
{
    public static readonly LocalizedText PrivateChoiceLeavesQueue = new(
        "Внимание! При выборе частного детского сада по государственному образовательному заказу Вы снимаетесь с очереди.");

    public static readonly LocalizedText CheckLanguageAndPlace = new(
        "Просим обратить внимание на язык обучения и местонахождение выбранной дошкольной организации");

    /// The 5-day deadline and the 10-day stop-list, as the instruction says it.
    public static readonly LocalizedText ReferralDeadline = new(
        "Просим обратить внимание, если заявитель в течении {0}-ти рабочих дней после получения направления " +
        "не прибудет в детский сад, направление будет автоматически аннулировано и ребенок будет направлен в стоп-лист " +
        "на срок {2} ({3}) рабочих дней.",
        ReferralValidWorkingDays, new NumberWord(ReferralValidWorkingDays), StopListWorkingDays, new NumberWord(StopListWorkingDays));

    public static readonly LocalizedText StopListBlocks = new(
        "На время нахождения заявления в стоп-листе возможность получения направления будет заблокирована.");

    public static readonly LocalizedText ExpiriesRemove = new(
        "Если заявитель просрочит срок действия выданного направления {0} раза, то ребенок будет автоматически снят с очереди", ExpiriesBeforeRemoval);

    public static readonly LocalizedText PrivateMinimumAge = new(
        "Возраст ребенка — {0} года и старше", PrivateMinimumAgeYears);

    public static readonly LocalizedText StateSeatWindow = new(
        "Места в государственном детском саду сначала предлагаются первым детям очереди этого года рождения на {0} рабочих дня, затем открываются всем. " +
        "Место, которое вернулось (направление аннулировано или отменено), так же предлагается следующим детям очереди.", StateSeatWindowWorkingDays);

    /// What happens to a private kindergarten's published seats: no priority window, the queue's
    /// children old enough for a private kindergarten see them at once and the first signed choice
    /// takes the seat (the picker's rule, PortalRules.PrivateMinimumAgeYears).
    public static readonly LocalizedText PrivateSeats = new(
        "Места в частном детском саду по государственному образовательному заказу сразу видны в «Выбрать частный сад» всем родителям, чей ребёнок стоит в очереди и достиг нужного возраста: направление получает тот, кто первым выберет сад и подпишет заявку. Выбрав частный сад, ребёнок снимается с очереди.");

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

/// A number the rules' texts spell out ("10 (десять)"), in the reader's language: string.Format
/// hands it the culture the text is rendered in.
public sealed record NumberWord(int Number) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        (formatProvider as System.Globalization.CultureInfo)?.TwoLetterISOLanguageName switch
        {
            "kk" => NumberWords.Kk(Number),
            "en" => NumberWords.En(Number),
            _ => NumberWords.Ru(Number),
        };

    public override string ToString() => NumberWords.Ru(Number);
}

/// The numbers the rules' texts spell out in words ("10 (десять)").
public static class NumberWords
{
    private static readonly string[] RuWords = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];
    private static readonly string[] KkWords = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"];

    private static readonly string[] EnWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public static string En(int n) => n >= 0 && n < EnWords.Length ? EnWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Ru(int n) => n >= 0 && n < RuWords.Length ? RuWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Kk(int n) => n >= 0 && n < KkWords.Length ? KkWords[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
