using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Audit;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Handovers;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// Every endpoint of Samordna, as "METHOD /route/pattern": who may call it (the rules of the security
/// core, written out independently of the code), how to call it, and what the audit log must show.
/// The access-matrix and audit-completeness tests both walk this table, and both fail on an endpoint
/// that is missing from it.
/// </summary>
public static class EndpointCatalogue
{
    /// <summary>Who may, by the rules in the security-core issue.</summary>
    public enum Rule
    {
        Anonymous,
        AnySignedIn,

        /// <summary>A case-content role, whatever the case: lists, search, registering a person.</summary>
        CaseContent,

        /// <summary>A case-content role in the target's municipality (the request names its units or people).</summary>
        CaseContentHere,

        /// <summary>The outcome of a report of concern: the reporting unit, and those who may open the child's case.</summary>
        ReportOutcome,

        /// <summary>
        /// An operation on the target case (the row names it): decided by the relation and role, see <see cref="CaseAllows"/>.
        /// The case is visible to the owning unit, every case-team unit and nödåtkomst; a refused operation there answers 403 naming it.
        /// </summary>
        TargetCase,

        /// <summary>Case content in the unit that owns the case or holds the friyta (opening a case there, the friyta contact).</summary>
        OwningUnit,

        /// <summary>
        /// A change of the target person's record (skyddade personuppgifter, a possible duplicate): the units that answer for it —
        /// here the owning unit of her case. Visible to the case team and nödåtkomst, who get 403.
        /// </summary>
        PersonResponsible,

        /// <summary>Nödåtkomst to the other case: case content without access to it already.</summary>
        TakeEmergencyAccess,

        /// <summary>
        /// Case content in the unit that receives a handover or keeps the waiting list — the treatment centre,
        /// on the target case's team with scope contribute: answering a handover, reading the unit's queue.
        /// </summary>
        ReceivingUnit,

        AuditReview,
        Statistics,
        Administration,

        /// <summary>Administration of the target municipality's staff: not from another municipality.</summary>
        AdministrationHere,

        /// <summary>Nobody, whatever their role: e.g. changing one's own roles and clearance (separation of duties).</summary>
        Nobody,
    }

    public static readonly StaffRole[] ContentRoles = [StaffRole.Caseworker, StaffRole.Therapist, StaffRole.TeamLeader, StaffRole.UnitManager];

    /// <summary>The relations in which the target case (and its persons) can be seen at all.</summary>
    public static readonly Relation[] SeesTarget =
        [Relation.OwnUnit, Relation.CaseTeamConsult, Relation.CaseTeam, Relation.CaseTeamFull, Relation.EmergencyAccess];

    /// <summary>
    /// The case operations by relation, written out from the issue (not from the code): the owning unit does all;
    /// a consulted unit and nödåtkomst read and write journal; a contributing unit also works tasks, records
    /// assessments and runs support; full scope also edits, decides, closes and reopens; managing the team and
    /// handing over stay with the owner; a behandlare never decides on an investigation.
    /// </summary>
    public static bool CaseAllows(StaffRole role, Relation relation, CaseOperation operation)
    {
        if (!ContentRoles.Contains(role)) return false;
        if (role == StaffRole.Therapist && operation == CaseOperation.Decide) return false;
        CaseOperation[] consult = [CaseOperation.Read, CaseOperation.WriteJournal];
        CaseOperation[] contribute = [.. consult, CaseOperation.WorkTasks, CaseOperation.RecordAssessments, CaseOperation.RunSupport];
        CaseOperation[] full = [.. contribute, CaseOperation.EditCase, CaseOperation.Decide, CaseOperation.CloseOrReopen];
        return relation switch
        {
            Relation.OwnUnit => true,
            Relation.CaseTeamFull => full.Contains(operation),
            Relation.CaseTeam => contribute.Contains(operation),
            Relation.CaseTeamConsult or Relation.EmergencyAccess => consult.Contains(operation),
            _ => false,
        };
    }

    /// <summary>A refusal that must be 403 naming the operation (the caller sees the resource), not 404.</summary>
    public static bool RefusedVisibly(Rule rule, StaffRole role, Relation relation) =>
        rule is Rule.TargetCase or Rule.PersonResponsible && ContentRoles.Contains(role) && SeesTarget.Contains(relation);

    public static bool Allowed(Rule rule, StaffRole role, Relation relation, CaseOperation? operation = null) => rule switch
    {
        Rule.Anonymous or Rule.AnySignedIn => true,
        Rule.CaseContent => ContentRoles.Contains(role),
        Rule.CaseContentHere => ContentRoles.Contains(role) && relation != Relation.OtherMunicipality,
        Rule.ReportOutcome => ContentRoles.Contains(role) && relation is Relation.OwnUnit or Relation.OtherUnit,
        Rule.TargetCase => CaseAllows(role, relation, operation ?? throw new InvalidOperationException("A TargetCase row names its operation.")),
        Rule.PersonResponsible => ContentRoles.Contains(role) && relation == Relation.OwnUnit,
        Rule.OwningUnit => ContentRoles.Contains(role) && relation == Relation.OwnUnit,
        Rule.TakeEmergencyAccess => ContentRoles.Contains(role) && relation is Relation.CaseTeamConsult or Relation.CaseTeam or Relation.CaseTeamFull
            or Relation.OtherUnit or Relation.EmergencyAccess,
        Rule.ReceivingUnit => ContentRoles.Contains(role) && relation == Relation.CaseTeam,
        Rule.AuditReview => role is StaffRole.AuditReviewer or StaffRole.UnitManager,
        Rule.Statistics => role is StaffRole.Analyst or StaffRole.UnitManager,
        Rule.Administration => role == StaffRole.SystemAdministrator,
        Rule.AdministrationHere => role == StaffRole.SystemAdministrator && relation != Relation.OtherMunicipality,
        Rule.Nobody => false,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <param name="Audited">The audit action a call must leave behind; null for endpoints that touch no personal data.</param>
    /// <param name="Subject">The case or person id the audit entry must name.</param>
    /// <param name="Operation">For <see cref="Rule.TargetCase"/>: the case operation the call performs.</param>
    public sealed record Row(Rule Rule, Func<AccessWorld, Task<HttpRequestMessage>> Request, AuditAction? Audited = null,
        Func<AccessWorld, Guid>? Subject = null, CaseOperation? Operation = null)
    {
        public Row Logs(AuditAction action, Func<AccessWorld, Guid>? subject = null) => this with { Audited = action, Subject = subject };

        public Row For(CaseOperation operation) => this with { Operation = operation };
    }

    /// <summary>The endpoint a table key stands for: several rows test one endpoint's operations ("… #close").</summary>
    public static string Endpoint(string key) => key.Split(" #")[0];

    private static Row Get(Rule rule, Func<AccessWorld, string> path) => new(rule, w => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path(w))));

    private static Row Send(Rule rule, HttpMethod method, Func<AccessWorld, string> path, Func<AccessWorld, Task<object>> body) =>
        new(rule, async w => new HttpRequestMessage(method, path(w)) { Content = JsonContent.Create(await body(w)) });

    private static Guid Case(AccessWorld w) => w.TargetCase;

    private static Guid Person(AccessWorld w) => w.TargetPerson;

    /// <summary>The table: one row per endpoint, "METHOD /route/pattern".</summary>
    public static readonly Dictionary<string, Row> Table = new()
    {
        ["POST /api/v1/session"] = new(Rule.Anonymous, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
            { Content = JsonContent.Create(new { userName = "nobody", password = "nothing-at-all" }) })),
        ["GET /api/v1/session"] = Get(Rule.AnySignedIn, _ => "/api/v1/session"),
        ["DELETE /api/v1/session"] = new(Rule.AnySignedIn, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session"))),
        ["GET /api/v1/organisation"] = Get(Rule.AnySignedIn, _ => "/api/v1/organisation"),

        ["GET /api/v1/people"] = Get(Rule.CaseContent, _ => "/api/v1/people?q=Matris").Logs(AuditAction.Search, Person),
        ["POST /api/v1/people"] = Send(Rule.CaseContent, HttpMethod.Post, _ => "/api/v1/people",
            _ => Task.FromResult<object>(new { identityKind = "none", pseudonym = "Ny i matrisen", gender = "unknown" })).Logs(AuditAction.CreatePerson),
        ["GET /api/v1/people/{id:guid}"] = Get(Rule.TargetCase, w => $"/api/v1/people/{w.TargetPerson}").For(CaseOperation.Read).Logs(AuditAction.ReadPerson, Person),
        ["GET /api/v1/people/{id:guid}/register-extract"] = Get(Rule.TargetCase, w => $"/api/v1/people/{w.TargetPerson}/register-extract")
            .For(CaseOperation.Read).Logs(AuditAction.Export, Person),
        ["PUT /api/v1/people/{id:guid}/protected-identity"] = Send(Rule.PersonResponsible, HttpMethod.Put, w => $"/api/v1/people/{w.TargetPerson}/protected-identity",
            async w => new { version = await w.App.InDatabase(db => db.Set<Person>().Where(p => p.Id == w.TargetPerson).Select(p => p.Version).SingleAsync()),
                level = "none" }).Logs(AuditAction.ChangeProtectedIdentity, Person),
        ["GET /api/v1/people/matches"] = Get(Rule.CaseContent, _ => "/api/v1/people/matches").Logs(AuditAction.Search),
        ["POST /api/v1/people/matches/{id:guid}/merge"] = new Row(Rule.PersonResponsible, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/people/matches/{await FreshMatch(w)}/merge") { Content = JsonContent.Create(new { }) })
            .Logs(AuditAction.ResolveIdentityMatch),
        ["POST /api/v1/people/matches/{id:guid}/unlink"] = new Row(Rule.PersonResponsible, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/people/matches/{await FreshMatch(w)}/unlink") { Content = JsonContent.Create(new { }) })
            .Logs(AuditAction.ResolveIdentityMatch),

        ["GET /api/v1/cases"] = Get(Rule.CaseContent, _ => "/api/v1/cases").Logs(AuditAction.Search, Case),
        ["POST /api/v1/cases"] = Send(Rule.OwningUnit, HttpMethod.Post, _ => "/api/v1/cases",
            async w => new { type = "adultVictim", owningUnitId = w.OwningUnit, subjectPersonId = await FreshPerson(w), channel = "selfReferral" }).Logs(AuditAction.OpenCase),
        ["GET /api/v1/cases/{id:guid}"] = Get(Rule.TargetCase, w => $"/api/v1/cases/{w.TargetCase}").For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["PUT /api/v1/cases/{id:guid}"] = Send(Rule.TargetCase, HttpMethod.Put, w => $"/api/v1/cases/{w.TargetCase}",
            async w => new { version = await w.App.InDatabase(db => db.Set<Case>().Where(c => c.Id == w.TargetCase).Select(c => c.Version).SingleAsync()), summary = "Matrisärende" }).For(CaseOperation.EditCase).Logs(AuditAction.UpdateCase, Case),
        ["POST /api/v1/cases/{id:guid}/parties"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/parties",
            async w => new { personId = await FreshPerson(w), role = "child" }).For(CaseOperation.RecordAssessments).Logs(AuditAction.AddParty, Case),
        ["GET /api/v1/cases/{id:guid}/journal"] = Get(Rule.TargetCase, w => $"/api/v1/cases/{w.TargetCase}/journal").For(CaseOperation.Read).Logs(AuditAction.ReadJournal, Case),
        ["GET /api/v1/cases/{id:guid}/journal/{entryId:guid}"] = new Row(Rule.TargetCase, async w => new HttpRequestMessage(HttpMethod.Get,
                $"/api/v1/cases/{w.TargetCase}/journal/{await w.App.InDatabase(db => db.Set<JournalEntry>().Where(e => e.CaseId == w.TargetCase).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync())}"))
            .For(CaseOperation.Read).Logs(AuditAction.ReadJournal, Case),
        ["POST /api/v1/cases/{id:guid}/journal"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/journal",
            _ => Task.FromResult<object>(new { text = "Anteckning i matrisen." })).For(CaseOperation.WriteJournal).Logs(AuditAction.WriteJournal, Case),
        ["POST /api/v1/cases/{id:guid}/team"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/team",
            async w => new { unitId = await FreshUnit(w), reason = "consultation", scope = "contribute" }).For(CaseOperation.ManageTeam)
            .Logs(AuditAction.ChangeCaseTeam, Case),
        ["POST /api/v1/cases/{id:guid}/emergency-access"] = Send(Rule.TakeEmergencyAccess, HttpMethod.Post, w => $"/api/v1/cases/{w.OtherCase}/emergency-access",
            _ => Task.FromResult<object>(new { reason = "Akut ärende, ansvarig handläggare nås inte." })).Logs(AuditAction.EmergencyAccess, w => w.OtherCase),
        ["POST /api/v1/cases/{id:guid}/transitions"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/transitions",
            async w =>
            {
                var state = await w.App.InDatabase(db => db.Set<Case>().Where(c => c.Id == w.TargetCase)
                    .Select(c => new { c.Version, Active = c.SupportStartedAt != null && c.SupportEndedAt == null }).SingleAsync());
                return new { transition = state.Active ? "endSupport" : "startSupport", version = state.Version };
            }).For(CaseOperation.RunSupport).Logs(AuditAction.UpdateCase, Case),
        ["POST /api/v1/cases/{id:guid}/transitions #decide"] = new Row(Rule.TargetCase, async w => new HttpRequestMessage(HttpMethod.Post,
                $"/api/v1/cases/{w.Fresh = await w.FreshCase()}/transitions") { Content = JsonContent.Create(new { transition = "startInvestigation", version = 0 }) })
            .For(CaseOperation.Decide).Logs(AuditAction.UpdateCase, w => w.Fresh),
        ["POST /api/v1/cases/{id:guid}/transitions #close"] = new Row(Rule.TargetCase, async w => new HttpRequestMessage(HttpMethod.Post,
                $"/api/v1/cases/{w.Fresh = await w.FreshCase()}/transitions")
                { Content = JsonContent.Create(new { transition = "close", version = 0, reason = "Klienten har flyttat från kommunen." }) })
            .For(CaseOperation.CloseOrReopen).Logs(AuditAction.UpdateCase, w => w.Fresh),
        ["PUT /api/v1/cases/{id:guid}/classification"] = Send(Rule.TargetCase, HttpMethod.Put, w => $"/api/v1/cases/{w.TargetCase}/classification",
            async w => new { version = await w.App.InDatabase(db => db.Set<Case>().Where(c => c.Id == w.TargetCase).Select(c => c.Version).SingleAsync()),
                codes = new[] { "form.physical", "context.partner" } }).For(CaseOperation.RecordAssessments).Logs(AuditAction.UpdateCase, Case),
        ["GET /api/v1/cases/{id:guid}/tasks"] = Get(Rule.TargetCase, w => $"/api/v1/cases/{w.TargetCase}/tasks").For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["POST /api/v1/cases/{id:guid}/investigation-extension"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.ChildCase}/investigation-extension",
            async w => new { months = await MonthsBeyondCurrentDeadline(w), reason = "Barnet har inte kunnat höras ännu." })
            .For(CaseOperation.Decide).Logs(AuditAction.UpdateCase, w => w.ChildCase),
        ["POST /api/v1/tasks/{id:guid}/complete"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{await FreshTask(w)}/complete")).For(CaseOperation.WorkTasks).Logs(AuditAction.UpdateCase, Case),
        ["POST /api/v1/tasks/{id:guid}/waive"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{await FreshTask(w, required: false)}/waive") { Content = JsonContent.Create(new { reason = "Görs inom ett annat ärende." }) })
            .For(CaseOperation.WorkTasks).Logs(AuditAction.UpdateCase, Case),
        // Waiving a required task lets the case close without it: a decision.
        ["POST /api/v1/tasks/{id:guid}/waive #required"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{await FreshTask(w)}/waive") { Content = JsonContent.Create(new { reason = "Barnet bor inte längre i hushållet." }) })
            .For(CaseOperation.Decide).Logs(AuditAction.UpdateCase, Case),
        ["GET /api/v1/deadlines"] = Get(Rule.CaseContent, _ => "/api/v1/deadlines?scope=units").Logs(AuditAction.Search),
        ["POST /api/v1/reports-of-concern"] = Send(Rule.CaseContentHere, HttpMethod.Post, _ => "/api/v1/reports-of-concern",
            async w => new { childPersonId = await FreshPerson(w), recipientUnitId = w.App.Asby.ChildrenUnit, concerns = "Barnet bor i ett hem med våld.", reporter = "other" })
            .Logs(AuditAction.FileReportOfConcern),
        ["GET /api/v1/reports-of-concern/{id:guid}"] = Get(Rule.ReportOutcome, w => $"/api/v1/reports-of-concern/{w.Report}").Logs(AuditAction.ReadCase),
        ["GET /api/v1/classification"] = Get(Rule.AnySignedIn, _ => "/api/v1/classification"),
        ["GET /api/v1/cases/{id:guid}/perpetrator-route"] = Get(Rule.TargetCase, w => $"/api/v1/cases/{w.PerpetratorCase}/perpetrator-route")
            .For(CaseOperation.Read).Logs(AuditAction.ReadCase, w => w.PerpetratorCase),
        ["POST /api/v1/cases/{id:guid}/motivation-assessments"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.PerpetratorCase}/motivation-assessments",
            _ => Task.FromResult<object>(new { attitude = "minimisesViolence", motivation = "ambivalent" })).For(CaseOperation.RecordAssessments)
            .Logs(AuditAction.UpdateCase, w => w.PerpetratorCase),
        ["POST /api/v1/cases/{id:guid}/offers"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.PerpetratorCase}/offers",
            _ => Task.FromResult<object>(new { offer = "Behandling i grupp", channel = "perpetratorSpecialist" })).For(CaseOperation.RecordAssessments)
            .Logs(AuditAction.UpdateCase, w => w.PerpetratorCase),
        ["POST /api/v1/offers/{id:guid}/response"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/offers/{await FreshOffer(w)}/response") { Content = JsonContent.Create(new { response = "declined" }) })
            .For(CaseOperation.RecordAssessments).Logs(AuditAction.UpdateCase, w => w.PerpetratorCase),
        ["POST /api/v1/cases/{id:guid}/police-events"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/police-events",
            _ => Task.FromResult<object>(new { kind = "arrest" })).For(CaseOperation.RecordAssessments).Logs(AuditAction.UpdateCase, Case),
        // A group is seen by whoever may open one of its cases: here those who may read the target case, nobody else.
        ["GET /api/v1/case-groups/{id:guid}"] = Get(Rule.TargetCase, w => $"/api/v1/case-groups/{w.TargetGroup}").For(CaseOperation.Read)
            .Logs(AuditAction.Search, Case),
        ["POST /api/v1/case-groups"] = Send(Rule.CaseContent, HttpMethod.Post, _ => "/api/v1/case-groups",
            _ => Task.FromResult<object>(new { kind = "household", label = "Matrishushåll" })),

        ["POST /api/v1/open-talks"] = Send(Rule.OwningUnit, HttpMethod.Post, _ => "/api/v1/open-talks",
            w => Task.FromResult<object>(new { owningUnitId = w.OwningUnit, concerns = "perpetrator", pseudonym = "Man i matrisen", gender = "man" }))
            .Logs(AuditAction.StartOpenTalk),
        ["GET /api/v1/open-talks"] = new Row(Rule.CaseContent, async w =>
        {
            await FreshOpenTalk(w);
            return new HttpRequestMessage(HttpMethod.Get, "/api/v1/open-talks");
        }).Logs(AuditAction.Search, Person),
        ["GET /api/v1/open-talks/{id:guid}"] = new Row(Rule.OwningUnit, async w =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/open-talks/{await FreshOpenTalk(w)}")).Logs(AuditAction.ReadOpenTalk, Person),
        ["POST /api/v1/open-talks/{id:guid}/talks"] = new Row(Rule.OwningUnit, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/open-talks/{await FreshOpenTalk(w)}/talks") { Content = JsonContent.Create(new { note = "Andra samtalet." }) })
            .Logs(AuditAction.UpdateOpenTalk, Person),
        ["POST /api/v1/open-talks/{id:guid}/end"] = new Row(Rule.OwningUnit, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/open-talks/{await FreshOpenTalk(w)}/end") { Content = JsonContent.Create(new { reason = "noLongerWanted" }) })
            .Logs(AuditAction.UpdateOpenTalk, Person),
        ["POST /api/v1/open-talks/{id:guid}/convert"] = new Row(Rule.OwningUnit, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/open-talks/{await FreshOpenTalk(w)}/convert")
            {
                Content = JsonContent.Create(new { owningUnitId = w.OwningUnit, channel = "selfReferral",
                    consent = new { method = "inPerson", covers = "Registrering av ärende och utredning." } }),
            }).Logs(AuditAction.ConvertOpenTalk, Person),
        ["GET /api/v1/statistics/open-talks"] = Get(Rule.Statistics, _ => "/api/v1/statistics/open-talks"),
        ["POST /api/v1/cases/{id:guid}/handovers"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/handovers",
            async w => new { toUnitId = await FreshUnit(w), whatHappened = "Misshandel i hemmet.", assessments = "FREDA-farlighetsbedömning gjord.",
                risks = "Förhöjd risk.", whatTheClientHasToldAlready = "Om våldet det senaste året.", queue = true }).For(CaseOperation.HandOver)
            .Logs(AuditAction.HandOver, Case),
        ["GET /api/v1/cases/{id:guid}/handovers"] = Get(Rule.TargetCase, w => $"/api/v1/cases/{w.TargetCase}/handovers").For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["POST /api/v1/cases/{id:guid}/waiting-list"] = Send(Rule.TargetCase, HttpMethod.Post, w => $"/api/v1/cases/{w.TargetCase}/waiting-list",
            async w => new { unitId = await FreshUnit(w) }).For(CaseOperation.HandOver).Logs(AuditAction.ChangeWaitingList, Case),
        ["GET /api/v1/handovers/pending"] = Get(Rule.CaseContent, _ => "/api/v1/handovers/pending").Logs(AuditAction.Search),
        ["GET /api/v1/handovers/{id:guid}"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/handovers/{await HandoverOfTarget(w)}")).For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["POST /api/v1/handovers/{id:guid}/accept"] = new Row(Rule.ReceivingUnit, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/handovers/{await PendingHandover(w)}/accept")).Logs(AuditAction.AnswerHandover),
        ["POST /api/v1/handovers/{id:guid}/decline"] = new Row(Rule.ReceivingUnit, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/handovers/{await PendingHandover(w)}/decline")
                { Content = JsonContent.Create(new { reason = "Klienten har redan stöd hos en annan enhet." }) }).Logs(AuditAction.AnswerHandover),
        ["GET /api/v1/units/{id:guid}/waiting-list"] = Get(Rule.ReceivingUnit, w => $"/api/v1/units/{w.App.Asby.TreatmentCentre}/waiting-list")
            .Logs(AuditAction.Search),
        ["GET /api/v1/waiting-list/{id:guid}"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/v1/waiting-list/{await WaitingPlace(w)}")).For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["POST /api/v1/waiting-list/{id:guid}/interim-contacts"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/waiting-list/{await WaitingPlace(w)}/interim-contacts")
                { Content = JsonContent.Create(new { kind = "phone", note = "Stämt av läget." }) }).For(CaseOperation.WorkTasks).Logs(AuditAction.ChangeWaitingList, Case),
        ["POST /api/v1/waiting-list/{id:guid}/first-session"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/waiting-list/{await WaitingPlace(w)}/first-session")
                { Content = JsonContent.Create(new { }) }).For(CaseOperation.WorkTasks).Logs(AuditAction.ChangeWaitingList, Case),
        ["POST /api/v1/waiting-list/{id:guid}/remove"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/waiting-list/{await WaitingPlace(w)}/remove")
                { Content = JsonContent.Create(new { reason = "Klienten har flyttat." }) }).For(CaseOperation.WorkTasks).Logs(AuditAction.ChangeWaitingList, Case),

        ["GET /api/v1/audit/entries"] = Get(Rule.AuditReview, _ => "/api/v1/audit/entries"),
        ["GET /api/v1/audit/findings/{check}"] = Get(Rule.AuditReview, _ => "/api/v1/audit/findings/emergencyAccess"),
        ["GET /api/v1/statistics/cases"] = Get(Rule.Statistics, _ => "/api/v1/statistics/cases"),
        ["GET /api/v1/admin/staff"] = Get(Rule.Administration, _ => "/api/v1/admin/staff"),
        ["POST /api/v1/admin/staff"] = Send(Rule.AdministrationHere, HttpMethod.Post, _ => "/api/v1/admin/staff",
            w => Task.FromResult<object>(new { userName = $"ny.{Guid.NewGuid():N}", displayName = "Ny Medarbetare", password = "en-lang-losenfras-2026",
                roles = new[] { new { unitId = w.OwningUnit, role = "caseworker" } } })),
        ["GET /api/v1/admin/staff/{id:guid}"] = Get(Rule.AdministrationHere, w => $"/api/v1/admin/staff/{w.AdministeredStaff}"),
        ["PUT /api/v1/admin/staff/{id:guid}"] = Send(Rule.AdministrationHere, HttpMethod.Put, w => $"/api/v1/admin/staff/{w.AdministeredStaff}",
            async w => new { version = await w.App.InDatabase(db => db.Set<StaffMember>().Where(s => s.Id == w.AdministeredStaff).Select(s => s.Version).SingleAsync()), protectedDataClearance = false }),
        // Every caller gives themselves a caseworker role in their own unit and the clearance: nobody may, a systemförvaltare least of all.
        ["PUT /api/v1/admin/staff/{id:guid} #own"] = Send(Rule.Nobody, HttpMethod.Put, w => $"/api/v1/admin/staff/{w.CallerStaff ?? w.AdministeredStaff}",
            async w => new
            {
                version = await w.App.InDatabase(db => db.Set<StaffMember>().Where(s => s.Id == (w.CallerStaff ?? w.AdministeredStaff)).Select(s => s.Version).SingleAsync()),
                roles = new[] { new { unitId = w.CallerUnit ?? w.OwningUnit, role = "caseworker" } }, protectedDataClearance = true,
            }),
        ["POST /api/v1/admin/staff/{id:guid}/unlock"] = new Row(Rule.AdministrationHere, w =>
            Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/staff/{w.AdministeredStaff}/unlock"))),
        ["GET /api/v1/admin/staff/{id:guid}/provider-accounts"] = Get(Rule.AdministrationHere, w => $"/api/v1/admin/staff/{w.AdministeredStaff}/provider-accounts"),
        ["PUT /api/v1/admin/staff/{id:guid}/provider-accounts"] = Send(Rule.AdministrationHere, HttpMethod.Put,
            w => $"/api/v1/admin/staff/{w.AdministeredStaff}/provider-accounts",
            _ => Task.FromResult<object>(new { issuer = MatrixIssuer, subject = $"sub-{Guid.NewGuid():N}" })),
        // How one signs in oneself is one's own access: nobody binds their own account to a provider account.
        ["PUT /api/v1/admin/staff/{id:guid}/provider-accounts #own"] = Send(Rule.Nobody, HttpMethod.Put,
            w => $"/api/v1/admin/staff/{w.CallerStaff ?? w.AdministeredStaff}/provider-accounts",
            _ => Task.FromResult<object>(new { issuer = MatrixIssuer, subject = $"sub-{Guid.NewGuid():N}" })),
        ["DELETE /api/v1/admin/staff/{id:guid}/provider-accounts"] = new Row(Rule.AdministrationHere, async w =>
        {
            await ProviderAccountOf(w, w.AdministeredStaff);
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/staff/{w.AdministeredStaff}/provider-accounts?issuer={Uri.EscapeDataString(MatrixIssuer)}");
        }),
        // The identity provider's back-channel logout: server to server, proven by the signed logout token (404 without a provider).
        ["POST /signout-backchannel-oidc"] = new(Rule.Anonymous, _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/signout-backchannel-oidc")
            { Content = new FormUrlEncodedContent([new("logout_token", "x")]) })),
        ["GET /api/v1/admin/staff-requests"] = Get(Rule.Administration, _ => "/api/v1/admin/staff-requests"),
        ["POST /api/v1/admin/staff-requests/{id:guid}/approve"] = new Row(Rule.AdministrationHere, async w => new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/admin/staff-requests/{await Staff.PendingAccessRequest.Arrange(w.App)}/approve") { Content = JsonContent.Create(new { version = 0 }) }),
        ["POST /api/v1/admin/staff-requests/{id:guid}/reject"] = new Row(Rule.AdministrationHere, async w => new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/admin/staff-requests/{await Staff.PendingAccessRequest.Arrange(w.App)}/reject") { Content = JsonContent.Create(new { version = 0, reason = "Ingen tjänst i enheten." }) }),

        ["GET /health"] = Get(Rule.Anonymous, _ => "/health"),
        ["GET /health/ready"] = Get(Rule.Anonymous, _ => "/health/ready"),
        ["GET /openapi/{documentName}.json"] = Get(Rule.Anonymous, _ => "/openapi/v1.json"),

        ["GET /"] = Get(Rule.AnySignedIn, _ => "/"),
        ["GET /Index"] = Get(Rule.AnySignedIn, _ => "/Index"),
        ["GET /Account/Login"] = Get(Rule.Anonymous, _ => "/Account/Login"),
        ["GET /Account/ExternalLogin"] = Get(Rule.Anonymous, _ => "/Account/ExternalLogin"),
        ["GET /Account/Logout"] = Get(Rule.Anonymous, _ => "/Account/Logout"),
        ["GET /Account/Denied"] = Get(Rule.Anonymous, _ => "/Account/Denied"),
        ["GET /Cases"] = Get(Rule.CaseContent, _ => "/Cases").Logs(AuditAction.Search, Case),
        ["GET /Cases/Index"] = Get(Rule.CaseContent, _ => "/Cases/Index").Logs(AuditAction.Search, Case),
        ["GET /Cases/New"] = Get(Rule.CaseContent, _ => "/Cases/New"),
        ["GET /Cases/Process/{id:guid}"] = Get(Rule.TargetCase, w => $"/Cases/Process/{w.TargetCase}").For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["GET /Cases/Show/{id:guid}"] = Get(Rule.TargetCase, w => $"/Cases/Show/{w.TargetCase}").For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["GET /Cases/EmergencyAccess/{id:guid?}"] = Get(Rule.CaseContent, w => $"/Cases/EmergencyAccess/{w.OtherCase}"),
        ["GET /People"] = Get(Rule.CaseContent, _ => "/People?q=Matris").Logs(AuditAction.Search, Person),
        ["GET /People/Index"] = Get(Rule.CaseContent, _ => "/People/Index?q=Matris").Logs(AuditAction.Search, Person),
        ["GET /People/New"] = Get(Rule.CaseContent, _ => "/People/New"),
        ["GET /People/Matches"] = Get(Rule.CaseContent, _ => "/People/Matches").Logs(AuditAction.Search),
        ["GET /People/Show/{id:guid}"] = Get(Rule.TargetCase, w => $"/People/Show/{w.TargetPerson}").For(CaseOperation.Read).Logs(AuditAction.ReadPerson, Person),
        ["GET /People/Extract/{id:guid}"] = Get(Rule.TargetCase, w => $"/People/Extract/{w.TargetPerson}").For(CaseOperation.Read).Logs(AuditAction.Print, Person),
        ["GET /OpenTalks"] = new Row(Rule.CaseContent, async w =>
        {
            await FreshOpenTalk(w);
            return new HttpRequestMessage(HttpMethod.Get, "/OpenTalks");
        }).Logs(AuditAction.Search, Person),
        ["GET /OpenTalks/Index"] = new Row(Rule.CaseContent, async w =>
        {
            await FreshOpenTalk(w);
            return new HttpRequestMessage(HttpMethod.Get, "/OpenTalks/Index");
        }).Logs(AuditAction.Search, Person),
        ["GET /OpenTalks/Show/{id:guid}"] = new Row(Rule.OwningUnit, async w =>
            new HttpRequestMessage(HttpMethod.Get, $"/OpenTalks/Show/{await FreshOpenTalk(w)}")).Logs(AuditAction.ReadOpenTalk, Person),
        ["GET /Handovers"] = Get(Rule.CaseContent, _ => "/Handovers").Logs(AuditAction.Search),
        ["GET /Handovers/Index"] = Get(Rule.CaseContent, _ => "/Handovers/Index").Logs(AuditAction.Search),
        ["GET /Handovers/New"] = Get(Rule.TargetCase, w => $"/Handovers/New?caseId={w.TargetCase}").For(CaseOperation.HandOver).Logs(AuditAction.ReadCase, Case),
        ["GET /Handovers/Show/{id:guid}"] = new Row(Rule.TargetCase, async w =>
            new HttpRequestMessage(HttpMethod.Get, $"/Handovers/Show/{await HandoverOfTarget(w)}")).For(CaseOperation.Read).Logs(AuditAction.ReadCase, Case),
        ["GET /Handovers/Queue"] = Get(Rule.ReceivingUnit, w => $"/Handovers/Queue?unit={w.App.Asby.TreatmentCentre}").Logs(AuditAction.Search),
        ["GET /Audit"] = Get(Rule.AuditReview, _ => "/Audit"),
        ["GET /Audit/Index"] = Get(Rule.AuditReview, _ => "/Audit/Index"),
    };

    /// <summary>A person registered by the caller's own unit, so the caller may see them (a person belongs to the unit that registered them).</summary>
    private static async Task<Guid> FreshPerson(AccessWorld w)
    {
        var person = new Person(w.App.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Matrisbarn"), Gender.Unknown,
            ProtectedIdentityLevel.None, ContactDetails.Empty, DateTimeOffset.UtcNow, registeringUnitId: w.CallerUnit ?? w.OwningUnit);
        await w.App.Store(person);
        return person.Id;
    }

    /// <summary>
    /// A possible duplicate on a person in the target case (so she is as visible as the case, and the owning unit answers
    /// for her): a record registered with her number by someone who could not see her.
    /// </summary>
    private static async Task<Guid> FreshMatch(AccessWorld w)
    {
        var asby = w.App.Asby;
        var existing = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Befintlig i matrisen"), Gender.Woman,
            ProtectedIdentityLevel.ProtectedRegistration, ContactDetails.Empty, DateTimeOffset.UtcNow, registeringUnitId: w.OwningUnit);
        var registered = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Nyregistrerad i matrisen"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, DateTimeOffset.UtcNow, registeringUnitId: asby.ChildrenUnit);
        await w.App.Store(existing, registered, new IdentityMatch(asby.OrganisationId, existing.Id, registered.Id, asby.CaseworkerId, DateTimeOffset.UtcNow));
        await w.App.InDatabase(async db =>
        {
            var tracked = await db.Set<Case>().Include(c => c.Parties).SingleAsync(c => c.Id == w.TargetCase);
            db.Add(tracked.AddParty(existing.Id, PartyRole.Relative));
            return await db.SaveChangesAsync();
        });
        return (await w.App.InDatabase(db => db.Set<IdentityMatch>().Where(m => m.ExistingPersonId == existing.Id).Select(m => m.Id).SingleAsync()));
    }

    /// <summary>One month more than the child investigation's deadline now allows, so every allowed extension moves it forward.</summary>
    private static async Task<int> MonthsBeyondCurrentDeadline(AccessWorld w)
    {
        var (started, due) = await w.App.InDatabase(async db => (
            await db.Set<Case>().Where(c => c.Id == w.ChildCase).Select(c => c.InvestigationStartedAt!.Value).SingleAsync(),
            await db.Set<CaseTask>().Where(t => t.CaseId == w.ChildCase && t.Kind == TaskKind.ChildInvestigation).Select(t => t.DueDate!.Value).SingleAsync()));
        var start = Samordna.Core.SwedishTime.ToSwedish(started);
        return (due.Year - start.Year) * 12 + due.Month - start.Month + 1;
    }

    private static async Task<Guid> FreshOffer(AccessWorld w)
    {
        var @case = await w.App.InDatabase(db => db.Set<Case>().SingleAsync(c => c.Id == w.PerpetratorCase));
        var offer = new Samordna.Core.Perpetrators.SupportOffer(@case, w.App.Asby.CaseworkerId, DateTimeOffset.UtcNow, "Samtal", Samordna.Core.Perpetrators.OfferChannel.CaseSocialWorker);
        await w.App.Store(offer);
        return offer.Id;
    }

    /// <summary>
    /// A friyta contact of the owning unit with one talk, about the target person (so the audit entry's
    /// subject is known): fresh for every call, since talks, ending and converting each change it for good.
    /// </summary>
    private static async Task<Guid> FreshOpenTalk(AccessWorld w)
    {
        var started = TimeProvider.System.GetUtcNow().AddDays(-7);
        var contact = new OpenTalkContact(w.App.Asby.OrganisationId, w.OwningUnit, w.TargetPerson, CaseType.Perpetrator,
            OpenTalkSettings.DefaultTalkLimit, 0, w.App.Asby.CaseworkerId, started);
        contact.RecordTalk(started.AddHours(1), w.App.Asby.CaseworkerId, null, started.AddHours(2));
        await w.App.Store(contact);
        return contact.Id;
    }

    private static async Task<Guid> FreshTask(AccessWorld w, bool required = true)
    {
        var @case = await w.App.InDatabase(db => db.Set<Case>().SingleAsync(c => c.Id == w.TargetCase));
        var task = new CaseTask(@case, TaskKind.ChildInHousehold, "Orosanmälan eller skäl", required, DateTimeOffset.UtcNow);
        await w.App.Store(task);
        return task.Id;
    }

    private static readonly HandoverSummary MatrixSummary = new("Misshandel i hemmet.", "Farlighetsbedömning gjord.", "Förhöjd risk.",
        "Om våldet det senaste året.", null);

    /// <summary>An accepted handover of the target case to the treatment centre (already on its team), for reading.</summary>
    private static async Task<Guid> HandoverOfTarget(AccessWorld w)
    {
        var asby = w.App.Asby;
        var handover = new Handover(asby.OrganisationId, w.TargetCase, asby.ViolenceTeam, asby.TreatmentCentre, asby.CaseworkerId,
            DateTimeOffset.UtcNow.AddDays(-1), MatrixSummary, receiverJoinedTeam: false);
        handover.Accept(asby.CaseworkerId, DateTimeOffset.UtcNow);
        await w.App.Store(handover);
        return handover.Id;
    }

    /// <summary>
    /// A pending handover to the treatment centre, for answering: of a case of its own (a case has one pending
    /// handover per receiving unit), owned by the violence team with the treatment centre on its team like the target.
    /// </summary>
    private static async Task<Guid> PendingHandover(AccessWorld w)
    {
        var asby = w.App.Asby;
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var person = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Överlämnad i matrisen"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var @case = new Case(asby.OrganisationId, CaseType.AdultVictim, asby.ViolenceTeam, person.Id, at, asby.CaseworkerId, null);
        var handover = new Handover(asby.OrganisationId, @case.Id, asby.ViolenceTeam, asby.TreatmentCentre, asby.CaseworkerId, at, MatrixSummary,
            receiverJoinedTeam: false);
        await w.App.Store(person, @case, new CaseTeamMember(asby.OrganisationId, @case.Id, asby.TreatmentCentre, CaseTeamReason.Handover, asby.CaseworkerId, at),
            handover);
        return handover.Id;
    }

    /// <summary>A place of the target case in a queue of its own (a client waits once per unit).</summary>
    private static async Task<Guid> WaitingPlace(AccessWorld w)
    {
        var entry = new WaitingListEntry(w.App.Asby.OrganisationId, w.TargetCase, await FreshUnit(w), DateTimeOffset.UtcNow.AddDays(-1),
            w.App.Asby.CaseworkerId, null);
        await w.App.Store(entry);
        return entry.Id;
    }

    private const string MatrixIssuer = "https://login.matris.example";

    /// <summary>Binds the member of staff to an account at <see cref="MatrixIssuer"/> unless already bound, so there is one to remove.</summary>
    private static async Task ProviderAccountOf(AccessWorld w, Guid staffMemberId)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Samordna.Data.StaffAccount>>();
        var account = (await accounts.FindByIdAsync(staffMemberId.ToString()))!;
        if ((await accounts.GetLoginsAsync(account)).All(l => l.LoginProvider != MatrixIssuer))
            (await accounts.AddLoginAsync(account, new Microsoft.AspNetCore.Identity.UserLoginInfo(MatrixIssuer, $"sub-{Guid.NewGuid():N}", "matris"))).Succeeded.ShouldBeTrue();
    }

    private static async Task<Guid> FreshUnit(AccessWorld w)
    {
        var unit = new Unit(w.App.Asby.OrganisationId, "Konsultenheten", UnitKind.Other);
        await w.App.Store(unit);
        return unit.Id;
    }
}
