using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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
            TypedResults.Ok(await admin.List(await actor.Get(ct), ct)));

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
            if (!result.Succeeded)
                throw new ValidationException(result.Errors.Select(e => new ValidationFailure(nameof(command.Password), e.Description)));
            return TypedResults.Created($"/api/v1/admin/staff/{member.Id}", await admin.Get(current, member, ct));
        }).WithSummary("Add a member of staff with roles per unit and a first password.");

        staff.MapPut("/{id:guid}", async Task<Ok<StaffView>> (Guid id, UpdateStaffMember command, CurrentActor actor,
                StaffAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.Update(await actor.Get(ct), id, command, ct)))
            .WithSummary("Replace roles, set protected-data clearance, deactivate or reactivate. `version` must be the one read.");
    }
}
