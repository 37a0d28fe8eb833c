using System.Security.Cryptography;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// A parent's signed ranking of up to five pools of a release. Each signature makes a new row with
/// a new random public pseudonym; the last one signed before the window closes counts (the earlier
/// ones are kept, superseded, with their signatures).
public sealed class ReleaseRequest
{
    public const int MaxChoices = 5;

    private ReleaseRequest() { }

    public static ReleaseRequest Sign(long releaseId, long applicationId, IReadOnlyList<long> rankedPoolIds, string signedXml, DateTimeOffset now)
    {
        CheckChoices(rankedPoolIds);
        return new ReleaseRequest
        {
            ReleaseId = releaseId,
            ApplicationId = applicationId,
            RankedPoolIds = [.. rankedPoolIds],
            SignedXml = signedXml,
            SignedAt = now,
            Pseudonym = NewPseudonym(),
        };
    }

    /// One to five pools, each once: checked before anything is locked or read.
    public static void CheckChoices(IReadOnlyList<long> rankedPoolIds)
    {
        if (rankedPoolIds.Count is 0 or > MaxChoices)
            throw Release.Error("request.choices", new("Выберите от одной до пяти организаций."));
        if (rankedPoolIds.Distinct().Count() != rankedPoolIds.Count)
            throw Release.Error("request.twice", new("Одна организация выбрана дважды."));
    }

    public long Id { get; private set; }
    public long ReleaseId { get; private set; }
    public long ApplicationId { get; private set; }
    public long[] RankedPoolIds { get; private set; } = [];
    public string SignedXml { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }

    /// Public and random: names the request in the published input and in the lottery.
    public string Pseudonym { get; private set; } = "";
    /// Set when a later signed request of the same application replaces this one (ReleaseDecisions).
    public DateTimeOffset? SupersededAt { get; private set; }

    /// Written at allocation: the place in the release's order, and what the request got.
    public long? PriorityPosition { get; private set; }
    public long? PlacedPoolId { get; private set; }
    public int? ChoiceIndex { get; private set; }
    public bool? Eligible { get; private set; }

    public void RecordPlacement(bool eligible, long? priorityPosition, long? poolId, int? choiceIndex)
    {
        Eligible = eligible;
        PriorityPosition = priorityPosition;
        PlacedPoolId = poolId;
        ChoiceIndex = choiceIndex;
    }

    /// 16 random bytes as 26 base-32 characters: not guessable, not derived from anything personal.
    private static string NewPseudonym()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var bytes = RandomNumberGenerator.GetBytes(16);
        return string.Concat(bytes.Select(b => alphabet[b % alphabet.Length]));
    }
}
