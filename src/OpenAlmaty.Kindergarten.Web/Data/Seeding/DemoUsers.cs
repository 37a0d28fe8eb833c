using OpenAlmaty.Kindergarten.Domain.Staff;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

public sealed record DemoUser(string Key, string Iin, string LastName, string FirstName, string? MiddleName, StaffRole? Role, string Description);

public sealed record DemoChild(string Iin, string LastName, string FirstName, string? MiddleName, string ParentKey);

/// The demo people. Their IINs pass the check digit; the demo-data step makes a test CA and an
/// authentication and a signing key file for each under .data/demo-keys/ (see README).
public static class DemoUsers
{
    public const string KeyPassword = "Qwerty12";

    public static readonly DemoUser Parent1 = new("parent1", "900514410006", "ТУЛЕУБАЕВА", "АЙГЕРИМ", "СЕРИКОВНА", null, "Родитель: три заявления (одно с доступным частным садом)");
    public static readonly DemoUser Parent2 = new("parent2", "880302310000", "МАНСУРОВ", "ЕРЛАН", "БОЛАТҰЛЫ", null, "Второй родитель: может прикрепить заявление к своему ИИН");
    public static readonly DemoUser Education = new("education", "851120410005", "ЖАНДОСОВА", "ГУЛЬНАРА", "АСКАРОВНА", StaffRole.EducationStaff, "Управление образования, весь Алматы");
    public static readonly DemoUser Kindergarten = new("kindergarten", "920715310006", "ОМАРОВ", "ДАНИЯР", "ЕРЖАНОВИЧ", StaffRole.KindergartenStaff, "Сотрудник детского сада (первая частная организация)");
    public static readonly DemoUser Operator = new("operator", "870228310007", "СЕЙТКАЛИЕВА", "АСЕЛЬ", "МУРАТОВНА", StaffRole.CallCentreOperator, "Оператор Call-center Open Almaty 1308");
    public static readonly DemoUser Admin = new("admin", "790901310008", "БЕКОВ", "НУРЛАН", "САГЫНОВИЧ", StaffRole.Administrator, "Администратор портала");

    public static readonly IReadOnlyList<DemoUser> All = [Parent1, Parent2, Education, Kindergarten, Operator, Admin];

    /// Children of the demo parents: one over 3 (can choose a private kindergarten), one turning
    /// 3 soon, one under 3.
    public static readonly IReadOnlyList<DemoChild> Children =
    [
        new("210915510008", "МАНСУРҰЛЫ", "АЛИХАН", "ЕРЛАНҰЛЫ", "parent1"),
        new("220512510009", "МАНСУРҰЛЫ", "ДАНИЯЛ", "ЕРЛАНҰЛЫ", "parent1"),
        new("240210610007", "МАНСУРҚЫЗЫ", "АЙЛИН", "ЕРЛАНҚЫЗЫ", "parent1"),
    ];
}
