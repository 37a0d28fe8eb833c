using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class KindergartenEligibilityTests
{
    /// Wednesday 25 November 2026, 15:00 in Almaty.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ThreeAndAHalf = new(2023, 5, 20);

    [Theory]
    [InlineData(ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Notified)]
    public void UnmetConditions_AllHold_IsEmpty(ApplicationStatus status)
    {
        var unmet = KindergartenEligibility.Private(status, ThreeAndAHalf, null, true, Now);

        Assert.Empty(unmet);
    }

    [Fact]
    public void UnmetConditions_Referred_SaysTheReferralIsIssued()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Referred, ThreeAndAHalf, null, true, Now);

        Assert.Equal("Направление уже выдано.", Assert.Single(unmet).Ru);
    }

    [Theory]
    [InlineData(ApplicationStatus.Enrolled, "Зачислен")]
    [InlineData(ApplicationStatus.Removed, "Снят с очереди")]
    public void UnmetConditions_NotInQueue_SaysSoWithTheStatus(ApplicationStatus status, string statusRu)
    {
        var unmet = KindergartenEligibility.Private(status, ThreeAndAHalf, null, true, Now);

        var only = Assert.Single(unmet);
        Assert.Contains("не стоит в очереди", only.Ru);
        Assert.Contains(statusRu, only.Ru);
    }

    [Fact]
    public void UnmetConditions_UnderThree_SaysFromWhichDate()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, new DateOnly(2024, 5, 10), null, true, Now);

        var only = Assert.Single(unmet);
        Assert.Contains("нет 3 лет", only.Ru);
        Assert.Contains("10.05.2027", only.Ru);
        Assert.Contains("10.05.2027", only.Args);
    }

    [Fact]
    public void UnmetConditions_StopListed_SaysUntilWhenInAlmatyTime()
    {
        var until = new DateTimeOffset(2026, 12, 8, 18, 59, 59, TimeSpan.Zero);

        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, ThreeAndAHalf, until, true, Now);

        var only = Assert.Single(unmet);
        Assert.Contains("стоп-листе до 08.12.2026 23:59", only.Ru);
    }

    [Fact]
    public void UnmetConditions_StopListEnded_IsNotAmongThem()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, ThreeAndAHalf, Now.AddSeconds(-1), true, Now);

        Assert.Empty(unmet);
    }

    [Fact]
    public void UnmetConditions_StopListEndsThisVerySecond_StillBlocks()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, ThreeAndAHalf, Now, true, Now);

        Assert.Single(unmet);
    }

    [Fact]
    public void UnmetConditions_NoFreeSeats_SaysNoSeatsForTheAgeGroup()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, ThreeAndAHalf, null, false, Now);

        var only = Assert.Single(unmet);
        Assert.Contains("нет свободных мест", only.Ru);
    }

    [Fact]
    public void UnmetConditions_NoneHold_ListsAllFourInBothLanguages()
    {
        var unmet = KindergartenEligibility.Private(ApplicationStatus.Removed, new DateOnly(2025, 1, 1),
            Now.AddDays(3), false, Now);

        Assert.Equal(4, unmet.Count);
        Assert.All(unmet, m => Assert.False(string.IsNullOrWhiteSpace(m.Ru)));
        Assert.Equal(4, unmet.Select(m => m.Key).Distinct().Count());
    }

    [Fact]
    public void UnmetConditions_TurnsThreeTodayInAlmatyButNotInUtc_IsOldEnough()
    {
        // 19:30 UTC on 24 November is 00:30 on 25 November in Almaty (UTC+5): the birthday.
        var now = new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 11, 25), AlmatyTime.Today(now));

        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, new DateOnly(2023, 11, 25), null, true, now);

        Assert.Empty(unmet);
    }

    [Fact]
    public void UnmetConditions_EveningBeforeThirdBirthdayInAlmaty_IsStillUnderThree()
    {
        // 18:30 UTC on 24 November is 23:30 on 24 November in Almaty.
        var now = new DateTimeOffset(2026, 11, 24, 18, 30, 0, TimeSpan.Zero);

        var unmet = KindergartenEligibility.Private(ApplicationStatus.Queued, new DateOnly(2023, 11, 25), null, true, now);

        var only = Assert.Single(unmet);
        Assert.Contains("25.11.2026", only.Ru);
    }
}
