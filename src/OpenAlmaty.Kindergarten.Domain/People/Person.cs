namespace OpenAlmaty.Kindergarten.Domain.People;

/// A grown-up known to the portal: an applicant (parent) or a staff member. Found by IIN,
/// created or refreshed from the ЭЦП certificate at sign-in.
public sealed class Person
{
    private Person() { }

    public Person(Iin iin, string lastName, string firstName, string? middleName)
    {
        Iin = iin.Value;
        BirthDate = iin.BirthDate;
        LastName = lastName;
        FirstName = firstName;
        MiddleName = middleName;
    }

    public long Id { get; private set; }
    public string Iin { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string? MiddleName { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Address { get; private set; }

    /// The language the person reads the portal in ("ru", "kk", "en"): the one they signed in
    /// with or last switched to while signed in. Their notifications are written in it, whoever
    /// causes them (a staff member, a job).
    public string Language { get; private set; } = "ru";

    public static readonly IReadOnlyList<string> Languages = ["ru", "kk", "en"];

    public string FullName => string.Join(' ', new[] { LastName, FirstName, MiddleName }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public void Rename(string lastName, string firstName, string? middleName)
    {
        LastName = lastName;
        FirstName = firstName;
        MiddleName = middleName;
    }

    public void Speaks(string language) =>
        Language = Languages.Contains(language) ? language : throw new ArgumentOutOfRangeException(nameof(language), language, null);

    public void UpdateContacts(string? phone, string? email, string? address)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? Phone : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? Email : email.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? Address : address.Trim();
    }
}
