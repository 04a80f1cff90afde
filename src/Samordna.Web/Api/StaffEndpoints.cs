using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Staff;
using Samordna.Data;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

/// <summary>Staff administration for systemförvaltare: no case content is reachable from here.</summary>
public static class StaffEndpoints
{
    public static void MapStaffEndpoints(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/admin/staff").WithTags("Administration").RequireCapability(Capability.Administration);

        staff.MapGet("/", async Task<Ok<IReadOnlyList<StaffView>>> (CurrentActor actor, StaffAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.List(await actor.Get(ct), ct)))
            .WithName("listStaff").WithSummary("The municipality's staff with roles per unit, clearance, activity and pending requests.");

        staff.MapGet("/{id:guid}", async Task<Ok<StaffView>> (Guid id, CurrentActor actor, StaffAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.Get(await actor.Get(ct), id, ct)))
            .WithName("getStaffMember").WithSummary("One member of staff of your municipality with roles per unit, clearance and pending request; " +
                                                    "`version` is the one a change sends back.");

        staff.MapPost("/", async Task<Created<StaffView>> (CreateStaffMember command, CurrentActor actor, StaffAdministration admin,
            UserManager<StaffAccount> accounts, CancellationToken ct) =>
        {
            var current = await actor.Get(ct);
            var member = await admin.Create(current, command, ct);
            if (string.IsNullOrEmpty(command.Password))
                throw new ValidationException([new ValidationFailure(nameof(command.Password), "Ange ett startlösenord (minst 12 tecken).")]);
            var account = new StaffAccount { Id = member.Id, UserName = member.UserName, Email = member.Email, EmailConfirmed = true };
            // Saves the member of staff, the account and the audit entry together; a refused password saves nothing.
            var result = await accounts.CreateAsync(account, command.Password);
            // A second request with the same user name that passed the check above at the same moment: the
            // same conflict as a sequential one, not a complaint about the password.
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                throw new DomainRuleException("Användarnamnet är upptaget.");
            if (!result.Succeeded)
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(nameof(command.Password), e.Description)));
            return TypedResults.Created($"/api/v1/admin/staff/{member.Id}", await admin.Get(current, member, ct));
        }).WithSummary("Add a member of staff with roles per unit and a first password. Roles with case content and the clearance " +
                       "are not given at once but asked for: the answer's `pendingRequest` holds them until a second systemförvaltare decides. " +
                       "403 for an account with your own personnummer or e-mail.")
            .WithName("createStaffMember");

        staff.MapPut("/{id:guid}", async Task<Ok<StaffView>> (Guid id, UpdateStaffMember command, CurrentActor actor,
                StaffAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.Update(await actor.Get(ct), id, command, ct)))
            .WithSummary("Replace roles, set protected-data clearance, deactivate or reactivate. `version` must be the one read. " +
                         "Taking away and roles without case content apply at once; a role with case content or the clearance becomes " +
                         "`pendingRequest` (200 either way: `roles` and `protectedDataClearance` say what the member has now). " +
                         "A change of access withdraws an older pending request. 403 on your own roles, clearance or activity.")
            .WithName("updateStaffMember");

        staff.MapPost("/{id:guid}/unlock", async Task<NoContent> (Guid id, CurrentActor actor, StaffAdministration admin, StaffSignIn signIn,
                CancellationToken ct) =>
            {
                // The entry and the cleared lockout are saved together.
                await admin.Unlock(await actor.Get(ct), id, ct);
                await signIn.Unlock(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Lift a sign-in lockout (kontospärr) at once and forget the wrong passwords counted so far; logged. " +
                         "A lockout also runs out by itself (1 minute, doubling with each lockout in a row, at most 15).")
            .WithName("unlockStaffAccount");

        var requests = api.MapGroup("/admin/staff-requests").WithTags("Administration").RequireCapability(Capability.Administration);

        requests.MapGet("/", async Task<Ok<IReadOnlyList<StaffAccessRequestView>>> (CurrentActor actor, StaffAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.PendingRequests(await actor.Get(ct), ct)))
            .WithSummary("Behörighetsbeställningar waiting for a second systemförvaltare, oldest first.")
            .WithName("listStaffAccessRequests");

        requests.MapPost("/{id:guid}/approve", async Task<Ok<StaffAccessRequestView>> (Guid id, ApproveStaffAccessRequest command,
                CurrentActor actor, StaffAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.Approve(await actor.Get(ct), id, command, ct)))
            .WithSummary("Approve and apply a pending request; `version` must be the one read. 403 for the one who asked and for the member " +
                         "concerned, 409 when it is no longer pending.")
            .WithName("approveStaffAccessRequest");

        requests.MapPost("/{id:guid}/reject", async Task<Ok<StaffAccessRequestView>> (Guid id, RejectStaffAccessRequest command,
                CurrentActor actor, StaffAdministration admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.Reject(await actor.Get(ct), id, command, ct)))
            .WithSummary("Reject a pending request with a `reason`; nothing is granted. Same rules as approve.")
            .WithName("rejectStaffAccessRequest");
    }
}
