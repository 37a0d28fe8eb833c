using OpenAlmaty.Kindergarten.Domain.Kindergartens;

namespace OpenAlmaty.Kindergarten.Domain.Staff;

public enum StaffRole
{
    /// Управление образования.
    EducationStaff = 1,
    KindergartenStaff = 2,
    /// Open Almaty call-centre (1308): reads only.
    CallCentreOperator = 3,
    Administrator = 4,
}

/// A role granted to an IIN, with its scope: all Almaty, one district, or one organisation.
public sealed class StaffMember
{
    private StaffMember() { }

    public StaffMember(string iin, string fullName, StaffRole role, District? district, int? organisationId,
        DateTimeOffset now, string grantedBy)
    {
        if (role == StaffRole.KindergartenStaff && organisationId is null)
            throw new Common.DomainException("staff.scope", new("Сотрудник детского сада должен быть привязан к организации."));
        Iin = iin;
        FullName = fullName;
        Role = role;
        District = district;
        OrganisationId = organisationId;
        GrantedAt = now;
        GrantedBy = grantedBy;
    }

    public int Id { get; private set; }
    public string Iin { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public StaffRole Role { get; private set; }
    public District? District { get; private set; }
    public int? OrganisationId { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now, string by)
    {
        RevokedAt ??= now;
        RevokedBy ??= by;
    }
}
