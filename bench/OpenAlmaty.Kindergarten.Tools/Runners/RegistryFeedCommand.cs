using System.Globalization;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data.Seeding;
using OpenAlmaty.Kindergarten.Web.Features.Registry;

namespace OpenAlmaty.Kindergarten.Tools.Runners;

/// `registry-feed --people N --out FILE [--seed S]`: a population-registry feed of made-up
/// families (two parents, one to three children) for bench/registry-import.sh.
public static class RegistryFeedCommand
{
    public static async Task<bool> TryRunAsync(string[] args, CancellationToken ct = default)
    {
        if (args is not ["registry-feed", ..]) return false;
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var people = int.Parse(Option("--people", "100000"), CultureInfo.InvariantCulture);
        var written = await WriteFeedAsync(Option("--out", "registry-feed.jsonl"), people, int.Parse(Option("--seed", "1"), CultureInfo.InvariantCulture), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {written} people."));
        return true;
    }

    private static async Task<int> WriteFeedAsync(string path, int people, int seed, CancellationToken ct)
    {
        var r = new Random(seed);
        var used = new HashSet<string>();
        var refreshed = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        await using var writer = new StreamWriter(path);
        var written = 0;
        async Task WriteAsync(Iin iin, string last, string first, string? middle, string[] parents)
        {
            await writer.WriteLineAsync(RegistryFeed.Line(new FeedPerson(iin.Value, last, first, middle, iin.BirthDate, parents, refreshed)).AsMemory(), ct);
            written++;
        }
        while (written < people)
        {
            var family = DemoNames.Family(r);
            var mother = DemoNames.NewIin(r, DemoNames.RandomDate(r, new DateOnly(1978, 1, 1), new DateOnly(2001, 12, 31)), Sex.Female, used, 1, 9000);
            var father = DemoNames.NewIin(r, DemoNames.RandomDate(r, new DateOnly(1976, 1, 1), new DateOnly(2000, 12, 31)), Sex.Male, used, 1, 9000);
            await WriteAsync(mother, family.ApplicantLast, family.ApplicantFirst, family.ApplicantMiddle, []);
            await WriteAsync(father, family.OtherParent.Last, family.OtherParent.First, family.OtherParent.Middle, []);
            for (var i = r.Next(1, 4); i > 0 && written < people; i--)
            {
                var sex = r.Next(2) == 0 ? Sex.Male : Sex.Female;
                var (last, first, middle) = family.Child(sex);
                await WriteAsync(DemoNames.NewIin(r, DemoNames.RandomDate(r, new DateOnly(2020, 1, 1), new DateOnly(2026, 10, 31)), sex, used, 1, 9000),
                    last, first, middle, [mother.Value, father.Value]);
            }
        }
        return written;
    }
}
