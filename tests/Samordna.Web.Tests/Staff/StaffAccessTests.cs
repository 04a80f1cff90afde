using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Data;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Staff;

/// <summary>
/// Separation of duties in staff administration, from the security review: a systemförvaltare gave himself a
/// caseworker role and the protected-data clearance and read a protected person's address. Now nobody changes
/// their own access, and what opens case content waits for a second systemförvaltare.
/// </summary>
public abstract class StaffAccessTests(SamordnaApp app)
{
    private const string Street = "Skyddade gränd 4";
    private readonly string _prefix = $"s{Guid.NewGuid():N}"[..10];

    private Task<StaffMember> Staff(string name, StaffRole role, bool clearance = false) =>
        app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.{name}", [(app.Asby.ViolenceTeam, role)], clearance, displayName: $"{name} {_prefix}");

    private async Task<(StaffMember Member, HttpClient Client)> Administrator(string name)
    {
        var member = await Staff(name, StaffRole.SystemAdministrator);
        return (member, await app.SignedIn(member.UserName));
    }

    private Task<long> VersionOf(Guid staffMemberId) =>
        app.InDatabase(db => db.Set<StaffMember>().Where(s => s.Id == staffMemberId).Select(s => s.Version).SingleAsync());

    private Task<StaffMember> Stored(Guid staffMemberId) =>
        app.InDatabase(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == staffMemberId));

    private object Caseworker => new { unitId = app.Asby.ViolenceTeam, role = "caseworker" };

    private async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A person with skyddad folkbokföring in a case of the violence team, so a caseworker there with the clearance sees her address.</summary>
    private async Task<Guid> ProtectedPerson()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName("Skyddad", "Skyddadsson", $"Skyddad {_prefix}"),
            Gender.Woman, ProtectedIdentityLevel.ProtectedRegistration, new ContactDetails(Street, "599 99", "Åsby", null, null), at);
        await app.Store(person, new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam, person.Id, at, app.Asby.CaseworkerId, null));
        return person.Id;
    }

    private async Task<JsonElement> Put(HttpClient admin, Guid member, object changes)
    {
        var body = JsonSerializer.SerializeToElement(changes).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        body["version"] = await VersionOf(member);
        return await Ok(await admin.PutAsJsonAsync($"/api/v1/admin/staff/{member}", body));
    }

    [Fact]
    public async Task A_systemforvaltare_who_gives_himself_a_caseworker_role_and_the_clearance_is_refused_and_nothing_changes()
    {
        var (himself, client) = await Administrator("fredrik");
        var refusals = new object[]
        {
            new { roles = new object[] { new { unitId = app.Asby.ViolenceTeam, role = "systemAdministrator" }, Caseworker }, protectedDataClearance = true },
            new { protectedDataClearance = true },
            new { roles = Array.Empty<object>() },
            new { active = false },
        };
        foreach (var changes in refusals)
        {
            var body = JsonSerializer.SerializeToElement(changes).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
            body["version"] = await VersionOf(himself.Id);
            var problem = await (await client.PutAsJsonAsync($"/api/v1/admin/staff/{himself.Id}", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
            problem.GetProperty("detail").GetString()!.ShouldContain("egna roller");
        }

        var stored = await Stored(himself.Id);
        stored.Roles.Select(r => r.Role).ShouldBe([StaffRole.SystemAdministrator]);
        stored.ProtectedDataClearance.ShouldBeFalse();
        stored.Active.ShouldBeTrue();
        (await app.InDatabase(db => db.Set<StaffAccessRequest>().AnyAsync(r => r.StaffMemberId == himself.Id))).ShouldBeFalse();
        (await client.GetAsync($"/api/v1/people/{await ProtectedPerson()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // His own private details are his to keep up to date; only access is someone else's decision.
        (await Put(client, himself.Id, new { homeAddress = "Förvaltarvägen 1" })).GetProperty("pendingRequest").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Nor_can_he_create_a_second_account_for_himself()
    {
        var (himself, client) = await Administrator("fredrik");
        var (_, gustav) = await Administrator("gustav");
        await Put(gustav, himself.Id, new { identityNumber = "197010632391" });
        var response = await client.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = $"{_prefix}.fredrik2", displayName = "Fredrik Två", password = "en-lang-losenfras-2026", identityNumber = "19701063-2391",
            roles = new[] { Caseworker }, protectedDataClearance = true,
        });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await app.InDatabase(db => db.Set<StaffMember>().AnyAsync(s => s.UserName == $"{_prefix}.fredrik2"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_caseworker_role_and_the_clearance_for_a_colleague_wait_until_a_second_systemforvaltare_approves()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var (_, gustav) = await Administrator("gustav");
        var colleague = await Staff("anna", StaffRole.Analyst);
        var annasClient = await app.SignedIn(colleague.UserName);
        var person = await ProtectedPerson();

        var answer = await Put(fredrik, colleague.Id, new
        {
            roles = new object[] { new { unitId = app.Asby.ViolenceTeam, role = "analyst" }, Caseworker }, protectedDataClearance = true,
        });
        answer.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ShouldBe(["analyst"]);
        answer.GetProperty("protectedDataClearance").GetBoolean().ShouldBeFalse();
        var pending = answer.GetProperty("pendingRequest");
        pending.GetProperty("status").GetString().ShouldBe("pending");
        pending.GetProperty("protectedDataClearance").GetBoolean().ShouldBeTrue();
        pending.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ShouldBe(["caseworker"]);
        var requestId = pending.GetProperty("id").GetGuid();

        (await annasClient.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gustav.GetFromJsonAsync<JsonElement>("/api/v1/admin/staff-requests")).EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetGuid() == requestId && r.GetProperty("staffMemberId").GetGuid() == colleague.Id);

        var own = await fredrik.PostAsJsonAsync($"/api/v1/admin/staff-requests/{requestId}/approve", new { version = pending.GetProperty("version").GetInt64() });
        (await own.ShouldBeProblem(HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("beställt");
        (await annasClient.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var approved = await Ok(await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{requestId}/approve",
            new { version = pending.GetProperty("version").GetInt64() }));
        approved.GetProperty("status").GetString().ShouldBe("approved");
        approved.GetProperty("decidedByName").GetString().ShouldStartWith("gustav");

        (await annasClient.GetStringAsync($"/api/v1/people/{person}")).ShouldContain(Street);
        var stored = await Stored(colleague.Id);
        stored.ProtectedDataClearance.ShouldBeTrue();
        stored.Roles.Select(r => r.Role).ShouldBe([StaffRole.Analyst, StaffRole.Caseworker], ignoreOrder: true);
        (await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{requestId}/approve", new { version = approved.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_member_concerned_cannot_approve_access_for_himself_either()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var (gustavMember, gustav) = await Administrator("gustav");
        var (_, helena) = await Administrator("helena");
        var request = (await Put(fredrik, gustavMember.Id, new { protectedDataClearance = true })).GetProperty("pendingRequest");
        // An approval has no reason (an unknown property is refused with 400); a rejection has one.
        var decision = new { version = request.GetProperty("version").GetInt64() };
        var rejection = new { version = request.GetProperty("version").GetInt64(), reason = "Behövs inte." };

        await (await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/approve", decision)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/reject", rejection)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Stored(gustavMember.Id)).ProtectedDataClearance.ShouldBeFalse();

        await Ok(await helena.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/approve", decision));
        (await Stored(gustavMember.Id)).ProtectedDataClearance.ShouldBeTrue();
    }

    [Fact]
    public async Task A_rejected_request_grants_nothing_and_keeps_its_reason()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var (_, gustav) = await Administrator("gustav");
        var colleague = await Staff("bodil", StaffRole.Analyst);
        var request = (await Put(fredrik, colleague.Id, new { roles = new[] { Caseworker }, protectedDataClearance = true })).GetProperty("pendingRequest");
        // Taking away never waits: the analyst role went at once.
        (await Stored(colleague.Id)).Roles.ShouldBeEmpty();

        var url = $"/api/v1/admin/staff-requests/{request.GetProperty("id")}/reject";
        var missingReason = await (await gustav.PostAsJsonAsync(url, new { version = request.GetProperty("version").GetInt64() })).ShouldBeProblem(HttpStatusCode.BadRequest);
        missingReason.FieldErrors("reason").ShouldNotBeEmpty();
        var rejected = await Ok(await gustav.PostAsJsonAsync(url, new { version = request.GetProperty("version").GetInt64(), reason = "Bodil har ingen tjänst i teamet." }));
        rejected.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.GetProperty("rejectionReason").GetString().ShouldBe("Bodil har ingen tjänst i teamet.");

        var stored = await Stored(colleague.Id);
        stored.Roles.ShouldBeEmpty();
        stored.ProtectedDataClearance.ShouldBeFalse();
        (await gustav.GetFromJsonAsync<JsonElement>("/api/v1/admin/staff-requests")).EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("staffMemberId").GetGuid() == colleague.Id);
        (await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/approve", new { version = rejected.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_new_member_gets_roles_without_case_content_at_once_and_the_rest_as_a_request()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var created = await fredrik.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = $"{_prefix}.cecilia", displayName = "Cecilia Ny", password = "en-lang-losenfras-2026", protectedDataClearance = true,
            roles = new object[] { Caseworker, new { unitId = app.Asby.ChildrenUnit, role = "analyst" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await Ok(created);
        view.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ShouldBe(["analyst"]);
        view.GetProperty("protectedDataClearance").GetBoolean().ShouldBeFalse();
        view.GetProperty("pendingRequest").GetProperty("roles").EnumerateArray().Single().GetProperty("unitId").GetGuid().ShouldBe(app.Asby.ViolenceTeam);

        var plain = await Ok(await fredrik.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = $"{_prefix}.david", displayName = "David Ny", password = "en-lang-losenfras-2026",
            roles = new[] { new { unitId = app.Asby.ChildrenUnit, role = "auditReviewer" } },
        }));
        plain.GetProperty("pendingRequest").ValueKind.ShouldBe(JsonValueKind.Null);
        plain.GetProperty("roles").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_later_change_of_access_withdraws_the_pending_request_it_would_contradict()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var (_, gustav) = await Administrator("gustav");
        var colleague = await Staff("erik", StaffRole.Analyst);
        var first = (await Put(fredrik, colleague.Id, new { protectedDataClearance = true })).GetProperty("pendingRequest");

        // A second grant replaces the first request (one pending request per member), also in the same save.
        var second = (await Put(gustav, colleague.Id, new { roles = new object[] { new { unitId = app.Asby.ViolenceTeam, role = "analyst" }, Caseworker } }))
            .GetProperty("pendingRequest");
        second.GetProperty("id").GetGuid().ShouldNotBe(first.GetProperty("id").GetGuid());
        second.GetProperty("protectedDataClearance").GetBoolean().ShouldBeFalse();
        (await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{first.GetProperty("id")}/approve", new { version = first.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Deactivating the member withdraws the second too: nothing is left to approve for an account that was closed.
        (await Put(fredrik, colleague.Id, new { active = false })).GetProperty("pendingRequest").ValueKind.ShouldBe(JsonValueKind.Null);
        (await fredrik.PostAsJsonAsync($"/api/v1/admin/staff-requests/{second.GetProperty("id")}/approve", new { version = second.GetProperty("version").GetInt64() }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = await Stored(colleague.Id);
        stored.Roles.Select(r => r.Role).ShouldBe([StaffRole.Analyst]);
        stored.ProtectedDataClearance.ShouldBeFalse();
        (await app.InDatabase(db => db.Set<StaffAccessRequest>().Where(r => r.StaffMemberId == colleague.Id).Select(r => r.Status).ToListAsync()))
            .ShouldBe([StaffAccessRequestStatus.Withdrawn, StaffAccessRequestStatus.Withdrawn]);
    }

    [Fact]
    public async Task Every_entry_names_the_member_changed_and_the_role_used_and_the_saved_check_finds_who_changed_whom()
    {
        var (fredrikMember, fredrik) = await Administrator("fredrik");
        var (gustavMember, gustav) = await Administrator("gustav");
        var colleague = await Staff("filip", StaffRole.Therapist);
        var bystander = await Staff("greta", StaffRole.Analyst);
        var request = (await Put(fredrik, colleague.Id, new { roles = new[] { Caseworker }, protectedDataClearance = true })).GetProperty("pendingRequest");
        await Ok(await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/approve", new { version = request.GetProperty("version").GetInt64() }));
        await Put(fredrik, bystander.Id, new { homeAddress = "Grannvägen 2" });

        var entries = await app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Subjects.Any(s => s.StaffMemberId == colleague.Id)).OrderBy(e => e.Sequence).ToListAsync());
        entries.Select(e => e.Action).ShouldBe([AuditAction.RequestStaffAccess, AuditAction.ChangeStaffAccess, AuditAction.ApproveStaffAccess]);
        entries.ShouldAllBe(e => e.Role == nameof(StaffRole.SystemAdministrator) && e.UnitId == app.Asby.ViolenceTeam && e.Subjects.Count == 1);
        entries.Select(e => e.StaffMemberId).ShouldBe([fredrikMember.Id, fredrikMember.Id, gustavMember.Id]);
        (await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.Subjects.Any(s => s.StaffMemberId == bystander.Id)).Select(e => e.Action).ToListAsync()))
            .ShouldBe([AuditAction.AdministerStaff]);

        var reviewer = await app.SignedIn((await Staff("granskare", StaffRole.AuditReviewer)).UserName);
        var about = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?changedStaff={colleague.Id}");
        about.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldBe(["approveStaffAccess", "changeStaffAccess", "requestStaffAccess"]);
        about.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("changedStaffIds").EnumerateArray().Single().GetGuid() == colleague.Id);

        var findings = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/audit/findings/staffAccessChanges")).EnumerateArray().ToList();
        var aboutColleague = findings.Where(f => f.GetProperty("changedStaffMemberId").GetGuid() == colleague.Id).ToList();
        aboutColleague.Select(f => (f.GetProperty("staffMemberId").GetGuid(), f.GetProperty("action").GetString()))
            .ShouldBe([(fredrikMember.Id, "requestStaffAccess"), (fredrikMember.Id, "changeStaffAccess"), (gustavMember.Id, "approveStaffAccess")]);
        aboutColleague.ShouldAllBe(f => f.GetProperty("description").GetString()!.Contains(colleague.DisplayName));
        findings.ShouldNotContain(f => f.GetProperty("changedStaffMemberId").GetGuid() == bystander.Id);
    }

    [Fact]
    public async Task The_audit_chain_still_verifies_after_staff_administration()
    {
        var (_, fredrik) = await Administrator("fredrik");
        var (_, gustav) = await Administrator("gustav");
        var colleague = await Staff("hanna", StaffRole.Analyst);
        var request = (await Put(fredrik, colleague.Id, new { roles = new[] { Caseworker } })).GetProperty("pendingRequest");
        await Ok(await gustav.PostAsJsonAsync($"/api/v1/admin/staff-requests/{request.GetProperty("id")}/reject", new { version = 0, reason = "Fel person." }));

        // Under one snapshot, as `samordna audit verify` reads: otherwise the host's sequencer may seal an entry
        // between the verification's read of the chain head and its read of the entries, which reads as an inserted entry.
        await app.SealAudit();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SamordnaDbContext>();
        await using var snapshot = app.Provider == DatabaseProvider.PostgreSQL
            ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead)
            : await db.Database.BeginTransactionAsync();
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAll(CancellationToken.None);
        report.Problems.ShouldBeEmpty(string.Join("\n", report.Problems));
        (await app.InDatabase(db => db.Set<AuditSubject>().CountAsync(s => s.StaffMemberId == colleague.Id))).ShouldBe(3);
    }
}

public sealed class StaffAccessOnSqlite(SqliteApp app) : StaffAccessTests(app), IClassFixture<SqliteApp>;

public sealed class StaffAccessOnPostgres(PostgresApp app) : StaffAccessTests(app), IClassFixture<PostgresApp>;

/// <summary>With <c>Samordna:Staff:RequireSecondApprover=false</c> grants apply at once, but still never to oneself.</summary>
public sealed class StaffAccessWithoutSecondApprover(StaffAccessWithoutSecondApprover.App app) : IClassFixture<StaffAccessWithoutSecondApprover.App>
{
    public sealed class App : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Samordna:Staff:RequireSecondApprover", "false");
        }
    }

    [Fact]
    public async Task Grants_apply_at_once_and_are_logged_as_changes_but_nobody_grants_themselves()
    {
        var fredrik = await app.AddStaff(app.Asby.OrganisationId, "ensam.fredrik", [(app.Asby.ViolenceTeam, StaffRole.SystemAdministrator)]);
        var colleague = await app.AddStaff(app.Asby.OrganisationId, "ensam.anna", [(app.Asby.ViolenceTeam, StaffRole.Analyst)]);
        var client = await app.SignedIn(fredrik.UserName);
        var caseworker = new[] { new { unitId = app.Asby.ViolenceTeam, role = "caseworker" } };

        var response = await client.PutAsJsonAsync($"/api/v1/admin/staff/{colleague.Id}", new { version = 0, roles = caseworker, protectedDataClearance = true });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("pendingRequest").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("protectedDataClearance").GetBoolean().ShouldBeTrue();
        view.GetProperty("roles").EnumerateArray().Single().GetProperty("role").GetString().ShouldBe("caseworker");
        (await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.Subjects.Any(s => s.StaffMemberId == colleague.Id)).Select(e => e.Action).ToListAsync()))
            .ShouldBe([AuditAction.ChangeStaffAccess]);

        await (await client.PutAsJsonAsync($"/api/v1/admin/staff/{fredrik.Id}", new { version = 0, roles = caseworker, protectedDataClearance = true }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        (await app.InDatabase(db => db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == fredrik.Id))).ProtectedDataClearance.ShouldBeFalse();
    }
}

/// <summary>A pending behörighetsbeställning anyone may decide: for a fresh member, asked for by a fresh systemförvaltare (neither signs in).</summary>
public static class PendingAccessRequest
{
    public static async Task<Guid> Arrange(SamordnaApp app)
    {
        var asby = app.Asby;
        var requester = new StaffMember(asby.OrganisationId, $"bestallare.{Guid.NewGuid():N}", "Beställande Förvaltare", null);
        requester.Grant(asby.ViolenceTeam, StaffRole.SystemAdministrator);
        var member = new StaffMember(asby.OrganisationId, $"bestalld.{Guid.NewGuid():N}", "Beställd Handläggare", null);
        var request = new StaffAccessRequest(member, requester.Id, DateTimeOffset.UtcNow, [new UnitRole(asby.ViolenceTeam, StaffRole.Caseworker)],
            protectedDataClearance: true);
        await app.Store(requester, member, request);
        return request.Id;
    }
}
