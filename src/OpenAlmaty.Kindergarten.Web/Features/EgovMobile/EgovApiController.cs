using OpenAlmaty.Kindergarten.Web.Localization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.EgovMobile;

/// API 1 and API 2 of ../shared/docs/egov-mobile.md, called by the eGov Mobile app. The only
/// endpoints without a cookie and without an anti-forgery token: the app has neither. The
/// transaction id travels in the query string, which the request log leaves out.
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(EgovMobileSetup.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EgovApiController(EgovTransactions transactions, EgovMobileAddresses addresses) : ControllerBase
{
    /// The signed XML is at most XmlPreScan.MaxCharacters; JSON may escape each character in six
    /// (\u003C), plus the rest of the document. A larger body is refused before it is read.
    public const int MaxPutBytes = 6 * XmlPreScan.MaxCharacters + 16 * 1024;

    [HttpGet("/egov/api")]
    public async Task<IActionResult> Api1([FromQuery] string? tx, CancellationToken ct)
    {
        if (!addresses.Enabled) return Refuse(404, EgovRefusals.NotFound);
        var found = await transactions.FindAsync(tx ?? "", ct);
        if (found is null) return Refuse(404, EgovRefusals.NotFound);
        var o = addresses.Options;
        return Ok(new Dictionary<string, object>
        {
            ["description"] = Lang.Of(EgovDocument.Description(found), Language),
            ["expiry_date"] = found.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["organisation"] = new Dictionary<string, string>
            {
                ["nameRu"] = o.OrganisationNameRu, ["nameKz"] = o.OrganisationNameKz, ["nameEn"] = o.OrganisationNameEn, ["bin"] = o.OrganisationBin ?? "",
            },
            ["document"] = new Dictionary<string, string>
            {
                ["uri"] = addresses.Api2(found.Id), ["auth_type"] = "Token", ["auth_token"] = found.Token,
            },
        });
    }

    [HttpGet("/egov/api/document")]
    public async Task<IActionResult> Api2([FromQuery] string? tx, CancellationToken ct)
    {
        if (!addresses.Enabled) return Refuse(404, EgovRefusals.NotFound);
        var found = await transactions.FindWithTokenAsync(tx ?? "", Bearer(), ct);
        if (found is null) return Refuse(403, EgovRefusals.NoToken);
        return Ok(EgovDocument.ToSign(found));
    }

    [HttpPut("/egov/api/document")]
    [RequestSizeLimit(MaxPutBytes)]
    public async Task<IActionResult> Put([FromQuery] string? tx, CancellationToken ct)
    {
        if (!addresses.Enabled) return Refuse(404, EgovRefusals.NotFound);
        // Size and type first: nothing is read, parsed or looked up for a body refused here.
        if (Request.ContentLength is > MaxPutBytes) return Refuse(413, EgovRefusals.TooLarge().Reason);
        if (Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Refuse(415, EgovRefusals.BadBody().Reason);
        var body = await ReadBoundedAsync(ct);
        if (body is null) return Refuse(413, EgovRefusals.TooLarge().Reason);
        var found = await transactions.FindWithTokenAsync(tx ?? "", Bearer(), ct);
        if (found is null) return Refuse(403, EgovRefusals.NoToken);
        var signedXml = EgovDocument.SignedXmlOf(body);
        if (signedXml is null) return Refuse(400, EgovRefusals.BadBody().Reason);
        try
        {
            await transactions.AcceptAsync(found, signedXml, ct);
            return Ok(new Dictionary<string, string>());
        }
        catch (SignatureRejectedException e)
        {
            return Refuse(403, e.Reason);
        }
    }

    private async Task<byte[]?> ReadBoundedAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxPutBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private string? Bearer() =>
        Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) && h.Length <= 7 + 64
            ? h[7..] : null;

    /// ru or kk by the app's Accept-Language (en when asked).
    private string Language => Request.Headers.AcceptLanguage.ToString().TrimStart() switch
    {
        var l when l.StartsWith("kk", StringComparison.OrdinalIgnoreCase) => "kk",
        var l when l.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => "ru",
    };

    private ObjectResult Refuse(int status, LocalizedText message) =>
        StatusCode(status, new Dictionary<string, string> { ["message"] = Lang.Of(message, Language) });
}
