using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Classification;
using Samordna.Core.Organisations;
using Samordna.Core.Perpetrators;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Cases;

/// <summary>
/// Handläggning: where the case stands on its two tracks, its tasks and deadlines, the classification
/// of the violence, and orosanmälan for the children in it. Each form calls the same use case as the API.
/// </summary>
[RequireCapability(Capability.CaseContent)]
public sealed class ProcessModel(CurrentActor currentActor, CaseQueries cases, TransitionCaseHandler transitions, CaseTaskHandler tasks,
    ReportOfConcernHandler reports, Classifier classifier, OrganisationQueries organisations, PerpetratorRouteHandler route) : PageModel
{
    public const string StepForm = nameof(Step);
    public const string TaskForm = nameof(TaskAction);
    public const string ReportForm = nameof(Report);
    public const string ClassifyForm = nameof(Classify);
    public const string RouteForm = nameof(Route);

    public CaseDetails Case { get; private set; } = null!;
    public IReadOnlyList<ClassificationTermView> Terms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    [BindProperty] public StepInput Step { get; set; } = new();
    [BindProperty] public TaskInput TaskAction { get; set; } = new();
    [BindProperty] public ReportInput Report { get; set; } = new();
    [BindProperty] public ClassifyInput Classify { get; set; } = new();
    [BindProperty] public RouteInput Route { get; set; } = new();

    /// <summary>The perpetrator route of a perpetrator's case: assessments, offers and police events.</summary>
    public PerpetratorRouteView? PerpetratorRoute { get; private set; }

    /// <summary>The steps that make sense now, with whether each needs a reason.</summary>
    public IReadOnlyList<(CaseTransition Step, string Label, bool NeedsReason)> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await Load(await currentActor.Get(ct), id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken ct) =>
        Post(id, StepForm, "process", actor => transitions.Handle(actor, id, new TransitionCase(Step.Transition, Step.Version, Step.Reason), ct),
            "Ärendet är uppdaterat.", ct);

    public Task<IActionResult> OnPostTaskAsync(Guid id, CancellationToken ct) =>
        Post(id, TaskForm, "uppgifter", actor => TaskAction.Waive
                ? tasks.Waive(actor, TaskAction.TaskId ?? Guid.Empty, new WaiveTask(TaskAction.Reason), ct)
                : tasks.Complete(actor, TaskAction.TaskId ?? Guid.Empty, ct),
            TaskAction.Waive ? "Uppgiften är avslutad med skäl." : "Uppgiften är klar.", ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        Post(id, ReportForm, "orosanmalan", actor => reports.File(actor,
                new FileReportOfConcern(Report.ChildPersonId, Report.RecipientUnitId, Report.Concerns, ReporterKind.Other, id), ct),
            "Orosanmälan är skickad. Barnets ärende är öppnat hos den mottagande enheten och fristerna löper.", ct);

    public Task<IActionResult> OnPostClassifyAsync(Guid id, CancellationToken ct) =>
        Post(id, ClassifyForm, "klassificering", actor => classifier.Classify(actor, id, new ClassifyCase(Classify.Version, Classify.Codes), ct),
            "Klassificeringen är sparad.", ct);

    public Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct) =>
        Post(id, RouteForm, "vag", actor => route.Assess(actor, id, new AssessMotivation(Route.Attitude, Route.Motivation, Route.Notes), ct),
            "Bedömningen är sparad.", ct);

    public Task<IActionResult> OnPostOfferAsync(Guid id, CancellationToken ct) =>
        Post(id, RouteForm, "vag", actor => route.Offer(actor, id, new OfferSupport(Route.Offer, Route.Channel), ct), "Erbjudandet är registrerat.", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        Post(id, RouteForm, "vag", actor => route.Answer(actor, Route.OfferId ?? Guid.Empty, new AnswerOffer(Route.Response), ct),
            Route.Response == OfferResponse.Declined ? "Svaret är registrerat. En påminnelse om ny kontakt är lagd." : "Svaret är registrerat.", ct);

    public Task<IActionResult> OnPostPoliceAsync(Guid id, CancellationToken ct) =>
        Post(id, RouteForm, "vag", actor => route.RegisterPoliceEvent(actor, id, new RegisterPoliceEvent(Route.PoliceEvent, null), ct),
            "Polishändelsen är registrerad. Kopplade våldsutövarärenden har fått en uppgift om snabb kontakt.", ct);

    private async Task<IActionResult> Post<T>(Guid id, string form, string fragment, Func<Actor, Task<T>> change, string done, CancellationToken ct)
    {
        ModelState.UseSwedishBindingMessages();
        var actor = await currentActor.Get(ct);
        if (ModelState.IsValid)
        {
            try
            {
                await change(actor);
                TempData["Status"] = done;
                return RedirectToPage("/Cases/Process", null, new { id }, fragment);
            }
            catch (ValidationException invalid)
            {
                ModelState.AddValidationErrors(invalid, form);
            }
            catch (Exception refused) when (refused is DomainRuleException or ForbiddenException or ConcurrencyConflictException or DbUpdateConcurrencyException)
            {
                ModelState.AddFormError(form, refused is DbUpdateConcurrencyException
                    ? "Någon annan ändrade ärendet samtidigt. Sidan visar läget nu; gör om steget om det fortfarande behövs."
                    : refused.Message);
            }
            catch (NotFoundException missing) when (missing.What != "Ärendet")
            {
                ModelState.AddFormError(form, missing.Message);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        return await Load(actor, id, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Actor actor, Guid id, CancellationToken ct)
    {
        try
        {
            Case = await cases.Get(actor, id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Terms = await classifier.Catalogue(ct);
        PerpetratorRoute = Case.Type == CaseType.Perpetrator ? await route.Get(actor, id, ct) : null;
        var units = (await organisations.Mine(actor, ct)).Units;
        Units = [new SelectListItem("Välj mottagande enhet", ""), .. units.Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        if (Report.RecipientUnitId is null)
            Report.RecipientUnitId = units.FirstOrDefault(u => u.Kind == UnitKind.ChildrenAndYoungPeople)?.Id;
        Step.Version = Case.Version;
        Classify.Version = Case.Version;
        if (!ModelState.HasErrors(ClassifyForm)) Classify.Codes = Case.Classification.ToList();

        var p = Case.Process;
        var steps = new List<(CaseTransition, string, bool)>();
        if (p.Status == CaseStatus.Closed) steps.Add((CaseTransition.Reopen, "Öppna ärendet igen", true));
        else
        {
            if (p.Investigation == InvestigationState.Initiated)
            {
                steps.Add((CaseTransition.StartInvestigation, "Inled utredning", false));
                steps.Add((CaseTransition.DecideNotToInvestigate, "Inled inte utredning", true));
            }
            if (p.Investigation == InvestigationState.Investigating) steps.Add((CaseTransition.Decide, "Registrera beslut (utredningen klar)", false));
            steps.Add(p.SupportStartedAt is not null && p.SupportEndedAt is null
                ? (CaseTransition.EndSupport, "Avsluta stödet", false)
                : (CaseTransition.StartSupport, "Starta stöd (även före beslut)", false));
            steps.Add((CaseTransition.Close, "Avsluta ärendet", true));
        }
        // Only the steps the reader's relation to the case allows; the handler refuses the others anyway (403).
        Steps = steps.Where(step => Case.May(TransitionCaseHandler.OperationOf(step.Item1))).ToList();
        return true;
    }

    public sealed class StepInput
    {
        public CaseTransition? Transition { get; set; }
        public long? Version { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class TaskInput
    {
        public Guid? TaskId { get; set; }
        public bool Waive { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ReportInput
    {
        public Guid? ChildPersonId { get; set; }
        public Guid? RecipientUnitId { get; set; }
        public string? Concerns { get; set; }
    }

    public sealed class RouteInput
    {
        public Attitude? Attitude { get; set; }
        public Motivation? Motivation { get; set; }
        public string? Notes { get; set; }
        public string? Offer { get; set; }
        public OfferChannel? Channel { get; set; }
        public Guid? OfferId { get; set; }
        public OfferResponse? Response { get; set; }
        public PoliceEventKind? PoliceEvent { get; set; }
    }

    public sealed class ClassifyInput
    {
        public long? Version { get; set; }
        public List<string> Codes { get; set; } = [];
    }
}
