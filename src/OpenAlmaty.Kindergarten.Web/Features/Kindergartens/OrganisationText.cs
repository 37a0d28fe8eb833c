using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Features.Kindergartens;

public static class OrganisationText
{
    public static LocalizedText Language(InstructionLanguage language) => language switch
    {
        InstructionLanguage.Kazakh => new("Казахский", "Қазақ"),
        InstructionLanguage.Russian => new("Русский", "Орыс"),
        InstructionLanguage.English => new("Английский", "Ағылшын"),
        InstructionLanguage.KazakhRussian => new("Казахский и русский", "Қазақ және орыс"),
        _ => new(language.ToString(), language.ToString()),
    };

    public static LocalizedText Type(OrganisationType type) => type switch
    {
        OrganisationType.State => new("Государственный детский сад", "Мемлекеттік балабақша"),
        OrganisationType.PrivateStateOrder => new("Частные детские сады по гос.дотации", "Мемлекеттік тапсырыс бойынша жеке балабақшалар"),
        _ => new(type.ToString(), type.ToString()),
    };

    public static LocalizedText District(District district) => district switch
    {
        Domain.Kindergartens.District.Alatau => new("Алатауский", "Алатау"),
        Domain.Kindergartens.District.Almaly => new("Алмалинский", "Алмалы"),
        Domain.Kindergartens.District.Auezov => new("Ауэзовский", "Әуезов"),
        Domain.Kindergartens.District.Bostandyk => new("Бостандыкский", "Бостандық"),
        Domain.Kindergartens.District.Zhetysu => new("Жетысуский", "Жетісу"),
        Domain.Kindergartens.District.Medeu => new("Медеуский", "Медеу"),
        Domain.Kindergartens.District.Nauryzbay => new("Наурызбайский", "Наурызбай"),
        Domain.Kindergartens.District.Turksib => new("Турксибский", "Түрксіб"),
        _ => new(district.ToString(), district.ToString()),
    };
}
