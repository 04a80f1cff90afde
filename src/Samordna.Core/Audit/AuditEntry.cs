using System.Security.Cryptography;
using System.Text;

namespace Samordna.Core.Audit;

/// <summary>
/// Loggpost: one read or change of personal data — who (with which role, through which unit), when,
/// what, about whom, why (the nödåtkomst reason) and from where. Entries of one municipality form a
/// hash chain: each entry's hash covers its content and the previous entry's hash, so an altered,
/// inserted or deleted entry breaks the chain and <see cref="AuditChain.Verify"/> names it.
/// </summary>
public sealed class AuditEntry : Entity
{
    private readonly List<AuditSubject> _subjects = [];

    private AuditEntry() { }

    public AuditEntry(Guid organisationId, DateTimeOffset at, Guid? staffMemberId, string actorName, string? role, Guid? unitId,
        AuditAction action, string? purpose, string? clientAddress, AuditFlags flags, IEnumerable<AuditSubject> subjects)
    {
        OrganisationId = organisationId;
        // PostgreSQL keeps microseconds: the hashed instant must be the one that is stored.
        At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        StaffMemberId = staffMemberId;
        ActorName = actorName;
        Role = role;
        UnitId = unitId;
        Action = action;
        Purpose = purpose;
        ClientAddress = clientAddress;
        Flags = flags;
        _subjects.AddRange(subjects.DistinctBy(s => (s.PersonId, s.CaseId)).OrderBy(s => s.CaseId).ThenBy(s => s.PersonId));
        foreach (var subject in _subjects) subject.EntryId = Id;
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>Position in the municipality's chain, from 1 without gaps; 0 until the sequencer seals the entry (shortly after it is stored).</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }
    public Guid? StaffMemberId { get; private set; }

    /// <summary>The member of staff's name at the time, so the log still reads after they leave.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>The role the access was made in, e.g. "Caseworker".</summary>
    public string? Role { get; private set; }

    /// <summary>The unit through which access was granted.</summary>
    public Guid? UnitId { get; private set; }

    public AuditAction Action { get; private set; }

    /// <summary>Ändamål: the reason given for nödåtkomst.</summary>
    public string? Purpose { get; private set; }

    public string? ClientAddress { get; private set; }
    public AuditFlags Flags { get; private set; }
    public IReadOnlyList<AuditSubject> Subjects => _subjects;
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>Adds what <see cref="AuditDerivation"/> found before the entry is sealed; the reason only when none is recorded yet.</summary>
    internal void Derive(AuditFlags flags, string? purpose)
    {
        if (Hash.Length > 0) throw new InvalidOperationException("A sealed audit entry cannot change.");
        Flags |= flags;
        if (purpose is not null && Purpose is null) Purpose = purpose.Length > 500 ? purpose[..500] : purpose;
    }

    /// <summary>Places the entry after <paramref name="previousHash"/> at <paramref name="sequence"/>; called once, when stored.</summary>
    public void Seal(long sequence, string previousHash)
    {
        if (Hash.Length > 0) throw new InvalidOperationException("An audit entry is sealed once.");
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>SHA-256 over every field in a fixed order and the previous hash.</summary>
    public string ComputeHash() => ComputeHash(PreviousHash);

    /// <summary>
    /// The hash this entry would have after <paramref name="previousHash"/>: recomputing a chain from its
    /// first entry with it, rather than trusting the stored links, is how a checkpoint is compared with the log.
    /// </summary>
    public string ComputeHash(string previousHash)
    {
        var text = new StringBuilder()
            .Append(Id).Append('\n').Append(OrganisationId).Append('\n').Append(Sequence).Append('\n')
            .Append(At.UtcTicks).Append('\n').Append(StaffMemberId).Append('\n').Append(ActorName).Append('\n')
            .Append(Role).Append('\n').Append(UnitId).Append('\n').Append(Action).Append('\n')
            .Append(Purpose).Append('\n').Append(ClientAddress).Append('\n').Append((int)Flags).Append('\n');
        foreach (var subject in _subjects.OrderBy(s => s.CaseId).ThenBy(s => s.PersonId).ThenBy(s => s.StaffMemberId))
        {
            text.Append(subject.CaseId).Append('/').Append(subject.PersonId);
            // Only when present: entries written before staff subjects existed keep exactly the text they were hashed from.
            if (subject.StaffMemberId is { } staff) text.Append('/').Append(staff);
            text.Append(';');
        }
        text.Append('\n').Append(previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>A person, case or member of staff an entry is about; a search has one per result.</summary>
public sealed class AuditSubject
{
    private AuditSubject() { }

    public AuditSubject(Guid? caseId, Guid? personId)
    {
        CaseId = caseId;
        PersonId = personId;
    }

    public long Id { get; private set; }
    public Guid EntryId { get; internal set; }
    public Guid? CaseId { get; private set; }
    public Guid? PersonId { get; private set; }

    /// <summary>The member of staff whose account, roles or clearance a staff administration entry changed.</summary>
    public Guid? StaffMemberId { get; private set; }

    public static AuditSubject Case(Guid caseId) => new(caseId, null);
    public static AuditSubject Person(Guid personId) => new(null, personId);
    public static AuditSubject Staff(Guid staffMemberId) => new(null, null) { StaffMemberId = staffMemberId };
}

public enum AuditAction
{
    ReadCase,
    ReadPerson,
    ReadJournal,
    Search,
    CreatePerson,
    OpenCase,
    UpdateCase,
    AddParty,
    WriteJournal,
    CreateCaseGroup,
    ChangeCaseTeam,
    EmergencyAccess,
    Export,
    Print,
    RegisterAttemptOnExistingPerson,
    AdministerStaff,
    ReadStatistics,
    ReviewAuditLog,
    FileReportOfConcern,
    ReadOpenTalk,
    StartOpenTalk,
    UpdateOpenTalk,
    ConvertOpenTalk,

    /// <summary>Överlämning: a case handed to another unit, with its summary.</summary>
    HandOver,

    /// <summary>A handover accepted or declined by the receiving unit.</summary>
    AnswerHandover,

    /// <summary>A waiting list changed: queued, interim contact, first session, removal.</summary>
    ChangeWaitingList,

    /// <summary>A registration met a hidden record with the same number: a possible duplicate for that record's unit.</summary>
    IdentityMatchFound,

    /// <summary>A possible duplicate merged or unlinked by the existing record's unit.</summary>
    ResolveIdentityMatch,

    /// <summary>Skyddade personuppgifter given to, changed for or taken from a registered person.</summary>
    ChangeProtectedIdentity,

    /// <summary>Behörighetsbeställning: a role with case content or the protected-data clearance asked for, waiting for a second systemförvaltare.</summary>
    RequestStaffAccess,

    /// <summary>A behörighetsbeställning approved by a second systemförvaltare, and applied.</summary>
    ApproveStaffAccess,

    /// <summary>A behörighetsbeställning rejected, with a reason; nothing was granted.</summary>
    RejectStaffAccess,

    /// <summary>Roles, clearance or whether the account is active changed at once (revoking, roles without case content, or grants when no second approver is required).</summary>
    ChangeStaffAccess,

    /// <summary>
    /// A sign-in account locked after repeated wrong passwords (no signed-in actor: the entry names the account and
    /// the client address the last attempt came from).
    /// </summary>
    LockOutAccount,

    /// <summary>A locked sign-in account opened again by a systemförvaltare before its lockout ran out.</summary>
    UnlockAccount,
    /// <summary>A member of staff signed in through the municipality's identity provider.</summary>
    SignInThroughProvider,

    /// <summary>A sign-in through the identity provider refused for a known member of staff (another provider account, too low an assurance level, deactivated).</summary>
    SignInThroughProviderRefused,

    /// <summary>A staff account bound to (or unbound from) an account at the identity provider: issuer and subject.</summary>
    LinkProviderAccount,

    /// <summary>The identity provider ended the person's session (back-channel logout), so Samordna's sessions ended too.</summary>
    SignedOutByProvider,
}

/// <summary>Marks set when the entry is sealed (see <see cref="AuditDerivation"/>), so the log review's checks are cheap.</summary>
[Flags]
public enum AuditFlags
{
    None = 0,

    /// <summary>The access was made through nödåtkomst.</summary>
    EmergencyAccess = 1,

    /// <summary>A person with skyddade personuppgifter is among the subjects.</summary>
    ProtectedPerson = 2,

    /// <summary>The case is not in the actor's own caseload (they are not its responsible member of staff).</summary>
    OutsideCaseload = 4,
}
