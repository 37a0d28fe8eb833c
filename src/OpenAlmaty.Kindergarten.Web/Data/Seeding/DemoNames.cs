using System.Text;
using OpenAlmaty.Kindergarten.Domain.People;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// A family's names as a Kazakh or Russian family in Almaty would have them, upper case as
/// they appear in ЭЦП certificates and the register.
public sealed record FamilyNames(
    string ApplicantLast, string ApplicantFirst, string ApplicantMiddle, Sex ApplicantSex,
    (string Last, string First, string Middle) OtherParent,
    Func<Sex, (string Last, string First, string Middle)> Child);

/// Names, streets, phones, e-mails and IINs for generated people: shared by the demo data and
/// the bulk generator. Everything comes from the Random it is given, so a seed gives the same city.
public static class DemoNames
{
    private static readonly string[] BoysKk = ["АЛИХАН", "НҰРСҰЛТАН", "ЕРАСЫЛ", "ДӘУЛЕТ", "АЙБЕК", "ТЕМІРЛАН", "ІЛИЯС", "ӘЛИ", "МҰХАММЕД", "БЕКЗАТ", "ЕРНҰР", "АЛДИЯР", "РАМАЗАН", "САНЖАР", "ДАНИЯЛ", "НҰРАСЫЛ", "ҚАСЫМ", "ӘМІР", "АЙСҰЛТАН", "ЖӘНІБЕК"];
    private static readonly string[] GirlsKk = ["АЙША", "ӘМИНА", "ТОМИРИС", "АЙЛИН", "ІҢКӘР", "АЯУЛЫМ", "ЖАНЕЛЬ", "АРУЖАН", "МЕРЕЙ", "САМИРА", "ҰЛЖАН", "ӘСЕЛ", "АЙЗЕРЕ", "ДАРИНА", "НҰРАЙ", "ҚАРАКӨЗ", "МАДИНА", "ЖҰЛДЫЗ", "АҚЕРКЕ", "ЗЕРЕ"];
    private static readonly string[] BoysRu = ["АРТЁМ", "МАКСИМ", "ИВАН", "АЛЕКСАНДР", "ДМИТРИЙ", "МИХАИЛ", "ТИМУР", "РУСЛАН", "МАРК", "ЛЕВ", "ДАНИИЛ", "МАТВЕЙ"];
    private static readonly string[] GirlsRu = ["АННА", "СОФИЯ", "МАРИЯ", "ВИКТОРИЯ", "ЕКАТЕРИНА", "АЛИНА", "ПОЛИНА", "ВАРВАРА", "ЕВА", "АЛИСА", "ДАРЬЯ", "КСЕНИЯ"];
    private static readonly string[] WomenKk = ["АЙГЕРИМ", "ГҮЛНАР", "ҚАРЛЫҒАШ", "ДИНАРА", "ЖАНАР", "САУЛЕ", "АСЕЛЬ", "ГУЛЬНАРА", "ЖАНСАЯ", "ӘЙГЕРІМ", "ТОЛҒАНАЙ", "ДАНА", "АҚМАРАЛ", "ЛӘЗЗАТ", "МӨЛДІР"];
    private static readonly string[] WomenRu = ["ЕЛЕНА", "ОЛЬГА", "НАТАЛЬЯ", "ТАТЬЯНА", "ИРИНА", "СВЕТЛАНА", "ЮЛИЯ", "АННА", "МАРИНА", "ОКСАНА"];
    private static readonly string[] MenRu = ["СЕРГЕЙ", "АНДРЕЙ", "АЛЕКСЕЙ", "ДЕНИС", "ВЛАДИМИР", "ЕВГЕНИЙ", "ИГОРЬ", "ПАВЕЛ", "РОМАН", "ОЛЕГ"];

    // A Kazakh father's name, as a Russian-style patronymic takes it and as a Kazakh one does.
    private static readonly (string Ru, string Kk)[] Fathers =
    [
        ("ЕРЛАН", "ЕРЛАН"), ("СЕРИК", "СЕРІК"), ("КАНАТ", "ҚАНАТ"), ("БОЛАТ", "БОЛАТ"), ("НУРЛАН", "НҰРЛАН"),
        ("ДАУРЕН", "ДӘУРЕН"), ("АСХАТ", "АСХАТ"), ("МАРАТ", "МАРАТ"), ("ЕРЖАН", "ЕРЖАН"), ("ГАЛЫМ", "ҒАЛЫМ"),
        ("АЙДОС", "АЙДОС"), ("ЖАНДОС", "ЖАНДОС"), ("АРМАН", "АРМАН"), ("БАУЫРЖАН", "БАУЫРЖАН"), ("ТИМУР", "ТЕМІР"),
        ("АСЫЛБЕК", "АСЫЛБЕК"), ("КУАНЫШ", "ҚУАНЫШ"), ("ОРАЗ", "ОРАЗ"), ("САКЕН", "СӘКЕН"), ("УМИРЗАК", "ӨМІРЗАҚ"),
    ];

    private static readonly string[] SurnamesKk =
    [
        "ТУЛЕУБАЕВ", "ЖАКСЫБЕКОВ", "ОМАРОВ", "НУРПЕИСОВ", "СЕЙТКАЛИЕВ", "ӘБДІРАХМАНОВ", "ҚАСЫМОВ", "ЕСЕНОВ",
        "БАЙМҰХАМЕДОВ", "ҚОЖАХМЕТОВ", "ӘЛІМЖАНОВ", "ТӨЛЕГЕНОВ", "ҮСЕНОВ", "ЖҰМАБАЕВ", "САРСЕНБАЕВ", "ИСМАИЛОВ",
        "ДОСМҰХАМБЕТОВ", "АХМЕТОВ", "БЕКМҰХАНБЕТОВ", "ШӘКЕНОВ", "ҒАБДУЛЛИН", "МҰХАМЕДЖАНОВ", "ТҰРСЫНОВ", "ҚҰРМАНҒАЛИЕВ",
    ];

    private static readonly (string Male, string Female)[] SurnamesRu =
    [
        ("ИВАНОВ", "ИВАНОВА"), ("ПЕТРОВ", "ПЕТРОВА"), ("СМИРНОВ", "СМИРНОВА"), ("КУЗНЕЦОВ", "КУЗНЕЦОВА"),
        ("КОВАЛЕНКО", "КОВАЛЕНКО"), ("ШЕВЧЕНКО", "ШЕВЧЕНКО"), ("КИМ", "КИМ"), ("ПАК", "ПАК"), ("ЛИ", "ЛИ"),
        ("ВОЛКОВ", "ВОЛКОВА"), ("МОРОЗОВ", "МОРОЗОВА"), ("ЗАЙЦЕВ", "ЗАЙЦЕВА"), ("ГРИГОРЬЕВ", "ГРИГОРЬЕВА"),
    ];

    private static readonly (string Male, string Female)[] PatronymicsRu =
    [
        ("СЕРГЕЕВИЧ", "СЕРГЕЕВНА"), ("АЛЕКСАНДРОВИЧ", "АЛЕКСАНДРОВНА"), ("ВИКТОРОВИЧ", "ВИКТОРОВНА"),
        ("АНДРЕЕВИЧ", "АНДРЕЕВНА"), ("ИГОРЕВИЧ", "ИГОРЕВНА"), ("ПАВЛОВИЧ", "ПАВЛОВНА"), ("ОЛЕГОВИЧ", "ОЛЕГОВНА"),
    ];

    public static readonly string[] MobilePrefixes = ["701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"];
    private static readonly string[] MailDomains = ["mail.ru", "gmail.com", "mail.kz", "inbox.ru", "yandex.kz", "list.ru"];

    public static FamilyNames Family(Random r)
    {
        var father = Pick(r, Fathers);
        var applicantSex = r.NextDouble() < 0.75 ? Sex.Female : Sex.Male;
        if (r.NextDouble() < 0.7)
        {
            var surname = Pick(r, SurnamesKk);
            var female = surname + "А";
            // Kazakh style, as in «МАНСУРҰЛЫ АЛИХАН ЕРЛАНҰЛЫ»: the grandfather's name, then the father's.
            var kazakhStyle = r.NextDouble() < 0.45;
            var grandfather = Pick(r, Fathers);
            var mother = (female, Pick(r, r.NextDouble() < 0.85 ? WomenKk : WomenRu), r.NextDouble() < 0.5 ? Pick(r, Fathers).Kk + "ҚЫЗЫ" : Pick(r, Fathers).Ru + "ОВНА");
            var dad = (surname, father.Ru, grandfather.Ru + "ОВИЧ");
            var (applicant, other) = applicantSex == Sex.Female ? (mother, dad) : (dad, mother);
            return new(applicant.Item1, applicant.Item2, applicant.Item3, applicantSex, other, sex => kazakhStyle
                ? (grandfather.Kk + (sex == Sex.Male ? "ҰЛЫ" : "ҚЫЗЫ"), Pick(r, sex == Sex.Male ? BoysKk : GirlsKk), father.Kk + (sex == Sex.Male ? "ҰЛЫ" : "ҚЫЗЫ"))
                : (sex == Sex.Male ? surname : female, Pick(r, sex == Sex.Male ? BoysKk : GirlsKk), father.Ru + (sex == Sex.Male ? "ОВИЧ" : "ОВНА")));
        }
        var (male, fem) = Pick(r, SurnamesRu);
        var fatherRu = Pick(r, MenRu);
        var patronymic = fatherRu switch
        {
            "СЕРГЕЙ" => ("СЕРГЕЕВИЧ", "СЕРГЕЕВНА"),
            "АНДРЕЙ" => ("АНДРЕЕВИЧ", "АНДРЕЕВНА"),
            "АЛЕКСЕЙ" => ("АЛЕКСЕЕВИЧ", "АЛЕКСЕЕВНА"),
            "ЕВГЕНИЙ" => ("ЕВГЕНЬЕВИЧ", "ЕВГЕНЬЕВНА"),
            "ИГОРЬ" => ("ИГОРЕВИЧ", "ИГОРЕВНА"),
            _ => (fatherRu + "ОВИЧ", fatherRu + "ОВНА"),
        };
        var momRu = (fem, Pick(r, WomenRu), Pick(r, PatronymicsRu).Female);
        var dadRu = (male, fatherRu, Pick(r, PatronymicsRu).Male);
        return applicantSex == Sex.Female
            ? new(momRu.Item1, momRu.Item2, momRu.Item3, Sex.Female, dadRu, ChildRu)
            : new(male, fatherRu, dadRu.Item3, Sex.Male, momRu, ChildRu);

        (string, string, string) ChildRu(Sex sex) => sex == Sex.Male
            ? (male, Pick(r, BoysRu), patronymic.Item1)
            : (fem, Pick(r, GirlsRu), patronymic.Item2);
    }

    public static string MobilePhone(Random r) =>
        $"+7 {Pick(r, MobilePrefixes)} {r.Next(100, 1000)} {r.Next(10, 100)} {r.Next(10, 100)}";

    /// Almaty landlines: seven digits after (727), written the way the city writes them.
    public static string CityPhone(Random r) => $"8 (727) {r.Next(220, 400)}-{r.Next(10, 100)}-{r.Next(10, 100)}";

    public static string Email(Random r, string lastName, string firstName) =>
        $"{Latin(firstName)}.{Latin(lastName)}{r.Next(1, 100)}@{Pick(r, MailDomains)}".ToLowerInvariant();

    public static string HomeAddress(Random r)
    {
        var district = (int)Pick(r, Enum.GetValues<Domain.Kindergartens.District>());
        var street = Pick(r, AlmatyMap.Streets[district - 1]);
        return $"г. Алматы, {street}, д. {r.Next(1, 250)}, кв. {r.Next(1, 180)}";
    }

    /// A valid IIN for a birth date: the serial is drawn from [serialFrom, serialTo) until the
    /// check digit exists and the number is unused.
    public static Iin NewIin(Random r, DateOnly birth, Sex sex, HashSet<string> used, int serialFrom, int serialTo)
    {
        var century = birth.Year >= 2000 ? (sex == Sex.Male ? 5 : 6) : birth.Year >= 1900 ? (sex == Sex.Male ? 3 : 4) : (sex == Sex.Male ? 1 : 2);
        while (true)
        {
            var body = $"{birth:yyMMdd}{century}{r.Next(serialFrom, serialTo):D4}0";
            if (Iin.CheckDigit(body) is not { } check) continue;
            var value = string.Concat(body.AsSpan(0, 11), check.ToString());
            if (used.Add(value)) return Iin.Parse(value);
        }
    }

    public static DateOnly RandomDate(Random r, DateOnly from, DateOnly to) => from.AddDays(r.Next(0, to.DayNumber - from.DayNumber + 1));

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private const string Cyrillic = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ";
    private static readonly string[] LatinOf =
    [
        "a", "a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "q", "l", "m", "n", "n", "o", "o", "p", "r", "s", "t",
        "u", "u", "u", "f", "kh", "h", "ts", "ch", "sh", "sh", "", "y", "i", "", "e", "yu", "ya",
    ];

    public static string Latin(string cyrillic)
    {
        var sb = new StringBuilder(cyrillic.Length + 4);
        foreach (var c in cyrillic)
        {
            var i = Cyrillic.IndexOf(char.ToUpperInvariant(c));
            sb.Append(i >= 0 ? LatinOf[i] : char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : "");
        }
        return sb.ToString();
    }
}
