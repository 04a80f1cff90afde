using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

/// <summary>
/// Registers a person in the municipality's register. <see cref="IdentityKind"/> may be left out: a
/// number then means personnummer or samordningsnummer (told apart by the day), no number means a
/// contact without identity. <see cref="RegisteringUnitId"/> is the unit registering them (the caller's
/// own; may be left out when they work in one unit only): until the person is in a case, only it sees them.
/// </summary>
public sealed record RegisterPerson(
    IdentityKind? IdentityKind,
    string? IdentityNumber,
    string? FirstName,
    string? LastName,
    string? Pseudonym,
    Gender? Gender,
    ProtectedIdentityLevel? ProtectedIdentity = null,
    DateOnly? BirthDate = null,
    string? StreetAddress = null,
    string? PostalCode = null,
    string? City = null,
    string? Phone = null,
    string? Email = null,
    Guid? RegisteringUnitId = null)
{
    /// <summary>The kind the register will hold, after inference.</summary>
    internal IdentityKind EffectiveKind => IdentityKind
        ?? (string.IsNullOrWhiteSpace(IdentityNumber) ? People.IdentityKind.None : People.IdentityKind.Personnummer);

    internal bool HasOfficialNumber => EffectiveKind is People.IdentityKind.Personnummer or People.IdentityKind.Samordningsnummer;
}

public sealed class RegisterPersonValidator : AbstractValidator<RegisterPerson>
{
    public RegisterPersonValidator(TimeProvider clock)
    {
        RuleFor(c => c.Gender).NotNull().IsInEnum()
            .WithMessage("Kön måste anges: kvinna, man, annan eller okänt/vill ej uppge.");
        RuleFor(c => c.IdentityKind).IsInEnum();
        RuleFor(c => c.ProtectedIdentity).IsInEnum();

        RuleFor(c => c.IdentityNumber).NotEmpty()
            .When(c => c.EffectiveKind != IdentityKind.None)
            .WithMessage("Identitetsnummer saknas.");
        RuleFor(c => c.IdentityNumber).Empty()
            .When(c => c.IdentityKind == IdentityKind.None)
            .WithMessage("En kontakt utan identitet har inget identitetsnummer.");
        RuleFor(c => c.IdentityNumber).Custom((number, context) =>
        {
            var command = context.InstanceToValidate;
            if (!command.HasOfficialNumber || string.IsNullOrWhiteSpace(number)) return;
            if (!PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out var error))
                context.AddFailure(error!);
            else if (command.IdentityKind is { } stated && stated != parsed!.Kind)
                context.AddFailure(stated == IdentityKind.Personnummer
                    ? "Numret är ett samordningsnummer (dagen är ökad med 60), inte ett personnummer."
                    : "Numret är ett personnummer, inte ett samordningsnummer.");
        });
        RuleFor(c => c.IdentityNumber).Matches("^[A-Za-z0-9 -]{4,20}$")
            .When(c => c.EffectiveKind == IdentityKind.Reservnummer)
            .WithMessage("Ett reservnummer består av 4–20 bokstäver, siffror och bindestreck.");

        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.FirstName) || !string.IsNullOrWhiteSpace(c.LastName))
            .When(c => c.EffectiveKind != IdentityKind.None)
            .WithName("lastName").WithMessage("Namn saknas.");
        RuleFor(c => c.Pseudonym).NotEmpty()
            .When(c => c.EffectiveKind == IdentityKind.None && string.IsNullOrWhiteSpace(c.FirstName) && string.IsNullOrWhiteSpace(c.LastName))
            .WithMessage("Ange namn eller, för en anonym kontakt, en pseudonym.");

        RuleFor(c => c.BirthDate).IsBirthDate(clock);
        RuleFor(c => c.FirstName).Text(TextKind.Name);
        RuleFor(c => c.LastName).Text(TextKind.Name);
        RuleFor(c => c.Pseudonym).Text(TextKind.Name);
        RuleFor(c => c.StreetAddress).Text(TextKind.Name);
        RuleFor(c => c.City).Text(TextKind.Name);
        RuleFor(c => c.FirstName).MaximumLength(100);
        RuleFor(c => c.LastName).MaximumLength(100);
        RuleFor(c => c.Pseudonym).MaximumLength(100);
        RuleFor(c => c.StreetAddress).MaximumLength(200);
        RuleFor(c => c.PostalCode).Matches(@"^[0-9]{3} ?[0-9]{2}$").WithMessage("Postnummer har fem siffror, t.ex. 582 22.");
        RuleFor(c => c.City).MaximumLength(100);
        RuleFor(c => c.Phone).Matches(@"^\+?[0-9 ()-]{5,20}$").WithMessage("Telefonnumret är inte giltigt.");
        RuleFor(c => c.Email).EmailAddress().MaximumLength(200).WithMessage("E-postadressen är inte giltig.");
    }
}

public sealed class RegisterPersonHandler(DbContext db, TimeProvider clock, IValidator<RegisterPerson> validator, AccessPolicy policy, AuditTrail audit)
{
    public async Task<PersonDetails> Handle(Actor actor, RegisterPerson command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var unit = RegisteringUnit(actor, command.RegisteringUnitId);
        var through = AccessPolicy.BestRoleIn(actor, unit);

        var identity = command.EffectiveKind switch
        {
            IdentityKind.None => PersonIdentity.Anonymous(command.BirthDate),
            IdentityKind.Reservnummer => PersonIdentity.Reserve(command.IdentityNumber!, command.BirthDate),
            _ => PersonIdentity.Of(ParseOfficial(command.IdentityNumber!)),
        };

        var hidden = await IdentityNumberCheck.EnsureFree(db, policy, audit, actor, identity.Number,
            "En person med detta identitetsnummer finns redan i registret. Sök fram personen i stället.", through, ct);

        var now = clock.GetUtcNow();
        var person = new Person(actor.OrganisationId, identity,
            new PersonName(command.FirstName, command.LastName, command.Pseudonym),
            command.Gender!.Value,
            command.ProtectedIdentity ?? ProtectedIdentityLevel.None,
            new ContactDetails(command.StreetAddress, command.PostalCode, command.City, command.Phone, command.Email),
            now, unit);
        db.Add(person);
        if (hidden is { } existing) IdentityNumberCheck.Matched(db, audit, actor, existing, person, now, through);
        audit.Record(actor, AuditAction.CreatePerson, [AuditSubject.Person(person.Id)], through: through);
        await db.SaveChangesAsync(ct);
        return PersonDetails.From(person, AccessPolicy.MayViewContact(actor, person.ProtectedIdentity));

        PersonalIdentityNumber ParseOfficial(string number) =>
            PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out _)
                ? parsed!
                : throw new InvalidOperationException("The validator lets only valid numbers through.");
    }

    /// <summary>The caller's own unit that registers the person: the one named, or the only one they work in.</summary>
    private static Guid RegisteringUnit(Actor actor, Guid? named)
    {
        var own = actor.UnitsWith(Capability.CaseContent);
        if (named is { } unit)
            return own.Contains(unit) ? unit
                : throw new ForbiddenException("Du kan bara registrera personer i en enhet där du själv arbetar med ärenden.");
        return own.Count == 1 ? own[0]
            : throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(RegisterPerson.RegisteringUnitId),
                "Ange vilken av dina enheter som registrerar personen.")]);
    }
}
