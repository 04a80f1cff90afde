using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Staff;

namespace Samordna.Core.OpenTalks;

/// <summary>
/// Records a talk held in a friyta contact: when (now if left out), by whom (the caller unless another
/// member of staff is named) and, if wanted, a short note without personal data. <see cref="ChildrenInvolved"/>
/// updates how many children the person has mentioned so far.
/// </summary>
public sealed record RecordTalk(DateTimeOffset? HeldAt = null, string? Note = null, Guid? StaffMemberId = null, int? ChildrenInvolved = null);

public sealed class RecordTalkValidator : AbstractValidator<RecordTalk>
{
    public RecordTalkValidator(TimeProvider clock)
    {
        RuleFor(c => c.HeldAt).HasHappened(clock, "Ett samtal registreras när det har hållits, inte i förväg.");
        RuleFor(c => c.Note).Text(TextKind.FreeText);
        RuleFor(c => c.Note).MaximumLength(Talk.MaxNoteLength)
            .WithMessage($"En anteckning om samtalet får vara högst {Talk.MaxNoteLength} tecken.");
        RuleFor(c => c.ChildrenInvolved).InclusiveBetween(0, OpenTalkContact.MaxChildren)
            .WithMessage($"Antalet barn anges som 0–{OpenTalkContact.MaxChildren}.");
    }
}

public sealed class RecordTalkHandler(DbContext db, TimeProvider clock, IValidator<RecordTalk> validator, OpenTalkAccess access,
    AuditTrail audit, OpenTalkQueries queries)
{
    public async Task<OpenTalkDetails> Handle(Actor actor, Guid contactId, RecordTalk command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var (contact, through) = await access.Require(actor, contactId, OpenTalkOperation.RecordTalk, ct);
        var staffId = command.StaffMemberId ?? actor.StaffMemberId;
        if (staffId != actor.StaffMemberId &&
            !await db.Set<StaffMember>().AnyAsync(s => s.Id == staffId && s.OrganisationId == actor.OrganisationId && s.Active, ct))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(RecordTalk.StaffMemberId),
                "Det finns ingen aktiv medarbetare med det id:t i kommunen.")]);

        var now = clock.GetUtcNow();
        db.Add(contact.RecordTalk((command.HeldAt ?? now).ToUniversalTime(), staffId, command.Note, now));
        if (command.ChildrenInvolved is { } children) contact.NoteChildren(children);
        audit.Record(actor, AuditAction.UpdateOpenTalk, OpenTalkQueries.Subjects(contact), through: through);
        await db.SaveChangesAsync(ct);
        return await queries.Build(contact, ct);
    }
}
