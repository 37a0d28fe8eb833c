using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class SeatAvailabilityTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    /// The end of the 3rd working day after Monday 2 March 2026: Thursday 5 March, 23:59:59 in Almaty.
    private static readonly DateTimeOffset PriorityUntil = new(2026, 3, 5, 18, 59, 59, TimeSpan.Zero);

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsOpenTo_InsidePriorityWindow_OnlyTheOfferedChildren(bool offered, bool expected)
    {
        var seats = StateSeats(2, PriorityUntil);

        Assert.Equal(expected, seats.IsOpenTo(offered, Published.AddDays(1)));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsOpenTo_LastSecondOfPriorityWindow_StillOnlyTheOffered(bool offered, bool expected)
    {
        var seats = StateSeats(2, PriorityUntil);

        Assert.Equal(expected, seats.IsOpenTo(offered, PriorityUntil));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsOpenTo_AfterPriorityWindow_EveryQueuedChild(bool offered)
    {
        var seats = StateSeats(2, PriorityUntil);

        Assert.True(seats.IsOpenTo(offered, PriorityUntil.AddSeconds(1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IsOpenTo_NoPriorityWindow_EveryQueuedChild(bool offered)
    {
        var seats = StateSeats(1, null);

        Assert.True(seats.IsOpenTo(offered, Published));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, 10)]
    [InlineData(false, 10)]
    public void IsOpenTo_ZeroSeats_Nobody(bool offered, int daysAfter)
    {
        var seats = StateSeats(0, PriorityUntil);

        Assert.False(seats.IsOpenTo(offered, Published.AddDays(daysAfter)));
    }

    [Fact]
    public void Publish_NegativeCount_IsRefusedAndChangesNothing()
    {
        var seats = StateSeats(3, PriorityUntil);

        var e = Assert.Throws<DomainException>(() => seats.Publish(-1, null, Published.AddHours(1), "Другой"));

        Assert.Equal("seats.negative", e.Code);
        Assert.Equal(3, seats.FreeSeats);
        Assert.Equal(PriorityUntil, seats.PriorityUntil);
        Assert.Equal(Published, seats.UpdatedAt);
        Assert.Equal("Сотрудник", seats.UpdatedBy);
    }

    [Fact]
    public void New_NegativeCount_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => new SeatAvailability(1, 2022, -5, Published, "Сотрудник"));

        Assert.Equal("seats.negative", e.Code);
    }

    [Fact]
    public void Publish_NewCount_ReplacesCountWindowAndAuthor()
    {
        var seats = StateSeats(3, PriorityUntil);
        var later = Published.AddDays(7);

        seats.Publish(0, null, later, "Другой");

        Assert.Equal(0, seats.FreeSeats);
        Assert.Null(seats.PriorityUntil);
        Assert.Equal(later, seats.UpdatedAt);
        Assert.Equal("Другой", seats.UpdatedBy);
    }

    private static SeatAvailability StateSeats(int count, DateTimeOffset? priorityUntil)
    {
        var seats = new SeatAvailability(organisationId: 7, birthYear: 2022, freeSeats: count, Published, "Сотрудник");
        seats.Publish(count, priorityUntil, Published, "Сотрудник");
        return seats;
    }
}
