using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Samordna.Data;

// Used only by `dotnet ef migrations add`: neither needs a live database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSamordnaDbContext>
{
    public SqliteSamordnaDbContext CreateDbContext(string[] args) =>
        new(Build<SqliteSamordnaDbContext>(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db")));

    internal static DbContextOptions<T> Build<T>(DatabaseSettings settings) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        settings.Apply(options);
        return options.Options;
    }
}

internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlSamordnaDbContext>
{
    public NpgsqlSamordnaDbContext CreateDbContext(string[] args) =>
        new(SqliteDesignTimeFactory.Build<NpgsqlSamordnaDbContext>(
            new DatabaseSettings(DatabaseProvider.PostgreSQL, "Host=localhost;Database=design")));
}
