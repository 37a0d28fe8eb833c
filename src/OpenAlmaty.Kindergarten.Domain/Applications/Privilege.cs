using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// Privilege categories of Order No. 254.
public enum Privilege
{
    None = 0,
    // Out of turn (вне очереди)
    ServicemanChild = 10,
    SpecialStateBodyChild = 11,
    // First priority (в первую очередь)
    DisabledParentChild = 20,
    WithoutParentalCare = 21,
    Orphan = 22,
    LargeFamily = 23,
    SpecialEducationalNeeds = 24,
    FamilyRaisingDisabledChild = 25,
    TeacherChild = 26,
}

/// Where a privilege puts a child inside its birth year's queue.
public enum PriorityGroup { OutOfTurn = 0, FirstPriority = 1, General = 2 }

public static class PrivilegeText
{
    public static PriorityGroup GroupOf(Privilege privilege) => (int)privilege switch
    {
        >= 10 and < 20 => PriorityGroup.OutOfTurn,
        >= 20 => PriorityGroup.FirstPriority,
        _ => PriorityGroup.General,
    };

    public static LocalizedText Of(Privilege privilege) => privilege switch
    {
        Privilege.None => new("Без льготы", "Жеңілдіксіз"),
        Privilege.ServicemanChild => new("Дети военнослужащих (вне очереди)", "Әскери қызметшілердің балалары (кезектен тыс)"),
        Privilege.SpecialStateBodyChild => new("Дети сотрудников специальных государственных органов (вне очереди)", "Арнаулы мемлекеттік органдар қызметкерлерінің балалары (кезектен тыс)"),
        Privilege.DisabledParentChild => new("Дети законных представителей с инвалидностью", "Мүгедектігі бар заңды өкілдердің балалары"),
        Privilege.WithoutParentalCare => new("Дети, оставшиеся без попечения родителей", "Ата-анасының қамқорлығынсыз қалған балалар"),
        Privilege.Orphan => new("Дети-сироты", "Жетім балалар"),
        Privilege.LargeFamily => new("Дети из многодетных семей", "Көп балалы отбасылардың балалары"),
        Privilege.SpecialEducationalNeeds => new("Дети с особыми образовательными потребностями", "Ерекше білім беру қажеттіліктері бар балалар"),
        Privilege.FamilyRaisingDisabledChild => new("Дети из семей, воспитывающих ребёнка с инвалидностью", "Мүгедек бала тәрбиелеп отырған отбасылардың балалары"),
        Privilege.TeacherChild => new("Дети педагогов", "Педагогтердің балалары"),
        _ => new(privilege.ToString(), privilege.ToString()),
    };
}
