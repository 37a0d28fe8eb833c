using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class QueueOrderTests
{
    private sealed record Item(long Id, PriorityGroup Group, DateTimeOffset QueuedAt);

    private static readonly DateTimeOffset Start = new(2023, 1, 10, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Arrange_OutOfTurn_ComeFirstEvenWhenQueuedLater()
    {
        var items = new[] { At(1, PriorityGroup.General, 0), At(2, PriorityGroup.FirstPriority, 1), At(3, PriorityGroup.OutOfTurn, 5), At(4, PriorityGroup.OutOfTurn, 2) };

        var ids = Ids(items);

        Assert.Equal([4, 3, 2, 1], ids);
    }

    [Fact]
    public void Arrange_FirstPriorityAndGeneral_InterleaveOneToThree()
    {
        var items = Group(PriorityGroup.FirstPriority, 101, 3).Concat(Group(PriorityGroup.General, 1, 7));

        var ids = Ids(items);

        Assert.Equal([101, 1, 2, 3, 102, 4, 5, 6, 103, 7], ids);
    }

    [Fact]
    public void Arrange_PrivilegedRunOut_GeneralGoOnAlone()
    {
        var items = Group(PriorityGroup.FirstPriority, 101, 1).Concat(Group(PriorityGroup.General, 1, 6));

        var ids = Ids(items);

        Assert.Equal([101, 1, 2, 3, 4, 5, 6], ids);
    }

    [Fact]
    public void Arrange_GeneralRunOut_PrivilegedGoOnAlone()
    {
        var items = Group(PriorityGroup.FirstPriority, 101, 4).Concat(Group(PriorityGroup.General, 1, 2));

        var ids = Ids(items);

        Assert.Equal([101, 1, 2, 102, 103, 104], ids);
    }

    [Fact]
    public void Arrange_OnlyGeneral_KeepsQueueDateOrder()
    {
        var items = new[] { At(1, PriorityGroup.General, 3), At(2, PriorityGroup.General, 1), At(3, PriorityGroup.General, 2) };

        var ids = Ids(items);

        Assert.Equal([2, 3, 1], ids);
    }

    [Fact]
    public void Arrange_SameQueueDateAndTime_OrdersById()
    {
        var items = new[] { At(5, PriorityGroup.General, 0), At(3, PriorityGroup.General, 0), At(4, PriorityGroup.General, 0), At(9, PriorityGroup.OutOfTurn, 0), At(8, PriorityGroup.OutOfTurn, 0) };

        var ids = Ids(items);

        Assert.Equal([8, 9, 3, 4, 5], ids);
    }

    [Fact]
    public void Arrange_AllThreeGroups_OutOfTurnThenInterleaved()
    {
        var items = Group(PriorityGroup.General, 1, 4)
            .Concat(Group(PriorityGroup.OutOfTurn, 201, 2))
            .Concat(Group(PriorityGroup.FirstPriority, 101, 2));

        var ids = Ids(items);

        Assert.Equal([201, 202, 101, 1, 2, 3, 102, 4], ids);
    }

    [Fact]
    public void Arrange_Empty_IsEmpty()
    {
        Assert.Empty(Ids([]));
    }

    [Theory]
    // 2 out-of-turn, 2 first-priority, 4 general: O O P G G G P G
    [InlineData(PriorityGroup.OutOfTurn, 2, 2)]
    [InlineData(PriorityGroup.FirstPriority, 1, 3)]
    [InlineData(PriorityGroup.FirstPriority, 2, 7)]
    [InlineData(PriorityGroup.General, 1, 4)]
    [InlineData(PriorityGroup.General, 3, 6)]
    [InlineData(PriorityGroup.General, 4, 8)]
    public void Position_KnownYear_IsTheQueueNumber(PriorityGroup group, int rank, int expected)
    {
        var position = QueueOrder.Position(group, rank, outOfTurnCount: 2, firstPriorityCount: 2, generalCount: 4);

        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Position_RankBelowOne_Throws(int rank)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueOrder.Position(PriorityGroup.General, rank, 0, 0, 1));
    }

    [Fact]
    public void Position_RandomBirthYears_EqualsIndexInArrange()
    {
        var random = new Random(20260325);
        for (var set = 0; set < 200; set++)
        {
            var items = RandomYear(random);
            var arranged = QueueOrder.Arrange(items, i => i.Group, i => i.QueuedAt, i => i.Id);
            var counts = items.GroupBy(i => i.Group).ToDictionary(g => g.Key, g => g.Count());
            int Count(PriorityGroup g) => counts.GetValueOrDefault(g);
            var queueNumber = arranged.Select((item, index) => (item.Id, Number: index + 1)).ToDictionary(x => x.Id, x => x.Number);

            Assert.Equal(items.Count, arranged.Count);
            foreach (var item in items)
            {
                // The rank the portal counts in the database: same group, earlier (queued at, id).
                var rank = items.Count(o => o.Group == item.Group
                    && (o.QueuedAt < item.QueuedAt || (o.QueuedAt == item.QueuedAt && o.Id <= item.Id)));

                var position = QueueOrder.Position(item.Group, rank,
                    Count(PriorityGroup.OutOfTurn), Count(PriorityGroup.FirstPriority), Count(PriorityGroup.General));

                Assert.True(queueNumber[item.Id] == position,
                    $"set {set}: item {item} is at {queueNumber[item.Id]} in Arrange, Position says {position}");
            }
        }
    }

    private static List<Item> RandomYear(Random random)
    {
        var sizes = new[] { random.Next(0, 6), random.Next(0, 25), random.Next(0, 60) };
        var ids = Enumerable.Range(1, sizes.Sum()).Select(i => (long)i).OrderBy(_ => random.Next()).ToList();
        var items = new List<Item>();
        for (var g = 0; g < sizes.Length; g++)
        {
            for (var i = 0; i < sizes[g]; i++)
            {
                // Few distinct minutes, so equal queue times (and the id tie-break) are common.
                items.Add(At(ids[items.Count], (PriorityGroup)g, random.Next(0, 30)));
            }
        }
        return items;
    }

    private static Item At(long id, PriorityGroup group, int minutes) => new(id, group, Start.AddMinutes(minutes));

    private static IEnumerable<Item> Group(PriorityGroup group, long firstId, int count) =>
        Enumerable.Range(0, count).Select(i => At(firstId + i, group, i * 10));

    private static long[] Ids(IEnumerable<Item> items) =>
        QueueOrder.Arrange(items.Reverse(), i => i.Group, i => i.QueuedAt, i => i.Id).Select(i => i.Id).ToArray();
}
