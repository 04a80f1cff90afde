using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Organisations;

namespace Samordna.Core.Cases;

/// <summary>Creates a group that the cases of one household or relationship are then linked to.</summary>
/// <param name="UnitId">
/// The unit creating the group; while the group is empty, only its staff may link a case to it. Staff
/// who work with cases in one unit only may leave it out.
/// </param>
public sealed record CreateCaseGroup(CaseGroupKind? Kind, string? Label, Guid? UnitId = null);

public sealed class CreateCaseGroupValidator : AbstractValidator<CreateCaseGroup>
{
    public CreateCaseGroupValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithMessage("Ange om gruppen är ett hushåll, en relation eller ett hedersrelaterat nätverk.").IsInEnum().WithMessage("Ange om gruppen är ett hushåll, en relation eller ett hedersrelaterat nätverk.");
        RuleFor(c => c.Label).NotEmpty().MaximumLength(100).WithMessage("Ange en benämning (högst 100 tecken, inga personuppgifter).");
        RuleFor(c => c.Label).Text(TextKind.Name);
    }
}

public sealed class CreateCaseGroupHandler(DbContext db, TimeProvider clock, IValidator<CreateCaseGroup> validator)
{
    public async Task<CaseGroupSummary> Handle(Actor actor, CreateCaseGroup command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var unit = await CreatingUnit(actor, command.UnitId, ct);
        var group = new CaseGroup(actor.OrganisationId, unit, command.Kind!.Value, command.Label!, clock.GetUtcNow());
        db.Add(group);
        await db.SaveChangesAsync(ct);
        return new CaseGroupSummary(group.Id, group.Kind, group.Label, []);
    }

    /// <summary>
    /// The unit named, which must be one the actor works with cases in; or, left out, the only such unit.
    /// Guessing among several would give the right to link to the empty group to the wrong unit's staff.
    /// </summary>
    private async Task<Guid> CreatingUnit(Actor actor, Guid? named, CancellationToken ct)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        if (named is not { } unitId)
            return units.Count switch
            {
                1 => units[0],
                0 => throw new ForbiddenException("Du arbetar inte med ärenden i någon enhet."),
                _ => throw new ValidationException([new ValidationFailure(nameof(CreateCaseGroup.UnitId),
                    "Du arbetar med ärenden i flera enheter: ange vilken enhet som skapar gruppen.")]),
            };

        // As when opening a case: a unit outside the caller's municipality is answered as missing.
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Enheten", unitId);
        if (!units.Contains(unitId))
            throw new ForbiddenException("Du kan bara skapa en ärendegrupp för en enhet där du själv arbetar med ärenden.");
        return unitId;
    }
}
