using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.Cases;

/// <summary>Writes a journal entry; with <see cref="Corrects"/> it is a correction of an earlier entry in the same case.</summary>
public sealed record WriteJournalEntry(string? Text, Guid? Corrects = null);

public sealed class WriteJournalEntryValidator : AbstractValidator<WriteJournalEntry>
{
    public WriteJournalEntryValidator()
    {
        RuleFor(c => c.Text).Text(TextKind.FreeText);
        RuleFor(c => c.Text).NotEmpty().WithMessage("Anteckningen är tom.")
            .MaximumLength(JournalEntry.MaxLength).WithMessage($"En anteckning får vara högst {JournalEntry.MaxLength} tecken.");
    }
}

public sealed class WriteJournalEntryHandler(DbContext db, TimeProvider clock, IValidator<WriteJournalEntry> validator,
    AccessPolicy policy, AuditTrail audit)
{
    public async Task<JournalEntryView> Handle(Actor actor, Guid caseId, WriteJournalEntry command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.WriteJournal, ct);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        JournalEntry? corrected = null;
        if (command.Corrects is { } correctedId)
            corrected = await db.Set<JournalEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == correctedId && e.CaseId == caseId, ct)
                ?? throw new NotFoundException("Anteckningen", correctedId);

        var entry = new JournalEntry(@case, actor.StaffMemberId, clock.GetUtcNow(), command.Text!, corrected);
        db.Add(entry);
        audit.CaseAccessed(actor, AuditAction.WriteJournal, access);
        await db.SaveChangesAsync(ct);
        return new JournalEntryView(entry.Id, caseId, entry.WrittenAt, actor.StaffMemberId, actor.DisplayName, entry.Text, entry.CorrectsEntryId);
    }
}
