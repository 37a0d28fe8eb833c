using OpenAlmaty.Kindergarten.Domain.Calendar;
using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

public enum ReleaseStatus
{
    /// Created; the request window has not opened yet.
    Draft = 1,
    /// The window is open: the seed is drawn and only its SHA-256 is shown.
    Open = 2,
    /// Allocated: offers and waiting lists written, the seed revealed.
    Allocated = 4,
}

/// A release round (issue 13): seats of several organisations and age groups given out at once
/// after a request window, by the release's priority order, never by who pressed first.
public sealed class Release
{
    /// Requests are taken in working hours, and long enough that no parent has to hurry.
    public static readonly TimeOnly WorkdayStarts = new(9, 0);
    public static readonly TimeOnly WorkdayEnds = new(18, 0);
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromHours(3);
    public const int MaxPools = 50;

    private readonly List<ReleasePool> _pools = [];

    private Release() { }

    public static Release Create(string title, AllocationRule rule, DateTimeOffset opensAt, DateTimeOffset closesAt,
        IReadOnlyList<ReleasePool> pools, WorkingCalendar calendar, DateTimeOffset now, string createdBy)
    {
        title = (title ?? "").Trim();
        if (title.Length is 0 or > 200)
            throw Error("release.title", new("Укажите название распределения (до 200 символов)."));
        if (!Enum.IsDefined(rule))
            throw Error("release.rule", new("Выберите правило распределения."));
        if (opensAt < now)
            throw Error("release.past", new("Приём заявок не может начаться в прошлом."));
        if (!InWorkingHours(opensAt, calendar) || !InWorkingHours(closesAt, calendar))
            throw Error("release.hours", new("Приём заявок открывается и закрывается в рабочий день с 09:00 до 18:00 (время Алматы)."));
        if (closesAt - opensAt < MinimumWindow)
            throw Error("release.short", new("Приём заявок должен длиться не меньше 3 часов."));
        if (pools.Count is 0 or > MaxPools)
            throw Error("release.pools", new("Добавьте от 1 до {0} организаций с местами.", MaxPools));
        if (pools.GroupBy(p => (p.OrganisationId, p.BirthYear)).Any(g => g.Count() > 1))
            throw Error("release.pool-twice", new("Одна организация и возрастная группа указаны дважды."));
        var release = new Release
        {
            Title = title, Rule = rule, OpensAt = opensAt, ClosesAt = closesAt, Status = ReleaseStatus.Draft,
            CreatedAt = now, CreatedBy = createdBy,
        };
        release._pools.AddRange(pools);
        return release;
    }

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public AllocationRule Rule { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public ReleaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// Drawn when the window opens; kept secret (only <see cref="SeedHash"/> is shown) until allocated.
    public byte[]? Seed { get; private set; }
    public string? SeedHash { get; private set; }
    public DateTimeOffset? AllocatedAt { get; private set; }

    /// The anonymised input, seed and result, as published (AllocationJson): anyone can recompute.
    public string? DocumentJson { get; private set; }

    public IReadOnlyCollection<ReleasePool> Pools => _pools;

    public byte[]? RevealedSeed => Status == ReleaseStatus.Allocated ? Seed : null;

    public bool AcceptsRequests(DateTimeOffset now) => AcceptsRequests(Status, OpensAt, ClosesAt, now);

    /// The rule itself, for a release read as its three values (the signed request's statement).
    public static bool AcceptsRequests(ReleaseStatus status, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now) =>
        status is ReleaseStatus.Draft or ReleaseStatus.Open && now >= opensAt && now < closesAt;

    public bool IsDueToOpen(DateTimeOffset now) => Status == ReleaseStatus.Draft && now >= OpensAt;

    public bool IsDueToAllocate(DateTimeOffset now) => Status is ReleaseStatus.Draft or ReleaseStatus.Open && now >= ClosesAt;

    /// The seed is drawn here, once: a later call finds the release open and changes nothing.
    public bool Open(DateTimeOffset now)
    {
        if (Status != ReleaseStatus.Draft || now < OpensAt) return false;
        Seed = ReleaseLottery.NewSeed();
        SeedHash = ReleaseLottery.SeedHash(Seed);
        Status = ReleaseStatus.Open;
        return true;
    }

    public void RecordAllocation(string documentJson, DateTimeOffset now)
    {
        if (Status == ReleaseStatus.Draft) Open(now);
        if (Status != ReleaseStatus.Open || now < ClosesAt)
            throw Error("release.status", new("Распределение уже проведено или приём заявок ещё идёт."));
        DocumentJson = documentJson;
        AllocatedAt = now;
        Status = ReleaseStatus.Allocated;
    }

    public static LocalizedText RequestsClosed { get; } = new(
        "Приём заявок в этом распределении закрыт: заявку больше нельзя подать или изменить.");

    private static bool InWorkingHours(DateTimeOffset instant, WorkingCalendar calendar)
    {
        var local = AlmatyTime.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= WorkdayStarts && time <= WorkdayEnds;
    }

    internal static DomainException Error(string code, LocalizedText text) => new(code, text);
}

/// One organisation × age group with its seats in a release.
public sealed class ReleasePool
{
    private ReleasePool() { }

    public ReleasePool(int organisationId, Kindergartens.OrganisationType kind, int birthYear, int seats)
    {
        if (seats is < 1 or > 1000)
            throw Release.Error("release.seats", new("Число мест в распределении — от 1 до 1000."));
        OrganisationId = organisationId;
        Kind = kind;
        BirthYear = birthYear;
        Seats = seats;
    }

    public long Id { get; private set; }
    public long ReleaseId { get; private set; }
    public int OrganisationId { get; private set; }
    public Kindergartens.PreschoolOrganisation? Organisation { get; private set; }
    public Kindergartens.OrganisationType Kind { get; private set; }
    public int BirthYear { get; private set; }
    public int Seats { get; private set; }

    /// Seats of the pool with no offer on them: after allocation, and each time one comes back.
    public int Vacant { get; private set; }

    /// Seats handed back to the first-come seats when no child on the waiting list could take them.
    public int ReturnedToFirstCome { get; private set; }

    /// The pool's identifier in the allocation input and the published JSON.
    public string PoolKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Allocated(int admitted) => Vacant = Seats - admitted;

    public void SeatCameBack() => Vacant++;

    public void SeatOffered()
    {
        if (Vacant < 1) throw new InvalidOperationException("No vacant seat in the pool.");
        Vacant--;
    }

    public int ReturnVacantToFirstCome()
    {
        var n = Vacant;
        ReturnedToFirstCome += n;
        Vacant = 0;
        return n;
    }
}
