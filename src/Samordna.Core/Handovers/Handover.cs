using Samordna.Core.Deadlines;

namespace Samordna.Core.Handovers;

/// <summary>
/// Överlämning: the unit that owns a case hands part of the work to another unit — the violence team
/// (RVT) decides and the treatment centre (RVC) treats; child welfare finds a perpetrator and hands him
/// to the adult unit. The receiving unit joins the case team at once and reads the
/// <see cref="HandoverSummary"/>, so the client need not tell their story again. A handover that is
/// never accepted or declined stays <see cref="HandoverStatus.Pending"/> and shows in the report of
/// unfinished handovers.
/// </summary>
public sealed class Handover : Aggregate
{
    public const int MaxDeclineReasonLength = 1_000;

    private Handover() { }

    /// <param name="receiverJoinedTeam">The receiving unit was not on the case team before and joined it through this handover.</param>
    public Handover(Guid organisationId, Guid caseId, Guid fromUnitId, Guid toUnitId, Guid handedOverBy, DateTimeOffset handedOverAt,
        HandoverSummary summary, bool receiverJoinedTeam)
    {
        if (fromUnitId == toUnitId) throw new DomainRuleException("En enhet kan inte lämna över ett ärende till sig själv.");
        OrganisationId = organisationId;
        CaseId = caseId;
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        HandedOverBy = handedOverBy;
        HandedOverAt = handedOverAt;
        Summary = summary;
        ReceiverJoinedTeam = receiverJoinedTeam;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The unit that hands over: the case's owning unit at the time.</summary>
    public Guid FromUnitId { get; private set; }

    /// <summary>The receiving unit.</summary>
    public Guid ToUnitId { get; private set; }

    public Guid HandedOverBy { get; private set; }
    public DateTimeOffset HandedOverAt { get; private set; }
    public HandoverSummary Summary { get; private set; } = null!;

    /// <summary>Whether the receiving unit joined the case team through this handover (and leaves it again if it declines).</summary>
    public bool ReceiverJoinedTeam { get; private set; }

    public HandoverStatus Status { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTimeOffset? DeclinedAt { get; private set; }
    public Guid? DeclinedBy { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>Ta emot: the receiving unit takes on the work.</summary>
    public void Accept(Guid staffMemberId, DateTimeOffset at)
    {
        EnsurePending();
        Status = HandoverStatus.Accepted;
        AcceptedAt = at;
        AcceptedBy = staffMemberId;
    }

    /// <summary>Avböja: the receiving unit does not take on the work, and says why.</summary>
    public void Decline(Guid staffMemberId, DateTimeOffset at, string? reason)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Ange skälet till att överlämningen avböjs.");
        Status = HandoverStatus.Declined;
        DeclinedAt = at;
        DeclinedBy = staffMemberId;
        DeclineReason = reason.Trim();
    }

    /// <summary>Swedish calendar days since the handover, on <paramref name="today"/>.</summary>
    public int AgeInDays(DateOnly today) => today.DayNumber - DeadlineCalculator.SwedishDay(HandedOverAt).DayNumber;

    private void EnsurePending()
    {
        if (Status != HandoverStatus.Pending)
            throw new DomainRuleException(Status == HandoverStatus.Accepted
                ? "Överlämningen är redan mottagen."
                : "Överlämningen är redan avböjd.");
    }
}

/// <summary>
/// Överlämningssammanfattning: what the receiving unit needs to know so the client need not retell it —
/// what happened, the assessments made, the risks, and what the client has already told.
/// </summary>
public sealed record HandoverSummary
{
    public const int MaxLength = 4_000;
    public const int OtherNotesMaxLength = 2_000;

    public HandoverSummary(string whatHappened, string assessments, string risks, string whatTheClientHasToldAlready, string? otherNotes)
    {
        WhatHappened = Required(whatHappened, "vad som har hänt");
        Assessments = Required(assessments, "vilka bedömningar som är gjorda");
        Risks = Required(risks, "vilka risker som finns");
        WhatTheClientHasToldAlready = Required(whatTheClientHasToldAlready, "vad klienten redan har berättat");
        OtherNotes = string.IsNullOrWhiteSpace(otherNotes) ? null : otherNotes.Trim();
    }

    /// <summary>Vad har hänt: the violence and the course of events, as far as known.</summary>
    public string WhatHappened { get; private init; }

    /// <summary>Bedömningar: the assessments made (e.g. danger assessment, needs), with their conclusions.</summary>
    public string Assessments { get; private init; }

    /// <summary>Risker: current risks and what protects the client.</summary>
    public string Risks { get; private init; }

    /// <summary>Vad klienten redan har berättat: so the receiving unit does not ask the same questions again.</summary>
    public string WhatTheClientHasToldAlready { get; private init; }

    public string? OtherNotes { get; private init; }

    private static string Required(string text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException($"Sammanfattningen måste beskriva {what}.") : text.Trim();
}

public enum HandoverStatus
{
    /// <summary>Ej slutförd: handed over, not yet accepted or declined.</summary>
    Pending,

    /// <summary>Mottagen.</summary>
    Accepted,

    /// <summary>Avböjd, with a reason.</summary>
    Declined,
}
