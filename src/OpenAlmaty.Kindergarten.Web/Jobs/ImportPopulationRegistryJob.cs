using OpenAlmaty.Kindergarten.Web.Features.Registry;

namespace OpenAlmaty.Kindergarten.Web.Jobs;

/// Loads the registry feed the e-government gateway leaves at PopulationRegistry:FeedPath (the
/// gateway's delivery is outside the portal). No file, nothing to do; the same file twice
/// changes nothing (RegistryImport is idempotent).
public sealed class ImportPopulationRegistryJob(RegistryImport import, IConfiguration config, ILogger<ImportPopulationRegistryJob> log)
{
    public async Task<RegistryImportResult?> ExecuteAsync(CancellationToken ct)
    {
        var path = config["PopulationRegistry:FeedPath"];
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            log.LogInformation("Population registry: no feed at {Path}", path);
            return null;
        }
        await using var feed = File.OpenRead(path);
        var result = await import.ImportAsync(feed, ct);
        log.LogInformation("Population registry: {Lines} lines, {Inserted} new, {Updated} changed, {Unchanged} unchanged, {Rejected} rejected in {Elapsed}",
            result.Lines, result.Inserted, result.Updated, result.Unchanged, result.Rejected.Count, result.Elapsed);
        foreach (var line in result.Rejected) log.LogWarning("Population registry feed: {Rejected}", line);
        return result;
    }
}
