using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;

namespace OpenAlmaty.Kindergarten.Recompute;

/// Recomputes a release's allocation from its public download and compares it with the published
/// result. Exit 0: "same result: N placements". Exit 1: the first difference (or a seed that is
/// not the promised one, or an input the allocation refuses). Exit 2: not a usable file.
public static class RecomputeCommand
{
    public const int Same = 0;
    public const int Different = 1;
    public const int Unusable = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var path])
        {
            error.WriteLine("usage: dotnet run --project tools/OpenAlmaty.Kindergarten.Recompute -- release.json");
            return Unusable;
        }
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > AllocationJson.MaxBytes)
        {
            error.WriteLine(file.Exists ? $"{path}: larger than {AllocationJson.MaxBytes} bytes" : $"{path}: no such file");
            return Unusable;
        }

        AllocationDocument document;
        try { document = AllocationJson.Read(File.ReadAllText(path)); }
        catch (DomainException e) { error.WriteLine(e.Text.Ru); return Unusable; }
        if (document.Result is null)
        {
            error.WriteLine("the file has no result yet: the release has not been allocated");
            return Unusable;
        }

        AllocationInput input;
        try { input = document.ToInput(); }
        catch (DomainException e) { output.WriteLine($"cannot recompute: {e.Text.Ru}"); return Different; }
        if (AllocationValidator.Validate(input) is [var invalid, ..])
        {
            output.WriteLine($"cannot recompute: {invalid.Text.Ru} {invalid.Pseudonym ?? invalid.PoolId}".TrimEnd());
            return Different;
        }
        var recomputed = DeferredAcceptance.Allocate(input);

        if (AllocationAudit.FirstDifference(recomputed, document.Result) is { } difference)
        {
            output.WriteLine($"different result: {difference}");
            return Different;
        }
        if (AllocationAudit.Check(input, recomputed) is [var problem, ..])
        {
            output.WriteLine($"the result is the same but not sound: {problem}");
            return Different;
        }
        output.WriteLine($"same result: {recomputed.Placements.Count} placements");
        output.WriteLine(Summary(document, recomputed));
        return Same;
    }

    static string Summary(AllocationDocument document, AllocationResult result)
    {
        var byChoice = result.Placements.Where(p => p.ChoiceIndex is not null)
            .GroupBy(p => p.ChoiceIndex!.Value).OrderBy(g => g.Key)
            .Select(g => $"choice {g.Key}: {g.Count()}");
        var seated = result.Placements.Count(p => p.PoolId is not null);
        return $"release {document.Release}, rule {document.Rule}, seed hash {document.SeedHash} matches the seed; " +
               $"{seated} of {result.Placements.Count} got a seat ({string.Join(", ", byChoice)}); " +
               $"{result.Pools.Sum(p => p.Seats)} seats in {result.Pools.Count} pools";
    }
}
