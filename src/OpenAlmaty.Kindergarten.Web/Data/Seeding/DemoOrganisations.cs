using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using static OpenAlmaty.Kindergarten.Domain.Kindergartens.District;
using static OpenAlmaty.Kindergarten.Domain.Kindergartens.InstructionLanguage;
using static OpenAlmaty.Kindergarten.Domain.Kindergartens.OrganisationType;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// About sixty kindergartens in all eight districts, state and private under the state order.
/// The first private one is the instruction's own example, «Детский сад "Золотой Дракоша"».
public static class DemoOrganisations
{
    public const string GoldenDragonName = "Детский сад \"Золотой Дракоша\"";

    private sealed record Entry(OrganisationType Type, string Name, InstructionLanguage Language, District District, string Address);

    private static readonly Entry[] Entries =
    [
        new(PrivateStateOrder, "Золотой Дракоша", English, Almaly, "ул. Кожамсулова 151"),
        new(State, "Ясли-сад № 187", Kazakh, Alatau, "мкр. Шанырак-2, ул. Жанкожа батыра, 120"),
        new(State, "Ясли-сад № 192", KazakhRussian, Alatau, "мкр. Айгерим-1, ул. Шолохова, 14"),
        new(State, "Ясли-сад \"Балбөбек\"", Kazakh, Alatau, "мкр. Алгабас, ул. Акын Сара, 35"),
        new(PrivateStateOrder, "Күншуақ", Kazakh, Alatau, "мкр. Ақбулақ, ул. Хан Тенгри, 8"),
        new(PrivateStateOrder, "Смарт Бала", KazakhRussian, Alatau, "мкр. Саялы, 42"),
        new(State, "Ясли-сад № 201", Kazakh, Alatau, "мкр. Зердели, 11"),
        new(PrivateStateOrder, "Нұр-Бала", Kazakh, Alatau, "мкр. Улжан-1, ул. Бейбитшилик, 21"),
        new(State, "Ясли-сад № 45", Russian, Almaly, "ул. Толе би, 155"),
        new(State, "Ясли-сад № 12", KazakhRussian, Almaly, "ул. Байтурсынова, 62"),
        new(State, "Детский сад \"Айгөлек\"", Kazakh, Almaly, "ул. Шарипова, 90"),
        new(PrivateStateOrder, "Little Genius", English, Almaly, "ул. Айтеке би, 132"),
        new(PrivateStateOrder, "Теремок", Russian, Almaly, "ул. Муратбаева, 75"),
        new(State, "Ясли-сад № 32", Russian, Almaly, "ул. Жамбыла, 114"),
        new(PrivateStateOrder, "Ақбота", Kazakh, Almaly, "ул. Наурызбай батыра, 41"),
        new(State, "Ясли-сад № 18", Russian, Almaly, "ул. Желтоксан, 168"),
        new(State, "Ясли-сад № 146", Kazakh, Auezov, "мкр. Аксай-4, 85"),
        new(State, "Ясли-сад № 119", KazakhRussian, Auezov, "мкр. Жетысу-2, 67А"),
        new(State, "Ясли-сад № 153", Russian, Auezov, "мкр. Мамыр-4, 103"),
        new(PrivateStateOrder, "Балапан", Kazakh, Auezov, "мкр. Аксай-1А, 28"),
        new(PrivateStateOrder, "Солнышко", Russian, Auezov, "ул. Саина, 16"),
        new(State, "Детский сад \"Еркетай\"", Kazakh, Auezov, "мкр. Жетысу-3, 44"),
        new(PrivateStateOrder, "Smart Kids", English, Auezov, "ул. Жубанова, 22"),
        new(State, "Ясли-сад № 170", Kazakh, Auezov, "мкр. Таугуль-1, ул. Токтабаева, 15"),
        new(PrivateStateOrder, "Айсұлу", Kazakh, Auezov, "мкр. Аксай-3А, 62"),
        new(State, "Ясли-сад № 24", Russian, Bostandyk, "мкр. Орбита-3, 8"),
        new(State, "Ясли-сад № 101", KazakhRussian, Bostandyk, "мкр. Коктем-2, 19"),
        new(PrivateStateOrder, "Радуга", Russian, Bostandyk, "ул. Розыбакиева, 247"),
        new(PrivateStateOrder, "Алтын бесік", Kazakh, Bostandyk, "ул. Тимирязева, 71"),
        new(State, "Детский сад \"Ботақан\"", Kazakh, Bostandyk, "ул. Ходжанова, 55"),
        new(PrivateStateOrder, "Sunny Kids", English, Bostandyk, "ул. Жандосова, 98"),
        new(State, "Ясли-сад № 66", Russian, Bostandyk, "ул. Сатпаева, 30Б"),
        new(PrivateStateOrder, "Мерей", KazakhRussian, Bostandyk, "мкр. Орбита-1, 31"),
        new(State, "Ясли-сад № 78", Kazakh, Bostandyk, "мкр. Коктем-1, 10"),
        new(State, "Ясли-сад № 91", Kazakh, Zhetysu, "мкр. Кулагер, 45"),
        new(State, "Ясли-сад № 135", Russian, Zhetysu, "мкр. Айнабулак-3, 118"),
        new(PrivateStateOrder, "Жұлдыз", Kazakh, Zhetysu, "ул. Бекмаханова, 93"),
        new(State, "Детский сад \"Шаттық\"", KazakhRussian, Zhetysu, "мкр. Айнабулак-2, 7"),
        new(PrivateStateOrder, "Умка", Russian, Zhetysu, "ул. Ратушного, 72"),
        new(State, "Ясли-сад № 158", Kazakh, Zhetysu, "мкр. Кокжиек, 18"),
        new(PrivateStateOrder, "Ертөстік", Kazakh, Zhetysu, "ул. Северное кольцо, 49"),
        new(State, "Ясли-сад № 2", Russian, Medeu, "пр. Достык, 132"),
        new(State, "Ясли-сад № 7", KazakhRussian, Medeu, "ул. Кунаева, 77"),
        new(PrivateStateOrder, "Айналайын", Kazakh, Medeu, "мкр. Самал-2, 58"),
        new(PrivateStateOrder, "Happy Land", English, Medeu, "ул. Зенкова, 59"),
        new(State, "Детский сад \"Қуаныш\"", Kazakh, Medeu, "ул. Маметовой, 54"),
        new(PrivateStateOrder, "Ладушки", Russian, Medeu, "ул. Богенбай батыра, 88"),
        new(State, "Ясли-сад № 58", Kazakh, Medeu, "мкр. Думан-2, 16"),
        new(State, "Ясли-сад № 183", Kazakh, Nauryzbay, "мкр. Калкаман-2, 14"),
        new(State, "Ясли-сад № 195", Kazakh, Nauryzbay, "мкр. Шугыла, ул. Жуалы, 3"),
        new(PrivateStateOrder, "Ақниет", Kazakh, Nauryzbay, "мкр. Карагайлы, 25"),
        new(PrivateStateOrder, "Кішкентай данышпан", KazakhRussian, Nauryzbay, "мкр. Таусамалы, ул. Жандосова, 186"),
        new(State, "Детский сад \"Бәйтерек\"", Kazakh, Nauryzbay, "мкр. Акжар, ул. Дулати, 20"),
        new(State, "Ясли-сад № 110", Russian, Turksib, "ул. Майлина, 85"),
        new(State, "Ясли-сад № 126", Kazakh, Turksib, "мкр. Жулдыз-1, 20"),
        new(PrivateStateOrder, "Бөбек", Kazakh, Turksib, "мкр. Альмерек, 12"),
        new(PrivateStateOrder, "Kinder Land", English, Turksib, "ул. Сейфуллина, 45"),
        new(State, "Детский сад \"Балдырған\"", KazakhRussian, Turksib, "ул. Красногорская, 37"),
        new(PrivateStateOrder, "Гномик", Russian, Turksib, "ул. Акан серы, 140"),
        new(State, "Ясли-сад № 141", Kazakh, Turksib, "мкр. Жулдыз-2, 31"),
    ];

    public static IReadOnlyList<PreschoolOrganisation> Create(Random r) => Entries.Select(e =>
    {
        var (ru, kk) = Names(e.Type, e.Name);
        if (e.Name == "Золотой Дракоша")
            return new PreschoolOrganisation(e.Type, GoldenDragonName, kk, e.Language, e.District, e.Address,
                "378-25-35, 705-211-74-54, 32-91-3-91", "http://zoltoidrakosha.satu.kz/", 43.242_6, 76.905_8);
        var (lat, lon) = AlmatyMap.PointIn(r, e.District);
        var phones = r.NextDouble() < 0.6 ? $"{DemoNames.CityPhone(r)}, {DemoNames.MobilePhone(r)}" : DemoNames.CityPhone(r);
        return new PreschoolOrganisation(e.Type, ru, kk, e.Language, e.District, e.Address, phones, null, lat, lon);
    }).ToList();

    /// «Ясли-сад № 45» / «№ 45 бөбекжай-бақшасы»; private ones are «Детский сад "…"» / «"…" балабақшасы».
    public static (string Ru, string Kk) Names(OrganisationType type, string name)
    {
        if (type == PrivateStateOrder) return ($"Детский сад \"{name}\"", $"\"{name}\" балабақшасы");
        if (name.StartsWith("Ясли-сад № ", StringComparison.Ordinal)) return (name, $"№ {name[11..]} бөбекжай-бақшасы");
        if (name.StartsWith("Детский сад № ", StringComparison.Ordinal)) return (name, $"№ {name[14..]} балабақшасы");
        var quoted = name[name.IndexOf('"')..];
        return (name, name.StartsWith("Ясли-сад", StringComparison.Ordinal) ? $"{quoted} бөбекжай-бақшасы" : $"{quoted} балабақшасы");
    }

    /// Free seats per age group (birth years 2020-2024; private ones take children from 3, so
    /// 2020-2023). About a third of the groups are full. The instruction's example and two more
    /// private kindergartens always have seats for 2021-2023, so the demo parent can choose.
    public static IEnumerable<SeatAvailability> Seats(Random r, IReadOnlyList<PreschoolOrganisation> organisations, DateTimeOffset now)
    {
        var privates = organisations.Where(o => o.Type == PrivateStateOrder).Take(3).Select(o => o.Id).ToHashSet();
        foreach (var o in organisations)
        {
            var lastYear = o.Type == PrivateStateOrder ? 2023 : 2024;
            for (var year = 2020; year <= lastYear; year++)
            {
                var free = r.NextDouble() < 0.35 ? 0 : r.Next(1, o.Type == PrivateStateOrder ? 6 : 11);
                if (privates.Contains(o.Id) && year is >= 2021 and <= 2023) free = Math.Max(free, 2 + r.Next(3));
                yield return new SeatAvailability(o.Id, year, free, now, DemoData.Publisher);
            }
        }
    }
}
