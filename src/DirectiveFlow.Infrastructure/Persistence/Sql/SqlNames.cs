using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>The tables raw SQL reads and writes, as one provider's EF model maps them.</summary>
public sealed class SqlNames(IModel model, ISqlGenerationHelper sql)
{
    public static SqlNames Of(DbContext db) => new(db.Model, db.GetService<ISqlGenerationHelper>());

    public MappedTable Tasks { get; } = new(model, sql, typeof(UnitTask));

    public MappedTable Outbox { get; } = new(model, sql, typeof(OutboxMessage));

    public MappedTable OutboxModels { get; } = new(model, sql, typeof(OutboxModel));

    public MappedTable ActivityExecutions { get; } = new(model, sql, typeof(ActivityExecution));

    public MappedTable Units { get; } = new(model, sql, typeof(OrgUnit));

    public MappedTable Localities { get; } = new(model, sql, typeof(Locality));

    /// <summary>Delimits a name that is not the model's (a temporary table, a CTE's column).</summary>
    public string Delimit(string identifier) => sql.DelimitIdentifier(identifier);
}
