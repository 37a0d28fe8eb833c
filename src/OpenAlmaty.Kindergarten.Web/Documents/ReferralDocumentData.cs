using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Domain.Referrals;

namespace OpenAlmaty.Kindergarten.Web.Documents;

/// Everything printed on a referral, and nothing else: the document is a pure function of it,
/// so the same data gives the same bytes.
public sealed record ReferralDocumentData(
    string Number,
    DateTimeOffset IssuedAt,
    string ChildFullName,
    DateOnly ChildBirthDate,
    string OrganisationNameRu,
    string OrganisationNameKk,
    string Address,
    string Phones,
    LocalizedText Language,
    LocalizedText OrganisationType,
    int BirthYear,
    DateTimeOffset ValidUntil,
    string VerificationUrl,
    string ApplicationNumber,
    string ApplicantFullName)
{
    public static ReferralDocumentData From(Referral referral, Application application, PreschoolOrganisation organisation, string verificationUrl)
    {
        var child = application.Child ?? throw new InvalidOperationException("The application's child is not loaded.");
        var applicant = application.Applicant ?? throw new InvalidOperationException("The application's applicant is not loaded.");
        return new(referral.Number, referral.IssuedAt, child.FullName, child.BirthDate, organisation.NameRu, organisation.NameKk,
            organisation.Address, organisation.Phones, OrganisationWords.Language(organisation.Language),
            OrganisationWords.Type(organisation.Type), referral.BirthYear, referral.ValidUntil, verificationUrl,
            application.RegistrationNumber, applicant.FullName);
    }
}

/// The organisation's enums in the words a parent reads.
public static class OrganisationWords
{
    public static LocalizedText Language(InstructionLanguage language) => language switch
    {
        InstructionLanguage.Kazakh => new("Казахский", "Қазақ тілі"),
        InstructionLanguage.Russian => new("Русский", "Орыс тілі"),
        InstructionLanguage.English => new("Английский", "Ағылшын тілі"),
        InstructionLanguage.KazakhRussian => new("Казахский и русский", "Қазақ және орыс тілдері"),
        _ => new(language.ToString(), language.ToString()),
    };

    public static LocalizedText Type(OrganisationType type) => type switch
    {
        Domain.Kindergartens.OrganisationType.State => new("Государственный детский сад", "Мемлекеттік балабақша"),
        Domain.Kindergartens.OrganisationType.PrivateStateOrder => new(
            "Частные детские сады по гос.дотации", "Мемлекеттік тапсырыс бойынша жеке балабақшалар"),
        _ => new(type.ToString(), type.ToString()),
    };
}
