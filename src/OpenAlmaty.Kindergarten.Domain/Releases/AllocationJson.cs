using System.Text;
using System.Text.Json;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// The download's JSON, written field by field so that its shape is exactly the documented one
/// (docs/release-allocation.md) and the same document always gives the same bytes.
public static class AllocationJson
{
    public const string Format = "openalmaty.release-allocation/1";
    /// 50,000 requests take about 6 MB; anything far larger is not a release of this city.
    public const int MaxBytes = 64 * 1024 * 1024;

    const string OrderText = "queueOrder: by queueRank; lottery: by the first 8 bytes, big-endian, of HMAC-SHA256(key = seed, message = UTF-8 of the pseudonym), ascending; ties by pseudonym, ordinal";

    public static string Write(AllocationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("release", document.Release);
            w.WriteString("rule", RuleName(document.Rule));
            w.WriteString("order", OrderText);
            w.WriteString("seedHash", document.SeedHash);
            if (document.Seed is null) w.WriteNull("seed");
            else w.WriteString("seed", Convert.ToHexStringLower(document.Seed));
            w.WriteStartArray("pools");
            foreach (var pool in document.Pools)
            {
                w.WriteStartObject();
                w.WriteString("poolId", pool.PoolId);
                w.WriteNumber("seats", pool.Seats);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("requests");
            foreach (var request in document.Requests)
            {
                w.WriteStartObject();
                w.WriteString("pseudonym", request.Pseudonym);
                WriteStrings(w, "rankedPools", request.RankedPools);
                w.WriteNumber("queueRank", request.QueueRank);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (document.Result is null) w.WriteNull("result");
            else WriteResult(w, document.Result);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void WriteResult(Utf8JsonWriter w, AllocationResult result)
    {
        w.WriteStartObject("result");
        w.WriteStartArray("placements");
        foreach (var p in result.Placements)
        {
            w.WriteStartObject();
            w.WriteString("pseudonym", p.Pseudonym);
            w.WriteString("poolId", p.PoolId);
            if (p.ChoiceIndex is { } choice) w.WriteNumber("choiceIndex", choice);
            else w.WriteNull("choiceIndex");
            w.WriteNumber("priorityPosition", p.PriorityPosition);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("pools");
        foreach (var p in result.Pools)
        {
            w.WriteStartObject();
            w.WriteString("poolId", p.PoolId);
            w.WriteNumber("seats", p.Seats);
            w.WriteNumber("admitted", p.Admitted);
            if (p.LastAdmittedPosition is { } lastAdmitted) w.WriteNumber("lastAdmittedPosition", lastAdmitted);
            else w.WriteNull("lastAdmittedPosition");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("waitingLists");
        // Ordinal key order whatever dictionary the caller built, so the bytes never depend on it.
        foreach (var (poolId, list) in result.WaitingLists.OrderBy(l => l.Key, StringComparer.Ordinal)) WriteStrings(w, poolId, list);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    static string RuleName(AllocationRule rule) => rule switch
    {
        AllocationRule.QueueOrder => "queueOrder",
        AllocationRule.Lottery => "lottery",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// Reads a download; a file that is not one (wrong shape, wrong format, too large) gets a
    /// DomainException that says what is wrong, before any allocation work.
    public static AllocationDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes) throw Bad("the file is larger than " + MaxBytes + " bytes");
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            return AllocationJsonReader.Document(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Bad(e.Message);
        }
    }

    internal static DomainException Bad(string why) =>
        new("allocation.file", new("Файл не является выгрузкой распределения мест: {0}", why));
}
