using Samordna.Core.Deadlines;

namespace Samordna.Core.Handovers;

/// <summary>
/// Kö: a case waiting for its first session at a receiving unit — usually the treatment centre after a
/// handover, sometimes queued there directly. Waiting clients lose motivation, and one RVT reports to
/// IVO when a wait passes three months, so the wait is measured in Swedish calendar days from referral
/// to first session, the unit is alerted when it passes <see cref="WaitingListSettings.AlertAfterDays"/>,
/// and contacts made meanwhile ("hållande") are logged. The queue position is not stored: it is the
/// order of referral among the unit's waiting entries, computed on read (<see cref="Positions"/>).
/// </summary>
public sealed class WaitingListEntry : Aggregate
{
    public const int MaxRemovalReasonLength = 1_000;

    private readonly List<InterimContact> _interimContacts = [];

    private WaitingListEntry() { }

    public WaitingListEntry(Guid organisationId, Guid caseId, Guid unitId, DateTimeOffset referredAt, Guid referredBy, Guid? handoverId)
    {
        OrganisationId = organisationId;
        CaseId = caseId;
        UnitId = unitId;
        ReferredAt = referredAt;
        ReferredBy = referredBy;
        HandoverId = handoverId;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The unit (or provider) the client waits for.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The handover that queued the client, if any.</summary>
    public Guid? HandoverId { get; private set; }

    /// <summary>Remiss or beslut: when the client was referred; the wait is counted from its Swedish calendar day.</summary>
    public DateTimeOffset ReferredAt { get; private set; }

    public Guid ReferredBy { get; private set; }
    public WaitingListStatus Status { get; private set; }

    /// <summary>Första besöket: the first session, which ends the wait.</summary>
    public DateTimeOffset? FirstSessionAt { get; private set; }

    public Guid? FirstSessionRecordedBy { get; private set; }

    /// <summary>Väntetid: Swedish calendar days from referral to first session, recorded with the first session.</summary>
    public int? WaitingDays { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }
    public Guid? RemovedBy { get; private set; }

    /// <summary>Why the client left the queue without a first session (moved, declined, got help elsewhere).</summary>
    public string? RemovalReason { get; private set; }

    public IReadOnlyList<InterimContact> InterimContacts => _interimContacts;

    public bool IsWaiting => Status == WaitingListStatus.Waiting;

    /// <summary>A contact with the waiting client (support while waiting, "hållande"); only while they wait.</summary>
    public InterimContact AddInterimContact(DateTimeOffset at, Guid staffMemberId, InterimContactKind kind, string? note)
    {
        EnsureWaiting();
        if (at < ReferredAt) throw new DomainRuleException("En kontakt under väntetiden kan inte ha skett före remissen.");
        var contact = new InterimContact(Id, at, staffMemberId, kind, note);
        _interimContacts.Add(contact);
        return contact;
    }

    /// <summary>The first session ends the wait; the waiting time is recorded in Swedish calendar days.</summary>
    public void RecordFirstSession(DateTimeOffset at, Guid staffMemberId)
    {
        EnsureWaiting();
        if (at < ReferredAt) throw new DomainRuleException("Det första besöket kan inte ha skett före remissen.");
        Status = WaitingListStatus.FirstSessionHeld;
        FirstSessionAt = at;
        FirstSessionRecordedBy = staffMemberId;
        WaitingDays = DaysBetween(ReferredAt, at);
    }

    /// <summary>Leaves the queue without a first session, with a reason.</summary>
    public void Remove(DateTimeOffset at, Guid staffMemberId, string? reason)
    {
        EnsureWaiting();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Ange skälet till att klienten tas bort ur kön.");
        Status = WaitingListStatus.Removed;
        RemovedAt = at;
        RemovedBy = staffMemberId;
        RemovalReason = reason.Trim();
    }

    /// <summary>Days waited: to the first session, to the removal, or — still waiting — to <paramref name="today"/>.</summary>
    public int WaitedDays(DateOnly today) => Status switch
    {
        WaitingListStatus.FirstSessionHeld => WaitingDays!.Value,
        WaitingListStatus.Removed => DaysBetween(ReferredAt, RemovedAt!.Value),
        _ => today.DayNumber - DeadlineCalculator.SwedishDay(ReferredAt).DayNumber,
    };

    /// <summary>Still waiting, and for longer than the limit: the unit should act (and may have to report to IVO).</summary>
    public bool WaitExceeds(int alertAfterDays, DateOnly today) => IsWaiting && WaitedDays(today) > alertAfterDays;

    /// <summary>Swedish calendar days between two instants: referred on Monday, seen on Thursday is three days.</summary>
    public static int DaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        DeadlineCalculator.SwedishDay(to).DayNumber - DeadlineCalculator.SwedishDay(from).DayNumber;

    /// <summary>
    /// Köplats: 1-based positions of a unit's waiting entries — first referred, first in line; entries
    /// referred at the same instant keep the order they were queued in (their time-ordered ids).
    /// </summary>
    public static IReadOnlyDictionary<Guid, int> Positions(IEnumerable<(Guid Id, DateTimeOffset ReferredAt)> waiting) =>
        waiting.OrderBy(e => e.ReferredAt).ThenBy(e => e.Id)
            .Select((e, index) => (e.Id, Position: index + 1))
            .ToDictionary(e => e.Id, e => e.Position);

    private void EnsureWaiting()
    {
        if (!IsWaiting)
            throw new DomainRuleException(Status == WaitingListStatus.FirstSessionHeld
                ? "Klienten har redan haft sitt första besök och står inte längre i kö."
                : "Klienten är borttagen ur kön.");
    }
}

/// <summary>Kontakt under väntetiden: the unit or the referring worker kept in touch with the waiting client.</summary>
public sealed class InterimContact : Entity
{
    public const int MaxNoteLength = 500;

    private InterimContact() { }

    internal InterimContact(Guid entryId, DateTimeOffset at, Guid staffMemberId, InterimContactKind kind, string? note)
    {
        EntryId = entryId;
        At = at;
        StaffMemberId = staffMemberId;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public Guid EntryId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public InterimContactKind Kind { get; private set; }

    /// <summary>A short note: what was said or agreed. Not a journal entry; the journal stays in the case.</summary>
    public string? Note { get; private set; }
}

public enum InterimContactKind
{
    /// <summary>Telefonsamtal.</summary>
    Phone,

    /// <summary>Brev.</summary>
    Letter,

    /// <summary>Möte.</summary>
    Meeting,
}

public enum WaitingListStatus
{
    /// <summary>Väntar: in the queue.</summary>
    Waiting,

    /// <summary>Första besöket har ägt rum: the wait is over and its length recorded.</summary>
    FirstSessionHeld,

    /// <summary>Borttagen ur kön utan besök, with a reason.</summary>
    Removed,
}

/// <summary>
/// The waiting-list alert, bound from configuration section <c>Samordna:WaitingList</c>:
/// <c>Samordna:WaitingList:AlertAfterDays</c> (environment: <c>Samordna__WaitingList__AlertAfterDays</c>),
/// default 90 — "three months", the wait after which one RVT reports to IVO. An entry is flagged once
/// the client has waited more than this many Swedish calendar days without a first session.
/// </summary>
public sealed class WaitingListSettings
{
    public const string Section = "Samordna:WaitingList";

    [System.ComponentModel.DataAnnotations.Range(1, 730, ErrorMessage = "must be between 1 and 730 (days)")]
    public int AlertAfterDays { get; set; } = 90;
}
