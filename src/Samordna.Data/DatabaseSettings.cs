using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samordna.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded file database: the default for trying Samordna and for development.</summary>
    Sqlite,

    /// <summary>The production database.</summary>
    PostgreSQL,
}

/// <summary>
/// Which database to use. Read from configuration: <c>Samordna:Database:Provider</c> (Sqlite or
/// PostgreSQL) and the connection string <c>ConnectionStrings:Samordna</c>; environment variables
/// <c>Samordna__Database__Provider</c> and <c>ConnectionStrings__Samordna</c> do the same.
/// <c>Samordna:Database:ApplicationRole</c> (PostgreSQL only) names the login role the web host connects
/// as; <c>samordna migrate</c>, run as the schema owner, grants it what the application needs and no more
/// (<see cref="ApplicationRolePrivileges"/>). The web host itself never needs to be the owner.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? ApplicationRole = null)
{
    public const string DefaultSqlite = "Data Source=samordna.db";

    /// <summary>The settings as configured; an invalid one throws <see cref="Samordna.Core.InvalidSettingException"/> naming it.</summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Samordna:Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
            throw new Samordna.Core.InvalidSettingException("Samordna:Database:Provider", $"'{providerText}'", "must be Sqlite or PostgreSQL");
        var connection = configuration.GetConnectionString("Samordna");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSQL)
                throw new Samordna.Core.InvalidSettingException("ConnectionStrings:Samordna", null, "must be set when the provider is PostgreSQL");
            connection = DefaultSqlite;
        }
        var applicationRole = configuration["Samordna:Database:ApplicationRole"];
        if (string.IsNullOrWhiteSpace(applicationRole)) applicationRole = null;
        else if (provider != DatabaseProvider.PostgreSQL)
            throw new Samordna.Core.InvalidSettingException("Samordna:Database:ApplicationRole", $"'{applicationRole}'",
                "must not be set for SQLite: it applies only to PostgreSQL (SQLite has no roles)");
        return new DatabaseSettings(provider, connection, applicationRole);
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.PostgreSQL) options.UseNpgsql(ConnectionString);
        else options.UseSqlite(ConnectionString);
        options.UseSnakeCaseNamingConvention();
    }
}

public static class DataServices
{
    /// <summary>
    /// Registers the database for the configured provider. Use cases ask for <see cref="DbContext"/>,
    /// the host for <see cref="SamordnaDbContext"/>; both resolve to the same scoped instance.
    /// </summary>
    public static IServiceCollection AddSamordnaData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContext<NpgsqlSamordnaDbContext>(settings.Apply);
            services.AddScoped<SamordnaDbContext>(sp => sp.GetRequiredService<NpgsqlSamordnaDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteSamordnaDbContext>(settings.Apply);
            services.AddScoped<SamordnaDbContext>(sp => sp.GetRequiredService<SqliteSamordnaDbContext>());
        }
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<SamordnaDbContext>());
        // In a unit of work of its own: the sequencer commits and clears what it tracked, which must not touch the caller's.
        services.AddScoped<Samordna.Core.Audit.SealPendingAudit>(sp => async (organisation, ct) =>
        {
            await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await AuditSealing.SealPending(scope.ServiceProvider.GetRequiredService<SamordnaDbContext>(), organisation, ct);
        });
        return services;
    }
}
