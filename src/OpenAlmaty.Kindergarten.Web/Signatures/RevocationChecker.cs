using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// What a revocation source said about one certificate; null from a source means no answer.
public enum RevocationStatus { Good, Revoked, Unknown }

/// A definite answer and how long it holds (<see cref="NextUpdate"/>: the CRL's or OCSP
/// response's nextUpdate). <see cref="Reason"/> is the RFC 5280 CRLReason code, when given.
public sealed record RevocationAnswer(RevocationStatus Status, DateTimeOffset? NextUpdate, DateTimeOffset? RevokedAt = null, int? Reason = null);

public interface IRevocationChecker
{
    /// Returns what was checked and found (kept in <see cref="SignerInfo.RevocationCheck"/>), or
    /// throws <see cref="SignatureRejectedException"/> when revoked or when no source answered
    /// (unless the policy lets a sign-in through).
    Task<string> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, KeyPurpose purpose, CancellationToken ct);
}

/// A revocation source: OCSP (<see cref="OcspClient"/>) or a CRL (<see cref="CrlClient"/>).
public interface IRevocationSource
{
    string Name { get; }

    /// Null when the source could not be reached in time or gave no usable answer.
    Task<RevocationAnswer?> AskAsync(X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken ct);
}

/// The decision: Off records that nothing was checked; Ocsp trusts only OCSP; OcspThenCrl
/// falls back to the CRL when OCSP does not give a definite answer. Definite answers are kept per
/// issuer and serial until their nextUpdate (capped), so a rush of sign-ins asks NCA once per
/// person, not once per click.
public sealed class RevocationChecker : IRevocationChecker
{
    private const int CacheLimit = 200_000;
    private readonly IOptions<EdsOptions> options;
    private readonly IRevocationSource ocsp;
    private readonly IRevocationSource crl;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, (RevocationAnswer Answer, string Source, DateTimeOffset Until)> cache = new();

    public RevocationChecker(IOptions<EdsOptions> options, OcspClient ocsp, CrlClient crl, TimeProvider time)
        : this(options, (IRevocationSource)ocsp, crl, time)
    {
    }

    internal RevocationChecker(IOptions<EdsOptions> options, IRevocationSource ocsp, IRevocationSource crl, TimeProvider time)
    {
        this.options = options;
        this.ocsp = ocsp;
        this.crl = crl;
        this.time = time;
    }

    public async Task<string> CheckAsync(X509Certificate2 certificate, X509Certificate2 issuer, KeyPurpose purpose, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Revocation == RevocationMode.Off) return "off: not checked";
        var key = $"{issuer.Thumbprint}:{certificate.SerialNumber}";
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var kept) && kept.Until > now) return Verdict(kept.Answer, kept.Source + " (cached)");

        var sources = settings.Revocation == RevocationMode.OcspThenCrl ? new[] { ocsp, crl } : [ocsp];
        foreach (var source in sources)
        {
            if (await AskInTimeAsync(source, certificate, issuer, settings.RevocationTimeout, ct) is not { Status: not RevocationStatus.Unknown } answer)
                continue;
            Keep(key, answer, source.Name, now, settings);
            return Verdict(answer, source.Name);
        }
        if (purpose == KeyPurpose.Authentication && settings.RevocationUnreachable == RevocationUnreachable.AllowSignIn)
            return "unavailable: sign-in allowed by Eds:RevocationUnreachable";
        throw SignatureRejections.RevocationUnavailable();
    }

    private static string Verdict(RevocationAnswer answer, string source) => answer.Status == RevocationStatus.Revoked
        ? throw SignatureRejections.Revoked(answer.Reason, answer.RevokedAt)
        : $"{source}: good";

    // Each source has its own time budget, so a silent OCSP responder still leaves the CRL its turn.
    private static async Task<RevocationAnswer?> AskInTimeAsync(IRevocationSource source, X509Certificate2 certificate,
        X509Certificate2 issuer, TimeSpan timeout, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(timeout);
        try
        {
            return await source.AskAsync(certificate, issuer, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Keep(string key, RevocationAnswer answer, string source, DateTimeOffset now, EdsOptions settings)
    {
        var until = answer.NextUpdate is { } next ? next : now + settings.RevocationCacheWithoutNextUpdate;
        if (until > now + settings.RevocationCacheMax) until = now + settings.RevocationCacheMax;
        if (until <= now) return;
        if (cache.Count >= CacheLimit)
            foreach (var stale in cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList()) cache.TryRemove(stale, out _);
        if (cache.Count < CacheLimit) cache[key] = (answer, source, until);
    }
}
