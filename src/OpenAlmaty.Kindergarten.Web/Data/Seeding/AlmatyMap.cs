using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// Where Almaty's eight districts lie (a rough box of latitude and longitude each, inside the
/// city's 43.18-43.36 N, 76.80-77.02 E) and some of their real streets and microdistricts.
public static class AlmatyMap
{
    public static readonly IReadOnlyDictionary<District, string> DistrictNames = new Dictionary<District, string>
    {
        [District.Alatau] = "Алатауский",
        [District.Almaly] = "Алмалинский",
        [District.Auezov] = "Ауэзовский",
        [District.Bostandyk] = "Бостандыкский",
        [District.Zhetysu] = "Жетысуский",
        [District.Medeu] = "Медеуский",
        [District.Nauryzbay] = "Наурызбайский",
        [District.Turksib] = "Турксибский",
    };

    public static readonly IReadOnlyDictionary<District, (double LatFrom, double LatTo, double LonFrom, double LonTo)> Boxes =
        new Dictionary<District, (double, double, double, double)>
        {
            [District.Alatau] = (43.265, 43.300, 76.825, 76.895),
            [District.Almaly] = (43.240, 43.265, 76.885, 76.945),
            [District.Auezov] = (43.215, 43.250, 76.825, 76.885),
            [District.Bostandyk] = (43.190, 43.238, 76.885, 76.950),
            [District.Zhetysu] = (43.268, 43.310, 76.900, 76.955),
            [District.Medeu] = (43.215, 43.265, 76.948, 77.010),
            [District.Nauryzbay] = (43.185, 43.222, 76.800, 76.848),
            [District.Turksib] = (43.305, 43.350, 76.935, 77.010),
        };

    /// Streets by district, in the order of <see cref="District"/> (1-based values, so index = value - 1).
    public static readonly string[][] Streets =
    [
        ["мкр. Шанырак-2, ул. Жанкожа батыра", "мкр. Айгерим-1, ул. Шолохова", "мкр. Алгабас, ул. Акын Сара", "мкр. Ақбулақ, ул. Хан Тенгри", "мкр. Саялы", "мкр. Улжан-1, ул. Бейбитшилик", "мкр. Зердели"],
        ["ул. Толе би", "ул. Байтурсынова", "ул. Шарипова", "ул. Айтеке би", "ул. Муратбаева", "ул. Жамбыла", "ул. Наурызбай батыра", "ул. Желтоксан", "пр. Абылай хана"],
        ["мкр. Аксай-4", "мкр. Жетысу-2", "мкр. Мамыр-4", "мкр. Аксай-1А", "ул. Саина", "ул. Жубанова", "мкр. Таугуль-1, ул. Токтабаева", "ул. Момышулы"],
        ["мкр. Орбита-3", "мкр. Коктем-2", "ул. Розыбакиева", "ул. Тимирязева", "ул. Ходжанова", "ул. Жандосова", "ул. Сатпаева", "пр. Аль-Фараби", "ул. Маркова"],
        ["мкр. Кулагер", "мкр. Айнабулак-3", "ул. Бекмаханова", "мкр. Айнабулак-2", "ул. Ратушного", "мкр. Кокжиек", "ул. Северное кольцо", "ул. Казыбаева"],
        ["пр. Достык", "ул. Кунаева", "мкр. Самал-2", "ул. Зенкова", "ул. Маметовой", "ул. Богенбай батыра", "мкр. Думан-2", "ул. Жамакаева"],
        ["мкр. Калкаман-2", "мкр. Шугыла, ул. Жуалы", "мкр. Карагайлы", "мкр. Таусамалы, ул. Жандосова", "мкр. Акжар, ул. Дулати"],
        ["ул. Майлина", "мкр. Жулдыз-1", "мкр. Альмерек", "ул. Сейфуллина", "ул. Красногорская", "ул. Акан серы", "мкр. Жулдыз-2", "пр. Суюнбая"],
    ];

    public static (double Lat, double Lon) PointIn(Random r, District district)
    {
        var (latFrom, latTo, lonFrom, lonTo) = Boxes[district];
        return (Math.Round(latFrom + r.NextDouble() * (latTo - latFrom), 6), Math.Round(lonFrom + r.NextDouble() * (lonTo - lonFrom), 6));
    }
}
