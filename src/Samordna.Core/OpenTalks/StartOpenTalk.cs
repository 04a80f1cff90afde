using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.OpenTalks;

/// <summary>
/// Starts a friyta contact in a unit. The person is either one in the register (<see cref="PersonId"/>)
/// or, usually, a new anonymous contact made by this request from <see cref="Pseudonym"/> and
/// <see cref="Gender"/> — no personnummer, no name.
/// </summary>
/// <param name="Concerns">adultVictim or perpetrator: whom the talks are with.</param>
/// <param name="ChildrenInvolved">Children the person mentions; 0 when none.</param>
public sealed record StartOpenTalk(Guid? OwningUnitId, CaseType? Concerns, Guid? PersonId = null, string? Pseudonym = null,
    Gender? Gender = null, int? ChildrenInvolved = null, DateTimeOffset? StartedAt = null);

public sealed class StartOpenTalkValidator : AbstractValidator<StartOpenTalk>
{
    public StartOpenTalkValidator(TimeProvider clock)
    {
        RuleFor(c => c.OwningUnitId).NotEmpty().WithMessage("Ange vilken enhet som håller samtalen.");
        const string concerns = "Ange vem samtalen gäller: adultVictim (våldsutsatt vuxen) eller perpetrator (våldsutövare).";
        RuleFor(c => c.Concerns).NotNull().WithMessage(concerns)
            .Must(c => c is CaseType.AdultVictim or CaseType.Perpetrator).WithMessage(concerns);
        RuleFor(c => c.Pseudonym).NotEmpty().When(c => c.PersonId is null)
            .WithMessage("Ange en pseudonym för den anonyma kontakten, t.ex. ”Man 42, mottagningen” – eller person-id för en person i registret.")
            .MaximumLength(100);
        RuleFor(c => c.Gender).NotNull().When(c => c.PersonId is null)
            .WithMessage("Kön måste anges: kvinna, man, annan eller okänt/vill ej uppge.").IsInEnum();
        RuleFor(c => c.Pseudonym).Empty().When(c => c.PersonId is not null)
            .WithMessage("Ange antingen person-id eller pseudonym och kön för en ny anonym kontakt, inte båda.");
        RuleFor(c => c.Gender).Null().When(c => c.PersonId is not null)
            .WithMessage("Kön står redan i personregistret för en person som anges med person-id.");
        RuleFor(c => c.ChildrenInvolved).InclusiveBetween(0, OpenTalkContact.MaxChildren)
            .WithMessage($"Antalet barn anges som 0–{OpenTalkContact.MaxChildren}.");
        RuleFor(c => c.StartedAt).HasHappened(clock, "En kontakt kan inte påbörjas i framtiden.");
        RuleFor(c => c.Pseudonym).Text(TextKind.Name);
    }
}

public sealed class StartOpenTalkHandler(DbContext db, TimeProvider clock, IValidator<StartOpenTalk> validator, IOptions<OpenTalkSettings> settings,
    AccessPolicy policy, AuditTrail audit, OpenTalkQueries queries)
{
    public async Task<OpenTalkDetails> Handle(Actor actor, StartOpenTalk command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var org = actor.OrganisationId;
        var unitId = command.OwningUnitId!.Value;
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.OrganisationId == org, ct))
            throw new NotFoundException("Enheten", unitId);
        var through = AccessPolicy.RequireUnitStaff(actor, unitId, "Du kan bara påbörja friyta i en enhet där du själv arbetar med ärenden.");
        var now = clock.GetUtcNow();

        Person person;
        if (command.PersonId is { } personId) person = await policy.RequirePerson(actor, personId, ct);
        else
        {
            person = new Person(org, PersonIdentity.Anonymous(), new PersonName(null, null, command.Pseudonym), command.Gender!.Value,
                ProtectedIdentityLevel.None, ContactDetails.Empty, now, registeringUnitId: unitId);
            db.Add(person);
            audit.Record(actor, AuditAction.CreatePerson, [AuditSubject.Person(person.Id)], through: through);
        }

        var contact = new OpenTalkContact(org, unitId, person.Id, command.Concerns!.Value, settings.Value.TalkLimit,
            command.ChildrenInvolved ?? 0, actor.StaffMemberId, (command.StartedAt ?? now).ToUniversalTime());
        db.Add(contact);
        audit.Record(actor, AuditAction.StartOpenTalk, OpenTalkQueries.Subjects(contact), through: through);
        await db.SaveChangesAsync(ct);
        return await queries.Build(contact, ct);
    }
}
