using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Auth;
using OpenAlmaty.Kindergarten.Web.Data;
using OpenAlmaty.Kindergarten.Web.Features.Applications;
using OpenAlmaty.Kindergarten.Web.Features.Evidence;
using OpenAlmaty.Kindergarten.Web.Features.Registry;
using OpenAlmaty.Kindergarten.Web.Features.Shared;
using OpenAlmaty.Kindergarten.Web.Localization;
using OpenAlmaty.Kindergarten.Web.Signatures;

namespace OpenAlmaty.Kindergarten.Web.Features.NewApplication;

/// "Постановка на очередь": the form, a review with the signature, the registration.
[Authorize(Policy = Policies.Parent)]
[Route("applications/new")]
public sealed class NewApplicationController(AppDbContext db, SignedRequests signedRequests, SignedAction action, QueuePositions positions,
    FilingRules rules, TimeProvider clock, Lang<NewApplicationTexts> lang) : Controller
{
    public const string Kind = "new-application";

    [HttpGet("")]
    public IActionResult Form() => View(new NewApplicationForm());

    /// The documents come with the form (multipart): the request's size is capped before it is read.
    [HttpPost("review")]
    [BodyLimit(EvidenceFiles.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = EvidenceFiles.RequestLimit)]
    public async Task<IActionResult> Review(NewApplicationForm form, List<IFormFile>? parenthoodFiles, List<IFormFile>? privilegeFiles,
        CancellationToken ct)
    {
        var birthDate = await ValidateAsync(form, ct);
        if (birthDate is null) return View("Form", form);
        var check = await rules.CheckAsync(User.Iin()!, form.ChildIin.Trim(), form.Privilege, parenthoodFiles, privilegeFiles, ct);
        if (check.Error is not null)
        {
            ModelState.AddModelError("", lang.Of(check.Error));
            return View("Form", form);
        }
        var (requestId, xml) = await signedRequests.PrepareAsync(User.Iin()!, Kind, null, new Dictionary<string, string>
        {
            ["childIin"] = form.ChildIin.Trim(),
            ["lastName"] = form.LastName.Trim(),
            ["firstName"] = form.FirstName.Trim(),
            ["middleName"] = form.MiddleName?.Trim() ?? "",
            ["privilege"] = form.Privilege.ToString(),
            ["district"] = form.District!.Value.ToString(),
            ["language"] = form.Language.ToString(),
            ["additionalEmail"] = form.AdditionalEmail?.Trim() ?? "",
            ["additionalPhone"] = form.AdditionalPhone?.Trim() ?? "",
            [FilingRules.ParenthoodField] = check.Parenthood.ToString(),
            [FilingRules.DocumentsField] = check.SignedList,
        }, ct);
        foreach (var group in check.Files.GroupBy(f => f.Purpose))
            EvidenceDocuments.Stage(db, requestId, User.PersonId()!.Value, group.Key, group.Select(f => f.File), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return View(new NewApplicationReview(form, birthDate.Value, requestId, xml) { Parenthood = check.Parenthood, Documents = check.Files.Count });
    }

    [HttpPost("")]
    public async Task<IActionResult> Register(Guid requestId, string? signedXml, CancellationToken ct)
    {
        Application? application = null;
        var outcome = await action.RunAsync(new SignedActionRequest(requestId, signedXml, User.Iin()!, Kind, null, User.Identity!.Name!)
        {
            // Two registrations for the same child at once: one wins, the other is told why.
            Constraints = new Dictionary<string, LocalizedText> { ["ux_applications_active_child"] = DuplicateText, ["ix_children_iin"] = DuplicateText },
        }, async (c, ct) =>
        {
            string F(string name) => SignedFields.Read(c.Request.SignedXml, name) ?? "";
            var iin = Iin.Parse(F("childIin"));
            // The registry decides: a parent files at once; an unknown child waits for staff with a document.
            var underReview = await rules.ParenthoodNeedsReviewAsync(User.Iin()!, iin.Value, F(FilingRules.DocumentsField), ct);
            var child = await c.Db.Children.SingleOrDefaultAsync(x => x.Iin == iin.Value, ct)
                ?? c.Db.Children.Add(new Child(iin, F("lastName"), F("firstName"), F("middleName"))).Entity;
            var others = child.Id == 0 ? [] : await c.Db.Applications.Where(a => a.ChildId == child.Id).Select(a => a.Status).ToListAsync(ct);
            var applicant = await c.Db.People.SingleAsync(p => p.Id == User.PersonId(), ct);
            var serial = await c.Db.Database.SqlQuery<long>($"select nextval('registration_number_seq') as \"Value\"").SingleAsync(ct);
            application = Application.File(child, applicant, RegistrationNumber.Format(AlmatyTime.ToLocal(c.Now).Year, serial),
                Enum.Parse<Privilege>(F("privilege")), Enum.Parse<InstructionLanguage>(F("language")),
                NullIfEmpty(F("additionalEmail")), NullIfEmpty(F("additionalPhone")), c.Now, others, signedXml: c.Request.SignedXml,
                parenthoodUnderReview: underReview, district: Enum.TryParse<District>(F("district"), out var district) ? district : null);
            c.Db.Applications.Add(application);
            await c.Db.SaveChangesAsync(ct);
            await EvidenceDocuments.MoveAsync(c.Db, requestId, applicant.Id, F(FilingRules.DocumentsField), application.Id, c.Now, ct);
            return new LocalizedText("", "");
        }, ct);
        if (!outcome.Done || application is null)
        {
            TempData["Error"] = lang.Of(outcome.Text);
            return Redirect("/applications/new");
        }
        var number = await positions.ForAsync(new QueueKey(application.Id, application.BirthYear, application.Status));
        TempData["Message"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, lang["Заявление зарегистрировано: № {0}, номер в очереди {1}."], application.RegistrationNumber, number);
        return Redirect($"/applications/{application.Id}");
    }

    private static readonly LocalizedText DuplicateText = new(
        "У ребёнка уже есть действующее заявление. Новое можно подать, когда ребёнок зачислен в детский сад.");

    private async Task<DateOnly?> ValidateAsync(NewApplicationForm form, CancellationToken ct)
    {
        form.LastName = Shared.PlainText.Normalize(form.LastName) ?? "";
        form.FirstName = Shared.PlainText.Normalize(form.FirstName) ?? "";
        form.MiddleName = Shared.PlainText.Normalize(form.MiddleName);
        foreach (var (field, value) in new[] { (nameof(form.LastName), form.LastName), (nameof(form.FirstName), form.FirstName), (nameof(form.MiddleName), form.MiddleName) })
            if (!Shared.PlainText.IsClean(value)) ModelState.AddModelError(field, lang.Of(Shared.PlainText.Refused));
        // The district is asked, not guessed: the portal has no address register to place a free-text address.
        if (form.District is not { } chosen || !Enum.IsDefined(chosen))
            ModelState.AddModelError(nameof(form.District), lang["Выберите район проживания."]);
        if (!ModelState.IsValid) ModelState.AddModelError("", lang["Проверьте заполнение полей."]);
        if (!Iin.TryParse(form.ChildIin, out var iin, out var error))
        {
            ModelState.AddModelError(nameof(form.ChildIin), lang.Of(error));
            return null;
        }
        var today = AlmatyTime.Today(clock.GetUtcNow());
        if (iin.BirthDate > today || iin.AgeOn(today) >= QueueAge.MaximumAge)
            ModelState.AddModelError(nameof(form.ChildIin), lang["На очередь ставят детей в возрасте до 6 лет: проверьте ИИН ребёнка."]);
        var active = await db.Applications.AnyAsync(a => a.Child!.Iin == iin.Value
            && (a.Status == ApplicationStatus.Queued || a.Status == ApplicationStatus.Notified || a.Status == ApplicationStatus.Referred), ct);
        if (active) ModelState.AddModelError(nameof(form.ChildIin), lang.Of(DuplicateText));
        return ModelState.ErrorCount == 0 ? iin.BirthDate : null;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    internal static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
