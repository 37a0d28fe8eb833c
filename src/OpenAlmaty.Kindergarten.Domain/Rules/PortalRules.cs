using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Rules;

/// The numbers of the city's instruction, each written once. Code, SQL (as parameters), the
/// picker, the application page, the referral PDF and the notifications all read them from here;
/// their words are in <see cref="RuleTexts"/>.
public static class PortalRules
{
    /// "в течении 5-ти рабочих дней после получения направления": a referral is valid to the end
    /// of the 5th working day after the day of issue (that day does not count).
    public const int ReferralValidWorkingDays = 5;

    /// "…направлен в стоп-лист на срок 10 (десять) рабочих дней", counted from the referral's last valid day.
    public const int StopListWorkingDays = 10;

    /// "Если заявитель просрочит срок действия выданного направления 2 раза…": removed from the queue.
    public const int ExpiriesBeforeRemoval = 2;

    /// A published state seat is offered first to the children next in the queue, for this many working days.
    public const int StateSeatWindowWorkingDays = 3;

    /// "возраст ребенка — 3 года и старше" for a private kindergarten by state order.
    public const int PrivateMinimumAgeYears = 3;

    /// The service is for children up to 6: a child who has reached 6 full years gets no referral.
    public const int MaximumAgeYears = 6;

    /// A reminder goes out when the deadline is this many working days away.
    public const int ReminderWorkingDaysBefore = 1;

    public static DateTimeOffset ReferralValidUntil(WorkingCalendar calendar, DateTimeOffset issuedAt) =>
        calendar.EndOfNthWorkingDayAfter(issuedAt, ReferralValidWorkingDays);

    /// Counted from the referral's last valid day, never from when the expiry was noticed: the
    /// same referral gives the same stop-list whenever the job runs.
    public static DateTimeOffset StopListUntil(WorkingCalendar calendar, DateTimeOffset referralValidUntil) =>
        AlmatyTime.EndOfDay(calendar.NthWorkingDayAfter(AlmatyTime.Today(referralValidUntil), StopListWorkingDays));

    public static DateTimeOffset StateSeatWindowEnd(WorkingCalendar calendar, DateTimeOffset now) =>
        calendar.EndOfNthWorkingDayAfter(now, StateSeatWindowWorkingDays);

    /// A running term of <paramref name="workingDays"/> working days that ends at <paramref name="end"/>,
    /// counted again from where it began after the calendar changed: a day inside it that became
    /// non-working moves the end on. Never earlier: a day that became working leaves it as it is.
    public static DateTimeOffset Recounted(WorkingCalendar before, WorkingCalendar after, DateTimeOffset end, int workingDays)
    {
        var lastDay = AlmatyTime.Today(end);
        var recounted = after.NthWorkingDayAfter(before.StartOfCount(lastDay, workingDays), workingDays);
        return recounted > lastDay ? AlmatyTime.EndOfDay(recounted) : end;
    }

    public static bool IsRemovedAfter(int expiredReferrals) => expiredReferrals >= ExpiriesBeforeRemoval;
}
