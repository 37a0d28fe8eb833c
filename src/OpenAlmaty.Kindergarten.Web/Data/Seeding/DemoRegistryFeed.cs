using System.Text;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Features.Registry;

namespace OpenAlmaty.Kindergarten.Web.Data.Seeding;

/// The demo families as the population registry's feed would give them, loaded through the
/// same import as a real feed: every demo child with its parents (the demo parent's children with
/// both demo parents, so parent2 can attach through the registry), and the adults themselves.
public static class DemoRegistryFeed
{
    public static MemoryStream Build(IEnumerable<DemoPlan> plans, IReadOnlyDictionary<string, Person> demoPeople, DateTimeOffset now)
    {
        var lines = new StringBuilder();
        var written = new HashSet<string>();
        void Add(string iin, string last, string first, string? middle, DateOnly birth, string[] parents)
        {
            if (written.Add(iin))
                lines.AppendLine(RegistryFeed.Line(new FeedPerson(iin, last, first, middle, birth, parents, now)));
        }
        var parent1 = demoPeople[DemoUsers.Parent1.Key].Iin;
        var parent2 = demoPeople[DemoUsers.Parent2.Key].Iin;
        foreach (var c in DemoUsers.Children)
            Add(c.Iin, c.LastName, c.FirstName, c.MiddleName, Iin.Parse(c.Iin).BirthDate, [parent1, parent2]);
        foreach (var p in plans)
        {
            string[] parents = p.OtherParent is { } other ? [p.Applicant.Iin, other.Iin] : [p.Applicant.Iin];
            Add(p.Child.Iin, p.Child.LastName, p.Child.FirstName, p.Child.MiddleName, p.Child.BirthDate, parents);
        }
        foreach (var adult in plans.SelectMany(p => new[] { p.Applicant, p.OtherParent }).OfType<Person>().Concat(demoPeople.Values))
            Add(adult.Iin, adult.LastName, adult.FirstName, adult.MiddleName, adult.BirthDate, []);
        return new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
    }
}
