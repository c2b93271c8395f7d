using DirectiveFlow.Infrastructure.Persistence;
using Npgsql;

namespace DirectiveFlow.Infrastructure.Tests.Persistence;

public sealed class AutoPrepareTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var given = new NpgsqlConnectionStringBuilder(
            DbContextOptionsFactory.WithAutoPrepare("Host=db;Port=5432;Username=df;Password=secret;Database=directiveflow"));
        Assert.Equal(200, given.MaxAutoPrepare);
        Assert.Equal(2, given.AutoPrepareMinUsages);
        Assert.Equal("secret", given.Password);
        Assert.Equal("directiveflow", given.Database);

        // An operator behind a transaction-mode pooler turns it off; their choice stands, in either spelling.
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.WithAutoPrepare("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.WithAutoPrepare("Host=db;maxautoprepare=5")).MaxAutoPrepare);
    }
}
