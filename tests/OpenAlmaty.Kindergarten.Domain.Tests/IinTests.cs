using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Tests.TestData;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class IinTests
{
    [Fact]
    public void Parse_ValidFirstPass_GivesBirthDateAndSex()
    {
        var iin = Iin.Parse("900101300017");

        Assert.Equal("900101300017", iin.Value);
        Assert.Equal(new DateOnly(1990, 1, 1), iin.BirthDate);
        Assert.Equal(Sex.Male, iin.Sex);
    }

    [Fact]
    public void Parse_ValidSecondWeightPass_GivesBirthDateAndSex()
    {
        // The first pass gives 10 for 06121160001, so the second weights decide: 2.
        Assert.Equal(10, FirstPass("06121160001"));

        var iin = Iin.Parse("061211600012");

        Assert.Equal(new DateOnly(2006, 12, 11), iin.BirthDate);
        Assert.Equal(Sex.Female, iin.Sex);
    }

    [Fact]
    public void Parse_SurroundingSpaces_AreIgnored()
    {
        var iin = Iin.Parse(" 900101300017 ");

        Assert.Equal("900101300017", iin.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("90010130001")]
    [InlineData("9001013000170")]
    public void TryParse_WrongLength_SaysTwelveDigits(string? input)
    {
        var ok = Iin.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Contains("12 цифр", error!.Ru);
        Assert.NotEmpty(error.Key);
    }

    [Theory]
    [InlineData("90010130001A")]
    [InlineData("9001-1300017")]
    [InlineData("９００１０１３０００１７")]
    public void TryParse_NonDigits_SaysOnlyDigits(string input)
    {
        var ok = Iin.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Contains("только цифры", error!.Ru);
    }

    [Theory]
    [InlineData("900101300018")]
    [InlineData("900101300010")]
    [InlineData("061211600013")]
    public void TryParse_WrongCheckDigit_SaysCheckDigit(string input)
    {
        var ok = Iin.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Contains("контрольная цифра", error!.Ru);
    }

    [Fact]
    public void TryParse_BothWeightPassesGiveTen_IsInvalidWhateverTheLastDigit()
    {
        // 90010130080: Σ d·w1 mod 11 = 10 and Σ d·w2 mod 11 = 10; such numbers are never issued.
        const string prefix = "90010130080";
        Assert.Equal(10, FirstPass(prefix));
        Assert.Null(Iin.CheckDigit(prefix + "0"));

        var accepted = Enumerable.Range(0, 10).Where(d => Iin.TryParse(prefix + d, out _, out _));

        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData("900231", 3)]  // 31 February
    [InlineData("901301", 3)]  // month 13
    [InlineData("900001", 3)]  // month 0
    [InlineData("900100", 3)]  // day 0
    [InlineData("900431", 3)]  // 31 April
    [InlineData("000229", 3)]  // 1900 was not a leap year
    [InlineData("000229", 1)]  // nor was 1800
    public void TryParse_ImpossibleBirthDate_SaysNoRealDate(string yymmdd, int centuryDigit)
    {
        var ok = Iin.TryParse(IinBuilder.Raw(yymmdd, centuryDigit), out _, out var error);

        Assert.False(ok);
        Assert.Contains("даты рождения", error!.Ru);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void TryParse_CenturyDigitOutsideOneToSix_SaysSeventhDigit(int centuryDigit)
    {
        var ok = Iin.TryParse(IinBuilder.Raw("900101", centuryDigit), out _, out var error);

        Assert.False(ok);
        Assert.Contains("седьмая цифра", error!.Ru);
    }

    [Theory]
    [InlineData(1, 1890, Sex.Male)]
    [InlineData(2, 1890, Sex.Female)]
    [InlineData(3, 1990, Sex.Male)]
    [InlineData(4, 1990, Sex.Female)]
    [InlineData(5, 2090, Sex.Male)]
    [InlineData(6, 2090, Sex.Female)]
    public void Parse_CenturyDigit_GivesCenturyAndSex(int centuryDigit, int year, Sex sex)
    {
        var iin = Iin.Parse(IinBuilder.Raw("900515", centuryDigit));

        Assert.Equal(new DateOnly(year, 5, 15), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
    }

    [Fact]
    public void Parse_TwentyNinthFebruaryOf2000_IsALeapDay()
    {
        var iin = Iin.Parse(IinBuilder.Raw("000229", 5));

        Assert.Equal(new DateOnly(2000, 2, 29), iin.BirthDate);
    }

    [Fact]
    public void Parse_Invalid_ThrowsDomainExceptionWithBothLanguages()
    {
        var e = Assert.Throws<DomainException>(() => Iin.Parse("900101300018"));

        Assert.Equal("iin.invalid", e.Code);
        Assert.NotEmpty(e.Text.Ru);
        Assert.NotEmpty(e.Text.Key);
    }

    [Fact]
    public void Child_FromIin_TakesBirthDateAndSexFromIt()
    {
        var child = new Child(Iin.Parse("061211600012"), " Иванова ", "Анна", "  ");

        Assert.Equal(new DateOnly(2006, 12, 11), child.BirthDate);
        Assert.Equal(Sex.Female, child.Sex);
        Assert.Equal("061211600012", child.Iin);
        Assert.Null(child.MiddleName);
        Assert.Equal("Иванова Анна", child.FullName);
    }

    private static int FirstPass(string elevenDigits) =>
        Enumerable.Range(0, 11).Sum(i => (elevenDigits[i] - '0') * (i + 1)) % 11;
}
