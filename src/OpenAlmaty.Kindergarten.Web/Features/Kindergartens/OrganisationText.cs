using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.Kindergartens;

public static class OrganisationText
{
    public static LocalizedText Language(InstructionLanguage language) => language switch
    {
        InstructionLanguage.Kazakh => new("Казахский"),
        InstructionLanguage.Russian => new("Русский"),
        InstructionLanguage.English => new("Английский"),
        InstructionLanguage.KazakhRussian => new("Казахский и русский"),
        _ => new(language.ToString(), language.ToString()),
    };

    public static LocalizedText Type(OrganisationType type) => type switch
    {
        OrganisationType.State => new("Государственный детский сад"),
        OrganisationType.PrivateStateOrder => new("Частные детские сады по гос.дотации"),
        _ => new(type.ToString(), type.ToString()),
    };

    public static LocalizedText District(District district) => district switch
    {
        Domain.Kindergartens.District.Alatau => new("Алатауский"),
        Domain.Kindergartens.District.Almaly => new("Алмалинский"),
        Domain.Kindergartens.District.Auezov => new("Ауэзовский"),
        Domain.Kindergartens.District.Bostandyk => new("Бостандыкский"),
        Domain.Kindergartens.District.Zhetysu => new("Жетысуский"),
        Domain.Kindergartens.District.Medeu => new("Медеуский"),
        Domain.Kindergartens.District.Nauryzbay => new("Наурызбайский"),
        Domain.Kindergartens.District.Turksib => new("Турксибский"),
        _ => new(district.ToString(), district.ToString()),
    };
}
