using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenAlmaty.Kindergarten.Domain.People;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.CallCentre;

public enum SearchKind { None, RegistrationNumber, Iin, Phone, Name }

public sealed record CallCentreHit(long Id, string RegistrationNumber, string ChildName, string ChildIin, string ApplicantName,
    string ApplicantIin, int Status, DateTimeOffset StatusChangedAt, int BirthYear);

/// One box for everything a caller may say: a registration number, the child's or applicant's
/// IIN, a phone, or any part of a name. Each kind is one indexed query:
/// - registration number and IIN: the unique b-tree indexes;
/// - phone: the last ten digits, on expression indexes over the applicant's and the application's
///   phone (so "8 701 …", "+7 (701) …" and "701…" find the same number);
/// - name: every word of the input must occur in the child's or the applicant's full name, in any
///   letter case (PostgreSQL's lower() knows Kazakh letters), on trigram GIN indexes.
public sealed class CallCentreSearch(AppDbContext db)
{
    public const int Limit = 20;

    /// The SQL expressions the indexes of migration StaffDesks are built on: keep them identical.
    public const string NameExpression = "lower(last_name || ' ' || first_name || coalesce(' ' || middle_name, ''))";
    public const string PhoneDigits = @"right(regexp_replace(coalesce({0}, ''), '\D', '', 'g'), 10)";

    public static SearchKind KindOf(string input, out string value)
    {
        value = input.Trim();
        if (value.Length == 0) return SearchKind.None;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (value.Contains('.') && digits.Length >= 4) { value = value.ToUpperInvariant(); return SearchKind.RegistrationNumber; }
        var onlyPhoneChars = value.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')');
        if (onlyPhoneChars && digits.Length == 12 && Iin.TryParse(digits, out _, out _)) { value = digits; return SearchKind.Iin; }
        if (onlyPhoneChars && digits.Length >= 7) { value = digits.Length > 10 ? digits[^10..] : digits; return SearchKind.Phone; }
        value = value.ToLowerInvariant();
        return value.Length >= 2 ? SearchKind.Name : SearchKind.None;
    }

    public async Task<IReadOnlyList<CallCentreHit>> FindAsync(string input, CancellationToken ct)
    {
        var kind = KindOf(input, out var value);
        if (kind == SearchKind.None) return [];
        var parameters = kind == SearchKind.Name ? new List<NpgsqlParameter>() : [new NpgsqlParameter("v", value)];
        var ids = kind switch
        {
            SearchKind.RegistrationNumber => "select id from applications where registration_number = @v",
            // iin is char(12): the parameter is cast so the comparison stays on the unique index.
            SearchKind.Iin => """
                select a.id from applications a join children c on c.id = a.child_id where c.iin = @v::char(12)
                union all select a.id from applications a join people p on p.id = a.applicant_id where p.iin = @v::char(12)
                """,
            SearchKind.Phone => $"""
                select a.id from applications a join people p on p.id = a.applicant_id where {string.Format(PhoneDigits, "p.phone")} = @v
                union all select a.id from applications a where {string.Format(PhoneDigits, "a.additional_phone")} = @v
                """,
            _ => NameIds(value, parameters),
        };
        var sql = $"""
            select a.id as id, a.registration_number as registration_number,
              c.last_name || ' ' || c.first_name || coalesce(' ' || c.middle_name, '') as child_name, c.iin as child_iin,
              p.last_name || ' ' || p.first_name || coalesce(' ' || p.middle_name, '') as applicant_name, p.iin as applicant_iin,
              a.status as status, a.status_changed_at as status_changed_at, a.birth_year as birth_year
            from (select distinct id from (select id from ({ids}) found limit {2 * Limit}) f limit {Limit}) hit
            join applications a on a.id = hit.id join children c on c.id = a.child_id join people p on p.id = a.applicant_id
            order by a.status_changed_at desc
            """;
        return await db.Database.SqlQueryRaw<CallCentreHit>(sql, parameters.ToArray<object>()).ToListAsync(ct);
    }

    /// Every word a LIKE on the indexed expression, so the trigram index narrows by all of them.
    private static string NameIds(string value, List<NpgsqlParameter> parameters)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).ToList();
        var where = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            parameters.Add(new NpgsqlParameter($"w{i}", "%" + words[i].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%"));
            where.Append(i == 0 ? "" : " and ").Append($"{NameExpression} like @w{i}");
        }
        return $"""
            select a.id from children c join applications a on a.child_id = c.id where {where}
            union all select a.id from people p join applications a on a.applicant_id = p.id where {where}
            """;
    }
}
