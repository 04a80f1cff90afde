using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core;

public static class CoreServices
{
    /// <summary>Registers the use cases and their validators. The host provides <c>DbContext</c> and <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddSamordnaCore(this IServiceCollection services)
    {
        services.AddScoped<IValidator<RegisterPerson>, RegisterPersonValidator>();
        services.AddScoped<IValidator<OpenCase>, OpenCaseValidator>();
        services.AddScoped<IValidator<UpdateCase>, UpdateCaseValidator>();
        services.AddScoped<IValidator<AddCaseParty>, AddCasePartyValidator>();
        services.AddScoped<IValidator<CreateCaseGroup>, CreateCaseGroupValidator>();
        services.AddScoped<IValidator<WriteJournalEntry>, WriteJournalEntryValidator>();

        services.AddScoped<RegisterPersonHandler>();
        services.AddScoped<PersonQueries>();
        services.AddScoped<OpenCaseHandler>();
        services.AddScoped<UpdateCaseHandler>();
        services.AddScoped<AddCasePartyHandler>();
        services.AddScoped<CreateCaseGroupHandler>();
        services.AddScoped<WriteJournalEntryHandler>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<OrganisationQueries>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
