using System.Globalization;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;
using Samordna.Core.Handovers;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Web.Pages;

/// <summary>How the pages say the register's values in Swedish: enum names, identity numbers and times.</summary>
public static class Swedish
{
    public static string Label(CaseType type) => type switch
    {
        CaseType.AdultVictim => "Våldsutsatt vuxen",
        CaseType.Perpetrator => "Våldsutövare",
        CaseType.Child => "Barn",
        _ => type.ToString(),
    };

    public static string Label(PartyRole role) => role switch
    {
        PartyRole.Subject => "Huvudperson",
        PartyRole.Child => "Barn",
        PartyRole.AllegedPerpetrator => "Våldsutövare",
        PartyRole.Victim => "Våldsutsatt",
        PartyRole.Custodian => "Vårdnadshavare",
        PartyRole.Relative => "Anhörig",
        _ => role.ToString(),
    };

    public static string Label(Gender gender) => gender switch
    {
        Gender.Woman => "Kvinna",
        Gender.Man => "Man",
        Gender.Other => "Annan",
        Gender.Unknown => "Okänt/vill ej uppge",
        _ => gender.ToString(),
    };

    public static string Label(IdentityKind kind) => kind switch
    {
        IdentityKind.Personnummer => "Personnummer",
        IdentityKind.Samordningsnummer => "Samordningsnummer",
        IdentityKind.Reservnummer => "Reservnummer",
        IdentityKind.None => "Ingen identitet (anonym kontakt)",
        _ => kind.ToString(),
    };

    public static string Label(ProtectedIdentityLevel level) => level switch
    {
        ProtectedIdentityLevel.None => "Ingen",
        ProtectedIdentityLevel.ConfidentialityMarking => "Sekretessmarkering",
        ProtectedIdentityLevel.ProtectedRegistration => "Skyddad folkbokföring",
        ProtectedIdentityLevel.FictitiousIdentity => "Fingerade personuppgifter",
        _ => level.ToString(),
    };

    public static string Label(CaseGroupKind kind) => kind switch
    {
        CaseGroupKind.Household => "Hushåll",
        CaseGroupKind.Relationship => "Relation",
        CaseGroupKind.HonourNetwork => "Hedersrelaterat nätverk",
        _ => kind.ToString(),
    };

    public static string Label(CaseTeamReason reason) => reason switch
    {
        CaseTeamReason.Handover => "Överlämning",
        CaseTeamReason.Referral => "Remiss",
        CaseTeamReason.Consultation => "Konsultation",
        _ => reason.ToString(),
    };

    public static string Label(CaseTeamScope scope) => scope switch
    {
        CaseTeamScope.Consult => "Konsultation (läsa och anteckna)",
        CaseTeamScope.Contribute => "Medverkan (även uppgifter, bedömningar och stöd)",
        CaseTeamScope.Full => "Fullt ansvar (även beslut och avslut)",
        _ => scope.ToString(),
    };

    public static string Label(StaffRole role) => role switch
    {
        StaffRole.Caseworker => "Handläggare",
        StaffRole.Therapist => "Behandlare",
        StaffRole.TeamLeader => "Gruppledare",
        StaffRole.UnitManager => "Enhetschef",
        StaffRole.SystemAdministrator => "Systemförvaltare",
        StaffRole.Analyst => "Analytiker",
        StaffRole.AuditReviewer => "Logggranskare",
        _ => role.ToString(),
    };

    /// <summary>The role an audit entry was written in (none for entries without one).</summary>
    public static string RoleLabel(StaffRole? role) => role is { } known ? Label(known) : "";

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.ReadCase => "Läsning av ärende",
        AuditAction.ReadPerson => "Läsning av person",
        AuditAction.ReadJournal => "Läsning av journal",
        AuditAction.Search => "Sökning eller lista",
        AuditAction.CreatePerson => "Registrering av person",
        AuditAction.OpenCase => "Nytt ärende",
        AuditAction.UpdateCase => "Ändring av ärende",
        AuditAction.AddParty => "Ny part i ärende",
        AuditAction.WriteJournal => "Journalanteckning",
        AuditAction.CreateCaseGroup => "Ny ärendegrupp",
        AuditAction.ChangeCaseTeam => "Ändring av ärendeteam",
        AuditAction.EmergencyAccess => "Nödåtkomst",
        AuditAction.Export => "Export",
        AuditAction.Print => "Utskrift",
        AuditAction.RegisterAttemptOnExistingPerson => "Registreringsförsök på befintlig person",
        AuditAction.AdministerStaff => "Personaladministration",
        AuditAction.ReadStatistics => "Statistik",
        AuditAction.ReviewAuditLog => "Logggranskning",
        AuditAction.FileReportOfConcern => "Orosanmälan",
        AuditAction.ReadOpenTalk => "Läsning av friytekontakt",
        AuditAction.StartOpenTalk => "Ny friytekontakt",
        AuditAction.UpdateOpenTalk => "Samtal eller avslut i friyta",
        AuditAction.ConvertOpenTalk => "Friyta omvandlad till ärende",
        AuditAction.HandOver => "Överlämning",
        AuditAction.AnswerHandover => "Svar på överlämning",
        AuditAction.ChangeWaitingList => "Ändring i kö",
        AuditAction.IdentityMatchFound => "Möjlig dubblett vid registrering",
        AuditAction.ResolveIdentityMatch => "Dubblett sammanslagen eller åtskild",
        AuditAction.ChangeProtectedIdentity => "Ändring av skyddade personuppgifter",
        AuditAction.RequestStaffAccess => "Behörighetsbeställning",
        AuditAction.ApproveStaffAccess => "Godkänd behörighetsbeställning",
        AuditAction.RejectStaffAccess => "Avslagen behörighetsbeställning",
        AuditAction.ChangeStaffAccess => "Ändring av roller eller behörighet",
        AuditAction.LockOutAccount => "Kontospärr efter felaktiga lösenord",
        AuditAction.UnlockAccount => "Kontospärr hävd",
        AuditAction.SignInThroughProvider => "Inloggning via kommunens inloggning",
        AuditAction.SignInThroughProviderRefused => "Nekad inloggning via kommunens inloggning",
        AuditAction.LinkProviderAccount => "Koppling till konto i kommunens inloggning",
        AuditAction.SignedOutByProvider => "Utloggad av kommunens inloggning",
        _ => action.ToString(),
    };

    public static string Label(IntakeChannel channel) => channel switch
    {
        IntakeChannel.Application => "Ansökan",
        IntakeChannel.ReportOfConcern => "Orosanmälan",
        IntakeChannel.PoliceReport => "Polisanmälan",
        IntakeChannel.SelfReferral => "Egen kontakt",
        IntakeChannel.InternalDiscovery => "Intern upptäckt (t.ex. rutinmässig fråga om våld)",
        IntakeChannel.VictimsCase => "Via den våldsutsattas ärende",
        IntakeChannel.ProbationService => "Kriminalvården/frivården",
        IntakeChannel.OtherMunicipality => "Annan kommun",
        IntakeChannel.WomensShelter => "Kvinnojour",
        IntakeChannel.NationalHelpline => "Kvinnofridslinjen",
        _ => channel.ToString(),
    };

    public static string Label(InvestigationState state) => state switch
    {
        InvestigationState.Initiated => "Aktualiserad",
        InvestigationState.Investigating => "Utredning pågår",
        InvestigationState.Decided => "Beslut fattat",
        InvestigationState.NotOpened => "Utredning inleds inte",
        _ => state.ToString(),
    };

    public static string Label(OpenTalkStatus status) => status switch
    {
        OpenTalkStatus.Active => "Pågår",
        OpenTalkStatus.Ended => "Avslutad",
        OpenTalkStatus.Converted => "Omvandlad till ärende",
        _ => status.ToString(),
    };

    public static string Label(DropoutReason reason) => reason switch
    {
        DropoutReason.WantedToStayAnonymous => "Ville förbli anonym",
        DropoutReason.NoLongerWanted => "Ville inte längre ha kontakt",
        DropoutReason.MovedAway => "Flyttade",
        DropoutReason.ReferredElsewhere => "Hänvisad till annan verksamhet",
        DropoutReason.NoContact => "Gick inte att nå eller uteblev",
        DropoutReason.Other => "Annat",
        _ => reason.ToString(),
    };

    public static string Label(ConsentMethod method) => method switch
    {
        ConsentMethod.InPerson => "Vid besök",
        ConsentMethod.Phone => "Per telefon",
        ConsentMethod.Written => "Skriftligt",
        _ => method.ToString(),
    };

    public static string Label(OpenTalkWarning warning) => warning switch
    {
        OpenTalkWarning.TalkLimitReached => "Alla samtal i friytan är använda",
        OpenTalkWarning.ChildrenWithoutChildCase => "Barn nämnda – ingen orosanmälan eller barnärende",
        _ => warning.ToString(),
    };
    public static string Label(HandoverStatus status) => status switch
    {
        HandoverStatus.Pending => "Ej mottagen",
        HandoverStatus.Accepted => "Mottagen",
        HandoverStatus.Declined => "Avböjd",
        _ => status.ToString(),
    };

    public static string Label(InterimContactKind kind) => kind switch
    {
        InterimContactKind.Phone => "Telefon",
        InterimContactKind.Letter => "Brev",
        InterimContactKind.Meeting => "Möte",
        _ => kind.ToString(),
    };

    public static string Label(WaitingListStatus status) => status switch
    {
        WaitingListStatus.Waiting => "Väntar",
        WaitingListStatus.FirstSessionHeld => "Första besöket har ägt rum",
        WaitingListStatus.Removed => "Borttagen ur kön",
        _ => status.ToString(),
    };

    /// <summary>A number of days: "1 dag", "12 dagar".</summary>
    public static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagar";

    public static string Label(AuditCheck check) => check switch
    {
        AuditCheck.EmergencyAccess => "Nödåtkomst",
        AuditCheck.ProtectedPersons => "Åtkomst till skyddade personer",
        AuditCheck.ManyCasesOutsideCaseload => "Många ärenden utanför egen ärendelista",
        AuditCheck.OwnOrRelativeRecord => "Egna uppgifter eller anhörigas",
        AuditCheck.StaffAccessChanges => "Ändringar av roller och behörighet",
        AuditCheck.IdentityMatches => "Möjliga dubbletter (registrerat nummer som en dold post har)",
        AuditCheck.ProtectedIdentityChanges => "Ändringar av skyddade personuppgifter",
        _ => check.ToString(),
    };

    /// <summary>
    /// The last eight characters of an id: enough to tell ids apart in a list, with the whole id a click
    /// away. (The first characters of a time-ordered id are its timestamp, alike for ids made close together.)
    /// </summary>
    public static string ShortId(Guid id) => id.ToString("N")[^8..];

    /// <summary>A personnummer or samordningsnummer as ÅÅÅÅMMDD-NNNN; a reservnummer as the issuer wrote it.</summary>
    public static string IdentityNumber(string? number) =>
        number is { Length: 12 } && number.All(char.IsAsciiDigit) ? $"{number[..8]}-{number[8..]}" : number ?? "";

    /// <summary>An instant as Swedish local time, "yyyy-MM-dd HH:mm".</summary>
    public static string Time(DateTimeOffset instant) =>
        SwedishTime.ToSwedish(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The Swedish calendar day of an instant, "yyyy-MM-dd".</summary>
    public static string Date(DateTimeOffset instant) =>
        SwedishTime.ToSwedish(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant a Swedish calendar day begins (midnight always exists in Swedish time).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, SwedishTime.Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The value of a datetime-local field for an instant, in Swedish local time to the minute.</summary>
    public static DateTime LocalMinute(DateTimeOffset instant)
    {
        var local = SwedishTime.ToSwedish(instant).DateTime;
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>
    /// Reads a datetime-local value as Swedish local time. Fails for a time that does not exist (the hour
    /// skipped when summer time starts); a time that occurs twice (when it ends) is read as winter time.
    /// </summary>
    public static bool TryFromLocal(DateTime local, out DateTimeOffset instant)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (SwedishTime.Zone.IsInvalidTime(unspecified))
        {
            instant = default;
            return false;
        }
        instant = new DateTimeOffset(unspecified, SwedishTime.Zone.GetUtcOffset(unspecified));
        return true;
    }
}
