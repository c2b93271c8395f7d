using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace DirectiveFlow.Migrations.SqlServer;

/// <summary>Lets dotnet-ef build the context for this provider without a running host (no server is contacted).</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<DirectiveFlowDbContext>
{
    public DirectiveFlowDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=DirectiveFlow;Trusted_Connection=True;TrustServerCertificate=True"));
}
