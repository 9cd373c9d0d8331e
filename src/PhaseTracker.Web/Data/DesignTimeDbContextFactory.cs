using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhaseTracker.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without running Program.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PhaseTrackerDbContext>
{
    public PhaseTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PhaseTrackerDbContext>();
        options.UsePhaseTrackerSqlite(DatabaseSettings.DefaultConnectionString);
        return new PhaseTrackerDbContext(options.Options);
    }
}
