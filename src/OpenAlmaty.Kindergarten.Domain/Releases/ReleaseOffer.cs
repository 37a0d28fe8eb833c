using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

public enum ReleaseOfferStatus
{
    /// «Принято решение (Направлено уведомление)»: waiting for the parent's signature.
    Offered = 1,
    /// Signed: the referral was issued on the release's seat.
    Accepted = 2,
    Declined = 3,
    /// Not signed by the end of the 3rd working day.
    Expired = 4,
    /// The waiting list gave the child a seat they ranked higher: this one went onward.
    Replaced = 5,
    /// The referral was annulled or cancelled: the seat went back to the waiting list.
    ReferralEnded = 6,
}

/// A release's seat offered to one application, valid to the end of the 3rd working day.
public sealed class ReleaseOffer
{
    public const int ValidWorkingDays = 3;

    private ReleaseOffer() { }

    public ReleaseOffer(long releaseId, long poolId, long requestId, long applicationId, int choiceIndex, bool fromWaitingList,
        DateTimeOffset now, DateTimeOffset validUntil)
    {
        ReleaseId = releaseId;
        PoolId = poolId;
        RequestId = requestId;
        ApplicationId = applicationId;
        ChoiceIndex = choiceIndex;
        FromWaitingList = fromWaitingList;
        OfferedAt = now;
        ValidUntil = validUntil;
        Status = ReleaseOfferStatus.Offered;
    }

    public long Id { get; private set; }
    public long ReleaseId { get; private set; }
    public long PoolId { get; private set; }
    public ReleasePool? Pool { get; private set; }
    public long RequestId { get; private set; }
    public long ApplicationId { get; private set; }

    /// 0 = the request's first choice.
    public int ChoiceIndex { get; private set; }
    public bool FromWaitingList { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }
    public DateTimeOffset ValidUntil { get; private set; }
    public ReleaseOfferStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public long? ReferralId { get; private set; }

    public bool IsOpen(DateTimeOffset now) => Status == ReleaseOfferStatus.Offered && now <= ValidUntil;

    public void Accept(long referralId, DateTimeOffset now)
    {
        RequireOpen(now);
        ReferralId = referralId;
        Close(ReleaseOfferStatus.Accepted, now);
    }

    public void Decline(DateTimeOffset now)
    {
        RequireOpen(now);
        Close(ReleaseOfferStatus.Declined, now);
    }

    public void Expire(DateTimeOffset now)
    {
        if (Status != ReleaseOfferStatus.Offered || now <= ValidUntil)
            throw new InvalidOperationException("Only an open offer past its deadline expires.");
        Close(ReleaseOfferStatus.Expired, now);
    }

    public void Replace(DateTimeOffset now)
    {
        if (Status != ReleaseOfferStatus.Offered) throw new InvalidOperationException("Only an open offer is replaced.");
        Close(ReleaseOfferStatus.Replaced, now);
    }

    public void EndWithReferral(DateTimeOffset now)
    {
        if (Status != ReleaseOfferStatus.Accepted) throw new InvalidOperationException("Only an accepted offer has a referral.");
        Close(ReleaseOfferStatus.ReferralEnded, now);
    }

    private void RequireOpen(DateTimeOffset now)
    {
        if (IsOpen(now)) return;
        var text = Status switch
        {
            ReleaseOfferStatus.Offered => new LocalizedText("Срок предложения истёк {0}.", AlmatyTime.Format(ValidUntil)),
            ReleaseOfferStatus.Accepted => new LocalizedText("Предложение уже принято: направление выдано."),
            ReleaseOfferStatus.Declined => new LocalizedText("Вы уже отказались от этого предложения."),
            ReleaseOfferStatus.Replaced => new LocalizedText("Это предложение заменено местом в организации, которую вы поставили выше."),
            _ => new LocalizedText("Предложение больше не действует."),
        };
        throw new DomainException("offer.closed", text);
    }

    private void Close(ReleaseOfferStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
    }
}

/// A request's place on the waiting list of a pool it ranked above the one it got.
public sealed class ReleaseWaitingEntry
{
    private ReleaseWaitingEntry() { }

    public ReleaseWaitingEntry(long poolId, long requestId, long applicationId, int position, int choiceIndex)
    {
        PoolId = poolId;
        RequestId = requestId;
        ApplicationId = applicationId;
        Position = position;
        ChoiceIndex = choiceIndex;
    }

    public long Id { get; private set; }
    public long PoolId { get; private set; }
    public long RequestId { get; private set; }
    public long ApplicationId { get; private set; }

    /// 1-based, in the release's priority order.
    public int Position { get; private set; }
    public int ChoiceIndex { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    /// Offered this seat, or no longer eligible, or holding a seat ranked at least as high.
    public void Leave(DateTimeOffset now) => LeftAt ??= now;
}
