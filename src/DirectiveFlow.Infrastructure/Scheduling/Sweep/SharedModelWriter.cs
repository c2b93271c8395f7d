using System.Data.Common;
using System.Globalization;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Writes the sweep's shared outbox models inside the caller's transaction: one per distinct model and recipient role
/// (tasks of the same step and deadline share one), answering its id for the rows that name it.
/// </summary>
public sealed class SharedModelWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
{
    private readonly Dictionary<(string Json, string Role), long> _ids = [];

    public async Task<long> IdAsync(string json, string recipientRole, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_ids.TryGetValue((json, recipientRole), out var id))
        {
            return id;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = values.IsSqlServer
            ? "INSERT INTO \"OutboxModels\" (\"Json\", \"RecipientRole\", \"CreatedAt\") OUTPUT INSERTED.\"Id\" VALUES (@json, @role, @now)"
            : "INSERT INTO \"OutboxModels\" (\"Json\", \"RecipientRole\", \"CreatedAt\") VALUES (@json, @role, @now) RETURNING \"Id\"";
        SweepClass.Add(insert, "@json", json);
        SweepClass.Add(insert, "@role", recipientRole);
        SweepClass.Add(insert, "@now", values.Time(now));
        id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        _ids[(json, recipientRole)] = id;
        return id;
    }

    /// <summary>
    /// The outbox row for <paramref name="message"/> (an email made by <see cref="EffectMessages.SharedEmail"/>): its
    /// model goes to a shared one, and the row names it; recipients, task and unit are put in at dispatch.
    /// </summary>
    public async Task<Core.Email.OutboxMessage> NameSharedAsync(
        Core.Email.OutboxMessage message, string recipientRole, DateTimeOffset now, CancellationToken cancellationToken)
    {
        message.ModelId = await IdAsync(message.ModelJson ?? "null", recipientRole, now, cancellationToken);
        message.ModelJson = null;
        return message;
    }
}
