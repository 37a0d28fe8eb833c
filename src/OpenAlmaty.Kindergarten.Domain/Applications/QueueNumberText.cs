using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// The plain sentences under each change of a queue number ("Why did my number change"). Counts
/// only: nothing here names another child.
public static class QueueNumberText
{
    /// One sentence per non-zero part of the change, in the order a parent asks about them.
    public static IReadOnlyList<LocalizedText> Reasons(QueueNumberChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Previous is null) return [First];
        if (change.Number is null) return [Left];
        var reasons = new List<LocalizedText>();
        void Add(int count, LocalizedText text)
        {
            if (count != 0) reasons.Add(text.Format(count));
        }
        Add(change.ReferredAhead, Referred);
        Add(change.RemovedAhead, Removed);
        Add(change.AgedOutAhead, AgedOut);
        Add(change.PrivilegedAhead, Privileged);
        Add(change.ReturnedAhead, Returned);
        if (change.Other != 0) reasons.Add(Other.Format(Signed(change.Other)));
        return reasons;
    }

    /// "+3", "−2" (a true minus sign), "0".
    public static string Signed(int value) => value switch
    {
        > 0 => "+" + value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 0 => "−" + (-value).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "0",
    };

    static readonly LocalizedText First = new("Первый снимок номера в истории.");
    static readonly LocalizedText Left = new("Заявление вышло из очереди.");
    static readonly LocalizedText Referred = new("−{0}: дети, стоявшие впереди вас, получили направление ({0}).");
    static readonly LocalizedText Removed = new("−{0}: дети, стоявшие впереди вас, сняты с очереди или их заявления отозваны ({0}).");
    static readonly LocalizedText AgedOut = new("−{0}: дети, стоявшие впереди вас, выбыли по возрасту ({0}).");
    static readonly LocalizedText Privileged = new("+{0}: впереди вас встали дети с льготой ({0}).");
    static readonly LocalizedText Returned = new("+{0}: впереди вас в очередь вернулись дети с более ранней датой постановки ({0}).");
    static readonly LocalizedText Other = new("{0}: чередование 1:3 первоочередных и общей очереди и другие изменения порядка.");
}
