using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// The public download of one release: the anonymised input, the seed's hash, the seed once it is
/// revealed (null before), and the result once allocated (null before). docs/release-allocation.md
/// describes its JSON; <see cref="AllocationJson"/> reads and writes it.
public sealed record AllocationDocument(
    string Release,
    AllocationRule Rule,
    string SeedHash,
    byte[]? Seed,
    IReadOnlyList<SeatPool> Pools,
    IReadOnlyList<AllocationRequest> Requests,
    AllocationResult? Result)
{
    public static AllocationDocument Of(string release, AllocationInput input, AllocationResult? result, bool revealSeed)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(release, input.Rule, ReleaseLottery.SeedHash(input.Seed), revealSeed ? input.Seed : null, input.Pools, input.Requests, result);
    }

    /// The input to run again; only after the reveal, and only with the seed that was promised.
    public AllocationInput ToInput()
    {
        if (Seed is null)
            throw new DomainException("seed.hidden", new("Seed ещё не раскрыт: распределение можно проверить после него."));
        if (!string.Equals(ReleaseLottery.SeedHash(Seed), SeedHash, StringComparison.Ordinal))
            throw new DomainException("seed.mismatch", new("Seed не совпадает с опубликованным хешем."));
        return new AllocationInput(Rule, Seed, Pools, Requests);
    }
}
