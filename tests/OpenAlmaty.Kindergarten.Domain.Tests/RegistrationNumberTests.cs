using OpenAlmaty.Kindergarten.Domain.Applications;

namespace OpenAlmaty.Kindergarten.Domain.Tests;

public sealed class RegistrationNumberTests
{
    [Theory]
    // Luhn over 2018000006: doubled from the right 6→3, 8→7; 3+7+1+2 = 13, check 7.
    [InlineData(2018, 6, "UO.2018.000006.7")]
    [InlineData(2026, 123, "UO.2026.000123.3")]
    [InlineData(2024, 999999, "UO.2024.999999.4")]
    public void Format_YearAndSerial_GivesNumberWithLuhnCheckDigit(int year, long serial, string expected) =>
        Assert.Equal(expected, RegistrationNumber.Format(year, serial));

    [Fact]
    public void TryParse_FormattedNumber_GivesYearAndSerialBack()
    {
        Assert.True(RegistrationNumber.TryParse(" uo.2026.000123.3 ", out var year, out var serial));
        Assert.Equal(2026, year);
        Assert.Equal(123, serial);
    }

    [Theory]
    [InlineData("UO.2026.000123.4")] // wrong check digit
    [InlineData("UO.2026.000213.3")] // two digits swapped
    [InlineData("UO.2026.00123.3")]
    [InlineData("XX.2026.000123.3")]
    [InlineData("UO-2026-000123-3")]
    [InlineData("UO.2026.000000.0")] // the sequence starts at 1
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_MistypedOrMalformed_IsFalse(string? input) => Assert.False(RegistrationNumber.IsValid(input));

    [Fact]
    public void IsValid_EverySingleDigitTypo_IsCaught()
    {
        var number = RegistrationNumber.Format(2023, 45678);
        foreach (var position in new[] { 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15 })
            for (var d = '0'; d <= '9'; d++)
            {
                if (number[position] == d) continue;
                var typo = number[..position] + d + number[(position + 1)..];
                Assert.False(RegistrationNumber.IsValid(typo), typo);
            }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void Format_SerialOutOfRange_Throws(long serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RegistrationNumber.Format(2026, serial));
}
