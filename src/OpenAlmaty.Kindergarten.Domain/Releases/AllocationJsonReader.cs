using System.Text.Json;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// The reading half of <see cref="AllocationJson"/>: every field required and of its type, so a
/// damaged file fails on reading rather than allocating something else.
static class AllocationJsonReader
{
    public static AllocationDocument Document(JsonElement root)
    {
        var format = root.GetProperty("format").GetString();
        if (format != AllocationJson.Format) throw AllocationJson.Bad($"format is \"{format}\", expected \"{AllocationJson.Format}\"");
        var rule = root.GetProperty("rule").GetString() switch
        {
            "queueOrder" => AllocationRule.QueueOrder,
            "lottery" => AllocationRule.Lottery,
            var other => throw AllocationJson.Bad($"unknown rule \"{other}\""),
        };
        var seed = root.GetProperty("seed");
        return new AllocationDocument(
            Text(root, "release"),
            rule,
            Text(root, "seedHash"),
            seed.ValueKind == JsonValueKind.Null ? null : Convert.FromHexString(seed.GetString()!),
            [.. root.GetProperty("pools").EnumerateArray().Select(p => new SeatPool(Text(p, "poolId"), p.GetProperty("seats").GetInt32()))],
            [.. root.GetProperty("requests").EnumerateArray().Select(r => new AllocationRequest(
                Text(r, "pseudonym"), Strings(r.GetProperty("rankedPools")), r.GetProperty("queueRank").GetInt64()))],
            root.GetProperty("result") is { ValueKind: not JsonValueKind.Null } result ? Result(result) : null);
    }

    static AllocationResult Result(JsonElement result)
    {
        var placements = result.GetProperty("placements").EnumerateArray().Select(p => new Placement(
            Text(p, "pseudonym"),
            p.GetProperty("poolId").GetString(),
            p.GetProperty("choiceIndex") is { ValueKind: not JsonValueKind.Null } c ? c.GetInt32() : null,
            p.GetProperty("priorityPosition").GetInt64()));
        var pools = result.GetProperty("pools").EnumerateArray().Select(p => new PoolOutcome(
            Text(p, "poolId"),
            p.GetProperty("seats").GetInt32(),
            p.GetProperty("admitted").GetInt32(),
            p.GetProperty("lastAdmittedPosition") is { ValueKind: not JsonValueKind.Null } l ? l.GetInt64() : null));
        var lists = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var list in result.GetProperty("waitingLists").EnumerateObject())
            if (!lists.TryAdd(list.Name, Strings(list.Value))) throw AllocationJson.Bad($"waiting list \"{list.Name}\" twice");
        return new AllocationResult([.. placements], [.. pools], lists);
    }

    static string Text(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw AllocationJson.Bad($"\"{name}\" is null");

    static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.GetString() ?? throw AllocationJson.Bad("a null in a list of names"))];
}
