namespace Samordna.Core.Cases;

/// <summary>
/// Journalanteckning (dokumentation). Append-only: once written, an entry is never changed or removed;
/// a correction is a new entry that points at the one it corrects. The data layer refuses updates and
/// deletes of entries, so this holds whatever code path tries.
/// </summary>
public sealed class JournalEntry : Entity
{
    public const int MaxLength = 20_000;

    private JournalEntry() { }

    public JournalEntry(Case @case, Guid authorId, DateTimeOffset writtenAt, string text, JournalEntry? corrects = null)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("En journalanteckning kan inte vara tom.");
        if (corrects is not null && corrects.CaseId != @case.Id)
            throw new DomainRuleException("En rättelse måste gälla en anteckning i samma ärende.");
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        AuthorId = authorId;
        WrittenAt = writtenAt;
        Text = text.Trim();
        CorrectsEntryId = corrects?.Id;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>The entry this one corrects, when it is a rättelse.</summary>
    public Guid? CorrectsEntryId { get; private set; }
}
