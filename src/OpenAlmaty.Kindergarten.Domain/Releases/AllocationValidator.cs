using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// One thing wrong with an allocation's input; Pseudonym / PoolId say where, when it is one place.
public sealed record AllocationProblem(string Code, LocalizedText Text, string? Pseudonym = null, string? PoolId = null);

/// The shape of an allocation's input, checked before any work: the portal checks each request as
/// it is signed (<see cref="ValidateRanking"/>), the allocation and the recompute command check the
/// whole input (<see cref="Validate"/>).
public static class AllocationValidator
{
    /// The cap: a parent ranks up to five organisations.
    public const int MaxRankedPools = 5;
    /// The lottery's seed must be long enough that nobody can try every value against its hash.
    public const int MinLotterySeedLength = 16;
    /// Pseudonyms are short and plain ASCII, so that every language's "ordinal" order of them
    /// (the lottery's tie-break) is the same one.
    public const int MaxPseudonymLength = 64;
    /// A bad download can name thousands of problems; the first ones say enough.
    public const int MaxProblems = 100;

    public static IReadOnlyList<AllocationProblem> ValidateRanking(IReadOnlyList<string>? rankedPools, Func<string, bool> isKnownPool, string? pseudonym = null)
    {
        ArgumentNullException.ThrowIfNull(isKnownPool);
        var problems = new List<AllocationProblem>();
        if (rankedPools is null || rankedPools.Count is 0 or > MaxRankedPools)
        {
            problems.Add(new("ranking.count", new("Выберите от одной до пяти организаций."), pseudonym));
            if (rankedPools is null || rankedPools.Count > MaxRankedPools) return problems;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pool in rankedPools)
        {
            if (pool is null || !isKnownPool(pool))
                problems.Add(new("ranking.unknown", new("Организация не входит в это распределение мест."), pseudonym, pool));
            else if (!seen.Add(pool))
                problems.Add(new("ranking.duplicate", new("Организация указана дважды."), pseudonym, pool));
        }
        return problems;
    }

    public static IReadOnlyList<AllocationProblem> Validate(AllocationInput? input)
    {
        var problems = new List<AllocationProblem>();
        if (input is null || input.Pools is null || input.Requests is null || input.Seed is null)
        {
            problems.Add(new("input.missing", new("Нет данных для распределения.")));
            return problems;
        }
        if (!Enum.IsDefined(input.Rule))
            problems.Add(new("rule.unknown", new("Неизвестное правило распределения.")));
        if (input.Rule == AllocationRule.Lottery && input.Seed.Length < MinLotterySeedLength)
            problems.Add(new("seed.short", new("Для жеребьёвки нужно случайное значение (seed) не короче 16 байт.")));

        var pools = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pool in input.Pools)
        {
            if (problems.Count >= MaxProblems) return problems;
            if (pool is null || string.IsNullOrWhiteSpace(pool.PoolId))
                problems.Add(new("pool.id", new("Не указан идентификатор группы мест.")));
            else if (!pools.Add(pool.PoolId))
                problems.Add(new("pool.duplicate", new("Группа мест указана дважды."), PoolId: pool.PoolId));
            else if (pool.Seats < 0)
                problems.Add(new("seats.negative", new("Число мест не может быть отрицательным."), PoolId: pool.PoolId));
        }

        var pseudonyms = new HashSet<string>(StringComparer.Ordinal);
        var ranks = new HashSet<long>();
        foreach (var request in input.Requests)
        {
            if (problems.Count >= MaxProblems) return problems;
            if (request is null || !IsPlainPseudonym(request.Pseudonym))
            {
                problems.Add(new("request.pseudonym", new("Псевдоним заявки: от 1 до 64 латинских букв, цифр, «-», «_» или «.».")));
                continue;
            }
            if (!pseudonyms.Add(request.Pseudonym))
                problems.Add(new("request.duplicate", new("Псевдоним заявки повторяется."), request.Pseudonym));
            if (input.Rule == AllocationRule.QueueOrder && (request.QueueRank < 1 || !ranks.Add(request.QueueRank)))
                problems.Add(new("request.queue-rank", new("Место в порядке очереди должно быть положительным и не повторяться."), request.Pseudonym));
            problems.AddRange(ValidateRanking(request.RankedPools, pools.Contains, request.Pseudonym));
        }
        return problems.Count > MaxProblems ? problems[..MaxProblems] : problems;
    }

    public static bool IsPlainPseudonym(string? pseudonym) =>
        pseudonym is { Length: > 0 and <= MaxPseudonymLength } && pseudonym.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
