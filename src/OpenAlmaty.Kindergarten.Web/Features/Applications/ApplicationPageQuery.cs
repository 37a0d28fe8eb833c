using Microsoft.EntityFrameworkCore;
using OpenAlmaty.Kindergarten.Domain.Applications;
using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Kindergartens;
using OpenAlmaty.Kindergarten.Domain.Referrals;
using OpenAlmaty.Kindergarten.Web.Data;

namespace OpenAlmaty.Kindergarten.Web.Features.Applications;

/// The journal and the application page, each in a fixed number of SQL queries whatever the
/// number of applications, history events or documents.
public sealed class ApplicationPageQuery(AppDbContext db, QueuePositions positions, TimeProvider clock)
{
    /// Compiled once (EF.CompileAsyncQuery): the hottest page skips EF's per-request query
    /// translation lookup.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<JournalRow>> JournalQuery = EF.CompileAsyncQuery(
        (AppDbContext db, long personId) => db.Applications.AsNoTracking()
            .Where(a => a.Access.Any(x => x.PersonId == personId))
            .Select(a => new JournalRow(a.Id, a.RegistrationNumber,
                a.Child!.LastName + " " + a.Child.FirstName + (a.Child.MiddleName == null ? "" : " " + a.Child.MiddleName),
                a.Child.Iin, a.TsonNumber, a.PepNumber,
                a.Applicant!.LastName + " " + a.Applicant.FirstName + (a.Applicant.MiddleName == null ? "" : " " + a.Applicant.MiddleName),
                a.CreatedAt, a.Status, a.Privilege, a.Child.BirthDate, a.StatusChangedAt, a.BirthYear)));

    public async Task<List<JournalRow>> JournalAsync(long personId, CancellationToken ct)
    {
        var rows = await ListAsync(JournalQuery(db, personId), ct);
        var numbers = await positions.ForAsync(rows.Select(r => new QueueKey(r.Id, r.BirthYear, r.Status)).ToList());
        return rows.Select(r => r with { QueueNumber = numbers.TryGetValue(r.Id, out var n) ? n : null }).ToList();
    }

    /// Null when the application does not exist or is not this person's: the caller answers 404.
    public async Task<ApplicationPage?> PageAsync(long applicationId, long personId, CancellationToken ct) =>
        await PageAsync(db.Applications.AsNoTracking().VisibleTo(personId).Where(a => a.Id == applicationId), ct);

    /// For staff: the same page, scoped by the caller's own query.
    public async Task<ApplicationPage?> PageAsync(IQueryable<Application> scoped, CancellationToken ct)
    {
        var page = await scoped
            .Select(a => new ApplicationPage(a.Id, a.RegistrationNumber, a.CreatedAt, a.TsonNumber, a.PepNumber, a.Status,
                a.StatusChangedAt, a.QueuedAt, a.AdditionalEmail, a.AdditionalPhone, a.PreferredLanguage, a.ExpiredReferralCount,
                a.StopListedUntil, a.OfferedUntil,
                new PersonBlock(a.Applicant!.LastName + " " + a.Applicant.FirstName + (a.Applicant.MiddleName == null ? "" : " " + a.Applicant.MiddleName),
                    a.Applicant.Iin, a.Applicant.BirthDate, a.Applicant.Phone, a.Applicant.Email, a.Applicant.Address),
                new ChildBlock(a.Child!.LastName + " " + a.Child.FirstName + (a.Child.MiddleName == null ? "" : " " + a.Child.MiddleName),
                    a.Child.Iin, a.Child.BirthDate, a.Privilege), a.BirthYear))
            .SingleOrDefaultAsync(ct);
        if (page is null) return null;

        var history = await ListAsync(HistoryQuery(db, page.Id), ct);
        var documents = await ListAsync(DocumentsQuery(db, page.Id), ct);
        var referral = (await ListAsync(ReferralQuery(db, page.Id), ct)).FirstOrDefault();
        var seats = await SeatsForAsync(page.Child.BirthDate.Year, ct);
        return page with
        {
            QueueNumber = await positions.ForAsync(new QueueKey(page.Id, page.BirthYear, page.Status)),
            History = history,
            Documents = documents,
            Referral = referral,
            Buttons = ButtonsFor(page, seats, clock.GetUtcNow()),
        };
    }

    private sealed record SeatSummary(bool PrivateFree, bool StateFreeOpenToAll, bool StateFreeInWindow);

    /// Which kinds of free seats the birth year has: at most four rows (type × open to all),
    /// one pass over the year's free seats (index on birth_year, free_seats).
    private async Task<SeatSummary> SeatsForAsync(int birthYear, CancellationToken ct)
    {
        var kinds = await ListAsync(SeatKindsQuery(db, birthYear, clock.GetUtcNow()), ct);
        return new SeatSummary(
            kinds.Any(k => k.Type == OrganisationType.PrivateStateOrder),
            kinds.Any(k => k.Type == OrganisationType.State && k.OpenToAll),
            kinds.Any(k => k.Type == OrganisationType.State && !k.OpenToAll));
    }

    private sealed record SeatKind(OrganisationType Type, bool OpenToAll);

    // The page's fixed queries, compiled once (EF.CompileAsyncQuery): every request skips EF's
    // translation-cache lookup for them.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<HistoryRow>> HistoryQuery = EF.CompileAsyncQuery(
        (AppDbContext db, long id) => db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new HistoryRow(e.At, e.Kind, e.Actor, e.FromStatus, e.ToStatus, e.Reason, e.SignedXml != null)));

    private static readonly Func<AppDbContext, long, IAsyncEnumerable<DocumentRow>> DocumentsQuery = EF.CompileAsyncQuery(
        (AppDbContext db, long id) => db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new DocumentRow(d.Id, d.Title, d.FileName, d.CreatedAt)));

    private static readonly Func<AppDbContext, long, IAsyncEnumerable<ActiveReferral>> ReferralQuery = EF.CompileAsyncQuery(
        (AppDbContext db, long id) => db.Referrals.AsNoTracking().Where(r => r.ApplicationId == id)
            .OrderByDescending(r => r.IssuedAt)
            .Select(r => new ActiveReferral(r.Id, r.Number, r.Organisation!.NameRu, r.IssuedAt, r.ValidUntil, r.Status))
            .Take(1));

    private static readonly Func<AppDbContext, int, DateTimeOffset, IAsyncEnumerable<SeatKind>> SeatKindsQuery = EF.CompileAsyncQuery(
        (AppDbContext db, int birthYear, DateTimeOffset now) => db.Seats.AsNoTracking()
            .Where(s => s.BirthYear == birthYear && s.FreeSeats > 0 && s.Organisation!.IsActive)
            .Select(s => new SeatKind(s.Organisation!.Type, s.PriorityUntil == null || s.PriorityUntil < now))
            .Distinct());

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    private static Buttons ButtonsFor(ApplicationPage page, SeatSummary seats, DateTimeOffset now)
    {
        var whyNoPrivate = PrivateKindergartenEligibility.UnmetConditions(page.Status, page.Child.BirthDate,
            page.StopListedUntil, seats.PrivateFree, now);
        LocalizedText? whyNoState = null;
        var offered = page.Status == ApplicationStatus.Notified && page.OfferedUntil >= now;
        if (!page.Status.IsInQueue())
            whyNoState = new("Ребёнок не стоит в очереди.", "Бала кезекте тұрған жоқ.");
        else if (page.StopListedUntil is { } until && now <= until)
            whyNoState = new($"Заявление в стоп-листе до {AlmatyTime.Format(until)}.", $"Өтініш {AlmatyTime.Format(until)} дейін стоп-парақта.");
        else if (!(seats.StateFreeOpenToAll || (offered && seats.StateFreeInWindow)))
            whyNoState = seats.StateFreeInWindow
                ? new("Свободные места в государственных садах сейчас предложены детям, стоящим в очереди раньше.", "Мемлекеттік балабақшалардағы бос орындар қазір кезекте алдыңғы балаларға ұсынылған.")
                : new("Свободных мест в государственных детских садах для возрастной группы ребёнка сейчас нет.", "Қазір баланың жас тобы үшін мемлекеттік балабақшаларда бос орын жоқ.");
        return new Buttons(whyNoPrivate.Count == 0, whyNoPrivate, whyNoState is null, whyNoState, page.Status.IsInQueue());
    }
}
