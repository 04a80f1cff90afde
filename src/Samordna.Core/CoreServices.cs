using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Handovers;
using Samordna.Core.Staff;
using Samordna.Core.Statistics;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core;

public static class CoreServices
{
    /// <summary>Registers the use cases and their validators. The host provides <c>DbContext</c> and <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddSamordnaCore(this IServiceCollection services)
    {
        // Users read Swedish: FluentValidation's own messages too (ours are written in Swedish already).
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("sv");
        services.AddScoped<IValidator<RegisterPerson>, RegisterPersonValidator>();
        services.AddScoped<IValidator<OpenCase>, OpenCaseValidator>();
        services.AddScoped<IValidator<UpdateCase>, UpdateCaseValidator>();
        services.AddScoped<IValidator<AddCaseParty>, AddCasePartyValidator>();
        services.AddScoped<IValidator<CreateCaseGroup>, CreateCaseGroupValidator>();
        services.AddScoped<IValidator<WriteJournalEntry>, WriteJournalEntryValidator>();
        services.AddScoped<IValidator<AddToCaseTeam>, AddToCaseTeamValidator>();
        services.AddScoped<IValidator<TakeEmergencyAccess>, TakeEmergencyAccessValidator>();
        services.AddScoped<IValidator<CreateStaffMember>, CreateStaffMemberValidator>();
        services.AddScoped<IValidator<UpdateStaffMember>, UpdateStaffMemberValidator>();
        services.AddScoped<IValidator<ApproveStaffAccessRequest>, ApproveStaffAccessRequestValidator>();
        services.AddScoped<IValidator<RejectStaffAccessRequest>, RejectStaffAccessRequestValidator>();

        services.AddScoped<AccessPolicy>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditReview>();
        services.AddScoped<AuditVerification>();
        services.AddScoped<TakeEmergencyAccessHandler>();
        services.AddScoped<AddToCaseTeamHandler>();
        services.AddScoped<RegisterExtractQuery>();
        services.AddScoped<StaffAdministration>();
        services.AddOptions<StaffSettings>();
        services.AddScoped<CaseStatistics>();
        services.AddOptions<AccessSettings>();

        services.AddScoped<IValidator<TransitionCase>, TransitionCaseValidator>();
        services.AddScoped<IValidator<ExtendInvestigation>, ExtendInvestigationValidator>();
        services.AddScoped<IValidator<FileReportOfConcern>, FileReportOfConcernValidator>();
        services.TryAddSingleton(Deadlines.DefaultDeadlineRules.RuleSet);
        services.AddScoped<CaseDeadlines>();
        services.AddScoped<TransitionCaseHandler>();
        services.AddScoped<CaseTaskHandler>();
        services.AddScoped<ReportOfConcernHandler>();
        services.AddScoped<Classification.Classifier>();
        services.AddScoped<IValidator<Perpetrators.AssessMotivation>, Perpetrators.PerpetratorRouteValidators.Assess>();
        services.AddScoped<IValidator<Perpetrators.OfferSupport>, Perpetrators.PerpetratorRouteValidators.Offer>();
        services.AddScoped<IValidator<Perpetrators.RegisterPoliceEvent>, Perpetrators.PerpetratorRouteValidators.Police>();
        services.AddScoped<Perpetrators.PerpetratorRouteHandler>();
        services.AddOptions<Perpetrators.PerpetratorRouteSettings>();

        services.AddScoped<RegisterPersonHandler>();
        services.AddScoped<IdentityMatches>();
        services.AddScoped<IValidator<ChangeProtectedIdentity>, ChangeProtectedIdentityValidator>();
        services.AddScoped<ChangeProtectedIdentityHandler>();
        services.AddScoped<PersonQueries>();
        services.AddScoped<OpenCaseHandler>();
        services.AddScoped<UpdateCaseHandler>();
        services.AddScoped<AddCasePartyHandler>();
        services.AddScoped<CreateCaseGroupHandler>();
        services.AddScoped<WriteJournalEntryHandler>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<OrganisationQueries>();

        // Friyta: open talks without a decision (Samordna:OpenTalks, see OpenTalkSettings).
        // Bound and checked at start by the host (see OpenTalkSettings' ranges).
        services.AddOptions<OpenTalks.OpenTalkSettings>();
        services.AddScoped<IValidator<OpenTalks.StartOpenTalk>, OpenTalks.StartOpenTalkValidator>();
        services.AddScoped<IValidator<OpenTalks.RecordTalk>, OpenTalks.RecordTalkValidator>();
        services.AddScoped<IValidator<OpenTalks.EndOpenTalk>, OpenTalks.EndOpenTalkValidator>();
        services.AddScoped<IValidator<OpenTalks.ConvertOpenTalk>, OpenTalks.ConvertOpenTalkValidator>();
        services.AddScoped<OpenTalkAccess>();
        services.AddScoped<OpenTalks.OpenTalkQueries>();
        services.AddScoped<OpenTalks.StartOpenTalkHandler>();
        services.AddScoped<OpenTalks.RecordTalkHandler>();
        services.AddScoped<OpenTalks.EndOpenTalkHandler>();
        services.AddScoped<OpenTalks.ConvertOpenTalkHandler>();
        services.AddScoped<OpenTalks.OpenTalkStatistics>();

        services.TryAddSingleton(TimeProvider.System);

        // Handovers between units and waiting lists (Samordna:WaitingList binds WaitingListSettings).
        services.AddScoped<IValidator<HandOver>, HandOverValidator>();
        services.AddScoped<IValidator<DeclineHandover>, DeclineHandoverValidator>();
        services.AddScoped<IValidator<Enqueue>, EnqueueValidator>();
        services.AddScoped<IValidator<AddInterimContact>, AddInterimContactValidator>();
        services.AddScoped<IValidator<RecordFirstSession>, RecordFirstSessionValidator>();
        services.AddScoped<IValidator<RemoveFromQueue>, RemoveFromQueueValidator>();
        services.AddScoped<HandoverQueries>();
        services.AddScoped<HandOverHandler>();
        services.AddScoped<ReceiveHandoverHandler>();
        services.AddScoped<WaitingListHandler>();
        services.AddOptions<WaitingListSettings>();
        return services;
    }
}
