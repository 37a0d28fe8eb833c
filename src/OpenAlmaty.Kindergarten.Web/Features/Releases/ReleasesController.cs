using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.Choose;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

/// The parent's side of a release: rank up to five organisations and sign; after allocation, the
/// result with its reasons, and the offer to sign (referral) or decline.
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}/releases")]
public sealed class ReleasesController(PickerQuery applications, ReleasePageQuery query, ReleaseDecisions decisions, SignedRequests signedRequests,
    Lang<ReleasesTexts> lang, TimeProvider clock, IConfiguration config, ILogger<ReleasesController> log) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(long id, CancellationToken ct)
    {
        var application = await applications.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null) return NotFound();
        var links = await query.LinksAsync(id, application.BirthYear, ct);
        return View("~/Features/Releases/Views/Index.cshtml", (id, application.RegistrationNumber, links));
    }

    [HttpGet("{releaseId:long}")]
    public async Task<IActionResult> Show(long id, long releaseId, [FromQuery(Name = "rank")] List<long> ranked, [FromQuery(Name = "pick")] List<long> picked,
        District? district, InstructionLanguage? language, string? q, int? page, CancellationToken ct)
    {
        var application = await applications.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null) return NotFound();
        if (await query.ReleaseAsync(releaseId, application.BirthYear, ct) is not { } release) return NotFound();
        var now = clock.GetUtcNow();
        var unmet = KindergartenEligibility.Private(application.Status, application.BirthDate, application.StopListedUntil,
            freePrivateSeatForAgeGroup: true, now);
        var request = await query.CurrentRequestAsync(releaseId, id, ct);
        var accepts = release.AcceptsRequests(now);
        // Only the pools the page names are read (never the whole age group): the ranking asked
        // for, if it has the right shape, the picked ones and the signed ones; the offers read theirs.
        if (ranked.Count is 0 or > ReleaseRequest.MaxChoices || ranked.Distinct().Count() != ranked.Count) ranked = [];
        picked = [.. picked.Distinct().Take(ReleaseRequest.MaxChoices)];
        var cards = await query.CardsAsync(releaseId, [.. ranked, .. picked, .. request?.RankedPoolIds ?? []], ct);
        bool ForChild(long pool) => cards.TryGetValue(pool, out var card) && card.BirthYear == application.BirthYear;
        var draft = ranked.Count > 0 && ranked.All(ForChild) ? ranked.Select(r => cards[r]).ToList() : [];
        (Guid Id, string Xml)? toSign = null;
        if (accepts && unmet.Count == 0 && draft.Count > 0)
            toSign = await signedRequests.PrepareAsync(User.Iin()!, ReleaseDecisions.RequestKind, id, new Dictionary<string, string>
            {
                ["registration"] = application.RegistrationNumber,
                ["child"] = application.ChildName,
                ["release"] = releaseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ranking"] = string.Join(",", draft.Select(p => p.PoolId)),
                ["organisations"] = string.Join(" | ", draft.Select((p, i) => $"{i + 1}. {p.Card.NameRu}")),
            }, ct);
        var offers = await query.OffersAsync(releaseId, id, ct);
        (Guid Id, string Xml)? accept = null;
        if (offers.FirstOrDefault(o => o.Status == ReleaseOfferStatus.Offered && now <= o.ValidUntil) is { } open)
            accept = await signedRequests.PrepareAsync(User.Iin()!, ReleaseDecisions.AcceptKind, id, OfferFields(application, open), ct);
        var whyNot = request is null ? [] : await query.WhyNotAsync(request, cards, ct);
        var current = request?.RankedPoolIds.Select(p => cards[p]).ToList() ?? [];
        PoolBrowse? browse = null;
        if (accepts && unmet.Count == 0 && draft.Count == 0 && release.Status != ReleaseStatus.Allocated)
        {
            var filter = new PickerFilter(district, language, q);
            var (shown, total, number) = await query.BrowseAsync(releaseId, application.BirthYear, filter, page, ct);
            var chosen = picked.Where(ForChild).Select(p => cards[p]).ToList();
            browse = new PoolBrowse(filter, shown, total, number, chosen.Count > 0 ? chosen : current, config["Map:TileUrl"]);
        }
        return View("~/Features/Releases/Views/Release.cshtml", new ParentReleasePage(id, application.RegistrationNumber, application.ChildName, application.BirthYear, releaseId,
            release.Title, release.Rule, release.Status, release.OpensAt, release.ClosesAt, release.SeedHash, accepts, unmet, browse,
            current, request?.SignedAt, draft, toSign?.Id, toSign?.Xml, request?.Eligible, request?.PriorityPosition, request?.ChoiceIndex,
            whyNot, offers, accept?.Id, accept?.Xml, null));
    }

    [HttpPost("{releaseId:long}/request")]
    [EnableRateLimiting(ReleaseDecisionLine.Policy)]
    public Task<IActionResult> Submit(long id, long releaseId, Guid requestId, string? signedXml, CancellationToken ct) =>
        DecideAsync(id, releaseId, requestId, signedXml, ReleaseDecisions.RequestKind, async verified =>
        {
            var ranking = (SignedFields.Read(verified.SignedXml, "ranking") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
            if (SignedFields.Read(verified.SignedXml, "release") != releaseId.ToString(System.Globalization.CultureInfo.InvariantCulture)) throw SignedFields.Mismatch();
            await decisions.SubmitAsync(releaseId, id, ranking, requestId, verified.SignedXml, ct);
            return lang["Заявка подписана и принята. Её можно изменить до закрытия приёма; учитывается последняя подписанная."];
        }, ct);

    [HttpPost("{releaseId:long}/accept")]
    [EnableRateLimiting(ReleaseDecisionLine.Policy)]
    public Task<IActionResult> Accept(long id, long releaseId, Guid requestId, string? signedXml, CancellationToken ct) =>
        DecideAsync(id, releaseId, requestId, signedXml, ReleaseDecisions.AcceptKind, async verified =>
        {
            var referral = await decisions.AcceptAsync(OfferId(verified), id, User.Identity!.Name!, requestId, verified.SignedXml, ct);
            return string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Направление № {0} выдано. Оно действительно до {1}; документ — во вкладке «Общие документы»."], referral.Number, AlmatyTime.Format(referral.ValidUntil));
        }, ct, redirectToApplication: true);

    [HttpGet("{releaseId:long}/decline")]
    public async Task<IActionResult> ConfirmDecline(long id, long releaseId, CancellationToken ct)
    {
        var application = await applications.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null || await query.ReleaseAsync(releaseId, application.BirthYear, ct) is null) return NotFound();
        var offer = (await query.OffersAsync(releaseId, id, ct)).FirstOrDefault(o => o.Status == ReleaseOfferStatus.Offered);
        if (offer is null) return Redirect($"/applications/{id}/releases/{releaseId}");
        var request = await signedRequests.PrepareAsync(User.Iin()!, ReleaseDecisions.DeclineKind, id, OfferFields(application, offer), ct);
        return View("~/Features/Releases/Views/Decline.cshtml", new DeclinePage(id, releaseId, application.RegistrationNumber, offer, request.Id, request.Xml));
    }

    [HttpPost("{releaseId:long}/decline")]
    [EnableRateLimiting(ReleaseDecisionLine.Policy)]
    public Task<IActionResult> Decline(long id, long releaseId, Guid requestId, string? signedXml, CancellationToken ct) =>
        DecideAsync(id, releaseId, requestId, signedXml, ReleaseDecisions.DeclineKind, async verified =>
        {
            await decisions.DeclineAsync(OfferId(verified), id, requestId, ct);
            return lang["Вы отказались от места. Оно передано следующему ребёнку в списке ожидания; заявление остаётся в очереди."];
        }, ct);

    private static Dictionary<string, string> OfferFields(PickerQuery.ApplicationSummary application, OfferView offer) => new()
    {
        ["registration"] = application.RegistrationNumber,
        ["child"] = application.ChildName,
        ["offer"] = offer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["organisation"] = offer.Pool.Card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["organisationName"] = offer.Pool.Card.NameRu,
    };

    private static long OfferId(VerifiedRequest verified) =>
        long.TryParse(SignedFields.Read(verified.SignedXml, "offer"), out var offer) ? offer : throw SignedFields.Mismatch();

    /// Checks the signature (used up later, inside the decision's transaction) and its kind, runs
    /// the decision, and turns a refusal into a message; nothing is changed then.
    private async Task<IActionResult> DecideAsync(long id, long releaseId, Guid requestId, string? signedXml, string kind,
        Func<VerifiedRequest, Task<string>> decide, CancellationToken ct, bool redirectToApplication = false)
    {
        var application = await applications.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null) return NotFound();
        var back = $"/applications/{id}/releases/{releaseId}";
        try
        {
            var verified = await signedRequests.VerifyAsync(requestId, signedXml ?? "", User.Iin()!, ct, consume: false);
            if (verified.Kind != kind || verified.ApplicationId != id) throw SignedFields.Mismatch();
            TempData["Message"] = await decide(verified);
            return Redirect(redirectToApplication ? $"/applications/{id}" : back);
        }
        catch (SignatureRejectedException e) when (e.Code == "request.used")
        {
            TempData["Message"] = lang.Of(e.Reason);
            return Redirect(back);
        }
        catch (Exception e) when (e is SignatureRejectedException or DomainException)
        {
            var (code, text) = e is SignatureRejectedException s ? (s.Code, s.Reason) : (((DomainException)e).Code, ((DomainException)e).Text);
            log.LogInformation("Release decision {Kind} for application {ApplicationId} refused: {Reason}", kind, id, code);
            TempData["Error"] = lang.Of(text);
            return Redirect(back);
        }
    }
}
