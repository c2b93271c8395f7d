using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>
/// Imports and publishes the shipped flows (<c>workflows/*.json</c>) at start. Idempotent: a file whose content is
/// already stored as a published version adds nothing; a changed file becomes a new published version. An invalid
/// file is logged and skipped so one bad file cannot stop the host.
/// </summary>
public sealed class WorkflowDefinitionSeeder(WorkflowDefinitionStore store, ILogger<WorkflowDefinitionSeeder> logger)
{
    /// <summary>Seeds every <c>*.json</c> file in <paramref name="folder"/>; returns what happened per file name.</summary>
    public async Task<IReadOnlyDictionary<string, DefinitionStoreStatus>> SeedAsync(string folder, CancellationToken cancellationToken)
    {
        var outcome = new Dictionary<string, DefinitionStoreStatus>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No shipped workflow folder at {Folder}; nothing seeded.", folder);
            return outcome;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var result = await store.ImportPublishedAsync(await File.ReadAllTextAsync(file, cancellationToken), cancellationToken);
            outcome[name] = result.Status;
            switch (result.Status)
            {
                case DefinitionStoreStatus.Published:
                    logger.LogInformation("Published shipped workflow {File} as {DefinitionId} v{Version}.", name, result.Record!.DefinitionId, result.Record.Version);
                    break;
                case DefinitionStoreStatus.Invalid:
                    logger.LogError("Shipped workflow {File} is invalid and was not seeded: {Errors}", name,
                        string.Join("; ", result.Errors!.Select(e => $"{e.Code} {e.ActivityId} {e.Path}: {e.Message}")));
                    break;
                case DefinitionStoreStatus.Conflict:
                    logger.LogWarning("Shipped workflow {File} was not seeded: {Reason}", name, result.Message);
                    break;
            }
        }

        return outcome;
    }
}
