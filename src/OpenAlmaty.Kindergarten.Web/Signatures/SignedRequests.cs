using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Signatures;

/// A decision signed with the person's signing key: the server writes the XML, the browser
/// has it signed (NCALayer or the key file), the server checks that what came back is what it
/// wrote, signed by the signed-in person, and used once.
public sealed class SignedRequests(AppDbContext db, IXmlSignatureVerifier verifier, TimeProvider clock, ILogger<SignedRequests> log,
    Microsoft.Extensions.Options.IOptions<EdsOptions> options)
{
    public async Task<(Guid Id, string Xml)> PrepareAsync(string personIin, string kind, long? applicationId,
        IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var xml = new StringBuilder("<request>");
        xml.Append(CanonicalXml.Element("id", id.ToString()));
        xml.Append(CanonicalXml.Element("kind", kind));
        xml.Append(CanonicalXml.Element("iin", personIin));
        if (applicationId is { } app) xml.Append(CanonicalXml.Element("application", app.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (name, value) in fields) xml.Append(CanonicalXml.Element(name, value));
        xml.Append(CanonicalXml.Element("issued", CanonicalXml.Time(now)));
        xml.Append("</request>");

        var request = new SignedRequest(id, personIin, kind, applicationId, xml.ToString(), now);
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return (id, request.Xml);
    }

    /// Throws <see cref="SignatureRejectedException"/> with the reason; changes nothing then.
    /// With <paramref name="consume"/> false the request is checked but not used up: the caller
    /// uses it inside its own transaction (<see cref="ConsumeAsync"/>), so that the decision and
    /// its effect commit together.
    public async Task<VerifiedRequest> VerifyAsync(Guid id, string signedXml, string signedInIin, CancellationToken ct = default,
        bool consume = true)
    {
        try
        {
            var request = await ById(db, id, ct)
                ?? throw new SignatureRejectedException("request.unknown", new(
                    "Запрос на подпись не найден. Откройте заявление и подпишите ещё раз."));
            var now = clock.GetUtcNow();
            var minutes = options.Value.SignedRequestMinutes;
            if (now - request.IssuedAt > TimeSpan.FromMinutes(minutes))
                throw new SignatureRejectedException("request.expired", new(
                    "Срок запроса на подпись истёк: он действует {0} минут. Откройте страницу ещё раз и подпишите заново.", minutes));
            var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Signing, now, ct);
            if (!string.Equals(CanonicalXml.Canonicalize(verified.ContentWithoutSignature), request.Xml, StringComparison.Ordinal))
                throw new SignatureRejectedException("request.content-changed", new(
                    "Подписан не тот документ, который подготовил портал. Подпишите ещё раз."));
            if (verified.Signer.Iin != signedInIin || request.PersonIin != signedInIin)
                throw new SignatureRejectedException("request.other-iin", new(
                    "Документ подписан ключом другого человека: ИИН в подписи не совпадает с ИИН, под которым вы вошли."));
            if (consume) await ConsumeAsync(db, id, now, ct);
            log.LogInformation("Signed request {RequestId} ({Kind}) accepted from {Iin}", id, request.Kind, Domain.People.Iin.Mask(signedInIin));
            return new VerifiedRequest(id, request.Kind, request.ApplicationId, signedXml, verified.Signer);
        }
        catch (SignatureRejectedException e)
        {
            log.LogWarning("Signed request {RequestId} rejected: {Reason}", id, e.Code);
            throw;
        }
    }

    /// Compiled once: every signed action reads its request.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<SignedRequest?>> ById =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Set<SignedRequest>().AsNoTracking().FirstOrDefault(r => r.Id == id));

    /// The one statement that uses a request up: a request already used changes no row. Run by
    /// <see cref="ConsumeAsync"/>, and put in a caller's own batch by <see cref="ConsumeCommand"/>
    /// (the release request's two round trips, Features/Releases/ReleaseDecisions).
    private const string ConsumeSql = "update signed_requests set used_at = @used_at where id = @id and used_at is null";

    private static Npgsql.NpgsqlParameter[] ConsumeParameters(Guid id, DateTimeOffset now) =>
        [new Npgsql.NpgsqlParameter("used_at", now), new Npgsql.NpgsqlParameter("id", id)];

    /// <see cref="ConsumeSql"/> for a batch: no row affected means <see cref="Used"/>.
    public static Npgsql.NpgsqlBatchCommand ConsumeCommand(Guid id, DateTimeOffset now)
    {
        var command = new Npgsql.NpgsqlBatchCommand(ConsumeSql);
        command.Parameters.AddRange(ConsumeParameters(id, now));
        return command;
    }

    /// Uses the request up, in the caller's transaction when it has one; a second use throws
    /// "request.used" (a second click whose first went through).
    public static async Task ConsumeAsync(AppDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Database.ExecuteSqlRawAsync(ConsumeSql, ConsumeParameters(id, now), ct) == 0) throw Used();
    }

    /// A second use of a signed request.
    public static SignatureRejectedException Used() => new("request.used", new(
        "Этот документ уже подписан и отправлен. Повторная отправка не нужна."));
}
