using Samordna.Core.Cases;

namespace Samordna.Core.Perpetrators;

/// <summary>
/// Inledande bedömning av inställning och motivation: how the person who uses violence sees the
/// violence and their will to change, assessed at intake (seed 004: förhandsbedömning for perpetrators).
/// A case may have several as the work goes on; each is kept.
/// </summary>
public sealed class MotivationAssessment : Entity
{
    private MotivationAssessment() { }

    public MotivationAssessment(Case @case, Guid assessedBy, DateTimeOffset assessedAt, Attitude attitude, Motivation motivation, string? notes)
    {
        if (@case.Type != CaseType.Perpetrator) throw new DomainRuleException("Bedömning av inställning och motivation görs i ett våldsutövarärende.");
        @case.EnsureOpen();
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        AssessedBy = assessedBy;
        AssessedAt = assessedAt;
        Attitude = attitude;
        Motivation = motivation;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid AssessedBy { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }
    public Attitude Attitude { get; private set; }
    public Motivation Motivation { get; private set; }
    public string? Notes { get; private set; }
}

/// <summary>Inställning till våldet.</summary>
public enum Attitude { AcknowledgesViolence, MinimisesViolence, DeniesViolence, Unclear }

/// <summary>Motivation till förändring.</summary>
public enum Motivation { High, Ambivalent, Low, None }

/// <summary>
/// Erbjudande: what was offered to the person who uses violence, by whom, and the answer. A decline
/// gets a re-contact reminder, so the person is not lost after saying no once.
/// </summary>
public sealed class SupportOffer : Aggregate
{
    private SupportOffer() { }

    public SupportOffer(Case @case, Guid offeredBy, DateTimeOffset offeredAt, string offer, OfferChannel channel)
    {
        if (string.IsNullOrWhiteSpace(offer)) throw new DomainRuleException("Ange vad som erbjöds.");
        @case.EnsureOpen();
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        OfferedBy = offeredBy;
        OfferedAt = offeredAt;
        Offer = offer.Trim();
        Channel = channel;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid OfferedBy { get; private set; }
    public DateTimeOffset OfferedAt { get; private set; }

    /// <summary>What was offered, e.g. "Behandling i grupp (ATV)", "Samtal med våldshandläggare".</summary>
    public string Offer { get; private set; } = "";

    public OfferChannel Channel { get; private set; }
    public OfferResponse Response { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    public void Answer(OfferResponse response, DateTimeOffset at)
    {
        if (Response != OfferResponse.Pending) throw new DomainRuleException("Erbjudandet är redan besvarat.");
        if (response == OfferResponse.Pending) throw new DomainRuleException("Ange om erbjudandet antogs eller avböjdes.");
        Response = response;
        RespondedAt = at;
    }
}

/// <summary>Who brought the offer: the case's own social worker, or a specialist in work with perpetrators.</summary>
public enum OfferChannel { CaseSocialWorker, PerpetratorSpecialist }

public enum OfferResponse { Pending, Accepted, Declined }

/// <summary>
/// Polishändelse: a report, arrest, remand or release. It opens a "window of motivation" (seed 004):
/// the linked perpetrator cases get a fast-contact task — has the person been told about support?
/// </summary>
public sealed class PoliceEvent : Entity
{
    private PoliceEvent() { }

    public PoliceEvent(Case @case, PoliceEventKind kind, DateTimeOffset occurredAt, Guid registeredBy, DateTimeOffset registeredAt)
    {
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        Kind = kind;
        OccurredAt = occurredAt;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public PoliceEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}

public enum PoliceEventKind { Report, Arrest, Remand, Release }

/// <summary>Local targets of the perpetrator route (not statutory). Bound from Samordna:Perpetrators.</summary>
public sealed class PerpetratorRouteSettings
{
    public const string Section = "Samordna:Perpetrators";

    /// <summary>Days after a declined offer until the re-contact reminder is due.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 365, ErrorMessage = "must be between 1 and 365 (days)")]
    public int RecontactAfterDays { get; set; } = 30;

    /// <summary>Days after a police event within which the person should have been contacted.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30, ErrorMessage = "must be between 1 and 30 (days)")]
    public int FastContactWithinDays { get; set; } = 1;
}
