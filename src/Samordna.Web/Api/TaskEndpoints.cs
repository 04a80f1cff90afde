using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Web.Access;
using Samordna.Web.OpenApi;

namespace Samordna.Web.Api;

/// <summary>Tasks with legal deadlines, and the deadline radar.</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Deadlines").RequireCapability(Capability.CaseContent);

        tasks.MapPost("/{id:guid}/complete", async Task<Ok<CaseTaskView>> (Guid id, long? version, CurrentActor actor, CaseTaskHandler handler,
                CancellationToken ct) =>
            TypedResults.Ok(await handler.Complete(await actor.Get(ct), id, ct, version)))
            .WithName("completeTask")
            .WithSummary("Mark a task done; `version` (optional) is the task's version you read, and a stale one answers 409.");

        tasks.MapPost("/{id:guid}/waive", async Task<Ok<CaseTaskView>> (Guid id, WaiveTask command, CurrentActor actor,
                CaseTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Waive(await actor.Get(ct), id, command, ct)))
            .WithSummary("Close a task without doing it, with the reason (e.g. why no orosanmälan is made for a child).")
            .WithName("waiveTask");

        api.MapGet("/deadlines", async Task<Ok<IReadOnlyList<RadarItem>>> (string? scope, Guid? unit, CurrentActor actor,
                CaseTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Radar(await actor.Get(ct), QueryValues.Enum<RadarScope>(scope, "scope") ?? RadarScope.Mine, unit, ct)))
            .WithTags("Deadlines").RequireCapability(Capability.CaseContent)
            .WithSummary("Deadline radar: open tasks with due dates (overdue, due today, within 7 days, later) for `scope=mine` or `scope=units`.")
            .WithName("getDeadlineRadar").WithValuesOf<RadarScope>("scope");
    }
}
