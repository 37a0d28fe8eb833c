using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class IinTests
{
    [Fact]
    public void Parse_ValidFirstPass_GivesBirthDateAndSex()
    {
        var iin = Iin.Parse("900101300017");
        Assert.Equal(new DateOnly(1990, 1, 1), iin.BirthDate);
        Assert.Equal(Sex.Male, iin.Sex);
    }

    [Fact]
    public void Parse_ValidSecondWeightPass_GivesBirthDateAndSex()
    {
        var iin = Iin.Parse("061211600012");
        Assert.Equal(new DateOnly(2006, 12, 11), iin.BirthDate);
        Assert.Equal(Sex.Female, iin.Sex);
    }
}
