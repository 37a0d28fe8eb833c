using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class IinAgeTests
{
    [Theory]
    [InlineData("2023-05-09", 2)]
    [InlineData("2023-05-10", 3)]
    [InlineData("2023-05-11", 3)]
    [InlineData("2024-05-09", 3)]
    [InlineData("2020-05-10", 0)]
    public void FullYears_AroundBirthday_CountsOnlyCompletedYears(string day, int expected)
    {
        var years = Iin.FullYears(new DateOnly(2020, 5, 10), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, years);
    }

    // Born on 29 February: in a common year the year is complete at the end of February
    // (a term that ends in a month without that date ends on its last day, Civil Code art. 178).
    [Theory]
    [InlineData("2021-02-27", 0)]
    [InlineData("2021-02-28", 1)]
    [InlineData("2023-02-27", 2)]
    [InlineData("2023-02-28", 3)]
    [InlineData("2023-03-01", 3)]
    [InlineData("2024-02-28", 3)]
    [InlineData("2024-02-29", 4)]
    public void FullYears_BornOnTwentyNinthFebruary_CompletesYearOnLastDayOfFebruary(string day, int expected)
    {
        var years = Iin.FullYears(new DateOnly(2020, 2, 29), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, years);
    }

    [Fact]
    public void AgeOn_Iin_CountsFromTheBirthDateInTheIin()
    {
        var iin = Iin.Parse("061211600012");

        Assert.Equal(17, iin.AgeOn(new DateOnly(2024, 12, 10)));
        Assert.Equal(18, iin.AgeOn(new DateOnly(2024, 12, 11)));
    }

    [Theory]
    [InlineData("900101300017", "90******0017")]
    [InlineData("061211600012", "06******0012")]
    public void Mask_Iin_ShowsFirstTwoAndLastFourDigits(string iin, string expected)
    {
        Assert.Equal(expected, Iin.Mask(iin));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123")]
    public void Mask_MissingOrShort_ShowsDash(string? iin)
    {
        Assert.Equal("—", Iin.Mask(iin));
    }
}
