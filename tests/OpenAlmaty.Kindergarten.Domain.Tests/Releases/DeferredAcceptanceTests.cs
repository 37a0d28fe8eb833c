using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

public class DeferredAcceptanceTests
{
    static readonly SeatPool[] Pools = [new("sunny", 1), new("river", 2), new("park", 0)];

    static AllocationInput Queue(params AllocationRequest[] requests) => new(AllocationRule.QueueOrder, [], Pools, requests);

    [Fact]
    public void Allocate_QueueOrder_GivesEachChildTheirBestPoolLeftInQueueOrder()
    {
        var result = DeferredAcceptance.Allocate(Queue(
            new("c", ["sunny", "river"], 30),
            new("a", ["sunny", "river"], 10),
            new("b", ["park", "river", "sunny"], 20),
            new("d", ["river", "sunny"], 40)));

        Assert.Equal(
        [
            new Placement("a", "sunny", 1, 1),
            new Placement("b", "river", 2, 2),
            new Placement("c", "river", 2, 3),
            new Placement("d", null, null, 4),
        ], result.Placements);
        Assert.Equal(
        [
            new PoolOutcome("sunny", 1, 1, 1),
            new PoolOutcome("river", 2, 2, 3),
            new PoolOutcome("park", 0, 0, null),
        ], result.Pools);
        Assert.Equal(["c", "d"], result.WaitingLists["sunny"]);
        Assert.Equal(["d"], result.WaitingLists["river"]);
        Assert.Equal(["b"], result.WaitingLists["park"]);
        Assert.Equal(["park", "river", "sunny"], result.WaitingLists.Keys);
    }

    [Fact]
    public void Allocate_LaterProposerWithHigherPriority_DisplacesTheTentativeAdmit()
    {
        // "late" is first in the queue but proposes last (input order); the pool must drop "early".
        var result = DeferredAcceptance.Allocate(new(AllocationRule.QueueOrder, [], [new("one", 1), new("two", 1)],
            [new("early", ["one", "two"], 2), new("late", ["one"], 1)]));

        Assert.Equal([new Placement("late", "one", 1, 1), new Placement("early", "two", 2, 2)], result.Placements);
    }

    [Fact]
    public void Allocate_Lottery_OrdersByTheDocumentedLotteryNumber()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var requests = Enumerable.Range(0, 30).Select(i => new AllocationRequest($"R-{i:000}", ["sunny"], 0)).ToArray();

        var result = DeferredAcceptance.Allocate(new(AllocationRule.Lottery, seed, Pools, requests));

        var expected = requests.Select(r => r.Pseudonym).OrderBy(p => ReleaseLottery.Number(seed, p)).ToArray();
        Assert.Equal(expected, result.Placements.Select(p => p.Pseudonym));
        Assert.Equal(expected[0], result.Placements.Single(p => p.PoolId == "sunny").Pseudonym);
    }

    [Fact]
    public void Allocate_SixRankedPools_IsRefusedWithABilingualMessage()
    {
        var pools = Enumerable.Range(0, 6).Select(i => new SeatPool($"p{i}", 1)).ToArray();
        var input = new AllocationInput(AllocationRule.QueueOrder, [], pools, [new("a", [.. pools.Select(p => p.PoolId)], 1)]);

        var error = Assert.Throws<DomainException>(() => DeferredAcceptance.Allocate(input));

        Assert.Equal("allocation.invalid", error.Code);
        Assert.Contains("пяти", error.Text.Ru);
    }

    [Fact]
    public void Validate_BadShapes_NameEachProblem()
    {
        var input = new AllocationInput(AllocationRule.QueueOrder, [],
            [new("a", 1), new("a", 2), new("b", -1)],
            [new("x", ["a", "a"], 1), new("x", ["zzz"], 1), new("y", [], 0)]);

        var codes = AllocationValidator.Validate(input).Select(p => p.Code).ToArray();

        Assert.Equal(["pool.duplicate", "seats.negative", "ranking.duplicate", "request.duplicate", "request.queue-rank", "ranking.unknown", "request.queue-rank", "ranking.count"], codes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ә-1")]
    [InlineData("a b")]
    [InlineData("R-00000000000000000000000000000000000000000000000000000000000000001")]
    public void Validate_APseudonymThatIsNotPlainAscii_IsRefused(string pseudonym)
    {
        Assert.Equal(["request.pseudonym"], AllocationValidator.Validate(Queue(new AllocationRequest(pseudonym, ["sunny"], 1))).Select(p => p.Code));
    }

    [Fact]
    public void Validate_LotteryWithAShortSeed_IsRefused()
    {
        var input = new AllocationInput(AllocationRule.Lottery, new byte[8], Pools, [new("a", ["sunny"], 0)]);

        Assert.Equal(["seed.short"], AllocationValidator.Validate(input).Select(p => p.Code));
    }

    [Fact]
    public void Validate_AGoodInput_HasNoProblems()
    {
        Assert.Empty(AllocationValidator.Validate(Queue(new AllocationRequest("a", ["sunny", "river", "park"], 5))));
    }
}
