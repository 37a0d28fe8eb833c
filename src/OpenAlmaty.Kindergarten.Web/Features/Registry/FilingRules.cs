using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Web.Features.Evidence;

namespace OpenAlmaty.Kindergarten.Web.Features.Registry;

public sealed record FilingCheck(LocalizedText? Error, Parenthood Parenthood, IReadOnlyList<(EvidencePurpose Purpose, CheckedFile File)> Files)
{
    public string SignedList => EvidenceDocuments.SignedList(Files.Select(f => (f.Purpose, f.File.Sha256)));
}

/// Who may file for a child (issue 12): a parent or legal representative per the population
/// registry; when the registry does not know the child, anyone who attaches a birth certificate
/// or guardianship decision, and staff confirm it. A claimed privilege needs its document.
public sealed class FilingRules(PopulationRegistry registry)
{
    public const string ParenthoodField = "parenthood";
    public const string DocumentsField = "documents";

    public static readonly LocalizedText NotParent = new(
        "По данным реестра населения вы не являетесь родителем или законным представителем этого ребёнка. " +
        "Заявление может подать только родитель или законный представитель.");

    public static readonly LocalizedText NeedsBirthCertificate = new(
        "Реестр населения пока не содержит сведений о ребёнке. Приложите свидетельство о рождении или решение об опеке: " +
        "заявление будет поставлено в очередь и проверено сотрудником.");

    public static readonly LocalizedText NeedsPrivilegeDocument = new(
        "Для льготы приложите подтверждающий документ (PDF, JPEG или PNG, до 5 МБ). До проверки заявление стоит в общей очереди.");

    /// Before anything is prepared for signing: the registry's answer, and the documents checked.
    public async Task<FilingCheck> CheckAsync(string applicantIin, string childIin, Privilege privilege,
        IEnumerable<IFormFile>? parenthoodFiles, IEnumerable<IFormFile>? privilegeFiles, CancellationToken ct)
    {
        var parenthood = await registry.IsParentOrRepresentativeAsync(applicantIin, childIin, ct);
        if (parenthood == Parenthood.No) return new(NotParent, parenthood, []);
        var (forParenthood, error) = await EvidenceFiles.CheckAsync(parenthoodFiles, ct);
        if (error is not null) return new(error, parenthood, []);
        var (forPrivilege, privilegeError) = await EvidenceFiles.CheckAsync(privilegeFiles, ct);
        if (privilegeError is not null) return new(privilegeError, parenthood, []);
        if (parenthood == Parenthood.Unknown && forParenthood.Count == 0) return new(NeedsBirthCertificate, parenthood, []);
        if (privilege != Privilege.None && forPrivilege.Count == 0) return new(NeedsPrivilegeDocument, parenthood, []);
        var files = forParenthood.Select(f => (EvidencePurpose.Parenthood, f))
            .Concat(privilege == Privilege.None ? [] : forPrivilege.Select(f => (EvidencePurpose.Privilege, f))).ToList();
        return new(null, parenthood, files);
    }

    /// At registration, with the signed fields: asked again (a feed may have come in between).
    /// True when staff must confirm the applicant's right from the attached document.
    public async Task<bool> ParenthoodNeedsReviewAsync(string applicantIin, string childIin, string signedDocuments, CancellationToken ct)
    {
        switch (await registry.IsParentOrRepresentativeAsync(applicantIin, childIin, ct))
        {
            case Parenthood.Yes: return false;
            case Parenthood.No: throw new DomainException("filing.not-parent", NotParent);
        }
        if (!signedDocuments.Split(';').Any(d => d.StartsWith($"{(int)EvidencePurpose.Parenthood}:", StringComparison.Ordinal)))
            throw new DomainException("filing.birth-certificate", NeedsBirthCertificate);
        return true;
    }
}
