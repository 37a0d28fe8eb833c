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
        Privilege.None => new("Без льготы"),
        Privilege.ServicemanChild => new("Дети военнослужащих (вне очереди)"),
        Privilege.SpecialStateBodyChild => new("Дети сотрудников специальных государственных органов (вне очереди)"),
        Privilege.DisabledParentChild => new("Дети законных представителей с инвалидностью"),
        Privilege.WithoutParentalCare => new("Дети, оставшиеся без попечения родителей"),
        Privilege.Orphan => new("Дети-сироты"),
        Privilege.LargeFamily => new("Дети из многодетных семей"),
        Privilege.SpecialEducationalNeeds => new("Дети с особыми образовательными потребностями"),
        Privilege.FamilyRaisingDisabledChild => new("Дети из семей, воспитывающих ребёнка с инвалидностью"),
        Privilege.TeacherChild => new("Дети педагогов"),
        _ => new(privilege.ToString(), privilege.ToString()),
    };
}
