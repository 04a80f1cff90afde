using Samordna.Core.Cases;

namespace Samordna.Core.OpenTalks;

/// <summary>
/// Friyta (öppna samtal): a series of talks without an investigation or a decision, where the person may
/// stay anonymous — typically a perpetrator's first five talks at the treatment centre. Nothing here
/// needs a personnummer: the person is usually a pseudonym, and a talk is its date, the member of staff
/// and its number. The series ends with a dropout reason, or — only with the person's recorded consent —
/// becomes a formal case that carries its talks. A talk beyond the limit is refused: the way on is a case.
/// </summary>
public sealed class OpenTalkContact : Aggregate
{
    public const int MaxChildren = 30;

    private readonly List<Talk> _talks = [];

    private OpenTalkContact() { }

    public OpenTalkContact(Guid organisationId, Guid owningUnitId, Guid personId, CaseType concerns, int talkLimit,
        int childrenInvolved, Guid startedBy, DateTimeOffset startedAt)
    {
        if (concerns is not (CaseType.AdultVictim or CaseType.Perpetrator))
            throw new DomainRuleException("En friytekontakt gäller en våldsutsatt vuxen eller en våldsutövare.");
        if (talkLimit < 1) throw new DomainRuleException("Antalet samtal i friyta måste vara minst ett.");
        OrganisationId = organisationId;
        OwningUnitId = owningUnitId;
        PersonId = personId;
        Concerns = concerns;
        TalkLimit = talkLimit;
        StartedBy = startedBy;
        StartedAt = startedAt;
        NoteChildren(childrenInvolved);
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The unit that holds the talks, usually the treatment centre.</summary>
    public Guid OwningUnitId { get; private set; }

    /// <summary>The person, usually registered without identity and with a pseudonym.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>After a merge of two records of one person, the contact names the kept one.</summary>
    internal void ConcernPerson(Guid personId) => PersonId = personId;

    /// <summary>Whom the talks are with: a victim or a person who uses violence; the type of the case it may become.</summary>
    public CaseType Concerns { get; private set; }

    public Guid StartedBy { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>How many talks the contact may have, fixed from the setting in force when it started.</summary>
    public int TalkLimit { get; private set; }

    /// <summary>How many children the person has mentioned (in the household or in contact); 0 when none.</summary>
    public int ChildrenInvolved { get; private set; }

    public OpenTalkStatus Status { get; private set; }
    /// <summary>The talks, in no particular order as loaded; <see cref="Talk.Number"/> orders them.</summary>
    public IReadOnlyList<Talk> Talks => _talks;

    public DateTimeOffset? EndedAt { get; private set; }
    public DropoutReason? DropoutReason { get; private set; }
    public string? DropoutNote { get; private set; }

    /// <summary>The person's consent to become a registered case; present exactly when converted.</summary>
    public ConsentRecord? Consent { get; private set; }

    public Guid? ConvertedCaseId { get; private set; }
    public DateTimeOffset? ConvertedAt { get; private set; }

    public bool TalkLimitReached => _talks.Count >= TalkLimit;

    /// <summary>When the first talk was held; the contact's start when none has been recorded.</summary>
    public DateTimeOffset FirstContactAt => _talks.MinBy(t => t.Number)?.HeldAt ?? StartedAt;

    /// <summary>Records talk number N. Refused on a contact that ended or became a case, and beyond the limit.</summary>
    public Talk RecordTalk(DateTimeOffset heldAt, Guid staffMemberId, string? note, DateTimeOffset recordedAt)
    {
        EnsureActive();
        if (TalkLimitReached)
            throw new DomainRuleException($"Friytan har redan {TalkLimit} av {TalkLimit} samtal. Fler samtal kräver ett ärende: " +
                                          "omvandla kontakten till ett ärende med personens samtycke, eller avsluta den.");
        if (heldAt < StartedAt)
            throw new DomainRuleException("Ett samtal kan inte ha hållits innan kontakten påbörjades.");
        // Numbers follow the order the talks were held, so "samtal 3 av 5" means the third one.
        if (_talks.MaxBy(t => t.Number) is { } last && heldAt < last.HeldAt)
            throw new DomainRuleException("Samtalen registreras i den ordning de hölls: det här samtalet ligger före det senast registrerade.");
        var talk = new Talk(this, _talks.Count + 1, heldAt, staffMemberId, note, recordedAt);
        _talks.Add(talk);
        return talk;
    }

    /// <summary>The person mentioned children (or more of them) during the talks.</summary>
    public void NoteChildren(int count)
    {
        if (count is < 0 or > MaxChildren) throw new DomainRuleException($"Antalet barn anges som 0–{MaxChildren}.");
        ChildrenInvolved = count;
    }

    /// <summary>Avsluta: the series ends without a case. Why is required; "other" needs words.</summary>
    public void End(DropoutReason? reason, string? note, DateTimeOffset at)
    {
        EnsureActive();
        if (reason is null || !Enum.IsDefined(reason.Value))
            throw new DomainRuleException("Ange varför friytekontakten avslutas.");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == OpenTalks.DropoutReason.Other && text is null)
            throw new DomainRuleException("Beskriv med några ord varför kontakten avslutas när skälet är ”annat”.");
        Status = OpenTalkStatus.Ended;
        DropoutReason = reason;
        DropoutNote = text;
        EndedAt = at;
    }

    /// <summary>
    /// Omvandla till ärende: only with the person's consent on record. The case is of the contact's type,
    /// received when the first talk was held, with its support track running from then — the talks were
    /// support — while the investigation has not started. Its summary carries the talk count.
    /// </summary>
    public Case Convert(ConsentRecord? consent, Guid owningUnitId, IntakeChannel channel, Guid convertedBy, DateTimeOffset at)
    {
        EnsureConvertible(consent);
        var receivedAt = FirstContactAt;
        var summary = $"Från friyta: {_talks.Count} av {TalkLimit} samtal sedan {SwedishDate(receivedAt)}. Omvandlat med personens samtycke.";
        var @case = new Case(OrganisationId, Concerns, owningUnitId, PersonId, receivedAt, convertedBy, summary,
            new Intake(channel, null, OwningUnitId));
        @case.StartSupport(receivedAt);

        Consent = consent;
        Status = OpenTalkStatus.Converted;
        ConvertedCaseId = @case.Id;
        ConvertedAt = at;
        return @case;
    }

    /// <summary>Refuses conversion of a contact that is not running, or without consent — before anything else is looked at.</summary>
    public void EnsureConvertible(ConsentRecord? consent)
    {
        EnsureActive();
        if (consent is null)
            throw new DomainRuleException("Friytan kan bara bli ett ärende med personens samtycke. Dokumentera samtycket – när, hur och vad det omfattar – " +
                                          "eller låt kontakten fortsätta anonymt.");
    }

    /// <summary>The journal text that carries one talk into the case: "Samtal i friyta N av M: date staff", then the note.</summary>
    public string JournalText(Talk talk, string staffName) =>
        $"Samtal i friyta {talk.Number} av {TalkLimit}: {SwedishTime.ToSwedish(talk.HeldAt):yyyy-MM-dd HH:mm} {staffName}" +
        (talk.Note is null ? "" : $"\n{talk.Note}");

    /// <summary>
    /// What the staff must see: the limit reached on a running contact, and children mentioned with no
    /// child case or orosanmälan for them (<paramref name="childProtectionInPlace"/> is looked up in the
    /// person's cases by the caller).
    /// </summary>
    public static IReadOnlyList<OpenTalkWarning> Warnings(OpenTalkStatus status, int talks, int talkLimit, int childrenInvolved,
        bool childProtectionInPlace)
    {
        var warnings = new List<OpenTalkWarning>();
        if (status == OpenTalkStatus.Active && talks >= talkLimit) warnings.Add(OpenTalkWarning.TalkLimitReached);
        if (childrenInvolved > 0 && !childProtectionInPlace) warnings.Add(OpenTalkWarning.ChildrenWithoutChildCase);
        return warnings;
    }

    private void EnsureActive()
    {
        if (Status == OpenTalkStatus.Ended) throw new DomainRuleException("Friytekontakten är avslutad.");
        if (Status == OpenTalkStatus.Converted) throw new DomainRuleException("Friytekontakten har blivit ett ärende; fortsätt arbetet i ärendet.");
    }

    private static string SwedishDate(DateTimeOffset instant) =>
        SwedishTime.ToSwedish(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Samtal: one talk in a friyta series — when, with whom, its number. The note is optional and needs no personal data.</summary>
public sealed class Talk : Entity
{
    public const int MaxNoteLength = 500;

    private Talk() { }

    internal Talk(OpenTalkContact contact, int number, DateTimeOffset heldAt, Guid staffMemberId, string? note, DateTimeOffset recordedAt)
    {
        OrganisationId = contact.OrganisationId;
        ContactId = contact.Id;
        Number = number;
        HeldAt = heldAt;
        StaffMemberId = staffMemberId;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedAt = recordedAt;
    }

    public Guid OrganisationId { get; private set; }
    public Guid ContactId { get; private set; }

    /// <summary>1 for the first talk of the contact, and so on.</summary>
    public int Number { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>The member of staff who held the talk.</summary>
    public Guid StaffMemberId { get; private set; }

    public string? Note { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The person's consent to be registered: given when, recorded by whom, how, and what it covers.</summary>
public sealed record ConsentRecord(DateTimeOffset GivenAt, Guid RecordedBy, ConsentMethod Method, string Covers);

public enum ConsentMethod
{
    /// <summary>Vid besök.</summary>
    InPerson,

    /// <summary>Per telefon.</summary>
    Phone,

    /// <summary>Skriftligt.</summary>
    Written,
}

public enum OpenTalkStatus
{
    /// <summary>Pågår.</summary>
    Active,

    /// <summary>Avslutad utan ärende.</summary>
    Ended,

    /// <summary>Omvandlad till ärende.</summary>
    Converted,
}

/// <summary>Why a friyta contact ended without a case (avhopp).</summary>
public enum DropoutReason
{
    /// <summary>Ville förbli anonym: did not want to be registered.</summary>
    WantedToStayAnonymous,

    /// <summary>Ville inte längre ha kontakt.</summary>
    NoLongerWanted,

    /// <summary>Flyttade.</summary>
    MovedAway,

    /// <summary>Hänvisad till annan verksamhet (e.g. an external provider).</summary>
    ReferredElsewhere,

    /// <summary>Gick inte att nå / uteblev.</summary>
    NoContact,

    /// <summary>Annat (described in the note).</summary>
    Other,
}

/// <summary>Varningar: shown on the contact and counted in statistics.</summary>
public enum OpenTalkWarning
{
    /// <summary>All talks of the limit are used; the way on is a case (with consent) or ending.</summary>
    TalkLimitReached,

    /// <summary>The person mentioned children, and no child case or orosanmälan exists for them.</summary>
    ChildrenWithoutChildCase,
}
