using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

/// "Why did my queue number change": the comparison of two snapshots of a birth year explains
/// each change in counts that add up to it, and counts what their definitions say.
public class QueueNumberHistoryTests
{
    private sealed record Child(long Id, PriorityGroup Group, DateTimeOffset QueuedAt);

    private static readonly DateTimeOffset Day = new(2026, 1, 10, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compare_ReferredAndAgedOutAheadAndOutOfTurnJoined_CountsEachAndNothingElse()
    {
        Child g1 = new(1, PriorityGroup.General, Day), g2 = new(2, PriorityGroup.General, Day.AddDays(1)),
              mine = new(3, PriorityGroup.General, Day.AddDays(2)), behind = new(4, PriorityGroup.General, Day.AddDays(3)),
              outOfTurn = new(5, PriorityGroup.OutOfTurn, Day.AddDays(30));
        var before = Places([g1, g2, mine, behind]);
        var now = Places([mine, behind, outOfTurn]);

        var changes = QueueNumberHistory.Compare(before, now, id => id == 1 ? QueueLeaveReason.Referred : QueueLeaveReason.AgedOut);

        var change = changes.Single(c => c.ApplicationId == 3);
        Assert.Equal((2, 3, -1), (change.Number!.Value, change.Previous!.Value, change.Delta!.Value));
        Assert.Equal((1, 0, 1, 1, 0, 0), (change.ReferredAhead, change.RemovedAhead, change.AgedOutAhead, change.PrivilegedAhead, change.ReturnedAhead, change.Other));
        Assert.Equal(["−1: дети, стоявшие впереди вас, получили направление (1).", "−1: дети, стоявшие впереди вас, выбыли по возрасту (1).",
            "+1: впереди вас встали дети с льготой (1)."], QueueNumberText.Reasons(change).Select(t => t.Ru));
        // The English lives in the Web's resources (a key and its values here; the coverage test checks the entry).
        Assert.Equal(new object?[] { 1 }, QueueNumberText.Reasons(change)[2].Args);
        // The two who left get a row without a number, the newcomer its first, and the child
        // behind moved up too (4 → 3).
        Assert.Null(changes.Single(c => c.ApplicationId == 1).Number);
        Assert.Null(changes.Single(c => c.ApplicationId == 5).Previous);
        Assert.Equal(-1, changes.Single(c => c.ApplicationId == 4).Delta);
    }

    [Fact]
    public void Compare_NumberUnchanged_WritesNoRow()
    {
        Child ahead = new(1, PriorityGroup.General, Day), mine = new(2, PriorityGroup.General, Day.AddDays(1)),
              privileged = new(3, PriorityGroup.FirstPriority, Day.AddDays(9));
        var changes = QueueNumberHistory.Compare(Places([ahead, mine]), Places([mine, privileged]), _ => QueueLeaveReason.Referred);

        Assert.DoesNotContain(changes, c => c.ApplicationId == 2);
    }

    /// Random years, random days: children leave for each reason, privileged and general
    /// children come in, some get a privilege. Every change's counts equal their definitions,
    /// counted child by child, and add up to the change.
    [Fact]
    public void Compare_RandomDays_CountsMatchTheirDefinitionsAndAddUpToTheChange()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 300; round++)
        {
            var children = Enumerable.Range(1, random.Next(5, 60))
                .Select(i => new Child(i, (PriorityGroup)random.Next(3), Day.AddHours(random.Next(2000)))).ToList();
            var reasons = new Dictionary<long, QueueLeaveReason>();
            var next = new List<Child>();
            foreach (var c in children)
            {
                var roll = random.NextDouble();
                if (roll < 0.15) reasons[c.Id] = (QueueLeaveReason)random.Next(3);
                else next.Add(roll < 0.2 && c.Group != PriorityGroup.OutOfTurn ? c with { Group = c.Group - 1 } : c);
            }
            for (var i = 0; i < random.Next(0, 6); i++)
                next.Add(new Child(1000 + i, (PriorityGroup)random.Next(3), Day.AddHours(random.Next(2000))));
            var before = Places(children).ToDictionary(p => p.Id);
            var now = Places(next).ToDictionary(p => p.Id);

            var changes = QueueNumberHistory.Compare(before.Values, now.Values, id => reasons[id]);

            foreach (var id in before.Keys.Union(now.Keys))
            {
                var change = changes.SingleOrDefault(c => c.ApplicationId == id);
                if (!now.ContainsKey(id) || !before.ContainsKey(id)) { Assert.NotNull(change); continue; }
                var (was, isNow) = (before[id], now[id]);
                if (was.Number == isNow.Number) { Assert.Null(change); continue; }
                Assert.NotNull(change);
                int LeftAhead(QueueLeaveReason r) => before.Values.Count(b => !now.ContainsKey(b.Id) && reasons[b.Id] == r && b.Number < was.Number);
                var privileged = now.Values.Count(b => b.Number < isNow.Number && (!before.TryGetValue(b.Id, out var w)
                    ? b.Group != PriorityGroup.General : b.Group < w.Group && w.Number > was.Number));
                var returned = now.Values.Count(b => b.Number < isNow.Number && !before.ContainsKey(b.Id) && b.Group == PriorityGroup.General);
                Assert.Equal((LeftAhead(QueueLeaveReason.Referred), LeftAhead(QueueLeaveReason.Removed), LeftAhead(QueueLeaveReason.AgedOut), privileged, returned),
                    (change.ReferredAhead, change.RemovedAhead, change.AgedOutAhead, change.PrivilegedAhead, change.ReturnedAhead));
                Assert.Equal(change.Delta, change.PrivilegedAhead + change.ReturnedAhead - change.ReferredAhead - change.RemovedAhead - change.AgedOutAhead + change.Other);
            }
        }
    }

    private static List<QueuePlace> Places(IEnumerable<Child> children) =>
        [.. QueueOrder.Arrange(children, c => c.Group, c => c.QueuedAt, c => c.Id).Select((c, i) => new QueuePlace(c.Id, i + 1, c.Group))];
}
