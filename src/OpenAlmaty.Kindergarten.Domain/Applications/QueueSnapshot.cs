namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// An application's place at the last daily snapshot of the queue numbers (one row per queued
/// application): what the next snapshot compares against. Written by Jobs/QueueSnapshotJob in
/// set-based SQL; the class gives the table its shape.
public sealed class QueueSnapshotEntry
{
    private QueueSnapshotEntry() { }

    public long ApplicationId { get; private set; }
    public int BirthYear { get; private set; }
    public int Number { get; private set; }
    public PriorityGroup PriorityGroup { get; private set; }
    public DateOnly TakenOn { get; private set; }
}

/// One change of an application's queue number, on the day the snapshot saw it, with what moved
/// it (<see cref="QueueNumberChange"/>: counts only). Rows are written only on a change.
public sealed class QueueNumberRecord
{
    private QueueNumberRecord() { }

    public long ApplicationId { get; private set; }
    public DateOnly Day { get; private set; }
    public int? Number { get; private set; }
    public int? Previous { get; private set; }
    public int ReferredAhead { get; private set; }
    public int RemovedAhead { get; private set; }
    public int AgedOutAhead { get; private set; }
    public int PrivilegedAhead { get; private set; }
    public int ReturnedAhead { get; private set; }
    public int Other { get; private set; }
}
