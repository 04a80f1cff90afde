using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.People;

namespace Samordna.Core.Cases;

/// <summary>Registers another person in the case, e.g. a child living in the household.</summary>
public sealed record AddCaseParty(Guid? PersonId, PartyRole? Role);

public sealed class AddCasePartyValidator : AbstractValidator<AddCaseParty>
{
    public AddCasePartyValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Ange vilken person som ska läggas till.");
        RuleFor(c => c.Role).NotNull().IsInEnum().NotEqual(PartyRole.Subject)
            .WithMessage("Ange personens roll i ärendet (barn, våldsutövare, våldsutsatt, vårdnadshavare eller anhörig).");
    }
}

public sealed class AddCasePartyHandler(DbContext db, IValidator<AddCaseParty> validator)
{
    public async Task<CaseDetails> Handle(Actor actor, Guid caseId, AddCaseParty command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var @case = await db.Set<Case>().Include(c => c.Parties)
            .SingleOrDefaultAsync(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Ärendet", caseId);
        if (!await db.Set<Person>().AnyAsync(p => p.Id == command.PersonId && p.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Personen", command.PersonId!);

        db.Add(@case.AddParty(command.PersonId!.Value, command.Role!.Value));
        await db.SaveChangesAsync(ct);
        return await new CaseQueries(db).Get(actor, caseId, ct);
    }
}
