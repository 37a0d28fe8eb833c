namespace OpenAlmaty.Kindergarten.Domain.People;

/// A child in the queue. The birth date always comes from the IIN.
public sealed class Child
{
    private Child() { }

    public Child(Iin iin, string lastName, string firstName, string? middleName)
    {
        Iin = iin.Value;
        BirthDate = iin.BirthDate;
        Sex = iin.Sex;
        LastName = lastName.Trim();
        FirstName = firstName.Trim();
        MiddleName = string.IsNullOrWhiteSpace(middleName) ? null : middleName.Trim();
    }

    public long Id { get; private set; }
    public string Iin { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string? MiddleName { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }

    public string FullName => string.Join(' ', new[] { LastName, FirstName, MiddleName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
