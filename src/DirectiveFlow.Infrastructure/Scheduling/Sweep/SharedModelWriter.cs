using System.Data.Common;
using System.Globalization;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// Writes the sweep's shared outbox models inside the caller's transaction: one per distinct model and recipient role
/// (tasks of the same step and deadline share one), answering its id for the rows that name it.
/// </summary>
public sealed class SharedModelWriter(DbConnection connection, DbTransaction transaction, ProviderValues values, ProviderSql sql)
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
        insert.CommandText = sql.InsertOutboxModelReturningId;
        UniformDueGroup.Add(insert, "@json", json);
        UniformDueGroup.Add(insert, "@role", recipientRole);
        UniformDueGroup.Add(insert, "@now", values.Time(now));
        id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        _ids[(json, recipientRole)] = id;
        return id;
    }

    /// <summary>
    /// <see cref="NameSharedAsync"/> for many rows at once. On PostgreSQL the new models take two round trips whatever
    /// their number (ids drawn from the table's identity, then one insert), where a page of unlike tasks would otherwise
    /// take one per task.
    /// </summary>
    public async Task NameAllSharedAsync(
        IReadOnlyList<(Core.Email.OutboxMessage Message, string RecipientRole)> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (sql is PostgreSqlSql postgres)
        {
            var fresh = rows.Select(r => (Json: r.Message.ModelJson ?? "null", Role: r.RecipientRole)).Distinct().Where(k => !_ids.ContainsKey(k)).ToList();
            if (fresh.Count > 0)
            {
                await using var draw = connection.CreateCommand();
                draw.Transaction = transaction;
                draw.CommandText = postgres.DrawOutboxModelIds;
                UniformDueGroup.Add(draw, "@n", fresh.Count);
                var ids = new List<long>(fresh.Count);
                await using (var reader = await draw.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }

                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = postgres.InsertOutboxModels;
                UniformDueGroup.Add(insert, "@ids", ids.ToArray());
                UniformDueGroup.Add(insert, "@jsons", fresh.Select(k => k.Json).ToArray());
                UniformDueGroup.Add(insert, "@roles", fresh.Select(k => k.Role).ToArray());
                UniformDueGroup.Add(insert, "@now", values.Time(now));
                await insert.ExecuteNonQueryAsync(cancellationToken);
                for (var i = 0; i < fresh.Count; i++)
                {
                    _ids[fresh[i]] = ids[i];
                }
            }
        }

        foreach (var (message, role) in rows)
        {
            await NameSharedAsync(message, role, now, cancellationToken);
        }
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
