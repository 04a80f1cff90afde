using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.Staff;

public sealed record StaffRoleView(Guid UnitId, string Unit, StaffRole Role);

/// <param name="PendingRequest">What waits for a second systemförvaltare to approve, if anything: roles and clearance above are what the member has now.</param>
public sealed record StaffView(Guid Id, long Version, string UserName, string DisplayName, string? Email, bool Active,
    bool ProtectedDataClearance, IReadOnlyList<StaffRoleView> Roles, StaffAccessRequestView? PendingRequest);

/// <summary>A behörighetsbeställning as the systemförvaltare see it; <see cref="Version"/> goes back with the decision.</summary>
public sealed record StaffAccessRequestView(Guid Id, long Version, Guid StaffMemberId, string StaffMemberName, Guid RequestedBy,
    string RequestedByName, DateTimeOffset RequestedAt, IReadOnlyList<StaffRoleView> Roles, bool ProtectedDataClearance,
    StaffAccessRequestStatus Status, Guid? DecidedBy, string? DecidedByName, DateTimeOffset? DecidedAt, string? RejectionReason);

public sealed record UnitRoleRequest(Guid? UnitId, StaffRole? Role);

/// <summary>A new member of staff; the sign-in account with <see cref="Password"/> is made beside it by the host.</summary>
public sealed record CreateStaffMember(string? UserName, string? DisplayName, string? Email, string? Password,
    IReadOnlyList<UnitRoleRequest>? Roles, bool ProtectedDataClearance = false, string? IdentityNumber = null, string? HomeAddress = null);

/// <summary>
/// Replaces roles and sets clearance and activity (each only when given) and private details; <see cref="Version"/> is the one read.
/// Grants that open case content may come back as a pending request instead of applied.
/// </summary>
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
        RuleFor(c => c.DisplayName).Text(TextKind.Name);
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
        RuleFor(c => c.HomeAddress).MaximumLength(200).Text(TextKind.Name);
    }
}

public sealed class UpdateStaffMemberValidator : AbstractValidator<UpdateStaffMember>
{
    public UpdateStaffMemberValidator(TimeProvider clock)
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version ändringen bygger på.");
        RuleFor(c => c.IdentityNumber)
            .Must(n => PersonalIdentityNumber.TryParse(n, SwedishTime.Today(clock), out _, out _))
            .When(c => !string.IsNullOrWhiteSpace(c.IdentityNumber)).WithMessage("Personnumret är inte giltigt.");
        RuleFor(c => c.HomeAddress).MaximumLength(200).Text(TextKind.Name);
        RuleForEach(c => c.Roles).ChildRules(role =>
        {
            role.RuleFor(r => r.UnitId).NotEmpty().WithMessage("Ange enhet för rollen.");
            role.RuleFor(r => r.Role).NotNull().WithMessage(CreateStaffMemberValidator.RoleMessage).IsInEnum().WithMessage(CreateStaffMemberValidator.RoleMessage);
        });
    }
}

/// <summary>
/// Systemförvaltarens arbete: staff, roles and clearance. Never case content. Separation of duties: nobody
/// changes their own access, and what opens case content — a role with case content, the protected-data
/// clearance — becomes a <see cref="StaffAccessRequest"/> that a second systemförvaltare decides, unless
/// <see cref="StaffSettings.RequireSecondApprover"/> is off. Everything else, taking away included, applies at once.
/// </summary>
public sealed class StaffAdministration(DbContext db, TimeProvider clock, AuditTrail audit, IOptions<StaffSettings> settings,
    IValidator<CreateStaffMember> createValidator, IValidator<UpdateStaffMember> updateValidator,
    IValidator<ApproveStaffAccessRequest> approveValidator, IValidator<RejectStaffAccessRequest> rejectValidator)
{
    private bool RequireSecondApprover => settings.Value.RequireSecondApprover;

    public async Task<IReadOnlyList<StaffView>> List(Actor actor, CancellationToken ct)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId)
            .OrderBy(s => s.DisplayName).ToListAsync(ct);
        var units = await Units(actor, ct);
        var pending = (await PendingRequests(actor, ct)).ToDictionary(r => r.StaffMemberId);
        return staff.Select(s => View(s, units, pending.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>The requests waiting for a decision in the actor's municipality, oldest first.</summary>
    public async Task<IReadOnlyList<StaffAccessRequestView>> PendingRequests(Actor actor, CancellationToken ct)
    {
        var pending = await db.Set<StaffAccessRequest>().AsNoTracking()
            .Where(r => r.OrganisationId == actor.OrganisationId && r.Status == StaffAccessRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt).ToListAsync(ct);
        return await RequestViews(actor, pending, ct);
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
        var identityNumber = Canonical(command.IdentityNumber);
        await EnsureNotForOneself(actor, identityNumber, command.Email, ct);
        var member = new StaffMember(actor.OrganisationId, command.UserName!, command.DisplayName!, command.Email);
        var change = member.ChangeAccess(actor.StaffMemberId, await UnitRoles(actor, command.Roles!, ct), command.ProtectedDataClearance,
            active: null, RequireSecondApprover);
        member.SetPrivateDetails(identityNumber, command.HomeAddress);
        db.Add(member);
        Conclude(actor, member, change, otherEdits: true);
        return member;
    }

    public async Task<StaffView> Update(Actor actor, Guid id, UpdateStaffMember command, CancellationToken ct)
    {
        await updateValidator.ValidateAndThrowAsync(command, ct);
        var member = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Medarbetaren", id);
        member.EnsureVersion(command.Version!.Value);
        var roles = command.Roles is { } requested ? await UnitRoles(actor, requested, ct) : null;
        var change = member.ChangeAccess(actor.StaffMemberId, roles, command.ProtectedDataClearance, command.Active, RequireSecondApprover);
        foreach (var added in change.Granted) db.Add(added);
        var otherEdits = command.IdentityNumber is not null || command.HomeAddress is not null;
        if (otherEdits)
            member.SetPrivateDetails(Canonical(command.IdentityNumber) ?? member.IdentityNumber, command.HomeAddress ?? member.HomeAddress);
        if (change.Applied || change.Held)
            (await db.Set<StaffAccessRequest>().SingleOrDefaultAsync(r => r.StaffMemberId == member.Id && r.Status == StaffAccessRequestStatus.Pending, ct))
                ?.Withdraw(actor.StaffMemberId, clock.GetUtcNow());
        Conclude(actor, member, change, otherEdits);
        // Roles are child rows: bump the member's version explicitly so a stale admin screen cannot overwrite them.
        db.Entry(member).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return await Get(actor, member, ct);
    }

    /// <summary>Godkänn: applies the request to the member as they are now; a second systemförvaltare only.</summary>
    public async Task<StaffAccessRequestView> Approve(Actor actor, Guid id, ApproveStaffAccessRequest command, CancellationToken ct)
    {
        await approveValidator.ValidateAndThrowAsync(command, ct);
        var request = await Request(actor, id, ct);
        request.EnsureVersion(command.Version!.Value);
        var member = await db.Set<StaffMember>().SingleAsync(s => s.Id == request.StaffMemberId, ct);
        foreach (var added in request.Approve(member, actor.StaffMemberId, clock.GetUtcNow())) db.Add(added);
        db.Entry(member).State = EntityState.Modified;
        Record(actor, AuditAction.ApproveStaffAccess, member.Id);
        await db.SaveChangesAsync(ct);
        return (await RequestViews(actor, [request], ct)).Single();
    }

    /// <summary>Avslå: nothing is granted; the reason stays with the request.</summary>
    public async Task<StaffAccessRequestView> Reject(Actor actor, Guid id, RejectStaffAccessRequest command, CancellationToken ct)
    {
        await rejectValidator.ValidateAndThrowAsync(command, ct);
        var request = await Request(actor, id, ct);
        request.EnsureVersion(command.Version!.Value);
        request.Reject(actor.StaffMemberId, clock.GetUtcNow(), command.Reason);
        Record(actor, AuditAction.RejectStaffAccess, request.StaffMemberId);
        await db.SaveChangesAsync(ct);
        return (await RequestViews(actor, [request], ct)).Single();
    }

    /// <summary>
    /// Lifts a lockout (kontospärr) of a member of staff in the actor's municipality and logs it; the sign-in account
    /// itself is the host's (ASP.NET Core Identity), which clears it and saves the entry with it. Anyone's, one's own
    /// included: a locked-out systemförvaltare is not signed in to ask.
    /// </summary>
    public async Task<StaffMember> Unlock(Actor actor, Guid id, CancellationToken ct)
    {
        var member = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Medarbetaren", id);
        Record(actor, AuditAction.UnlockAccount, member.Id);
        return member;
    }

    /// <summary>One member of staff of the actor's municipality, as the list shows them; another municipality's answers as missing.</summary>
    public async Task<StaffView> Get(Actor actor, Guid id, CancellationToken ct)
    {
        var member = await db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Medarbetaren", id);
        return await Get(actor, member, ct);
    }

    public async Task<StaffView> Get(Actor actor, StaffMember member, CancellationToken ct)
    {
        var pending = await db.Set<StaffAccessRequest>().AsNoTracking()
            .Where(r => r.StaffMemberId == member.Id && r.Status == StaffAccessRequestStatus.Pending).ToListAsync(ct);
        return View(member, await Units(actor, ct), (await RequestViews(actor, pending, ct)).SingleOrDefault());
    }

    /// <summary>
    /// Asks for what the change held back and logs what it did, each kind under its own action so the log
    /// review can pick out changes of access from other edits. Every entry names the member as its subject.
    /// </summary>
    private void Conclude(Actor actor, StaffMember member, StaffAccessChange change, bool otherEdits)
    {
        if (change.Held)
        {
            db.Add(new StaffAccessRequest(member, actor.StaffMemberId, clock.GetUtcNow(), change.HeldRoles, change.HeldClearance));
            Record(actor, AuditAction.RequestStaffAccess, member.Id);
        }
        if (change.Applied) Record(actor, AuditAction.ChangeStaffAccess, member.Id);
        if (otherEdits || !change.Applied && !change.Held) Record(actor, AuditAction.AdministerStaff, member.Id);
    }

    private void Record(Actor actor, AuditAction action, Guid memberId) =>
        audit.Record(actor, action, [AuditSubject.Staff(memberId)],
            through: actor.Roles.FirstOrDefault(r => r.Role == StaffRole.SystemAdministrator));

    /// <summary>
    /// A second account for oneself would get around the rule on one's own access: an account with the
    /// creator's own personnummer or e-mail address is refused.
    /// </summary>
    private async Task EnsureNotForOneself(Actor actor, string? identityNumber, string? email, CancellationToken ct)
    {
        var own = await db.Set<StaffMember>().AsNoTracking().Where(s => s.Id == actor.StaffMemberId)
            .Select(s => new { s.IdentityNumber, s.Email }).SingleOrDefaultAsync(ct);
        if (own is null) return;
        if (identityNumber is not null && identityNumber == own.IdentityNumber ||
            !string.IsNullOrWhiteSpace(email) && string.Equals(email.Trim(), own.Email, StringComparison.OrdinalIgnoreCase))
            throw new ForbiddenException("Du kan inte lägga upp ett konto åt dig själv. Be en annan systemförvaltare.");
    }

    private async Task<StaffAccessRequest> Request(Actor actor, Guid id, CancellationToken ct) =>
        await db.Set<StaffAccessRequest>().SingleOrDefaultAsync(r => r.Id == id && r.OrganisationId == actor.OrganisationId, ct)
        ?? throw new NotFoundException("Beställningen", id);

    private async Task<List<UnitRole>> UnitRoles(Actor actor, IEnumerable<UnitRoleRequest> roles, CancellationToken ct)
    {
        var unitIds = await db.Set<Unit>().Where(u => u.OrganisationId == actor.OrganisationId).Select(u => u.Id).ToListAsync(ct);
        return roles.Select(r => unitIds.Contains(r.UnitId!.Value) ? new UnitRole(r.UnitId.Value, r.Role!.Value) : throw new NotFoundException("Enheten", r.UnitId))
            .ToList();
    }

    private string? Canonical(string? number) =>
        PersonalIdentityNumber.TryParse(number, SwedishTime.Today(clock), out var parsed, out _) ? parsed!.Value : null;

    private Task<Dictionary<Guid, string>> Units(Actor actor, CancellationToken ct) =>
        db.Set<Unit>().Where(u => u.OrganisationId == actor.OrganisationId).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private async Task<List<StaffAccessRequestView>> RequestViews(Actor actor, IReadOnlyList<StaffAccessRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0) return [];
        var ids = requests.SelectMany(r => new[] { r.StaffMemberId, r.RequestedBy, r.DecidedBy ?? r.RequestedBy }).Distinct().ToList();
        var names = await db.Set<StaffMember>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.DisplayName }).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var units = await Units(actor, ct);
        return requests.Select(r => new StaffAccessRequestView(r.Id, r.Version, r.StaffMemberId, names.GetValueOrDefault(r.StaffMemberId, ""),
            r.RequestedBy, names.GetValueOrDefault(r.RequestedBy, ""), r.RequestedAt,
            r.Roles.Select(role => new StaffRoleView(role.UnitId, units.GetValueOrDefault(role.UnitId, ""), role.Role)).ToList(),
            r.ProtectedDataClearance, r.Status, r.DecidedBy, r.DecidedBy is { } by ? names.GetValueOrDefault(by) : null, r.DecidedAt,
            r.RejectionReason)).ToList();
    }

    private static StaffView View(StaffMember s, IReadOnlyDictionary<Guid, string> units, StaffAccessRequestView? pending) =>
        new(s.Id, s.Version, s.UserName, s.DisplayName, s.Email, s.Active, s.ProtectedDataClearance,
            s.Roles.Select(r => new StaffRoleView(r.UnitId, units.GetValueOrDefault(r.UnitId, ""), r.Role)).ToList(), pending);
}
