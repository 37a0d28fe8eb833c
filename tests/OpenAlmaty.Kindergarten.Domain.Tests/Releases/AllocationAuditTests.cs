using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

/// The audit is what the benchmark and the recompute command trust, so it must catch a bad result.
public class AllocationAuditTests
{
    static readonly AllocationInput Input = new(AllocationRule.QueueOrder, [],
        [new("one", 1), new("two", 1)],
        [new("first", ["one", "two"], 1), new("second", ["one", "two"], 2), new("third", ["one"], 3)]);

    static readonly AllocationResult Good = DeferredAcceptance.Allocate(Input);

    static AllocationResult With(params Placement[] placements) => Good with { Placements = placements };

    [Fact]
    public void Check_TheAllocatedResult_HasNoProblems()
    {
        Assert.Empty(AllocationAudit.Check(Input, Good));
    }

    [Fact]
    public void Check_ALowerPriorityChildInABetterPool_IsABlockingPair()
    {
        var swapped = With(new("first", "two", 2, 1), new("second", "one", 1, 2), new("third", null, null, 3));

        Assert.Contains(AllocationAudit.Check(Input, swapped), p => p.StartsWith("blocking pair: first (1) ranked one 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_APoolOverItsSeatsAndAChildTwice_AreBothFound()
    {
        var doubled = With(new("first", "one", 1, 1), new("second", "one", 1, 2), new("third", null, null, 3), new("third", "one", 1, 3));

        var problems = AllocationAudit.Check(Input, doubled);

        Assert.Contains("third: placed twice", problems);
        Assert.Contains("one: 2 admitted for 1 seats", problems);
    }

    [Fact]
    public void Check_AFreeSeatLeftToAChildWhoWantedIt_IsABlockingPair()
    {
        var idle = With(new("first", "one", 1, 1), new("second", null, null, 2), new("third", null, null, 3));

        Assert.Contains("blocking pair: second ranked two 2, which has a seat left", AllocationAudit.Check(Input, idle));
    }

    [Fact]
    public void FirstDifference_OneChangedWaitingList_IsNamed()
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(Good.WaitingLists) { ["two"] = ["third"] };

        Assert.Null(AllocationAudit.FirstDifference(Good, DeferredAcceptance.Allocate(Input)));
        Assert.StartsWith("waiting list of two:", AllocationAudit.FirstDifference(Good, Good with { WaitingLists = lists }));
    }
}
