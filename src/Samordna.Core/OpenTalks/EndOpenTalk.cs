using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.OpenTalks;

/// <summary>Ends a friyta contact without a case (avhopp). The reason is required; the note is needed for "other".</summary>
/// <param name="Version">When given, the version read; a contact changed since then is refused with 409.</param>
public sealed record EndOpenTalk(DropoutReason? Reason, string? Note = null, long? Version = null);

public sealed class EndOpenTalkValidator : AbstractValidator<EndOpenTalk>
{
    public EndOpenTalkValidator()
    {
        const string reason = "Ange varför kontakten avslutas: wantedToStayAnonymous, noLongerWanted, movedAway, referredElsewhere, noContact eller other.";
        RuleFor(c => c.Reason).NotNull().WithMessage(reason).IsInEnum().WithMessage(reason);
        RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == DropoutReason.Other)
            .WithMessage("Beskriv med några ord varför kontakten avslutas när skälet är ”annat”.")
            .MaximumLength(1_000);
        RuleFor(c => c.Note).Text(TextKind.FreeText);
    }
}

public sealed class EndOpenTalkHandler(DbContext db, TimeProvider clock, IValidator<EndOpenTalk> validator, OpenTalkAccess access,
    AuditTrail audit, OpenTalkQueries queries)
{
    public async Task<OpenTalkDetails> Handle(Actor actor, Guid contactId, EndOpenTalk command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var (contact, through) = await access.Require(actor, contactId, OpenTalkOperation.End, ct);
        if (command.Version is { } version) contact.EnsureVersion(version);
        contact.End(command.Reason, command.Note, clock.GetUtcNow());
        audit.Record(actor, AuditAction.UpdateOpenTalk, OpenTalkQueries.Subjects(contact), through: through);
        await db.SaveChangesAsync(ct);
        return await queries.Build(contact, ct);
    }
}
