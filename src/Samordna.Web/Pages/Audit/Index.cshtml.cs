using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Audit;

/// <summary>
/// Logggranskning: the audit log, newest first, narrowed by member of staff, person, case, period, action
/// or saved check, a page at a time; and the saved checks, which sum up a period per member of staff.
/// The page shows who did what to which ids, never case content: every id links to the log filtered on it.
/// </summary>
[RequireCapability(Capability.AuditReview)]
public sealed class IndexModel(CurrentActor currentActor, AuditReview review) : PageModel
{
    public const int PageSize = 50;
    public const string Form = nameof(Filter);
    public const string ChecksForm = nameof(Checks);

    /// <summary>The filter as typed (query string values), shown again in the form.</summary>
    public FilterInput Filter { get; } = new();

    public ChecksInput Checks { get; } = new();

    /// <summary>The member of staff the log is narrowed to (chosen by following a name in the table).</summary>
    public Guid? Staff { get; private set; }

    public string? StaffName { get; private set; }

    /// <summary>The member of staff whose account or access the entries changed (chosen by following one under Gäller).</summary>
    public Guid? ChangedStaff { get; private set; }

    public DateOnly? From { get; private set; }
    public DateOnly? To { get; private set; }

    /// <summary>The entries, or null when the filter could not be read.</summary>
    public Page<AuditEntryView>? Result { get; private set; }

    public bool IsContinuation { get; private set; }

    /// <summary>The check whose findings are shown, if any.</summary>
    public AuditCheck? FindingsCheck { get; private set; }

    public IReadOnlyList<AuditFinding>? Findings { get; private set; }

    public int Threshold { get; private set; } = AuditReview.DefaultOutsideCaseloadThreshold;

    public bool IsFiltered => Staff is not null || ChangedStaff is not null || new[] { Filter.Person, Filter.Case, Filter.From, Filter.To, Filter.Action, Filter.Check }
        .Any(v => !string.IsNullOrWhiteSpace(v));

    public static IReadOnlyList<SelectListItem> Actions { get; } =
    [
        new("Alla åtgärder", ""),
        .. Enum.GetValues<AuditAction>().Select(a => new SelectListItem(Swedish.Label(a), a.ToString())),
    ];

    /// <summary>Checks that narrow the list of entries; the others are summed up under Kontroller.</summary>
    public static IReadOnlyList<AuditCheck> EntryChecks { get; } = [AuditCheck.EmergencyAccess, AuditCheck.ProtectedPersons, AuditCheck.StaffAccessChanges,
        AuditCheck.IdentityMatches, AuditCheck.ProtectedIdentityChanges];

    public static IReadOnlyList<AuditCheck> FindingOnlyChecks { get; } =
        Enum.GetValues<AuditCheck>().Except(EntryChecks).ToList();

    public static IReadOnlyList<SelectListItem> CheckItems { get; } = BuildCheckItems();

    public async Task OnGetAsync(string? staff, string? person, string? @case, string? from, string? to, string? action,
        string? check, string? before, string? findings, string? threshold, string? changedStaff, CancellationToken ct)
    {
        // Every value arrives as text, so nothing fails in model binding and each message can name its field in Swedish.
        ModelState.Clear();
        Filter.Person = person?.Trim();
        Filter.Case = @case?.Trim();
        Filter.From = from?.Trim();
        Filter.To = to?.Trim();
        Filter.Action = action;
        Filter.Check = check;
        Checks.Threshold = threshold?.Trim();

        if (!string.IsNullOrWhiteSpace(staff))
        {
            if (Guid.TryParse(staff.Trim(), out var staffId)) Staff = staffId;
            else ModelState.AddFormError(Form, "Länken till medarbetaren är felaktig, så loggen visas för all personal.");
        }
        if (!string.IsNullOrWhiteSpace(changedStaff))
        {
            if (Guid.TryParse(changedStaff.Trim(), out var changedId)) ChangedStaff = changedId;
            else ModelState.AddFormError(Form, "Länken till den ändrade medarbetaren är felaktig, så loggen visas för alla.");
        }
        var personId = ReadId(Filter.Person, nameof(FilterInput.Person), "Person-id");
        var caseId = ReadId(Filter.Case, nameof(FilterInput.Case), "Ärende-id");
        From = ReadDate(Filter.From, nameof(FilterInput.From));
        To = ReadDate(Filter.To, nameof(FilterInput.To));
        if (From > To)
            ModelState.AddModelError(Key(nameof(FilterInput.To)), "Till och med-datumet kan inte vara före från och med-datumet.");
        var chosenAction = ReadEnum<AuditAction>(Filter.Action, nameof(FilterInput.Action), "Välj en åtgärd i listan.");
        var chosenCheck = ReadEnum<AuditCheck>(Filter.Check, nameof(FilterInput.Check), "Välj en kontroll i listan.");

        if (!string.IsNullOrWhiteSpace(Checks.Threshold))
        {
            if (int.TryParse(Checks.Threshold, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1)
                Threshold = limit;
            else
                ModelState.AddModelError($"{ChecksForm}.{nameof(ChecksInput.Threshold)}", "Ange gränsen som ett heltal, 1 eller större.");
        }
        else Checks.Threshold = Threshold.ToString(CultureInfo.InvariantCulture);

        // A finding-only check chosen in the filter is run under Kontroller; the list of entries is not narrowed by it.
        FindingsCheck = Enum.TryParse<AuditCheck>(findings, out var requested) && Enum.IsDefined(requested) ? requested
            : chosenCheck is { } c && FindingOnlyChecks.Contains(c) ? c
            : null;

        if (ModelState.HasErrors(Form)) return;

        var actor = await currentActor.Get(ct);
        var periodFrom = From is { } f ? Swedish.StartOfDay(f) : (DateTimeOffset?)null;
        var periodTo = To is { } t ? Swedish.StartOfDay(t.AddDays(1)) : (DateTimeOffset?)null;
        var filter = new AuditFilter(Staff, personId, caseId, periodFrom, periodTo, chosenAction,
            chosenCheck is { } entryCheck && EntryChecks.Contains(entryCheck) ? entryCheck : null, ChangedStaff);
        long? beforeSequence = long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : null;
        IsContinuation = beforeSequence is not null;
        Result = await review.Entries(actor, filter, beforeSequence, PageSize, ct);

        if (FindingsCheck is { } run && !ModelState.HasErrors(ChecksForm))
            Findings = await review.Findings(actor, run, periodFrom, periodTo, Threshold, ct);

        if (Staff is { } chosen)
            StaffName = Result.Items.FirstOrDefault(e => e.StaffMemberId == chosen)?.ActorName
                ?? Findings?.FirstOrDefault(x => x.StaffMemberId == chosen)?.ActorName;
    }

    /// <summary>The current filter as query values, with some replaced or removed (a null value removes it).</summary>
    public Dictionary<string, string> Query(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["staff"] = Staff?.ToString(),
            ["changedStaff"] = ChangedStaff?.ToString(),
            ["person"] = Filter.Person,
            ["case"] = Filter.Case,
            ["from"] = Filter.From,
            ["to"] = Filter.To,
            ["action"] = Filter.Action,
            ["check"] = Filter.Check,
        };
        foreach (var (name, value) in changes) values[name] = value;
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    /// <summary>Only the period (and what is given), for links that narrow the log to one member of staff, person or case.</summary>
    public Dictionary<string, string> PeriodQuery(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?> { ["from"] = Filter.From, ["to"] = Filter.To };
        foreach (var (name, value) in changes) values[name] = value;
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    /// <summary>The period the checks cover, in words.</summary>
    public string PeriodText => (From, To) switch
    {
        (null, null) => "de senaste 30 dagarna",
        (null, { } to) => $"de 30 dagarna före i dag, till och med {Swedish.Date(to)}",
        ({ } from, null) => $"från och med {Swedish.Date(from)}",
        ({ } from, { } to) => $"{Swedish.Date(from)} till och med {Swedish.Date(to)}",
    };

    private static string Key(string field) => $"{Form}.{field}";

    private Guid? ReadId(string? text, string field, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Guid.TryParse(text, out var id)) return id;
        ModelState.AddModelError(Key(field), $"{name} ”{text}” kan inte tolkas. Klistra in hela id:t (36 tecken med bindestreck), till exempel från en länk i tabellen.");
        return null;
    }

    private DateOnly? ReadDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        ModelState.AddModelError(Key(field), $"Datumet ”{text}” kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD.");
        return null;
    }

    private T? ReadEnum<T>(string? text, string field, string message) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Samordna.Web.Problems.EnumNames.TryRead(typeof(T), text, out var value)) return (T)value!;
        ModelState.AddModelError(Key(field), message);
        return null;
    }

    private static IReadOnlyList<SelectListItem> BuildCheckItems()
    {
        var shown = new SelectListGroup { Name = "Visar loggposterna" };
        var summed = new SelectListGroup { Name = "Sammanställs under Kontroller" };
        return
        [
            new SelectListItem("Ingen kontroll", ""),
            .. EntryChecks.Select(c => new SelectListItem(Swedish.Label(c), c.ToString()) { Group = shown }),
            .. FindingOnlyChecks.Select(c => new SelectListItem(Swedish.Label(c), c.ToString()) { Group = summed }),
        ];
    }

    /// <summary>The filter fields in the order the form shows them.</summary>
    public sealed class FilterInput
    {
        public string? Person { get; set; }
        public string? Case { get; set; }
        public string? Action { get; set; }
        public string? Check { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public sealed class ChecksInput
    {
        public string? Threshold { get; set; }
    }
}
