using Samordna.Core.Staff;

namespace Samordna.Core.Access;

/// <summary>
/// What may be done with a case. Every use case that touches a case names the one operation it needs;
/// <see cref="CasePermissions"/> decides it from how the actor stands to the case. Seeing a case
/// (<see cref="Read"/>) is decided first: a case the actor may not read answers 404 like a missing id;
/// a visible case where the operation is refused answers 403 naming the operation.
/// </summary>
public enum CaseOperation
{
    /// <summary>Read the case, its journal, tasks, handovers and queue places.</summary>
    Read,

    /// <summary>Write journal entries (dokumentation) and corrections.</summary>
    WriteJournal,

    /// <summary>Complete tasks and waive those that are not required; contacts and first sessions in a queue.</summary>
    WorkTasks,

    /// <summary>Record assessments and facts: motivation, offers, police events, classification, parties.</summary>
    RecordAssessments,

    /// <summary>Start and end the support track (treatment begins or ends).</summary>
    RunSupport,

    /// <summary>Change the case itself: description, responsible member of staff, case group.</summary>
    EditCase,

    /// <summary>Decide on the investigation (inleda, inte inleda, beslut), extend it, waive a required task.</summary>
    Decide,

    /// <summary>Avsluta or återöppna the case.</summary>
    CloseOrReopen,

    /// <summary>Add units to the case team, with the scope they get.</summary>
    ManageTeam,

    /// <summary>Hand the case over to another unit, or queue the client there.</summary>
    HandOver,
}

/// <summary>
/// The resource-based decision for cases, in one place: from the route by which the actor sees the case
/// (owning unit, case team with its scope, nödåtkomst) and the role they hold there, which operations
/// they may perform. Pure: <see cref="AccessPolicy"/> finds the relation, this decides — so the rule
/// table is tested on its own (CasePermissionsTests) and every handler asks the same question.
/// </summary>
public static class CasePermissions
{
    /// <summary>What a unit on the case team may do, by the scope the owning unit gave it.</summary>
    private static readonly IReadOnlyDictionary<CaseTeamScope, CaseOperation[]> TeamScopes = new Dictionary<CaseTeamScope, CaseOperation[]>
    {
        [CaseTeamScope.Consult] = [CaseOperation.Read, CaseOperation.WriteJournal],
        [CaseTeamScope.Contribute] = [CaseOperation.Read, CaseOperation.WriteJournal, CaseOperation.WorkTasks, CaseOperation.RecordAssessments,
            CaseOperation.RunSupport],
        [CaseTeamScope.Full] = [CaseOperation.Read, CaseOperation.WriteJournal, CaseOperation.WorkTasks, CaseOperation.RecordAssessments,
            CaseOperation.RunSupport, CaseOperation.EditCase, CaseOperation.Decide, CaseOperation.CloseOrReopen],
    };

    /// <summary>Nödåtkomst lets one read and document what one did; it never decides or changes the case.</summary>
    private static readonly CaseOperation[] EmergencyAccess = [CaseOperation.Read, CaseOperation.WriteJournal];

    /// <summary>
    /// Myndighetsutövning: a behandlare treats and documents but does not decide on the investigation;
    /// that belongs to handläggare, gruppledare and enhetschef.
    /// </summary>
    private static readonly IReadOnlyDictionary<StaffRole, CaseOperation[]> NotForRole = new Dictionary<StaffRole, CaseOperation[]>
    {
        [StaffRole.Therapist] = [CaseOperation.Decide],
    };

    public static bool Allows(CaseAccess access, CaseOperation operation)
    {
        if (access.Through is not { } through || !RoleCapabilities.Grants(through.Role, Capability.CaseContent)) return false;
        if (NotForRole.TryGetValue(through.Role, out var refused) && refused.Contains(operation)) return false;
        return access.Route switch
        {
            CaseAccessRoute.OwningUnit => true,
            CaseAccessRoute.CaseTeam => access.TeamScope is { } scope && TeamScopes[scope].Contains(operation),
            CaseAccessRoute.EmergencyAccess => EmergencyAccess.Contains(operation),
            _ => false,
        };
    }

    /// <summary>The operations the access allows, for pages that show only the actions one may take.</summary>
    public static IReadOnlySet<CaseOperation> Allowed(CaseAccess access) =>
        Enum.GetValues<CaseOperation>().Where(op => Allows(access, op)).ToHashSet();

    /// <summary>The refusal a visible case gives for an operation: 403, naming the operation in words and by name.</summary>
    public static ForbiddenException Refusal(CaseAccess access, CaseOperation operation) =>
        new($"Du får inte {Describe(operation)} i ärendet {Why(access)}.", operation);

    /// <summary>The operation as the API names it (camelCase, like every enum on the wire).</summary>
    public static string Name(CaseOperation operation) => ForbiddenException.NameOf(operation);

    public static string Describe(CaseOperation operation) => operation switch
    {
        CaseOperation.Read => "läsa",
        CaseOperation.WriteJournal => "skriva journalanteckningar",
        CaseOperation.WorkTasks => "arbeta med uppgifterna",
        CaseOperation.RecordAssessments => "registrera bedömningar och uppgifter",
        CaseOperation.RunSupport => "starta eller avsluta stödet",
        CaseOperation.EditCase => "ändra ärendets uppgifter",
        CaseOperation.Decide => "fatta beslut om utredningen",
        CaseOperation.CloseOrReopen => "avsluta eller återöppna ärendet",
        CaseOperation.ManageTeam => "ändra ärendeteamet",
        CaseOperation.HandOver => "lämna över ärendet eller ställa klienten i kö",
        _ => operation.ToString(),
    };

    private static string Why(CaseAccess access) => access.Route switch
    {
        CaseAccessRoute.EmergencyAccess => "med nödåtkomst (den ger läsning och journalanteckningar)",
        CaseAccessRoute.CaseTeam => access.TeamScope switch
        {
            CaseTeamScope.Consult => "som konsulterad enhet i ärendeteamet",
            CaseTeamScope.Contribute => "som medverkande enhet i ärendeteamet; det gör den enhet som äger ärendet",
            _ => "som enhet i ärendeteamet; det gör den enhet som äger ärendet",
        },
        _ => access.Through?.Role == StaffRole.Therapist ? "som behandlare; beslut fattas av handläggare eller chef" : "med din behörighet",
    };
}
