using OpenAlmaty.Kindergarten.Domain.Common;
using OpenAlmaty.Kindergarten.Domain.Releases;
using OpenAlmaty.Kindergarten.Web.Features.Choose;

namespace OpenAlmaty.Kindergarten.Web.Features.Releases;

public sealed record PoolCard(long PoolId, int BirthYear, OrganisationCard Card);

/// One page of the release's organisations for the child's age group, filtered and paged in the
/// database (900 of them on Almaty's release day), the organisations picked so far, and the map's
/// tile server (Map:TileUrl; the map shows this page's organisations only).
public sealed record PoolBrowse(PickerFilter Filter, IReadOnlyList<PoolCard> Shown, int Total, int Page, IReadOnlyList<PoolCard> Picked,
    string? MapTiles)
{
    public const int PageSize = PickerPage.PageSize;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// The list's «Добавить в список» and the map's: not picked yet, and fewer than five picked.
    public bool CanAdd(PoolCard pool) => Picked.Count < ReleaseRequest.MaxChoices && Picked.All(p => p.PoolId != pool.PoolId);

    /// The choices of the ranking's lists: the picked ones first, then this page's.
    public IEnumerable<PoolCard> Options => Picked.Concat(Shown.Where(s => Picked.All(p => p.PoolId != s.PoolId)));
}

/// Why the child did not get an organisation ranked above the result: the pool's seats, the last
/// place admitted and the child's own place, in the release's order.
public sealed record WhyNot(PoolCard Pool, int ChoiceIndex, int Admitted, long? LastAdmitted, long MyPosition);

public sealed record OfferView(long Id, PoolCard Pool, int ChoiceIndex, ReleaseOfferStatus Status, DateTimeOffset ValidUntil, bool FromWaitingList);

public sealed record ParentReleasePage(long ApplicationId, string RegistrationNumber, string ChildName, int BirthYear,
    long ReleaseId, string Title, AllocationRule Rule, ReleaseStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string? SeedHash,
    bool AcceptsRequests, IReadOnlyList<LocalizedText> Unmet, PoolBrowse? Browse,
    IReadOnlyList<PoolCard> Current, DateTimeOffset? CurrentSignedAt, IReadOnlyList<PoolCard> Draft, Guid? RequestId, string? XmlToSign,
    bool? Eligible, long? Position, int? ChoiceIndex, IReadOnlyList<WhyNot> WhyNot, IReadOnlyList<OfferView> Offers,
    Guid? AcceptRequestId, string? AcceptXml, int? WaitingLists)
{
    public OfferView? OpenOffer => Offers.FirstOrDefault(o => o.Status == ReleaseOfferStatus.Offered);
}

public sealed record DeclinePage(long ApplicationId, long ReleaseId, string RegistrationNumber, OfferView Offer, Guid RequestId, string XmlToSign);

/// A release as the application page lists it.
public sealed record ReleaseLink(long Id, string Title, ReleaseStatus Status, DateTimeOffset ClosesAt, bool Requested);
