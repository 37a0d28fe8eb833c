namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// Why an application left the queue, as counted for the children behind it.
public enum QueueLeaveReason { Referred, Removed, AgedOut, Other }

/// An application's place at one snapshot: its queue number and priority group.
public readonly record struct QueuePlace(long Id, int Number, PriorityGroup Group);

/// One application's number between two snapshots and what moved it, in counts only (never
/// whose): children ahead who left (referred, removed or withdrawn, aged out), privileged
/// children who came ahead (a new privileged application, or a privilege confirmed), children
/// who returned to the queue ahead with their earlier date, and the rest (the 1:3 alternation of
/// first-priority and general children, a privilege that ended). The parts add up exactly:
/// Number − Previous = PrivilegedAhead + ReturnedAhead − ReferredAhead − RemovedAhead − AgedOutAhead + Other.
/// Number null: the application left the queue; Previous null: its first snapshot.
public sealed record QueueNumberChange(long ApplicationId, int? Number, int? Previous,
    int ReferredAhead, int RemovedAhead, int AgedOutAhead, int PrivilegedAhead, int ReturnedAhead, int Other)
{
    public int? Delta => Number - Previous;
}

/// Compares two snapshots of one birth year's queue. O(n log n) but for children whose own
/// privilege moved them ahead (rare: each is compared with each changed number).
public static class QueueNumberHistory
{
    public static List<QueueNumberChange> Compare(IReadOnlyCollection<QueuePlace> before, IReadOnlyCollection<QueuePlace> now,
        Func<long, QueueLeaveReason> leftBecause)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(leftBecause);
        var was = before.ToDictionary(p => p.Id);
        var isNow = now.ToDictionary(p => p.Id);
        var changes = new List<QueueNumberChange>();

        // Children who left, by reason, as their sorted numbers at the earlier snapshot.
        var left = new List<int>[4];
        for (var r = 0; r < left.Length; r++) left[r] = [];
        foreach (var p in before)
            if (!isNow.ContainsKey(p.Id))
            {
                left[(int)leftBecause(p.Id)].Add(p.Number);
                changes.Add(new QueueNumberChange(p.Id, null, p.Number, 0, 0, 0, 0, 0, 0));
            }
        foreach (var l in left) l.Sort();
        // Children who came into the queue, as their sorted numbers now.
        var joinedPrivileged = new List<int>();
        var returned = new List<int>();
        foreach (var p in now)
            if (!was.ContainsKey(p.Id)) (p.Group == PriorityGroup.General ? returned : joinedPrivileged).Add(p.Number);
        joinedPrivileged.Sort();
        returned.Sort();
        var becamePrivileged = now.Where(p => was.TryGetValue(p.Id, out var w) && p.Group < w.Group).ToList();

        foreach (var p in now)
        {
            if (!was.TryGetValue(p.Id, out var w))
            {
                changes.Add(new QueueNumberChange(p.Id, p.Number, null, 0, 0, 0, 0, 0, 0));
                continue;
            }
            if (w.Number == p.Number) continue;
            var referred = Below(left[(int)QueueLeaveReason.Referred], w.Number);
            var removed = Below(left[(int)QueueLeaveReason.Removed], w.Number);
            var agedOut = Below(left[(int)QueueLeaveReason.AgedOut], w.Number);
            var privileged = Below(joinedPrivileged, p.Number)
                + becamePrivileged.Count(b => b.Id != p.Id && was[b.Id].Number > w.Number && b.Number < p.Number);
            var back = Below(returned, p.Number);
            var other = p.Number - w.Number - (privileged + back - referred - removed - agedOut);
            changes.Add(new QueueNumberChange(p.Id, p.Number, w.Number, referred, removed, agedOut, privileged, back, other));
        }
        return changes;
    }

    /// Why an application that was in the queue at the last snapshot is not in it now: its status
    /// now (null: the row is gone), and whether its child has reached the age limit.
    public static QueueLeaveReason ReasonOf(ApplicationStatus? status, DateOnly? birthDate, DateTimeOffset now) => status switch
    {
        ApplicationStatus.Referred or ApplicationStatus.Enrolled => QueueLeaveReason.Referred,
        ApplicationStatus.Removed when birthDate is { } born && QueueAge.HasAgedOut(born, now) => QueueLeaveReason.AgedOut,
        ApplicationStatus.Removed or null => QueueLeaveReason.Removed,
        // Still queued, in another birth year (a corrected birth date).
        _ => QueueLeaveReason.Other,
    };

    /// How many of the sorted numbers are smaller than <paramref name="number"/>.
    static int Below(List<int> sorted, int number)
    {
        var i = sorted.BinarySearch(number);
        return i < 0 ? ~i : i;
    }
}
