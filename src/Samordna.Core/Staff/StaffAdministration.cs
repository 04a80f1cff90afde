using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.Staff;

public sealed record StaffRoleView(Guid UnitId, string Unit, StaffRole Role);

public sealed record StaffView(Guid Id, long Version, string UserName, string DisplayName, string? Email, bool Active,
    bool ProtectedDataClearance, IReadOnlyList<StaffRoleView> Roles);

public sealed record UnitRoleRequest(Guid? UnitId, StaffRole? Role);

/// <summary>A new member of staff; the sign-in account with <see cref="Password"/> is made beside it by the host.</summary>
public sealed record CreateStaffMember(string? UserName, string? DisplayName, string? Email, string? Password,
    IReadOnlyList<UnitRoleRequest>? Roles, bool ProtectedDataClearance = false, string? IdentityNumber = null, string? HomeAddress = null);

/// <summary>Replaces roles and clearance; <see cref="Version"/> is the one read.</summary>
public sealed record UpdateStaffMember(long? Version, IReadOnlyList<UnitRoleRequest>? Roles, bool? ProtectedDataClearance, bool? Active,
    string? IdentityNumber = null, string? HomeAddress = null);

public sealed class CreateStaffMemberValidator : AbstractValidator<CreateStaffMember>
{
    internal const string RoleMessage =
        "Ange roll: caseworker, therapist, teamLeader, unitManager, systemAdministrator, analyst eller auditReviewer.";

    public CreateStaffMemberValidator(TimeProvider clock)
    {
        RuleFor(c => c.UserName).NotEmpty().Matches("^[a-z0-9._@-]{2,100}$")
            .WithMessage("Användarnamnet består av 2–100 små bokstäver, siffror och . _ @ -.");
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100).WithMessage("Ange namn.");
        RuleFor(c => c.Email).EmailAddress().MaximumLength(200);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Ange minst en roll i en enhet.");
        RuleForEach(c => c.Roles).ChildRules(role =>
        {
            role.RuleFor(r => r.UnitId).NotEmpty().WithMessage("Ange enhet för rollen.");
            role.RuleFor(r => r.Role).NotNull().WithMessage(CreateStaffMemberValidator.RoleMessage).IsInEnum().WithMessage(CreateStaffMemberValidator.RoleMessage);
        });
        RuleFor(c => c.IdentityNumber)
            .Must(n => PersonalIdentityNumber.TryParse(n, SwedishTime.Today(clock), out _, out _))
            .When(c => !string.IsNullOrWhiteSpace(c.IdentityNumber)).WithMessage("Personnumret är inte giltigt.");
    }
}

public sealed class UpdateStaffMemberValidator : AbstractValidator<UpdateStaffMember>
{
    public UpdateStaffMemberValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version ändringen bygger på.");
        RuleForEach(c => c.Roles).ChildRules(role =>
        {
            role.RuleFor(r => r.UnitId).NotEmpty().WithMessage("Ange enhet för rollen.");
            role.RuleFor(r => r.Role).NotNull().WithMessage(CreateStaffMemberValidator.RoleMessage).IsInEnum().WithMessage(CreateStaffMemberValidator.RoleMessage);
        });
    }
}

/// <summary>Systemförvaltarens arbete: staff, roles and clearance. Never case content.</summary>
public sealed class StaffAdministration(DbContext db, TimeProvider clock, AuditTrail audit,
    IValidator<CreateStaffMember> createValidator, IValidator<UpdateStaffMember> updateValidator)
{
    public async Task<IReadOnlyList<StaffView>> List(Actor actor, CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId)
            .OrderBy(s => s.DisplayName).ToListAsync(ct);
        var units = await Units(actor, ct);
        return staff.Select(s => View(s, units)).ToList();
    }

    /// <summary>
    /// Adds the member of staff to the unit of work without saving: the host creates the sign-in account,
    /// which saves both in one go, so a refused password leaves nothing behind.
    /// </summary>
    public async Task<StaffMember> Create(Actor actor, CreateStaffMember command, CancellationToken ct)
    {
        await createValidator.ValidateAndThrowAsync(command, ct);
        if (await db.Set<StaffMember>().AnyAsync(s => s.UserName == command.UserName, ct))
            throw new DomainRuleException("Användarnamnet är upptaget.");
        var member = new StaffMember(actor.OrganisationId, command.UserName!, command.DisplayName!, command.Email);
        await ApplyRoles(actor, member, command.Roles!, ct);
        member.SetProtectedDataClearance(command.ProtectedDataClearance);
        member.SetPrivateDetails(Canonical(command.IdentityNumber), command.HomeAddress);
        db.Add(member);
        audit.Record(actor, AuditAction.AdministerStaff, []);
        return member;
    }

    public async Task<StaffView> Update(Actor actor, Guid id, UpdateStaffMember command, CancellationToken ct)
    {
        await updateValidator.ValidateAndThrowAsync(command, ct);
        var member = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Medarbetaren", id);
        member.EnsureVersion(command.Version!.Value);
        if (command.Roles is { } roles)
        {
            foreach (var old in member.Roles.ToList()) member.Revoke(old.UnitId, old.Role);
            await ApplyRoles(actor, member, roles, ct);
        }
        if (command.ProtectedDataClearance is { } clearance) member.SetProtectedDataClearance(clearance);
        if (command.Active is { } active)
        {
            if (active) member.Activate();
            else member.Deactivate();
        }
        if (command.IdentityNumber is not null || command.HomeAddress is not null)
            member.SetPrivateDetails(Canonical(command.IdentityNumber) ?? member.IdentityNumber, command.HomeAddress ?? member.HomeAddress);
        // Roles are child rows: bump the member's version explicitly so a stale admin screen cannot overwrite them.
        db.Entry(member).State = EntityState.Modified;
        audit.Record(actor, AuditAction.AdministerStaff, []);
        await db.SaveChangesAsync(ct);
        return View(member, await Units(actor, ct));
    }

    public async Task<StaffView> Get(Actor actor, StaffMember member, CancellationToken ct) => View(member, await Units(actor, ct));

    private async Task ApplyRoles(Actor actor, StaffMember member, IEnumerable<UnitRoleRequest> roles, CancellationToken ct)
    {
        var unitIds = await db.Set<Unit>().Where(u => u.OrganisationId == actor.OrganisationId).Select(u => u.Id).ToListAsync(ct);
        foreach (var role in roles)
        {
            if (!unitIds.Contains(role.UnitId!.Value)) throw new NotFoundException("Enheten", role.UnitId);
            if (member.Grant(role.UnitId.Value, role.Role!.Value) is { } added && db.Entry(member).State != EntityState.Detached)
                db.Add(added);
        }
    }

    private string? Canonical(string? number) =>
        PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out _) ? parsed!.Value : null;

    private Task<Dictionary<Guid, string>> Units(Actor actor, CancellationToken ct) =>
        db.Set<Unit>().Where(u => u.OrganisationId == actor.OrganisationId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private static StaffView View(StaffMember s, IReadOnlyDictionary<Guid, string> units) =>
        new(s.Id, s.Version, s.UserName, s.DisplayName, s.Email, s.Active, s.ProtectedDataClearance,
            s.Roles.Select(r => new StaffRoleView(r.UnitId, units.GetValueOrDefault(r.UnitId, ""), r.Role)).ToList());
}
