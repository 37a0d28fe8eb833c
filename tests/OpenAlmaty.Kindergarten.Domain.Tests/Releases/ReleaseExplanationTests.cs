using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Domain.Tests.Releases;

public class ReleaseExplanationTests
{
    [Fact]
    public void WhyNot_EveryPoolRankedAboveTheOneGot_SaysWhoCameLastAndWhereYouAre()
    {
        SeatPool[] pools = [new("sunny", 1), new("river", 2), new("park", 0)];
        AllocationRequest c = new("c", ["park", "sunny", "river"], 30);
        var result = DeferredAcceptance.Allocate(new(AllocationRule.QueueOrder, [], pools,
            [c, new("a", ["sunny"], 10), new("b", ["river"], 20)]));

        var reasons = ReleaseExplanation.WhyNot(result, c);

        Assert.Equal(["park", "sunny"], reasons.Select(r => r.PoolId));
        Assert.Equal("В этом распределении у организации не было мест.", reasons[0].Text.Ru);
        Assert.Equal("Все места (1) получили дети раньше вас в порядке распределения: последний принятый — №1, вы — №3.", reasons[1].Text.Ru);
        Assert.Equal(3, reasons[1].Text.Args.Length); // seats, last, you: the Kazakh fills the same places
    }
}
