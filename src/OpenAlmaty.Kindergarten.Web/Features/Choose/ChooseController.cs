using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Features.Referrals;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;
using OpenAlmaty.Kindergarten.Web.Infrastructure;

namespace OpenAlmaty.Kindergarten.Web.Features.Choose;

/// "Выбрать частный сад" / "Выбрать гос сад": the list, the card, the map, "Подписать и отправить".
[Authorize(Policy = Policies.Parent)]
[Route("applications/{id:long}")]
public sealed class ChooseController(PickerQuery query, SignedRequests signedRequests, ReferralIssuer issuer,
    IConfiguration config, Lang<ChooseTexts> lang, TimeProvider timeProvider, ILogger<ChooseController> log) : Controller
{
    public const string PrivateKind = "choose-private";
    public const string StateKind = "choose-state";

    /// A refused signature's message, shown beside «Подписать и отправить».
    public const string SignErrorKey = "SignError";

    [HttpGet("private")]
    public Task<IActionResult> Private(long id, District? district, InstructionLanguage? language, string? q, int? org, int? page, CancellationToken ct) =>
        PickerAsync(id, OrganisationType.PrivateStateOrder, new PickerFilter(district, language, q), org, page, ct);

    [HttpGet("state")]
    public Task<IActionResult> State(long id, District? district, InstructionLanguage? language, string? q, int? org, int? page, CancellationToken ct) =>
        PickerAsync(id, OrganisationType.State, new PickerFilter(district, language, q), org, page, ct);

    [HttpPost("choose")]
    public async Task<IActionResult> Choose(long id, Guid requestId, string? signedXml, int organisationId, string? kind, CancellationToken ct)
    {
        var application = await query.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null) return NotFound();
        try
        {
            // When the seats are already gone (most presses of a rush), say so before the
            // signature is checked: nothing is decided, and the signed request stays unused.
            if (!await query.AnySeatLeftAsync(organisationId, application.BirthYear, ct))
                throw new DomainException("seat.taken", ReferralIssuer.SeatTaken);
            // Used up inside the seat transaction: a press refused there leaves it unused.
            var verified = await signedRequests.VerifyAsync(requestId, signedXml ?? "", User.Iin()!, ct, consume: false);
            var type = verified.Kind == PrivateKind ? OrganisationType.PrivateStateOrder
                : verified.Kind == StateKind ? OrganisationType.State : (OrganisationType?)null;
            if (type is null || verified.ApplicationId != id || SignedFields.Read(verified.SignedXml, "organisation") != organisationId.ToString())
                throw new DomainException("request.mismatch", new("Подписанный запрос относится к другому выбору. Выберите организацию ещё раз."));
            var referral = await issuer.IssueAsync(id, organisationId, type.Value, User.Identity!.Name!, verified.SignedXml, ct, requestId);
            PortalMetrics.SeatTaken();
            TempData["Message"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Направление № {0} выдано. Оно действительно до {1}; документ — во вкладке «Общие документы»."], referral.Number, AlmatyTime.Format(referral.ValidUntil));
            return Redirect($"/applications/{id}");
        }
        catch (SignatureRejectedException e) when (e.Code == "request.used")
        {
            // A second click on a request that went through: the first one decided.
            PortalMetrics.PressRefused(e.Code);
            TempData["Message"] = lang.Of(e.Reason);
            return Redirect($"/applications/{id}");
        }
        catch (Exception e) when (e is SignatureRejectedException or DomainException)
        {
            var (code, text) = e is SignatureRejectedException s ? (s.Code, s.Reason) : (((DomainException)e).Code, ((DomainException)e).Text);
            log.LogInformation("Choice for application {ApplicationId} refused: {Reason}", id, code);
            PortalMetrics.PressRefused(code);
            var picker = $"/applications/{id}/{(kind == "state" ? "state" : "private")}";
            if (e is SignatureRejectedException)
            {
                // The wrong key, an expired request…: the parent stays on the picker with the
                // organisation still chosen, the message beside the button, and signs again.
                TempData[SignErrorKey] = lang.Of(text);
                return Redirect($"{picker}?org={organisationId}#sign");
            }
            TempData["Error"] = lang.Of(text);
            // A seat someone else just took: the parent stays on the list and picks another.
            var backToList = code is "seat.taken" or "seat.priority" or "request.mismatch";
            return Redirect(backToList ? picker : $"/applications/{id}");
        }
    }

    private async Task<IActionResult> PickerAsync(long id, OrganisationType type, PickerFilter filter, int? org, int? page, CancellationToken ct)
    {
        var application = await query.ApplicationAsync(id, User.PersonId()!.Value, ct);
        if (application is null) return NotFound();
        var now = timeProvider.GetUtcNow();
        var offered = KindergartenEligibility.IsOffered(application.Status, application.OfferedUntil, now);
        // The picker itself is not shown to a child the rules exclude (the button is hidden too);
        // the seats are checked by the list, which holds only the ones this child may take.
        var unmet = type == OrganisationType.PrivateStateOrder
            ? KindergartenEligibility.Private(application.Status, application.BirthDate, application.StopListedUntil, freePrivateSeatForAgeGroup: true, now)
            : KindergartenEligibility.State(application.Status, application.StopListedUntil, application.OfferedUntil, seats: null, now);
        if (unmet.Count > 0)
        {
            TempData["Error"] = string.Format(lang["Выбор детского сада недоступен. {0}"], lang.Of(unmet[0]));
            return Redirect($"/applications/{id}");
        }
        var organisations = await query.AvailableAsync(application.BirthYear, type, offered, filter, ct);
        var selected = org is null ? null : organisations.FirstOrDefault(o => o.Id == org);
        (Guid Id, string Xml)? request = null;
        if (selected is not null)
        {
            request = await signedRequests.PrepareAsync(User.Iin()!, type == OrganisationType.State ? StateKind : PrivateKind, id,
                new Dictionary<string, string>
                {
                    ["registration"] = application.RegistrationNumber,
                    ["child"] = application.ChildName,
                    ["organisation"] = selected.Id.ToString(),
                    ["organisationName"] = selected.NameRu,
                    ["ageGroup"] = application.BirthYear.ToString(),
                }, ct);
        }
        return View("Picker", new PickerPage(id, application.RegistrationNumber, application.ChildName, application.BirthYear, type, filter,
            organisations, selected, request?.Id, request?.Xml, config["Map:TileUrl"], PickerPage.PageFor(organisations, page, selected)));
    }
}
