using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;

namespace Samordna.Core.Cases;

/// <summary>Creates a group that the cases of one household or relationship are then linked to.</summary>
public sealed record CreateCaseGroup(CaseGroupKind? Kind, string? Label);

public sealed class CreateCaseGroupValidator : AbstractValidator<CreateCaseGroup>
{
    public CreateCaseGroupValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Ange om gruppen är ett hushåll, en relation eller ett hedersrelaterat nätverk.").IsInEnum().WithMessage("Ange om gruppen är ett hushåll, en relation eller ett hedersrelaterat nätverk.");
        RuleFor(c => c.Label).NotEmpty().MaximumLength(100).WithMessage("Ange en benämning (högst 100 tecken, inga personuppgifter).");
    }
}

public sealed class CreateCaseGroupHandler(DbContext db, TimeProvider clock, IValidator<CreateCaseGroup> validator)
{
    public async Task<CaseGroupSummary> Handle(Actor actor, CreateCaseGroup command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var group = new CaseGroup(actor.OrganisationId, command.Kind!.Value, command.Label!, clock.GetUtcNow());
        db.Add(group);
        await db.SaveChangesAsync(ct);
        return new CaseGroupSummary(group.Id, group.Kind, group.Label, []);
    }
}
